"""What the writer could know (issue 12, items 2 and 7): year-to-date figures, data published
after the article, base periods kept apart from a claim's own period.  Sentences of our own writing;
figures from reference_data/ru_cn_trade.csv and ru_cn_trade_ytd.csv (China's customs).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from factcheck.check import check_text
from factcheck.mine.claims import mine_claims
from factcheck.reference import query as q
from factcheck.reference.store import open_store
from factcheck.report.claimreview import LATER_DATA, render_claimreview_json
from factcheck.verify.judge import Verdict

DECEMBER = dt.date(2022, 12, 30)  # January-November 2022 was public, the full year was not


def test_the_year_to_date_table_is_shipped_with_its_sources() -> None:
    store = open_store()
    cats = {"flow": "total"}
    a = q.value_at(store, "ru_cn_trade_ytd", "CHN", "RUS", 2022, "Jan-Nov", cats)
    assert a.value == Decimal("172406000000") and a.detail["reported_change"] == Decimal("32")
    month = q.value_at(store, "ru_cn_trade_ytd", "CHN", "RUS", 2023, "Oct", cats)
    assert month.value == Decimal("19800000000")
    ds = store.dataset("ru_cn_trade_ytd")
    assert all(s.url.startswith("http") for s in ds.sources.values())
    # a page that shows no date is dated by the customs release lag, and says so
    estimated = [s for s in ds.sources.values() if s.date_note]
    assert estimated and all("estimated" in s.dated() for s in estimated)
    # no full year here: that is ru_cn_trade's
    assert q.value_at(store, "ru_cn_trade_ytd", "CHN", "RUS", 2022, "FY", cats).value is None


@pytest.mark.parametrize(
    ("text", "number", "lang"),
    [
        ("China-Russia trade grew 32% this year.", "32%", "en"),
        ("نما حجم التبادل التجاري بين الصين وروسيا بنسبة 32% هذا العام.", "32%", "ar"),
    ],
)
def test_growth_in_a_year_not_yet_published_is_judged_on_the_months_known(
    text: str, number: str, lang: str, finding
) -> None:
    f = finding(text, number, lang, DECEMBER)
    ref = f["reference"]
    assert (ref["dataset"], ref["period"]) == ("ru_cn_trade_ytd", "Jan-Nov 2022")
    assert f["verdict"] == "SUPPORTED" and f["basis"] == "data-at-date" and not ref["later"]
    # the full year (29.3%), published in January, is shown beside it as later data
    later = [a for a in f["alternatives"] if a["later"]]
    assert [(a["dataset"], a["period"], a["verdict"]) for a in later] == [("ru_cn_trade", "2022", "CONTRADICTED")]
    assert "Later data" in f["explanation"]


def test_a_level_for_the_whole_year_is_not_judged_on_part_of_it(finding) -> None:
    # $172bn for January-November says nothing against $190bn for the year: only the year can judge it
    f = finding("China-Russia trade reached $190 billion this year.", "$190 billion", "en", DECEMBER)
    assert (f["reference"]["dataset"], f["reference"]["period"]) == ("ru_cn_trade", "2022")
    assert f["verdict"] == "SUPPORTED" and f["basis"] == "later-data"


@pytest.mark.parametrize(
    ("text", "number", "lang"),
    [
        ("China-Russia trade rose 40.6% in the first half of 2023.", "40.6%", "en"),
        ("China-Russia trade rose 40.6% in H1 2023.", "40.6%", "en"),
        ("ارتفع التبادل التجاري بين الصين وروسيا بنسبة 40.6% في النصف الأول من عام 2023.", "40.6%", "ar"),
    ],
)
def test_a_half_is_found_as_the_months_it_covers(text: str, number: str, lang: str, finding) -> None:
    f = finding(text, number, lang, dt.date(2023, 7, 20))
    assert (f["reference"]["dataset"], f["reference"]["period"]) == ("ru_cn_trade_ytd", "Jan-Jun 2023")
    assert f["verdict"] == "SUPPORTED"


def test_a_prediction_with_no_period_is_judged_on_whole_years(finding) -> None:
    f = finding("Trade between Russia and China will reach $200 billion.", "$200 billion", "en", DECEMBER)
    assert f["verdict"] == "PREDICTION" and f["outcome"] == "MET"
    assert f["reference"]["period"] == "2023"  # not January-November 2023, a part of a year
    assert f["basis"] is None


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("China-Russia trade reached $240 billion in 2024, up 1.9% compared with 2023.", "1.9%", "2024"),
        ("China-Russia trade rose 26.3% in 2023 compared to 2022.", "26.3%", "2023"),
        ("Exports rose 12% in 2023 from 2022.", "12%", "2023"),
        ("In the first ten months of 2023, imports rose 13% over the same period of 2022.", "13%", "2023-01..2023-10"),
        ("Imports rose 13% from January to October 2023.", "13%", "2023-01..2023-10"),
        ("بلغ حجم التبادل التجاري 244.8 مليار دولار في عام 2024، بزيادة 1.9% مقارنة بعام 2023.", "1.9%", "2024"),
        ("ارتفعت الصادرات 5% في عام 2023 مقابل عام 2022.", "5%", "2023"),
    ],
)
def test_a_base_period_is_not_the_claims_period(text: str, number: str, period: str) -> None:
    claims = [c for c in mine_claims(text, "auto", DECEMBER) if c.text == number]
    assert claims and claims[0].period is not None and claims[0].period.label() == period


@pytest.mark.parametrize(
    "text",
    [
        "Imports rose 8% from the same period last year.",
        "ارتفعت الواردات 8% مقارنة بالفترة نفسها من العام الماضي.",
        "ارتفعت الواردات 8% عن نفس الفترة من العام الماضي.",
    ],
)
def test_the_same_period_last_year_is_a_base(text: str) -> None:
    claims = [c for c in mine_claims(text, "auto", DECEMBER) if c.text.startswith("8")]
    assert claims and claims[0].period is None  # not "last year": that is what it is compared with


def test_later_data_is_not_rated_false_and_does_not_fail_by_default() -> None:
    report = check_text("Egypt's GDP reached $520 billion in 2022.", "en", dt.date(2023, 6, 1))
    f = report.findings[0]
    assert f.verdict == Verdict.CONTRADICTED and f.basis == "later-data"  # World Bank, retrieved in 2026
    assert not report.has({"CONTRADICTED"}) and report.has({"CONTRADICTED", "LATER_DATA"})
    review = json.loads(render_claimreview_json([report]))
    rating = (review[0] if isinstance(review, list) else review)["reviewRating"]
    assert rating["alternateName"] == LATER_DATA and "ratingValue" not in rating
    undated = check_text("Egypt's GDP reached $520 billion in 2022.", "en")
    assert undated.findings[0].basis is None and undated.has({"CONTRADICTED"})


def test_may_reach_is_a_target_judged_on_its_year(finding) -> None:
    text = "Russia-China annual trade may reach $200 billion by the end of 2022."
    f = finding(text, "$200 billion", "en", dt.date(2022, 9, 9))
    assert (f["verdict"], f["outcome"], f["reference"]["period"]) == ("PREDICTION", "NOT_MET", "2022")


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia's total population is up 34 per cent since 2010.",
        "نما عدد سكان السعودية بنسبة 34% منذ عام 2010.",
    ],
)
def test_a_change_since_a_year_is_computed_from_that_year(text: str, finding) -> None:
    # World Bank: 34.18% more people in 2022 than in 2010, the latest year public in June 2023
    f = finding(text, "34 per cent" if text.isascii() else "34%", "en" if text.isascii() else "ar", dt.date(2023, 6, 1))
    assert f["claim"]["base"]["year"] == 2010
    assert f["reference"]["selection"]["base_year"] == 2010 and f["reference"]["period"] == "2022"
    assert f["verdict"] == "SUPPORTED"


def test_a_change_from_a_year_long_before_is_not_judged_on_one_year_of_rates() -> None:
    report = check_text("Egypt's unemployment rate rose 20% in 2022 compared with 2012.", "en")
    (f,) = report.findings
    assert str(f.verdict) == "UNVERIFIABLE" and f.reason_code == "kind"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("China-Russia trade rose 30% so far this year.", "30%"),
        ("China-Russia trade rose 30% year to date.", "30%"),
        ("ارتفع التبادل التجاري بين الصين وروسيا منذ بداية العام بنسبة 30%.", "30%"),
    ],
)
def test_the_year_so_far_is_the_latest_months_public_at_the_date(text: str, number: str, finding) -> None:
    # on 20 September 2023 China's customs had published January-August
    f = finding(text, number, "ar" if not text.isascii() else "en", dt.date(2023, 9, 20))
    assert f["claim"]["period"]["to_date"] is True and f["claim"]["period"]["label"] == "2023 to date"
    assert (f["reference"]["dataset"], f["reference"]["period"]) == ("ru_cn_trade_ytd", "Jan-Aug 2023")


def test_the_year_so_far_on_annual_data_is_unverifiable(finding) -> None:
    f = finding("Egypt's GDP grew 4% so far this year.", "4%", "en", dt.date(2023, 9, 20))
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "no_period" and "so far" in f["reason"]


def test_the_year_so_far_without_a_date_is_unverifiable(finding) -> None:
    f = finding("China-Russia trade rose 30% year to date.", "30%", "en", None)
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "no_period"


@pytest.mark.parametrize(
    "text",
    [
        "Egypt grew 3.8% in 2023, down from 6.7% the previous year.",
        "نما اقتصاد مصر بنسبة 3.8% في 2023 مقارنة مع 6.7% في العام السابق.",
    ],
)
def test_the_previous_year_counts_back_from_the_year_named_before(text: str) -> None:
    periods = {c.text: c.period.label() for c in mine_claims(text, "auto", dt.date(2025, 6, 1)) if c.period}
    assert periods["3.8%"] == "2023" and periods["6.7%"] == "2022"  # not 2024, the year before the date
