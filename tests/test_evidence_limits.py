"""What a figure can be compared with (issue 12, items 3 and 6).  Sentences of our own writing;
China's customs give its LNG imports from Russia as 6.5 million tonnes in 2022, up about 44%
(the 2021 figure is worked back from that rounded rate); the World Bank gives world military
spending as 2.2% of world GDP in 2022.
"""

from __future__ import annotations

import pytest

from factcheck import find_mentions
from factcheck.check import check_text


@pytest.mark.parametrize(
    ("text", "unit"),
    [("6.5 million tons of LNG", "tonne"), ("3 short tons", "short_ton"), ("2 long tons", "long_ton")],
)
def test_tons_in_news_are_metric_tonnes_unless_named_otherwise(text: str, unit: str) -> None:
    (mention,) = find_mentions(text)
    assert mention.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Chinese imports of Russian liquefied natural gas (LNG) soared by 43.9% to 6.5 million tons in 2022.",
        "قفزت واردات الصين من الغاز الطبيعي المسال الروسي بنسبة 43.9% إلى 6.5 مليون طن في 2022.",
    ],
)
def test_a_change_is_of_the_level_it_reaches(text: str, finding) -> None:
    f = finding(text, "43.9%")
    # judged in tonnes, the unit of the level it reaches, not on the table in cubic metres
    assert f["reference"]["dataset"] == "cn_gas_imports_mt"
    # the 2021 figure is derived from a rounded rate: its own rounding may be the gap, no contradiction
    assert f["verdict"] != "CONTRADICTED"
    assert f["verdict"] == "SUPPORTED" or "derived" in f["reason"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The five biggest spenders together accounted for 63% of world military spending in 2022.", "63%"),
        ("استحوذت الدول الخمس الأكثر إنفاقا على 63% من الإنفاق العسكري العالمي في 2022.", "63%"),
    ],
)
def test_a_share_of_a_measure_is_not_the_measure_as_a_share(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "kind"


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Russia's military spending reached 4.1% of GDP in 2022.", "GDP"),
        ("بلغ الإنفاق العسكري لروسيا 4.1% من الناتج المحلي الإجمالي في 2022.", "الناتج المحلي الإجمالي"),
    ],
)
def test_the_whole_of_a_share_ends_before_its_period(text: str, whole: str) -> None:
    claim = next(c for c in check_text(text).claims if c.check_worthy)
    assert claim.metric == whole


@pytest.mark.parametrize(
    "text",
    [
        "Turkey's annual inflation rate was 64.77% for 2023.",
        "بلغ معدل التضخم السنوي في تركيا 64.77% في 2023.",
    ],
)
def test_a_figure_of_another_definition_of_the_measure_is_not_contradicted(text: str, finding) -> None:
    # the World Bank's yearly average is 53.9%; Turkey's statistics office gives 64.8% over the twelve
    # months to December: both are called annual inflation
    f = finding(text, "64.77%")
    assert f["verdict"] == "UNVERIFIABLE" and f["reference"]["dataset"] == "wb_fp_cpi_totl_zg"
    assert "twelve months" in f["reason"]


def test_a_figure_that_agrees_with_the_table_is_still_supported(finding) -> None:
    f = finding("Egypt's inflation reached 33.9% in 2023.", "33.9%")
    assert f["verdict"] == "SUPPORTED"
