"""Forecasts named after the figure or at the head of a list, and bounds on weakly linked measures
(issue 12, items 3 and 9).  Sentences of our own writing."""

from __future__ import annotations

import pytest

from factcheck.check import check_text
from factcheck.reference.store import open_store
from factcheck.verify.link import _covered


def _modalities(text: str) -> dict[str, str]:
    return {c.text: str(c.modality) for c in check_text(text).claims if c.check_worthy}


@pytest.mark.parametrize(
    ("text", "number", "modality"),
    [
        ("Remittance growth of 3.6% was below the central bank's 4% forecast.", "4%", "forecast"),
        ("Remittance growth of 3.6% was below the central bank's 4% forecast.", "3.6%", "fact"),
        ("The ministry set a $30 billion target for exports.", "$30 billion", "target"),
        ("Trade is on track to, for the first time, potentially surpass $200 billion this year.", "$200 billion",
         "forecast"),
    ],
)  # fmt: skip
def test_a_forecast_named_after_the_figure(text: str, number: str, modality: str) -> None:
    assert _modalities(text)[number] == modality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2022 Mexico will receive $60 billion, China $51 billion and the Philippines $38 billion.",
            {"$60 billion": "forecast", "$51 billion": "forecast", "$38 billion": "forecast"},
        ),
        (
            "يتوقع أن تتلقى مصر 32 مليار دولار في 2022، والمغرب 11 مليار دولار، والأردن 4 مليارات دولار.",
            {"32 مليار دولار": "forecast", "11 مليار دولار": "forecast", "4 مليارات دولار": "forecast"},
        ),
        # a list after a fact stays a fact; a new verb ends the list
        ("Egypt received $24 billion, Morocco $11 billion.", {"$24 billion": "fact", "$11 billion": "fact"}),
        (
            "Mexico will receive $60 billion, but Egypt received $24 billion.",
            {"$60 billion": "forecast", "$24 billion": "fact"},
        ),
    ],
)
def test_a_list_goes_on_with_the_modality_of_its_head(text: str, expected: dict[str, str]) -> None:
    got = _modalities(text)
    assert {k: got.get(k) for k in expected} == expected


def test_gross_is_not_crude_oil() -> None:
    # الناتج الداخلي الخام is the Maghreb's name for GDP: الخام there is "gross", not crude oil
    store = open_store()
    assert "oil" not in _covered(store, store.dataset("wb_ny_gdp_mktp_cd"))


@pytest.mark.parametrize(
    "text",
    [
        "Saudi GDP shrank 0.8% in 2023. The report blamed the contraction on a fall of up to about 9%.",
        "انكمش الناتج المحلي الإجمالي في السعودية بنحو 0.8% خلال عام 2023. وأرجع التقرير هذا الانكماش إلى"
        " التراجع بما يصل إلى نحو 9%.",
    ],
)
def test_a_bound_on_a_measure_its_words_do_not_name_is_not_supported(text: str, finding) -> None:
    f = finding(text, next(c.text for c in check_text(text).claims if c.text.endswith("9%")))
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "doubtful_link"
    assert "bound" in f["reason"]
