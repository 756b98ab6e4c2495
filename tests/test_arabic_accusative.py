"""Words of change in the accusative (issue 12, item 5): as the object of a verb an Arabic word of change
takes tanween, which leaves an alif once the mark is gone (نمواً -> نموا).  The number after it is the
size of a change, not a level.  Sentences of our own writing.
"""

from __future__ import annotations

import pytest

from factcheck.mine.claims import mine_claims


def _claim(text: str, number: str):
    found = [c for c in mine_claims(text, "ar") if c.text == number]
    assert found, f"no claim {number!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "direction"),
    [
        ("سجلت الصادرات نمواً بنسبة 12% في عام 2022.", "12%", "increase"),
        ("سجلت الصادرات نموا بنسبة 12% في عام 2022.", "12%", "increase"),  # written without the mark
        ("سجل التضخم ارتفاعاً بنسبة 3% في عام 2022.", "3%", "increase"),
        ("شهدت الواردات تراجعاً بنسبة 4% في عام 2022.", "4%", "decrease"),
        ("سجلت الصادرات انخفاضاً بنسبة 2% في عام 2022.", "2%", "decrease"),
        ("حقق الاقتصاد نمواً قدره 5% في عام 2022.", "5%", "increase"),
        ("سجلت الصادرات زيادةً بنسبة 5% في عام 2022.", "5%", "increase"),  # ة takes no alif
        ("حققت الشركة ارتفاعاً نسبته 7% في أرباحها.", "7%", "increase"),
    ],
)
def test_a_word_of_change_in_the_accusative_makes_a_change(text: str, number: str, direction: str) -> None:
    claim = _claim(text, number)
    assert str(claim.kind) == "change"
    assert claim.direction == direction


def test_the_metric_is_what_changed_not_the_connector() -> None:
    claim = _claim("حقق الاقتصاد نمواً قدره 5% في عام 2022.", "5%")
    assert claim.metric is not None and "قدره" not in claim.metric and "الاقتصاد" in claim.metric


def test_a_level_stays_a_level() -> None:
    claim = _claim("بلغت نسبة البطالة 7% في عام 2022.", "7%")
    assert str(claim.kind) != "change"
