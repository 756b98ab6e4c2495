"""An institution that belongs to one country names that country (issue 12, item 4): a sentence that
quotes Egypt's statistics office (CAPMAS) or Morocco's planning commission (المندوبية السامية
للتخطيط) is about Egypt or Morocco even when it does not say so.  Sentences of our own writing.
"""

from __future__ import annotations

import pytest

from factcheck.check import check_text
from factcheck.entities import get_gazetteer


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CAPMAS", "EGY"),
        ("الجهاز المركزي للتعبئة العامة والإحصاء", "EGY"),
        ("بالمندوبية السامية للتخطيط", "MAR"),  # with a proclitic
        ("TurkStat", "TUR"),
        ("DANE", "COL"),
    ],
)
def test_institutions_name_their_country(name: str, code: str) -> None:
    assert get_gazetteer().code_for(name) == code


def test_an_acronym_that_is_also_a_word_is_matched_in_capitals_only() -> None:
    assert get_gazetteer().code_for("Dane") is None  # a Danish person, not Colombia's DANE


@pytest.mark.parametrize(
    ("text", "number", "code"),
    [
        ("أفادت المندوبية السامية للتخطيط أن معدل البطالة بلغ 13 بالمائة خلال سنة 2023.", "13 بالمائة", "MAR"),
        ("According to CAPMAS, annual inflation reached 33.9% in 2023.", "33.9%", "EGY"),
    ],
)
def test_a_claim_quoting_an_institution_is_about_its_country(text: str, number: str, code: str) -> None:
    claim = next(c for c in check_text(text).claims if c.text == number)
    assert claim.entities == (code,)
