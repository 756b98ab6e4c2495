"""A link made only from words elsewhere in the sentence may support a claim but never contradict it
(issue 12, item 3, in part: abstain rather than mislink).  Sentences of our own writing; the World
Bank gives Egypt's GDP growth in 2023 as 3.76%.
"""

from __future__ import annotations

import pytest

from factcheck.check import check_text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Car sales in Egypt rose 12% in 2023, while GDP growth slowed.", "12%"),
        ("ارتفعت مبيعات السيارات في مصر بنسبة 12% في 2023 رغم تباطؤ النمو الاقتصادي.", "12%"),
        ("سجلت مبيعات الأسمنت في مصر ارتفاعاً خلال عام 2023 بنسبة 7% وسط تباطؤ النمو الاقتصادي.", "7%"),
    ],
)
def test_data_named_only_elsewhere_in_the_sentence_do_not_contradict(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["verdict"] == "UNVERIFIABLE"
    # the evidence is kept and the reason names it, so an editor can see what was compared
    assert f["reference"]["dataset"] == "wb_ny_gdp_mktp_kd_zg"
    assert "not named by the claim's own words" in f["reason"] and "wb_ny_gdp_mktp_kd_zg" in f["reason"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Egypt's economy grew 5.5% in 2023.", "5.5%"),
        ("نما الاقتصاد المصري بنسبة 5.5% في 2023.", "5.5%"),
    ],
)
def test_data_named_by_the_claims_own_words_still_contradict(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["verdict"] == "CONTRADICTED" and f["reference"]["dataset"] == "wb_ny_gdp_mktp_kd_zg"


def test_a_weak_link_may_still_support(finding) -> None:
    f = finding("Egypt grew 3.8% in 2023, a slowdown in GDP growth.", "3.8%")
    assert f["verdict"] == "SUPPORTED" and f["reference"]["dataset"] == "wb_ny_gdp_mktp_kd_zg"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # the World Bank has Egypt's population at about 112.7 million in 2023: 11 million is not
        # a wrong population, it is some other count
        ("Egypt's population reached 11 million in 2023.", "11 million"),
        ("بلغ عدد سكان مصر 11 مليون نسمة في 2023.", "11 مليون نسمة"),
    ],
)
def test_a_level_many_times_off_is_not_called_wrong(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert f["verdict"] == "UNVERIFIABLE" and "times below wb_sp_pop_totl" in f["reason"]
    assert f["reference"]["dataset"] == "wb_sp_pop_totl"


def test_a_level_somewhat_off_is_still_contradicted_and_the_factor_is_policy(finding) -> None:
    from factcheck.verify.policy import load_policy

    assert finding("Egypt's population reached 90 million in 2023.", "90 million")["verdict"] == "CONTRADICTED"
    report = check_text("Egypt's population reached 11 million in 2023.", policy=load_policy(
        overrides={"linking.implausible_factor": "0"}
    ))  # fmt: skip
    assert str(report.findings[0].verdict) == "CONTRADICTED"


def test_a_partner_country_only_assumed_cannot_contradict(finding) -> None:
    # the trade table holds China's trade with Russia only: "China's trade" is not that
    f = finding("China's trade in January-September 2023 decreased 14% to $495.9 billion.", "$495.9 billion")
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "doubtful_link"
    assert "which the claim does not name in full" in f["reason"]
    # named in full, the same table contradicts
    f = finding("China-Russia trade reached $300 billion in 2023.", "$300 billion")
    assert f["verdict"] == "CONTRADICTED"
