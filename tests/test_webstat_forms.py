"""Statistics as reference pages write them (issue 12, item 5, in part): "The population of X is
N", a bare figure after a measure written without a unit (fertility rate, life expectancy), and a
figure followed by its year ("2.8 in 2022" is no ratio).  Sentences of our own writing.
"""

from __future__ import annotations

import json

import pytest

from factcheck.check import check_text
from factcheck.mine.claims import mine_claims
from factcheck.report import render_json


@pytest.mark.parametrize(
    ("text", "number", "dataset"),
    [
        ("The population of Peru was 34 million in 2023.", "34 million", "wb_sp_pop_totl"),
        ("The fertility rate in Egypt was 2.8 in 2022.", "2.8", "wb_sp_dyn_tfrt_in"),
        ("بلغ معدل الخصوبة في مصر 2.8 في 2022.", "2.8", "wb_sp_dyn_tfrt_in"),
        ("Life expectancy in Egypt was 70 in 2022.", "70", "wb_sp_dyn_le00_in"),
    ],
)
def test_reference_page_forms_link(text: str, number: str, dataset: str, finding) -> None:
    f = finding(text, number)
    assert f["reference"]["dataset"] == dataset and f["claim"]["check_worthy"]


def test_a_bare_number_without_a_measure_is_still_no_claim() -> None:
    (claim,) = [c for c in mine_claims("He bought 5 in 2022.") if c.text == "5"]
    assert not claim.check_worthy and claim.reason == "a count with no unit or measure"


@pytest.mark.parametrize("text", ["The rate was 2.8 in 2022.", "It stood at 68 in 2019."])
def test_a_figure_then_its_year_is_no_ratio(text: str) -> None:
    claims = mine_claims(text)
    assert all(c.unit != "%" for c in claims)


def test_one_in_five_is_still_a_share() -> None:
    (claim,) = [c for c in mine_claims("One in five children is stunted.") if c.unit == "%"]
    assert claim.value == 20


@pytest.mark.parametrize(
    "text",
    ["Egypt has a population of around 112 million in 2023.", "يبلغ عدد سكان مصر نحو 112 مليون نسمة في 2023."],
)
def test_a_population_of_about_n_is_the_population(text: str) -> None:
    (f,) = json.loads(render_json(check_text(text)))["findings"]
    assert f["reference"]["dataset"] == "wb_sp_pop_totl"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Egypt, Jordan and Morocco grew 3.8%, 2.6% and 3.4% respectively in 2023.",
            [("3.8%", ("EGY",)), ("2.6%", ("JOR",)), ("3.4%", ("MAR",))],
        ),
        (
            "نمت اقتصادات مصر والأردن والمغرب بنسبة 3.8% و2.6% و3.4% على التوالي في 2023.",
            [("3.8%", ("EGY",)), ("2.6%", ("JOR",)), ("3.4%", ("MAR",))],
        ),
        (
            "The list also features Oman (8.8%), Saudi Arabia, (8%) and Kuwait (5.6%).",
            [("8.8%", ("OMN",)), ("8%", ("SAU",)), ("5.6%", ("KWT",))],
        ),
        # no "respectively": both countries stay with the figure
        ("Egypt and Jordan grew 3.8% in 2023.", [("3.8%", ("EGY", "JOR"))]),
    ],
)
def test_each_figure_of_a_list_goes_to_its_own_country(text: str, expected: list) -> None:
    assert [(c.text, c.entities) for c in mine_claims(text) if c.check_worthy] == expected


def test_a_list_is_respective_only_with_as_many_figures_as_countries() -> None:
    claims = [c for c in mine_claims("Egypt, Jordan and Morocco grew 3.8% and 2.6% respectively.") if c.check_worthy]
    assert [len(c.entities) > 1 for c in claims] == [True, True]


def test_a_count_of_people_in_a_country_is_its_population() -> None:
    (f,) = check_text("Egypt had 112 million people in 2022.").findings
    assert f.evidence is not None and f.evidence.dataset.id == "wb_sp_pop_totl" and str(f.verdict) == "CLOSE"
    # linked by its unit alone, it may not contradict
    (f,) = check_text("Egypt had 150 million people in 2022.").findings
    assert str(f.verdict) == "UNVERIFIABLE" and f.reason_code == "doubtful_link"


@pytest.mark.parametrize(
    ("text", "number", "dataset"),
    [
        ("بلغ الناتج الداخلي الخام للجزائر 247 مليار دولار في 2023.", "247 مليار دولار", "wb_ny_gdp_mktp_cd"),
        ("بلغ معدل ارتفاع الأسعار في مصر 33.9% في 2023.", "33.9%", "wb_fp_cpi_totl_zg"),
        ("بلغ حجم التداول التجاري بين الصين وروسيا 240 مليار دولار في 2023.", "240 مليار دولار", "ru_cn_trade"),
    ],
)
def test_regional_and_synonym_words_for_a_measure(text: str, number: str, dataset: str) -> None:
    f = json.loads(render_json(check_text(text)))["findings"]
    (found,) = [x for x in f if x["claim"]["text"] == number]
    assert found["reference"]["dataset"] == dataset
