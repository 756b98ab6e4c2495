"""Forecasts and targets (issue 12, item 9): "expects X to exceed Y" is a lower bound judged on the
years after the article (or the year it names), and a target that later data reached is MET.
Sentences of our own writing; the World Bank has Saudi GDP at 1.108 trillion USD in 2022.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.check import check_text
from factcheck.mine.claims import mine_claims

JUNE_2022 = dt.date(2022, 6, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia's GDP is expected to exceed $1.055 trillion.",
        "يتوقع أن يتجاوز الناتج المحلي الإجمالي للسعودية 1.055 تريليون دولار.",
    ],
)
def test_expected_to_exceed_is_met_when_later_data_pass_it(text: str) -> None:
    (f,) = check_text(text, date=JUNE_2022).findings
    assert f.claim.comparator == ">"
    assert (str(f.verdict), str(f.outcome)) == ("PREDICTION", "MET")
    assert f.evidence is not None and f.evidence.period == "2022"


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia's GDP is expected to exceed $1.5 trillion.",
        "يتوقع أن يتجاوز الناتج المحلي الإجمالي للسعودية 1.5 تريليون دولار.",
    ],
)
def test_a_bound_not_yet_passed_is_pending(text: str) -> None:
    (f,) = check_text(text, date=JUNE_2022).findings
    assert (str(f.verdict), str(f.outcome)) == ("PREDICTION", "PENDING")


def test_a_verb_of_passing_before_its_subject_makes_a_bound() -> None:
    (claim,) = [
        c for c in mine_claims("تجاوز حجم التبادل التجاري بين الصين وروسيا 190 مليار دولار في 2022.") if c.check_worthy
    ]
    assert claim.comparator == ">" and claim.low == claim.value


def test_the_verb_does_not_reach_past_another_number() -> None:
    text = "تجاوز حجم التبادل 190 مليار دولار في 2022 وبلغ 240 مليار دولار في 2023."
    claims = [c for c in mine_claims(text) if c.check_worthy]
    assert [c.comparator for c in claims] == [">", "="]


@pytest.mark.parametrize(
    "text",
    ["Egypt's economy to grow 4.2% in 2024, the IMF says.", "The IMF estimated Egypt's growth to slow to 3% in 2024."],
)
def test_an_infinitive_of_change_is_a_forecast(text: str) -> None:
    (claim,) = [c for c in mine_claims(text) if c.check_worthy]
    assert str(claim.modality) == "forecast"
