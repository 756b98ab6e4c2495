"""Claims: kind, direction, entities, period, metric, modality and check-worthiness.

The golden file for the shared article was reviewed by hand against the article; the sentences
below are our own, with the expected reading worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from factcheck.mine.claims import mine_claims

from .conftest import ARTICLE, ROOT, needs_shared


def _field(claim, name):
    if name == "period":
        return None if claim.period is None else claim.period.label()
    if name == "entities":
        return list(claim.entities)
    value = getattr(claim, name)
    if isinstance(value, Decimal):
        return value
    return None if value is None else str(value) if name in ("kind", "modality") else value


@needs_shared
def test_shared_article_golden() -> None:
    golden = json.loads((ROOT / "tests" / "golden" / "asharq-2022-12-30.claims.json").read_text(encoding="utf-8"))
    text = ARTICLE.read_text(encoding="utf-8")
    claims = mine_claims(text, "ar", dt.date.fromisoformat(golden["date"]))
    assert len(claims) == len(golden["claims"])
    for claim, expected in zip(claims, golden["claims"], strict=True):
        assert text[claim.span.start : claim.span.end] == claim.text
        for name, value in expected.items():
            got = _field(claim, name)
            if isinstance(got, Decimal):
                value = Decimal(str(value))
            assert got == value, (claim.id, name)
    worthy = [c for c in claims if c.check_worthy]
    assert [c.kind.value for c in worthy] == ["change", "level", "rank", "rank"]


CASES = [
    # (lang, sentence, index of the claim, expected fields)
    (
        "ar",
        "ارتفعت صادرات الصين إلى روسيا بنسبة 46.9 في المائة في عام 2023.",
        0,
        {
            "kind": "change",
            "direction": "increase",
            "value": Decimal("46.9"),
            "unit": "%",
            "period": "2023",
            "entities": ["CHN", "RUS"],
            "metric": "صادرات",
        },
    ),
    (
        "ar",
        "انخفض معدل البطالة في مصر إلى 7 في المائة خلال الربع الثالث من 2023.",
        0,
        {
            "kind": "level",
            "direction": "decrease",
            "value": Decimal(7),
            "period": "2023-Q3",
            "entities": ["EGY"],
            "metric": "معدل البطالة",
        },
    ),
    (
        "ar",
        "تستحوذ روسيا على حصة 20 في المائة من واردات الصين من النفط.",
        0,
        {"kind": "share", "value": Decimal(20), "metric": "واردات الصين من النفط", "entities": ["RUS", "CHN"]},
    ),
    (
        "ar",
        "الصين ثاني أكبر اقتصاد في العالم.",
        0,
        {"kind": "rank", "value": Decimal(2), "subject": "CHN", "criterion": "اقتصاد في العالم"},
    ),
    (
        "ar",
        "احتلت السعودية المركز الأول عالمياً في تصدير النفط.",
        0,
        {"kind": "rank", "value": Decimal(1), "subject": "SAU", "criterion": "تصدير النفط"},
    ),
    (
        "ar",
        "من المتوقع أن يبلغ حجم التجارة 250 مليار دولار العام المقبل.",
        0,
        {"kind": "level", "modality": "forecast", "period": "2023", "metric": "حجم التجارة"},
    ),
    (
        "ar",
        "سيصل حجم التجارة إلى 300 مليار دولار بحلول عام 2030.",
        0,
        # سيصل ("will reach") names a level to be reached: a target, met by reaching it
        {"modality": "target", "period": "2030", "value": Decimal(300_000_000_000)},
    ),
    ("ar", "يهدف البلدان إلى رفع التبادل إلى 300 مليار دولار.", 0, {"modality": "target"}),
    (
        "ar",
        "سجل التضخم في الأرجنتين 211 في المائة العام الماضي.",
        0,
        {"kind": "level", "period": "2021", "entities": ["ARG"], "metric": "التضخم"},
    ),
    (
        "ar",
        "ضخ خط الأنابيب 22.7 مليار متر مكعب، أي أكثر من ضعف الكمية.",
        1,
        {"kind": "change", "value": Decimal(2), "unit": "times", "comparator": ">"},
    ),
    ("ar", "للمرة الثانية", 0, {"check_worthy": False, "reason": "an ordinal that is no rank"}),
    ("ar", "في 30 ديسمبر 2022", 0, {"check_worthy": False, "reason": "part of a date"}),
    (
        "en",
        "China's GDP rose 5.2% last year.",
        0,
        {"kind": "change", "direction": "increase", "period": "2021", "entities": ["CHN"], "metric": "GDP"},
    ),
    (
        "en",
        "Russia is China's second-largest supplier of pipeline gas and ranked fourth in LNG.",
        0,
        {
            "kind": "rank",
            "value": Decimal(2),
            "subject": "RUS",
            "entities": ["RUS", "CHN"],
            "criterion": "supplier of pipeline gas",
        },
    ),
    (
        "en",
        "Russia is China's second-largest supplier of pipeline gas and ranked fourth in LNG.",
        1,
        {"kind": "rank", "value": Decimal(4), "subject": "RUS", "criterion": "LNG"},
    ),
    (
        "en",
        "Unemployment fell 0.4 percentage points to 3.5% in the first quarter of 2023.",
        0,
        {
            "kind": "change",
            "direction": "decrease",
            "unit": "percentage_point",
            "period": "2023-Q1",
            "metric": "Unemployment",
        },
    ),
    (
        "en",
        "Unemployment fell 0.4 percentage points to 3.5% in the first quarter of 2023.",
        1,
        {"kind": "level", "value": Decimal("3.5"), "metric": "Unemployment"},
    ),
    (
        "en",
        "Oil output was 3 million barrels a day in March 2022.",
        0,
        {"kind": "level", "unit": "barrel/day", "period": "2022-03", "metric": "Oil output"},
    ),
    # "will reach" names a level to be reached: a target, met by reaching it (not a point forecast)
    ("en", "Trade will reach $200bn by 2024.", 0, {"modality": "target", "period": "2024"}),
    ("en", "Trade will be $200bn in 2024.", 0, {"modality": "forecast", "period": "2024"}),
    ("ar", "سيكون حجم التجارة 300 مليار دولار في عام 2030.", 0, {"modality": "forecast", "period": "2030"}),
    ("en", "Exports more than doubled.", 0, {"kind": "change", "value": Decimal(2), "comparator": ">"}),
    (
        "ar",
        "الصين أكبر مستورد للغاز الطبيعي المسال في العالم.",
        0,
        {"kind": "rank", "value": Decimal(1), "subject": "CHN", "criterion": "مستورد للغاز الطبيعي المسال في العالم"},
    ),
    (
        "ar",
        "روسيا هي المورد الأكبر للنفط إلى الصين.",
        0,
        {"kind": "rank", "value": Decimal(1), "subject": "RUS", "entities": ["RUS", "CHN"]},
    ),
    (
        "en",
        "Australia is China's biggest supplier of LNG.",
        0,
        {
            "kind": "rank",
            "value": Decimal(1),
            "subject": "AUS",
            "entities": ["AUS", "CHN"],
            "criterion": "supplier of LNG",
        },
    ),
    (
        "en",
        "Qatar is among the top three suppliers.",
        0,
        {"kind": "rank", "value": Decimal(3), "comparator": "<=", "subject": "QAT"},
    ),
    ("en", "Russia was No. 2 in pipeline gas.", 0, {"kind": "rank", "value": Decimal(2), "subject": "RUS"}),
    ("en", "Call +7 495 123 45 67 now.", 0, {"check_worthy": False, "reason": "a phone number"}),
    ("en", "Steps:\n1. Buy 5 kg of rice.", 0, {"check_worthy": False, "reason": "a list number"}),
    ("en", "Steps:\n1. Buy 5 kg of rice.", 1, {"check_worthy": True, "unit": "kilogram"}),
    (
        "en",
        "The talks lasted two hours.",
        0,
        {"check_worthy": False, "reason": "a span of time in the narrative, not a statistic"},
    ),
    # the level before a change is a level, checkable only with a period of its own
    ("en", "Unemployment rose to 4.2%, up from 3.9% a year earlier.", 1, {"kind": "level", "direction": None}),
    (
        "en",
        "Unemployment rose to 4.2%, up from 3.9% a year earlier.",
        1,
        {"check_worthy": False, "reason": "the level before a change, at a time the sentence does not name"},
    ),
    ("en", "Unemployment rose to 4.2%, up from 3.9% in 2021.", 1, {"check_worthy": True, "period": "2021"}),
    # "from X to Y" after a change word: the level before and the level reached
    ("en", "Prices rose from 4% to 7% in 2022.", 0, {"kind": "level", "value": Decimal(4), "check_worthy": False}),
    ("en", "Prices rose from 4% to 7% in 2022.", 1, {"kind": "level", "value": Decimal(7), "direction": "increase"}),
    ("ar", "ارتفع السعر من 75 إلى 82 دولاراً في 2022.", 1, {"kind": "level", "value": Decimal(82), "unit": "USD"}),
    # levels reached: "slowed to", "soared to a record", "climbed above"
    ("en", "Growth slowed to 6.2% in 2022.", 0, {"kind": "level", "direction": "decrease"}),
    ("en", "Gold soared to a record $2,100 an ounce.", 0, {"kind": "level", "direction": "increase"}),
    ("en", "Bitcoin climbed above $60,000.", 0, {"kind": "level", "comparator": ">", "direction": "increase"}),
    ("en", "The bank raised rates by 25 basis points.", 0, {"kind": "change", "direction": "increase"}),
    # fractions and multiples as changes
    ("en", "Food prices fell by a third in 2022.", 0, {"kind": "change", "unit": "%", "direction": "decrease"}),
    ("en", "Exports have halved.", 0, {"kind": "change", "value": Decimal("0.5"), "direction": "decrease"}),
    # the first of a forecast and a target word decides; "since" names a base year, not the period
    ("en", "Trade is expected to reach $300bn by 2030.", 0, {"modality": "forecast"}),
    ("en", "The government aims to reach 30 million visitors by 2030.", 0, {"modality": "target"}),
    ("en", "Exports have tripled since 2015.", 0, {"period": None}),
    # a count in the thousands, or one that changed, is a statistic
    ("en", "Net migration hit a record 745,000 in 2022.", 0, {"check_worthy": True}),
    ("en", "There were 5 of them.", 0, {"check_worthy": False}),
    # a count of something named is a claim (casualties, seats); a year before its counted noun
    # is a count
    ("ar", "قتل 15 جندياً في الهجوم.", 0, {"check_worthy": True}),
    ("ar", "بلغ عدد القتلى 1987 قتيلاً.", 0, {"check_worthy": True, "value": Decimal(1987)}),
    ("en", "The party won 120 seats.", 0, {"check_worthy": True}),
    ("en", "The two governments agreed.", 0, {"check_worthy": False}),
    # shares: a share cue, "% of", a fraction of something
    ("en", "India accounts for 40% of the world's rice exports.", 0, {"kind": "share", "value": Decimal(40)}),
    ("ar", "قال الرئيس إن 70 في المائة من السكان تلقوا اللقاح.", 0, {"kind": "share"}),
    ("ar", "حوالي نصف سكان اليمن يحتاجون إلى المساعدة.", 0, {"kind": "share", "unit": "%", "approx": True}),
    ("en", "Inflation was 7.5% in 2022.", 0, {"kind": "level"}),
    # numbers that name or refer: no claim
    ("en", "The S&P 500 rose 1.1% on Monday.", 0, {"kind": None, "reason": "part of a name or a reference number"}),
    ("en", "The S&P 500 rose 1.1% on Monday.", 1, {"kind": "change", "value": Decimal("1.1")}),
    ("ar", "وقع الرئيس القرار رقم 15 لسنة 2024.", 0, {"unit": None, "check_worthy": False}),
    # months without a year, placed by the article's date (2022-12-30 here)
    ("ar", "بلغ التضخم 35 في المائة في فبراير.", 0, {"period": "2022-02"}),
    ("ar", "سيبلغ التضخم 20 في المائة في فبراير المقبل.", 0, {"period": "2023-02"}),
    ("en", "Exports fell 5% last January.", 0, {"period": "2022-01"}),
    ("en", "Inflation rose to 3.1% last month.", 0, {"period": "2022-11"}),
    ("en", "Prices may rise 5%.", 0, {"period": None}),
    ("ar", "ارتفعت الصادرات 5 في المائة في الربع الرابع من العام الماضي.", 0, {"period": "2021-Q4"}),
    ("en", "Exports rose 5% in the first half of last year.", 0, {"period": "2021-H1"}),
    ("en", "Revenue rose 12% in Q1 2022.", 0, {"period": "2022-Q1"}),
    ("en", "Exports fell 3% in H2 2021.", 0, {"period": "2021-H2"}),
    # vague counts with a scale, n-fold multiples, ratios as shares
    ("en", "One in five children lives in poverty.", 0, {"kind": "share", "value": Decimal(20), "unit": "%"}),
    ("ar", "واحد من كل خمسة أطفال يعيش في فقر.", 0, {"kind": "share", "value": Decimal(20)}),
    ("en", "Output saw a 10-fold increase.", 0, {"kind": "change", "unit": "times", "value": Decimal(10)}),
    ("ar", "نزح بضعة آلاف شخص.", 0, {"low": Decimal(3000), "high": Decimal(9000)}),
    # the subject of a rank: not the country passed, and a possessive far from the rank counts
    ("en", "India overtook Britain to become the world's fifth-largest economy.", 0, {"subject": "IND"}),
    ("ar", "تفوقت الهند على بريطانيا لتصبح خامس أكبر اقتصاد في العالم.", 0, {"subject": "IND"}),
    ("en", "Japan's economy is now the world's fourth-largest.", 0, {"subject": "JPN"}),
    ("en", "Russia is China's second-largest supplier of LNG.", 0, {"subject": "RUS"}),
    ("ar", "جاءت الإمارات ثانية بعد سنغافورة.", 0, {"kind": "rank", "value": Decimal(2), "subject": "ARE"}),
    # "one of the largest" and "its lowest level" rank nothing
    ("en", "Egypt is one of the largest importers of wheat.", 0, {"kind": "level", "check_worthy": False}),
    ("ar", "بلغ التضخم 30 في المائة في شهر ديسمبر.", -1, {"period": "2022-12", "value": Decimal(30)}),
    # Arabic: the future prefix on change verbs, verbs that act on what they change, short asides
    ("ar", "سيرتفع الإنتاج بنسبة 5 في المائة.", 0, {"kind": "change", "direction": "increase", "modality": "forecast"}),
    ("ar", "خفض البنك سعر الفائدة بمقدار 200 نقطة أساس.", 0, {"kind": "change", "direction": "decrease"}),
    ("ar", "ارتفع مؤشر السوق (تاسي) بنسبة 0.8 في المائة.", 0, {"kind": "change", "metric": "مؤشر السوق"}),
    ("ar", "تعتزم قطر رفع إنتاجها إلى 142 مليون طن.", 0, {"modality": "target"}),
    # a period right after a number is that number's; an amount written without its currency
    # after one with it is in the same currency
    ("ar", "بلغت الإيرادات 10 مليارات دولار في 2021 مقابل 8 مليارات في 2020.", 0, {"period": "2021"}),
    ("ar", "بلغت الإيرادات 10 مليارات دولار في 2021 مقابل 8 مليارات في 2020.", 2, {"period": "2020", "unit": "USD"}),
    ("en", "The deficit was $36.9bn in 2021, against $48.4bn in 2020.", 2, {"period": "2020", "metric": "deficit"}),
    # capitals stand for their governments
    ("ar", "أعلنت واشنطن رسوماً بنسبة 25 في المائة على واردات الصين.", 0, {"entities": ["USA", "CHN"]}),
    ("en", "Beijing and Moscow said trade rose 26% in 2021.", 0, {"entities": ["CHN", "RUS"], "metric": "trade"}),
    # a superlative after an explicit rank names the field; a count before أضعاف is the multiple's
    ("ar", "جاء الاقتصاد السعودي في المرتبة السابعة عشرة بين أكبر اقتصادات العالم.", -1, {"value": Decimal(17)}),
    ("ar", "ارتفعت الإيرادات ثلاثة أضعاف.", -1, {"kind": "change", "unit": "times", "value": Decimal(3)}),
]


@pytest.mark.parametrize(("lang", "text", "index", "expected"), CASES, ids=[f"{c[1][:40]}#{c[2]}" for c in CASES])
def test_claim_rules(lang: str, text: str, index: int, expected: dict) -> None:
    claims = mine_claims(text, lang, dt.date(2022, 12, 30))
    claim = claims[index]
    for name, value in expected.items():
        assert _field(claim, name) == value, name


def test_one_claim_for_a_count_of_multiples_and_for_a_ranked_field() -> None:
    assert len(mine_claims("ارتفعت الإيرادات ثلاثة أضعاف.", "ar")) == 1
    assert len(mine_claims("جاء الاقتصاد السعودي في المرتبة السابعة عشرة بين أكبر اقتصادات العالم.", "ar")) == 1


def test_one_of_the_largest_and_a_record_level_make_no_rank() -> None:
    assert mine_claims("هذا المورد يعد من أكبر مصادر النقد الأجنبي في مصر.", "ar") == []
    claims = mine_claims("هبط إنتاج السعودية إلى 9 ملايين برميل يومياً، وهو من أدنى مستوياته منذ سنوات.", "ar")
    assert [str(c.kind) for c in claims] == ["level"]


def test_a_sentence_starts_with_its_first_word_whole() -> None:
    (claim,) = mine_claims("وقال إن التجارة نمت 25 في المائة.", "ar")
    assert claim.sentence.start == 0


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ar", "حجم التجارة أكبر من العام الماضي."), ("en", "Exports were larger than expected."), ("ar", "أكبر")],
)
def test_comparisons_are_no_ranks(lang: str, text: str) -> None:
    assert mine_claims(text, lang) == []


def test_group_word_resolves_to_the_countries_named_before() -> None:
    text = "اتصل رئيس روسيا بنظيره الصيني. وقال إن التجارة بين البلدين نمت بنسبة 30 في المائة."
    (claim,) = [c for c in mine_claims(text, "ar") if c.check_worthy]
    assert claim.entities == ("RUS", "CHN")


def test_relative_year_without_a_date_stays_relative() -> None:
    (claim,) = mine_claims("China's GDP rose 5.2% last year.", "en")
    assert claim.period is not None
    assert (claim.period.year, claim.period.relative) == (None, -1)


def test_claim_json_schema() -> None:
    (claim,) = mine_claims("نمو بنسبة 25 في المائة تقريباً في عام 2022 بين روسيا والصين", "ar")[:1]
    record = claim.to_json()
    assert list(record) == [
        "id", "start", "end", "text", "sentence", "kind", "value", "low", "high", "unit", "as_written", "approx",
        "comparator", "direction", "period", "entities", "subject", "metric", "criterion", "modality",
        "check_worthy", "reason", "mentions", "rule", "entities_from", "aggregate", "fiscal_year", "qualifiers",
        "scope", "base", "partners",
    ]  # fmt: skip
    assert record["mentions"] == [{"start": claim.span.start, "end": claim.span.end, "kind": "percent"}]


def test_never_raises_on_odd_text() -> None:
    for text in ["", "   ", "\ud800", "٢٥٪ ٪ %% 25 25 25", "(((", "بين و و و 5", "المرتبة", "والرابعة"]:
        for claim in mine_claims(text):
            assert text[claim.span.start : claim.span.end] == claim.text
