"""Every UNVERIFIABLE names its real blocker as a code (issue 12, item 10): no metric found, no
dataset for the metric, a claim of another kind than the table holds, an incompatible unit, no row
for the entity, no data for the period or granularity; and a doubtful link.  Sentences of our own.
"""

from __future__ import annotations

import json

import pytest

from factcheck.check import check_text
from factcheck.report import render_json


def _only(text: str) -> dict:
    (f,) = json.loads(render_json(check_text(text)))["findings"]
    return f


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("Up 45% in 2022.", "no_metric", "what the number measures"),
        ("ارتفعت بنسبة 45% في 2022.", "no_metric", "what the number measures"),
        ("The number of tourists in Egypt reached 15 million in 2023.", "no_dataset", "tourists"),
        ("بلغ عدد السياح في مصر 15 مليون سائح في 2023.", "no_dataset", "عدد السياح"),
        ("GDP grew 3% in 2022.", "no_entity", "names no country"),
        ("نما الناتج المحلي الإجمالي بنسبة 3% في 2022.", "no_entity", "names no country"),
        ("Egypt's GDP grew 4% in 1950.", "no_period", "no data for 1950"),
        ("نما الناتج المحلي الإجمالي لمصر بنسبة 4% في 1950.", "no_period", "no data for 1950"),
        # annual data cannot judge a quarter: the granularity is the blocker
        ("Egypt's GDP grew 4% in the first quarter of 2023.", "no_period", "no data for Q1 2023 (only FY 2023)"),
        ("نما الناتج المحلي الإجمالي لمصر بنسبة 4% في الربع الأول من 2023.", "no_period", "(only FY 2023)"),
        ("Egypt's GDP reached 10 trillion pounds in 2022.", "unit", "data in USD"),
        ("بلغ الناتج المحلي الإجمالي لمصر 10 تريليونات جنيه في 2022.", "unit", "data in USD"),
        ("Car sales in Egypt rose 12% in 2023, while GDP growth slowed.", "doubtful_link", "not named by the claim"),
    ],
)
def test_each_unverifiable_names_its_blocker(text: str, code: str, words: str) -> None:
    f = _only(text)
    assert f["verdict"] == "UNVERIFIABLE"
    assert f["reason_code"] == code and words in f["reason"]


def test_the_dataset_named_best_gives_the_reason() -> None:
    # Jordan's goods imports (World Bank) have no row for 1950; the Russia-China trade table has no
    # Jordan at all: the period is the real blocker, not the country
    f = _only("Jordan's merchandise imports rose 4% in 1950.")
    assert f["reason_code"] == "no_period"


def test_a_checked_claim_has_no_reason_code() -> None:
    assert _only("Egypt's economy grew 3.8% in 2023.")["reason_code"] is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Egypt's unemployment rate averaged 7.5% in the decade to 2023.", "7.5%"),
        ("Egypt's economy recorded average annual growth of 4.4% between 2014 and 2023.", "4.4%"),
        ("نما اقتصاد مصر بمتوسط معدل نمو سنوي بلغ 4.4% بين 2014 و2023.", "4.4%"),
    ],
)
def test_an_average_over_years_is_not_judged_on_one_year(text: str, number: str) -> None:
    report = json.loads(render_json(check_text(text)))
    (f,) = [f for f in report["findings"] if f["claim"]["text"] == number]
    assert f["claim"]["aggregate"] == "average"
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "no_period" and "average" in f["reason"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("In FY 2022-23, Egypt's GDP growth was 3.8%.", "3.8%"),
        ("Egypt's GDP grew 6.6% in fiscal year 2021/22.", "6.6%"),
        ("نما الناتج المحلي الإجمالي لمصر بنسبة 6.6% في العام المالي 2021/2022.", "6.6%"),
        ("بلغ نمو الاقتصاد المصري 3.8% خلال السنة المالية 2022-2023.", "3.8%"),
    ],
)
def test_a_fiscal_year_is_not_judged_on_calendar_years(text: str, number: str) -> None:
    report = json.loads(render_json(check_text(text)))
    (f,) = [f for f in report["findings"] if f["claim"]["text"] == number]
    assert f["claim"]["fiscal_year"] is True
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "no_period" and "fiscal year" in f["reason"]


def test_a_calendar_year_beside_the_word_fiscal_elsewhere_is_kept() -> None:
    f = _only("Egypt's GDP grew 3.8% in 2023, fiscal hawks said.")
    assert f["claim"]["fiscal_year"] is False and f["verdict"] == "SUPPORTED"


@pytest.mark.parametrize(
    "text",
    ["Egypt's economy grew 9.5%.", "نما الاقتصاد المصري بنسبة 9.5%.", "Egypt's population is 150 million."],
)
def test_with_no_period_and_no_date_the_latest_data_cannot_contradict(text: str) -> None:
    f = _only(text)  # no period stated, no date: the latest year was assumed
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "doubtful_link"
    assert "states no period" in f["reason"]


def test_an_assumed_period_cannot_contradict_but_a_stated_or_inherited_one_can() -> None:
    import datetime as dt

    day = dt.date(2024, 6, 1)
    (f,) = check_text("The economy grew 9.5%.", date=day, country="EGY").findings
    assert str(f.verdict) == "UNVERIFIABLE" and f.reason_code == "doubtful_link"
    (f,) = check_text("The economy grew 9.5% in 2023.", date=day, country="EGY").findings
    assert str(f.verdict) == "CONTRADICTED"
    # the period stated earlier in the paragraph holds for the claim
    text = "Inflation reached 33.9% in 2023. The economy grew 9.5%, the ministry said."
    report = check_text(text, date=day, country="EGY")
    assert [str(f.verdict) for f in report.findings] == ["SUPPORTED", "CONTRADICTED"]
