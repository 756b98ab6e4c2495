"""Which growth a rate of change is about (issue 12, item 3).  A bare growth word ("growth rate",
معدل النمو) after a named population is population growth, not the economy's; a change in % after
two levels of one measure at two years is the change between them.  Sentences of our own writing;
the World Bank gives Saudi Arabia's population growth in 2024 as 4.2% and its GDP growth as 2.6%,
Egypt's population growth in 2023 as 1.6% and its GDP growth 3.8%, and Oman's GDP in current US$ as
75.9bn (2020) and 107.1bn (2024).
"""

from __future__ import annotations

import pytest

from factcheck.check import check_text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("يقدر إجمالي عدد السكان في السعودية بـ35.3 مليون نسمة في منتصف عام 2024، بمعدل نمو سنوي بلغ 4.7%.",
         "4.7%"),
        ("Saudi Arabia's population was estimated at 35.3 million in mid-2024, with an annual growth rate of 4.7%.",
         "4.7%"),
    ],
)  # fmt: skip
def test_a_growth_word_after_a_named_population_is_population_growth(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["reference"]["dataset"] == "wb_sp_pop_grow"
    assert f["verdict"] != "CONTRADICTED"  # read from words apart in the sentence: it may not contradict


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Egypt's population reached 105 million in 2023 while the economy's growth slowed to 3.8%.", "3.8%"),
        ("بلغ عدد سكان مصر 105 ملايين نسمة في 2023 بينما تباطأ نمو الاقتصاد إلى 3.8%.", "3.8%"),
    ],
)
def test_growth_of_the_economy_stays_the_economys(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["reference"]["dataset"] == "wb_ny_gdp_mktp_kd_zg" and f["verdict"] == "SUPPORTED"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Oman's GDP rose from $75.9 billion in 2020 to $107.1 billion in 2024, up 41.1%.", "41.1%"),
        ("بلغ الناتج المحلي الإجمالي لسلطنة عمان 107.1 مليار دولار في 2024 مقارنة بـ 75.9 مليار دولار في 2020، بنمو"
         " نسبته 41.1%.", "41.1%"),
    ],
)  # fmt: skip
def test_a_change_after_two_levels_is_the_change_between_them(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["reference"]["dataset"] == "wb_ny_gdp_mktp_cd"
    assert f["reference"]["selection"]["base_year"] == 2020 and f["reference"]["period"] == "2024"
    assert f["verdict"] == "SUPPORTED"


def test_a_change_with_a_year_of_its_own_is_not_between_the_levels() -> None:
    report = check_text("GDP rose from $75.9 billion in 2020 to $107.1 billion in 2024, and grew 1.6% in 2023.")
    change = next(c for c in report.claims if c.text == "1.6%")
    assert change.base is None and change.period is not None and change.period.year == 2023


def test_the_era_letter_is_part_of_the_year() -> None:
    report = check_text("بلغ الناتج المحلي لعام 2024م نحو 107.1 مليار دولار.")
    year = next(c for c in report.claims if c.text.startswith("2024"))
    assert year.text == "2024م" and not year.check_worthy
    amount = next(c for c in report.claims if c.check_worthy)
    assert amount.metric != "م"
