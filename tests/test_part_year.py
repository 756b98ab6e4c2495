"""Parts of a year that name no year (issue 12): "the first eight months", الأشهر الثمانية الأولى من العام
الجاري, "January-August", الربع الأول.  They are placed by the article's date like a month without its
year, and a claim about one is never judged against a whole year.  Sentences of our own writing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.check import check_text
from factcheck.mine.claims import mine_claims

DATE = dt.date(2023, 10, 15)


def _period_of(text: str, number: str, date: dt.date | None = DATE) -> str | None:
    claims = [c for c in mine_claims(text, "auto", date) if c.text == number]
    assert claims, f"no claim {number!r} in {text!r}"
    period = claims[0].period
    return None if period is None else period.label()


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("In the first eight months of the year, exports rose 12% to $40 billion.", "12%", "2023-01..2023-08"),
        ("Exports rose 12% in the first eight months.", "12%", "2023-01..2023-08"),
        ("In the first 8 months, exports rose 12%.", "12%", "2023-01..2023-08"),
        ("Imports fell 4% in the first eight months of this year.", "4%", "2023-01..2023-08"),
        ("Imports fell 4% in the first ten months of last year.", "4%", "2022-01..2022-10"),
        ("Trade reached $150 billion in January-August, up 20%.", "$150 billion", "2023-01..2023-08"),
        ("Trade reached $150 billion in January-August, up 20%.", "20%", "2023-01..2023-08"),
        ("Exports rose 3% in the first half.", "3%", "2023-H1"),
        ("GDP grew 2.1% in the fourth quarter.", "2.1%", "2022-Q4"),  # Q4 2023 had not ended on 15 October
        ("سجلت الصادرات ارتفاعا بنسبة 12% خلال الأشهر الثمانية الأولى من العام الجاري.", "12%", "2023-01..2023-08"),
        ("ارتفعت الواردات 5% في الثمانية أشهر الأولى من العام.", "5%", "2023-01..2023-08"),
        ("ارتفعت الصادرات 7% في الأشهر العشرة الأولى من العام الماضي.", "7%", "2022-01..2022-10"),
        ("بلغ حجم التبادل 150 مليار دولار من يناير إلى أغسطس.", "150 مليار دولار", "2023-01..2023-08"),
        ("نما الاقتصاد 2% في الربع الأول.", "2%", "2023-Q1"),
        ("نما الاقتصاد 3% في النصف الأول من العام الجاري.", "3%", "2023-H1"),
    ],
)
def test_a_part_of_a_year_without_its_year_is_placed_by_the_date(text: str, number: str, period: str) -> None:
    assert _period_of(text, number) == period


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("Exports rose 12% in 2022.", "12%", "2022"),
        ("Exports rose 12% in the first eight months of 2022.", "12%", "2022-01..2022-08"),
        ("ارتفعت الصادرات 12% في الأشهر الثمانية الأولى من عام 2022.", "12%", "2022-01..2022-08"),
        ("Exports rose 12% in March.", "12%", "2023-03"),
        ("Exports rose 12% in the January-December period.", "12%", "2022"),  # the whole year: the latest ended
        ("ارتفعت الصادرات 12% من يناير إلى ديسمبر 2022.", "12%", "2022"),
    ],
)
def test_periods_with_their_year_or_a_single_month_read_as_before(text: str, number: str, period: str) -> None:
    assert _period_of(text, number) == period


def test_without_a_date_the_part_keeps_no_year() -> None:
    claims = [c for c in mine_claims("Exports rose 12% in the first eight months.", "auto") if c.text == "12%"]
    assert claims[0].period is not None
    assert claims[0].period.year is None and claims[0].period.months == (1, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt's GDP grew 4.2% in the first half.",
        "نما الناتج المحلي الإجمالي لمصر بنسبة 4.2% في النصف الأول من العام.",
        "Egypt's inflation was 30% in the first eight months.",
    ],
)
def test_a_part_year_claim_is_never_judged_against_annual_data(shipped_store, text: str) -> None:
    report = check_text(text, date=DATE, store=shipped_store)
    assert report.findings, "the claim should still be check-worthy"
    for f in report.findings:
        assert str(f.verdict) == "UNVERIFIABLE", (f.claim.text, str(f.verdict), f.reason)
        assert f.evidence is None


def test_a_part_year_claim_with_no_date_is_unverifiable_with_its_reason(shipped_store) -> None:
    report = check_text("Egypt's GDP grew 4.2% in the first half.", store=shipped_store)
    (finding,) = report.findings
    assert str(finding.verdict) == "UNVERIFIABLE"
    assert "a year the text does not name" in (finding.reason or "")


def test_a_part_year_trade_claim_is_checked_against_the_same_months(shipped_store) -> None:
    # China's customs: Jan-Nov 2023 trade with Russia was $218.17 billion (reference_data/ru_cn_trade.csv)
    text = "Trade between China and Russia reached $218.2 billion in the first eleven months of the year."
    report = check_text(text, date=dt.date(2023, 12, 10), store=shipped_store)
    (finding,) = report.findings
    assert finding.evidence is not None
    assert finding.evidence.candidate.period == "Jan-Nov"
    assert str(finding.verdict) == "SUPPORTED"
