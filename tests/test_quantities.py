"""Mentions with units, currencies, ranges, compounds, hedges and comparators, in both languages.

Each case is a sentence and the mentions expected in it, worked out by hand:
``(text as written, value, low, high, kind, unit, approx, comparator)``; None where absent.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.lang import get_common, get_language
from factcheck.mine.mentions import find_mentions
from factcheck.units import canonical, convert, registry, unit_kind


def D(v):  # reads like the value it builds
    return None if v is None else Decimal(str(v))


CASES = [
    # percentages and points
    ("ar", "بنسبة 25 في المائة تقريباً", [("25 في المائة", 25, None, None, "percent", "%", True, "=")]),
    ("ar", "نمو ٢٥٪", [("٢٥٪", 25, None, None, "percent", "%", False, "=")]),
    ("ar", "بنسبة %25", [("%25", 25, None, None, "percent", "%", False, "=")]),
    ("ar", "تراجع 3.5 نقطة مئوية", [("3.5 نقطة مئوية", "3.5", None, None, "percent", "percentage_point", False, "=")]),
    ("ar", "بنسبة 5 بالمئة", [("5 بالمئة", 5, None, None, "percent", "%", False, "=")]),
    ("en", "fell 4.6%", [("4.6%", "4.6", None, None, "percent", "%", False, "=")]),
    ("en", "25 per cent", [("25 per cent", 25, None, None, "percent", "%", False, "=")]),
    (
        "en",
        "rose 2 percentage points",
        [("2 percentage points", 2, None, None, "percent", "percentage_point", False, "=")],
    ),
    # money
    ("ar", "200 مليار دولار", [("200 مليار دولار", 200_000_000_000, None, None, "money", "USD", False, "=")]),
    ("ar", "ملياري دولار", [("ملياري دولار", 2_000_000_000, None, None, "money", "USD", False, "=")]),
    ("ar", "خمسون دولاراً", [("خمسون دولاراً", 50, None, None, "money", "USD", False, "=")]),
    ("ar", "42 دينار كويتي", [("42 دينار كويتي", 42, None, None, "money", "KWD", False, "=")]),
    ("ar", "42 ليرة لبنانية", [("42 ليرة لبنانية", 42, None, None, "money", "LBP", False, "=")]),
    ("ar", "3 جنيهات استرلينية", [("3 جنيهات استرلينية", 3, None, None, "money", "GBP", False, "=")]),
    ("ar", "50 ر.س", [("50 ر.س", 50, None, None, "money", "SAR", False, "=")]),
    ("ar", "100 ريال", [("100 ريال", 100, None, None, "money", "riyal", False, "=")]),
    ("ar", "20 دولار و43 سنت", [("20 دولار و43 سنت", "20.43", None, None, "money", "USD", False, "=")]),
    ("en", "$200bn", [("$200bn", 200_000_000_000, None, None, "money", "USD", False, "=")]),
    ("en", "US$1.2 trillion", [("US$1.2 trillion", 1_200_000_000_000, None, None, "money", "USD", False, "=")]),
    ("en", "USD 3.5m", [("USD 3.5m", 3_500_000, None, None, "money", "USD", False, "=")]),
    ("en", "£3.5m", [("£3.5m", 3_500_000, None, None, "money", "GBP", False, "=")]),
    ("en", "a US$4.7 billion deal", [("US$4.7 billion", 4_700_000_000, None, None, "money", "USD", False, "=")]),
    ("en", "200 billion dollars", [("200 billion dollars", 200_000_000_000, None, None, "money", "USD", False, "=")]),
    ("en", "42 Kuwaiti dinars", [("42 Kuwaiti dinars", 42, None, None, "money", "KWD", False, "=")]),
    ("en", "ten pounds", [("ten pounds", 10, None, None, "money", "pound", False, "=")]),
    # quantities, durations, temperatures
    (
        "ar",
        "15.5 مليار متر مكعب",
        [("15.5 مليار متر مكعب", 15_500_000_000, None, None, "quantity", "cubic_meter", False, "=")],
    ),
    (
        "ar",
        "3 ملايين برميل يومياً",
        [("3 ملايين برميل يومياً", 3_000_000, None, None, "quantity", "barrel/day", False, "=")],
    ),
    ("ar", "مليون نسمة", [("مليون نسمة", 1_000_000, None, None, "quantity", "person", False, "=")]),
    ("ar", "ألف وظيفة", [("ألف وظيفة", 1000, None, None, "quantity", "job", False, "=")]),
    ("ar", "نحو دقيقتين", [("دقيقتين", 2, None, None, "duration", "minute", True, "=")]),
    ("ar", "بعد يومين", [("يومين", 2, None, None, "duration", "day", False, "=")]),
    ("ar", "ثلاث ساعات ونصف", [("ثلاث ساعات ونصف", "3.5", None, None, "duration", "hour", False, "=")]),
    ("ar", "منذ شهر", [("شهر", 1, None, None, "duration", "month", False, "=")]),
    # واحد and اثنان after what they count repeat its count: one quantity, nothing added
    ("ar", "ساعة واحدة", [("ساعة واحدة", 1, None, None, "duration", "hour", False, "=")]),
    ("ar", "في يوم واحد", [("يوم واحد", 1, None, None, "duration", "day", False, "=")]),
    ("ar", "طن واحد", [("طن واحد", 1, None, None, "quantity", "tonne", False, "=")]),
    ("ar", "يومان اثنان", [("يومان اثنان", 2, None, None, "duration", "day", False, "=")]),
    ("ar", "مليون واحد", [("مليون واحد", 1_000_000, None, None, "number", None, False, "=")]),
    ("ar", "مليونان اثنان", [("مليونان اثنان", 2_000_000, None, None, "number", None, False, "=")]),
    ("ar", "مليون وواحد", [("مليون وواحد", 1_000_001, None, None, "number", None, False, "=")]),
    ("ar", "ألف واحد وعشرون", [("ألف واحد وعشرون", 1021, None, None, "number", None, False, "=")]),
    ("ar", "لحظتين", [("لحظتين", 2, None, None, "duration", "second", False, "=")]),
    # مليوناً و..., ألفاً و184, ونصف المليون: one number, its value as written
    ("ar", "بلغ مليوناً و845 ألفاً", [("مليوناً و845 ألفاً", 1_845_000, None, None, "number", None, False, "=")]),
    ("ar", "مليارا دولار", [("مليارا دولار", 2_000_000_000, None, None, "money", "USD", False, "=")]),
    ("ar", "31 ألفاً و184", [("31 ألفاً و184", 31_184, None, None, "number", None, False, "=")]),
    ("ar", "مليون ونصف المليون", [("مليون ونصف المليون", 1_500_000, None, None, "number", None, False, "=")]),
    ("ar", "تجاوز 12 ألف حالة", [("12 ألف", 12_000, 12_000, None, "number", None, False, ">")]),
    ("ar", "مسافة 120 كيلومتراً", [("120 كيلومتراً", 120, None, None, "quantity", "kilometer", False, "=")]),
    ("ar", "نحو 40 ميلاً", [("40 ميلاً", 40, None, None, "quantity", "mile", True, "=")]),
    ("ar", "يوم الجمعة", []),
    ("ar", "في العام المقبل", []),
    ("ar", "45 درجة مئوية", [("45 درجة مئوية", 45, None, None, "temperature", "degree_Celsius", False, "=")]),
    ("ar", "درجتين تحت الصفر", [("درجتين تحت الصفر", -2, None, None, "temperature", "degree", False, "=")]),
    (
        "en",
        "3 million barrels a day",
        [("3 million barrels a day", 3_000_000, None, None, "quantity", "barrel/day", False, "=")],
    ),
    ("en", "42 bcm", [("42 bcm", 42, None, None, "quantity", "billion_cubic_meter", False, "=")]),
    ("en", "7 feet 10 inches", [("7 feet 10 inches", 94, None, None, "quantity", "inch", False, "=")]),
    ("en", "2 years and 3 months", [("2 years and 3 months", 27, None, None, "duration", "month", False, "=")]),
    ("en", "an hour and a half", [("an hour and a half", "1.5", None, None, "duration", "hour", False, "=")]),
    ("en", "half an hour", [("half an hour", "0.5", None, None, "duration", "hour", False, "=")]),
    ("en", "37°C", [("37°C", 37, None, None, "temperature", "degree_Celsius", False, "=")]),
    ("en", "two pounds of meat", [("two pounds", 2, None, None, "quantity", "pound", False, "=")]),
    # the British press: "m" for millions before what is counted, pc, temperatures against the digits
    ("en", "10.5m barrels", [("10.5m barrels", 10_500_000, None, None, "quantity", "barrel", False, "=")]),
    ("en", "a 300m tower", [("300m", 300, None, None, "quantity", "meter", False, "=")]),
    ("en", "grew 2.6pc", [("2.6pc", "2.6", None, None, "percent", "%", False, "=")]),
    ("en", "rose 12bp", [("12bp", 12, None, None, "percent", "basis_point", False, "=")]),
    (
        "ar",
        "300 كيلومتر في الساعة",
        [("300 كيلومتر في الساعة", 300, None, None, "quantity", "kilometer/hour", False, "=")],
    ),
    ("ar", "بلغت " + "1" * 50 + " دولار", []),  # no number, and no "one dollar" either
    ("en", "it reached 48C", [("48C", 48, None, None, "temperature", "degree_Celsius", False, "=")]),
    ("en", "Group 4 C", [("4", 4, None, None, "number", None, False, "=")]),
    # Gulf and Egyptian currency abbreviations; prices per unit of a good
    ("en", "SR3.5 billion", [("SR3.5 billion", 3_500_000_000, None, None, "money", "SAR", False, "=")]),
    ("en", "E£3,500", [("E£3,500", 3500, None, None, "money", "EGP", False, "=")]),
    ("en", "Dh50 million", [("Dh50 million", 50_000_000, None, None, "money", "AED", False, "=")]),
    ("en", "$80 a barrel", [("$80 a barrel", 80, None, None, "money", "USD/barrel", False, "=")]),
    ("ar", "80 دولاراً للبرميل", [("80 دولاراً للبرميل", 80, None, None, "money", "USD/barrel", False, "=")]),
    # a rate phrase that names a point in time or a year is no rate
    ("en", "growing 7% a year", [("7% a year", 7, None, None, "percent", "%/year", False, "=")]),
    (
        "en",
        "compared with 7.2% a year earlier",
        [
            ("7.2%", "7.2", None, None, "percent", "%", False, "="),
            ("a year", 1, None, None, "duration", "year", False, "="),
        ],
    ),
    (
        "ar",
        "5 ملايين طن في العام",
        [("5 ملايين طن في العام", 5_000_000, None, None, "quantity", "tonne/year", False, "=")],
    ),
    ("ar", "3.8 في المائة في العام المالي", [("3.8 في المائة", "3.8", None, None, "percent", "%", False, "=")]),
    ("en", "I second that", [("second", 2, None, None, "ordinal", None, False, "=")]),
    # ranges
    ("ar", "بين 3 و5 في المائة", [("3 و5 في المائة", None, 3, 5, "percent", "%", False, "=")]),
    ("ar", "من 10 إلى 20 دولار", [("10 إلى 20 دولار", None, 10, 20, "money", "USD", False, "=")]),
    ("ar", "من عشرة لعشرين دولار", [("عشرة لعشرين دولار", None, 10, 20, "money", "USD", False, "=")]),
    ("ar", "10-20 مليار دولار", [("10-20 مليار دولار", None, 10**10, 2 * 10**10, "money", "USD", False, "=")]),
    ("ar", "منذ 2010 حتى 2022", [("2010 حتى 2022", None, 2010, 2022, "year", None, False, "=")]),
    ("en", "between 3 and 5 million", [("3 and 5 million", None, 3_000_000, 5_000_000, "number", None, False, "=")]),
    ("en", "about $10-$20", [("$10-$20", None, 10, 20, "money", "USD", True, "=")]),
    ("en", "from 2 to 7 g", [("2 to 7 g", None, 2, 7, "quantity", "gram", False, "=")]),
    ("en", "2020-2021", [("2020-2021", None, 2020, 2021, "year", None, False, "=")]),
    ("en", "in 2022/23", [("2022/23", None, 2022, 2023, "year", None, False, "=")]),
    ("en", "in 2022-23", [("2022-23", None, 2022, 2023, "year", None, False, "=")]),
    ("ar", "الموسم 2023/2024", [("2023/2024", None, 2023, 2024, "year", None, False, "=")]),
    # comparators and hedges
    ("ar", "أكثر من 7 يورو", [("7 يورو", 7, 7, None, "money", "EUR", False, ">")]),
    ("ar", "ما لا يقل عن 50 ألف شخص", [("50 ألف شخص", 50000, 50000, None, "quantity", "person", False, ">=")]),
    ("ar", "3.42$ على الأقل", [("3.42$", "3.42", "3.42", None, "money", "USD", False, ">=")]),
    ("ar", "زهاء 40 مليون نسمة", [("40 مليون نسمة", 40_000_000, None, None, "quantity", "person", True, "=")]),
    # a preposition or conjunction joined to the hedge or comparator: بنحو, بأكثر من, وما يزيد على
    ("ar", "تراجع بنحو 50 في المائة", [("50 في المائة", 50, None, None, "percent", "%", True, "=")]),
    ("ar", "قفزت بأكثر من 4 دولارات", [("4 دولارات", 4, 4, None, "money", "USD", False, ">")]),
    ("ar", "وما يزيد على 10 في المائة", [("10 في المائة", 10, 10, None, "percent", "%", False, ">")]),
    ("ar", "ارتفع بأقل من 2 في المائة", [("2 في المائة", 2, None, 2, "percent", "%", False, "<")]),
    ("en", "more than 1,000 people", [("1,000 people", 1000, 1000, None, "quantity", "person", False, ">")]),
    ("en", "up to $3bn", [("$3bn", 3_000_000_000, None, 3_000_000_000, "money", "USD", False, "<=")]),
    ("en", "at most 7€", [("7€", 7, None, 7, "money", "EUR", False, "<=")]),
    # years
    ("ar", "عام 2022", [("2022", 2022, None, None, "year", None, False, "=")]),
    (
        "en",
        "in 2021 500 people",
        [
            ("2021", 2021, None, None, "year", None, False, "="),
            ("500 people", 500, None, None, "quantity", "person", False, "="),
        ],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_mentions(lang: str, text: str, expected: list) -> None:
    got = find_mentions(text, lang=lang)
    for m in got:
        assert text[m.span.start : m.span.end] == m.text
    assert [(m.text, m.value, m.low, m.high, m.kind.value, m.unit, m.approx, m.comparator) for m in got] == [
        (t, D(v), D(lo), D(hi), k, u, a, c) for t, v, lo, hi, k, u, a, c in expected
    ]


def test_hedges_are_recorded_as_written() -> None:
    (m,) = find_mentions("نمو بنسبة 25 في المائة تقريباً", lang="ar")
    assert m.hedge == ("تقريباً",)
    (m,) = find_mentions("more than 1,000 people", lang="en")
    assert m.hedge == ("more than",)


def test_canonical_values() -> None:
    (m,) = find_mentions("0.5 كغ", lang="ar")
    assert m.canonical == (Decimal("0.5"), "kilogram")
    (m,) = find_mentions("2 years and 3 months", lang="en")
    assert m.canonical == (Decimal(27 * 30 * 86400), "second")
    (m,) = find_mentions("98.6°F", lang="en")
    assert m.canonical == (Decimal("37"), "degree_Celsius")
    (m,) = find_mentions("200 مليار دولار", lang="ar")
    assert m.canonical is None


def test_region_decides_a_currency_family() -> None:
    (m,) = find_mentions("100 جنيه", lang="ar-EG")
    assert m.unit == "EGP"
    (m,) = find_mentions("100 جنيه", lang="ar")
    assert m.unit == "pound"


def test_every_unit_in_the_lexicons_is_known_to_pint() -> None:
    ureg = registry()
    for language in (get_language("ar"), get_language("en"), get_common()):
        entries = [e for es in language.lexicon.entries.values() for e in es]
        entries += [e for ps in language.lexicon.phrases.values() for _, e in ps]
        for entry in entries:
            if entry.role == "unit":
                ureg.parse_units(entry.value)  # raises for an unknown unit id


def test_nominal_durations() -> None:
    assert convert(Decimal(2), "year", "month") == 24
    assert convert(Decimal("1.5"), "month", "day") == 45
    assert unit_kind("decade_years") == "duration"
    assert canonical(Decimal(1), "percentage_point") is None
