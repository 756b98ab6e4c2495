"""Trade flows between countries (issue 12, items 3 and 4): the country goods come from or go to is
the partner, not the trader, so a table of one country's own totals does not answer "imports from
Russia"; "added up to" is a total, not a bound; what an amount measures may follow it ("6.5 million
tons of LNG", "$200 billion in bilateral trade"); a target's year is the one it is to be met by.
Sentences of our own writing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.check import check_text


def _claim(text: str, number: str, date: dt.date | None = None):
    return next(c for c in check_text(text, None, date).claims if c.text == number)


@pytest.mark.parametrize(
    ("text", "number", "partners"),
    [
        ("Chinese exports to Russia increased by 46.9% in 2023.", "46.9%", ("RUS",)),
        ("Imports from Russia rose 13% in 2023.", "13%", ("RUS",)),
        ("ارتفعت واردات الصين من روسيا بنسبة 13% في 2023.", "13%", ("RUS",)),
        ("بلغ التبادل التجاري مع روسيا 240 مليار دولار في 2023.", "240 مليار دولار", ("RUS",)),
        # not a trade flow: the country after "from" is no partner
        ("Data from Russia showed inflation at 7.4% in 2023.", "7.4%", ()),
        ("نقلت الوكالة عن روسيا أن التضخم بلغ 7.4% في 2023.", "7.4%", ()),
    ],
)
def test_the_country_a_flow_goes_to_or_comes_from_is_a_partner(text: str, number: str, partners: tuple) -> None:
    assert _claim(text, number).partners == partners


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Russia's imports from China rose 13% in 2023.", "13%"),
        ("ارتفعت واردات روسيا من الصين بنسبة 13% في 2023.", "13%"),
    ],
)
def test_a_table_of_totals_does_not_answer_for_a_flow_with_a_partner(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert (f.get("reference") or {}).get("dataset") != "wb_tm_val_mrch_cd_wt"
    assert f["verdict"] != "CONTRADICTED"


def test_the_same_table_still_answers_for_a_countrys_total() -> None:
    report = check_text("Russia's imports rose 13% in 2023.")
    f = next(f for f in report.findings if f.claim.text == "13%")
    assert f.evidence is not None and f.evidence.dataset.id == "wb_tm_val_mrch_cd_wt"


def test_added_up_to_is_a_total_but_up_to_is_a_bound() -> None:
    assert _claim("Russia-China trade added up to $21.1 billion in September 2023.", "$21.1 billion").comparator == "="
    assert _claim("Exports may rise by up to 5% in 2024.", "5%").comparator == "<="


@pytest.mark.parametrize(
    ("text", "number", "metric"),
    [
        ("Imports rose from about 63.44 million tonnes of LNG in 2022.", "63.44 million tonnes", "LNG"),
        # the words right before an amount say what it is, when nothing cuts them off from it
        (
            "The pipeline carried 22.7 billion cubic meters of gas in 2023.",
            "22.7 billion cubic meters",
            "pipeline carried",
        ),
        ("صدرت روسيا 15.5 مليار متر مكعب من الغاز إلى الصين في 2022.", "15.5 مليار متر مكعب", "الغاز"),
        ("The two set a goal to achieve $200 billion in bilateral trade by 2024.", "$200 billion", "bilateral trade"),
    ],
)
def test_what_an_amount_measures_may_follow_it(text: str, number: str, metric: str) -> None:
    assert _claim(text, number).metric == metric


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        ("Beijing and the Kremlin set a goal in 2019 to achieve $200 billion in bilateral trade by 2024.",
         "$200 billion", 2024),
        ("وضعت بكين وموسكو في 2019 هدفا للوصول إلى 200 مليار دولار من التبادل التجاري بحلول 2024.",
         "200 مليار دولار", 2024),
    ],
)  # fmt: skip
def test_a_target_is_for_the_year_it_is_to_be_met_by(text: str, number: str, year: int) -> None:
    claim = _claim(text, number, dt.date(2024, 1, 12))
    assert claim.period is not None and claim.period.year == year
    assert set(claim.entities) == {"CHN", "RUS"}  # the Kremlin is Russia's government
