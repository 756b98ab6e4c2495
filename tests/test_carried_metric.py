"""A claim that does not say what it measures is about what the claim before it measured, when it
goes on the same statement: a list ("Egypt came next with $7.4 billion"), a series of years ("in
2016 it was -0.82%", وفي العام 2015 بلغ المعدل).  Such a link may support the claim but never
contradict it (issue 12, item 3).  Sentences of our own writing; the World Bank gives Lebanon's
inflation as 6.077% (2018), -0.783% (2016), -3.749% (2015) and 1.855% (2014), and FDI inflows of
$10.354bn to the UAE and $7.409bn to Egypt in 2017.
"""

from __future__ import annotations

import pytest

CPI = "wb_fp_cpi_totl_zg"
FDI = "wb_bx_klt_dinv_cd_wd"


def _link(f: dict) -> tuple[str | None, str | None, str | None]:
    ref = f.get("reference") or {}
    return ref.get("dataset"), (ref.get("selection") or {}).get("entity"), ref.get("period")


@pytest.mark.parametrize(
    ("text", "number", "year"),
    [
        ("Inflation in Lebanon reached 6.07% in 2018. In 2016 it was -0.82%.", "-0.82%", "2016"),
        ("وصل معدل التضخم في لبنان إلى 6.07% في العام 2018. في حين بلغ -0.82% في العام 2016.", "-0.82%", "2016"),
        # its own word names the measure but not the country: the country goes on too
        ("وصل معدل التضخم في لبنان إلى 6.07% في العام 2018. وفي العام 2015 بلغ المعدل -3.75%.", "-3.75%", "2015"),
    ],
)
def test_a_series_of_years_keeps_its_measure_and_country(text: str, number: str, year: str, finding) -> None:
    f = finding(text, number)
    assert _link(f) == (CPI, "LBN", year)
    assert f["verdict"] in ("SUPPORTED", "CLOSE")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Foreign direct investment in the UAE reached $10.4 billion in 2017. Egypt came next with $7.4 billion.",
         "$7.4 billion"),
        ("بلغت الاستثمارات الأجنبية المباشرة في الإمارات 10.4 مليار دولار في 2017. وجاءت مصر بعدها بـ7.4 مليار دولار.",
         "7.4 مليار دولار"),
    ],
)  # fmt: skip
def test_a_list_takes_the_measure_and_period_of_its_head(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert _link(f) == (FDI, "EGY", "2017")
    assert f["verdict"] == "SUPPORTED"


@pytest.mark.parametrize(
    "text",
    [
        "Inflation in Lebanon reached 6.07% in 2018. In 2014 the figure was 5%.",
        "وصل معدل التضخم في لبنان إلى 6.07% في العام 2018. وفي العام 2014 بلغ المعدل 5%.",
    ],
)
def test_a_carried_measure_that_disagrees_does_not_contradict(text: str, finding) -> None:
    f = finding(text, "5%")
    assert f["verdict"] == "UNVERIFIABLE" and f["reason_code"] == "doubtful_link"
    assert _link(f) == (CPI, "LBN", "2014")  # the evidence is kept, for the editor to see
    assert "from the claim before" in f["reason"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # another kind of claim (a change after a level) or another unit (an amount after a rate)
        ("Inflation in Lebanon reached 6.07% in 2018. Car sales rose 12% in 2016.", "12%"),
        ("Inflation in Lebanon reached 6.07% in 2018. The bank lent $5 billion in 2016.", "$5 billion"),
        ("وصل معدل التضخم في لبنان إلى 6.07% في العام 2018. وأقرض المصرف 5 مليارات دولار في 2016.", "5 مليارات دولار"),
        # too far: three sentences with figures of their own between them
        ("Inflation in Lebanon reached 6.07% in 2018. Car sales rose 12%. Car sales rose 10%. Car sales rose 9%."
         " In 2016 it was -0.82%.", "-0.82%"),
    ],
)  # fmt: skip
def test_no_measure_is_carried_into_another_kind_of_claim_or_far_away(text: str, number: str, finding) -> None:
    f = finding(text, number)
    assert _link(f)[0] != CPI
    assert f["verdict"] == "UNVERIFIABLE"
