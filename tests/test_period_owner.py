"""Which figure a period belongs to, when a sentence has several (issue 12, item 2): a period written
right after another figure is that figure's; one after a bracketed aside is the figure's before the
aside; a year in brackets right after a figure is its year; a period opened by a conjunction starts
the next statement of a series.  Sentences of our own writing.
"""

from __future__ import annotations

import pytest

from factcheck.check import check_text


def _periods(text: str) -> dict[str, str | None]:
    report = check_text(text)
    return {c.text: (c.period.label() if c.period else None) for c in report.claims if c.check_worthy}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "سجلت تحويلات المصريين خلال عام 2021 رقماً غير مسبوق، لتصل إلى 31.5 مليار دولار مقارنة بنحو 29.6 مليار"
            " دولار في 2020.",
            {"31.5 مليار دولار": "2021", "29.6 مليار دولار": "2020"},
        ),
        (
            "Remittances set a record in 2021, reaching $31.5 billion against $29.6 billion in 2020.",
            {"$31.5 billion": "2021", "$29.6 billion": "2020"},
        ),
        (
            "Global FDI flows fell by 35 per cent in 2020, to $1 trillion from $1.5 trillion the previous year.",
            {"35 per cent": "2020", "$1 trillion": "2020", "$1.5 trillion": "2019"},
        ),
    ],
)
def test_a_period_right_after_another_figure_is_that_figures(text: str, expected: dict[str, str]) -> None:
    got = _periods(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's external debt rose from $37.1 billion in 2012 to $50.7 billion (or 60.2% of GDP) in 2021.",
            {"$37.1 billion": "2012", "$50.7 billion": "2021", "60.2%": "2021"},
        ),
        (
            "وارتفع الدين الخارجي لمصر من 48 مليار دولار في 2015 إلى 165 مليار دولار (ما يعادل 43% من الناتج) في 2023.",
            {"48 مليار دولار": "2015", "165 مليار دولار": "2023", "43%": "2023"},
        ),
        ("Access to electricity in Laos was 95% (2019).", {"95%": "2019"}),
        ("بلغت نسبة الحصول على الكهرباء في لاوس 95% (2019).", {"95%": "2019"}),
    ],
)
def test_a_bracketed_aside_does_not_hide_the_period(text: str, expected: dict[str, str]) -> None:
    got = _periods(text)
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "كان معدل الخصوبة في المغرب عام 1960 يبلغ 7,2 أطفال لكل امرأة، وفي 1971 بلغ 7,4، وفي 1982 وصل إلى 5,5"
            " وفي 1994 سجل 3,3 وفي 2010 وصل إلى 2,1 أطفال.",
            {"7,2": "1960", "7,4": "1971", "5,5": "1982", "3,3": "1994", "2,1": "2010"},
        ),
        (
            "Inflation in Lebanon was 4.48% in 2017, and in 2016 it was -0.82%.",
            {"4.48%": "2017", "-0.82%": "2016"},
        ),
    ],
)
def test_a_series_gives_each_figure_its_own_year(text: str, expected: dict[str, str]) -> None:
    # the bare figures of the series are claims too, of the measure named at its head
    got = _periods(text)
    assert {k: got.get(k) for k in expected} == expected


def test_a_series_figure_takes_the_measure_of_its_head() -> None:
    report = check_text("كان معدل الخصوبة في المغرب عام 1960 يبلغ 7,2 أطفال لكل امرأة، وفي 1971 بلغ 7,4.")
    claims = {c.text: c for c in report.claims}
    assert claims["7,4"].check_worthy and claims["7,4"].metric == claims["7,2"].metric


def test_a_bare_figure_after_a_figure_with_a_unit_is_no_series() -> None:
    report = check_text("Exports rose to $5 billion in 2022, the minister told 3 of us.")
    claims = {c.text: c for c in report.claims}
    assert not claims["3"].check_worthy


@pytest.mark.parametrize(
    ("text", "year", "count"),
    [
        ("ثم حقق التبادل في 2024 رقماً قياسياً بلغ 244.81 مليار دولار.", "2024", None),
        ("وسجل عام 2023 رقما قياسيا جديدا.", "2023", None),
        ("ارتفع عدد الضحايا إلى 1987 قتيلاً.", None, "1987"),  # a count, not a year
    ],
)
def test_a_year_after_a_word_that_places_it_is_a_year(text: str, year: str | None, count: str | None) -> None:
    report = check_text(text, "ar")
    claims = {c.text: c for c in report.claims}
    if year is not None:
        assert not claims[year].check_worthy and claims[year].reason.startswith("a year")
    if count is not None:
        assert claims[count].check_worthy


@pytest.mark.parametrize(
    ("text", "number", "label"),
    [
        ("تراجع معدل التضخم في تركيا إلى 30,89% في الشهر الأخير من العام 2025.", "30,89%", "2025-12"),
        ("In the last month of 2025 Turkish inflation fell to 30.89%.", "30.89%", "2025-12"),
        ("وخلال الربع الأخير فقط من عام 2023، انكمش الناتج المحلي في السعودية بنحو 4.3%.", "4.3%", "2023-Q4"),
        ("Saudi GDP shrank 4.3% in the fourth quarter alone of 2023.", "4.3%", "2023-Q4"),
        ("Saudi GDP shrank 4.3% in the last quarter of 2023.", "4.3%", "2023-Q4"),
    ],
)
def test_a_part_of_a_year_named_by_its_place_is_that_part(text: str, number: str, label: str) -> None:
    got = _periods(text)
    assert got.get(number) == label, got


def test_last_month_without_a_year_is_the_month_before_the_date() -> None:
    import datetime as dt

    report = check_text("Turkish inflation fell to 30.89% last month.", "en", dt.date(2026, 1, 10))
    claim = next(c for c in report.claims if c.check_worthy)
    assert claim.period is not None and claim.period.label() == "2025-12"
