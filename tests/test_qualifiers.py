"""A narrower metric is not linked to a broader dataset (issue 12, item 3): qualifier words in the
claim ("food", غير النفطي, "LNG", "for women") must be covered by the dataset's titles, aliases or
categories.  Also periods named by reference (هذه الفترة, "that period").  Sentences of our own.
"""

from __future__ import annotations

import pytest

from factcheck.mine.claims import mine_claims
from factcheck.mine.qualifiers import qualifiers_in


@pytest.mark.parametrize(
    ("text", "number", "qualifier"),
    [
        ("Egypt's food inflation rose to 30% in 2023.", "30%", "food"),
        ("ارتفع التضخم الغذائي في مصر إلى 30% في 2023.", "30%", "food"),
        ("Saudi Arabia's non-oil GDP grew 4.4% in 2023.", "4.4%", "non_oil"),
        ("نما الناتج المحلي الإجمالي غير النفطي في السعودية بنسبة 4.4% في 2023.", "4.4%", "non_oil"),
        ("Life expectancy in Egypt was 74 years for women in 2022.", "74 years", "female"),
        ("بلغ متوسط العمر المتوقع للإناث في مصر 74 عاما في 2022.", "74 عاما", "female"),
        ("Egypt's core inflation reached 35% in 2023.", "35%", "core"),
        ("بلغ عدد السعوديين 18.8 مليون نسمة في 2022.", "18.8 مليون نسمة", "nationals"),
    ],
)
def test_a_narrower_metric_finds_no_dataset(text: str, number: str, qualifier: str, finding) -> None:
    f = finding(text, number)
    assert qualifier in f["claim"]["qualifiers"]
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "no_dataset"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Egypt's inflation reached 33.9% in 2023.", "33.9%"),
        ("بلغ معدل التضخم في مصر 33.9% في 2023.", "33.9%"),
        # a qualifier the dataset covers: urban population, GDP per capita
        ("Egypt's urban population was 43% of the total in 2023.", "43%"),
    ],
)
def test_the_metric_itself_still_links(text: str, number: str, finding) -> None:
    assert finding(text, number)["verdict"] in ("SUPPORTED", "CLOSE")


def test_a_reason_after_the_number_is_no_qualifier() -> None:
    (claim,) = [c for c in mine_claims("Egypt's economy grew 3.8% in 2023 on higher gas exports.") if c.text == "3.8%"]
    assert claim.qualifiers == ()


def test_datasets_cover_the_qualifiers_their_titles_name() -> None:
    assert qualifiers_in("Urban population (% of total population)", "en") == {"urban"}
    assert qualifiers_in("الغاز الطبيعي المسال", "ar") == {"lng"}
    assert qualifiers_in("GDP growth (annual %)", "en") == frozenset()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "China-Russia trade rose 9.4% in January-August 2023. China's exports to Russia fell 9.7% in that period.",
            "9.7%",
        ),
        (
            "ارتفع التبادل التجاري بين الصين وروسيا بنسبة 9.4% من يناير إلى أغسطس 2023."
            " وانخفضت الصادرات الصينية إلى روسيا خلال هذه الفترة بنسبة 9.7%.",
            "9.7%",
        ),
    ],
)
def test_a_period_named_by_reference_is_the_one_before(text: str, number: str) -> None:
    (claim,) = [c for c in mine_claims(text) if c.text == number]
    assert claim.period is not None and claim.period.label() == "2023-01..2023-08"


def test_the_first_months_written_with_shuhur() -> None:
    text = "ارتفع الدين العام في الأردن خلال الشهور الأربعة الأولى من عام 2023 بنسبة 2.6%."
    (claim,) = [c for c in mine_claims(text) if c.text == "2.6%"]
    assert claim.period is not None and claim.period.label() == "2023-01..2023-04"


@pytest.mark.parametrize(
    ("text", "number", "dataset"),
    [
        ("Military spending in Armenia reached 4.9% of GDP in 2019.", "4.9%", "wb_ms_mil_xpnd_gd_zs"),
        ("بلغ الإنفاق العسكري في أرمينيا 4.9% من الناتج المحلي الإجمالي في 2019.", "4.9%", "wb_ms_mil_xpnd_gd_zs"),
        ("China accounted for 17.9% of world GDP in 2022.", "17.9%", "wb_ny_gdp_mktp_cd"),
    ],
)
def test_a_share_of_gdp_is_read_from_the_table_its_subject_names(text: str, number: str, dataset: str, finding) -> None:
    assert finding(text, number)["reference"]["dataset"] == dataset


def test_a_share_of_a_countrys_own_gdp_is_no_share_of_the_gdp_table(finding) -> None:
    f = finding("Car loans in Jordan reached 19% of GDP in 2022.", "19%")
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "kind" and "names no whole" in f["reason"]


def test_real_per_capita_is_not_current_dollars(finding) -> None:
    text = "Real GDP per capita in Yemen fell 58% since 2015."
    f = finding(text, "58%")
    assert "real" in f["claim"]["qualifiers"] and f["verdict"] == "UNVERIFIABLE"


def test_quarters_in_the_maghreb_word() -> None:
    (claim,) = [
        c
        for c in mine_claims("بلغت نسبة البطالة في تونس 15 بالمائة خلال الثلاثي الرابع من سنة 2014.")
        if c.check_worthy
    ]
    assert claim.period is not None and claim.period.label() == "2014-Q4"
