"""The number grammar, language by language: each case is a sentence and every number in it.

These test the number layer alone (:func:`find_number_phrases`): units, hedges and ranges are read
on top of it and tested in test_quantities.py.

Expected values were worked out by hand from the Arabic and English grammar, not produced by the
code under test.  Each expected mention is ``(text as written, value, kind)``; the text must be the
exact slice of the input.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.mine.mentions import find_mentions, languages_for, to_decimal
from factcheck.mine.numbers import find_number_phrases
from factcheck.text.normalize import normalize

N, ORD = "number", "ordinal"

ARABIC = [
    # digits and scale words
    ("ارتفع إلى 200 مليار دولار", [("200 مليار", "200000000000", N)]),
    ("نحو ٢٠٠ مليار", [("٢٠٠ مليار", "200000000000", N)]),
    ("بلغ 1.5 مليار", [("1.5 مليار", "1500000000", N)]),
    ("10 آلاف وظيفة", [("10 آلاف", "10000", N)]),
    ("3 مليون نسمة", [("3 مليون", "3000000", N)]),
    ("3 ملايين و500 ألف", [("3 ملايين و500 ألف", "3500000", N)]),
    ("15.5 مليار متر مكعب", [("15.5 مليار", "15500000000", N)]),
    ("بمليار دولار", [("مليار", "1000000000", N)]),
    ("٣٫٥ تريليون", [("٣٫٥ تريليون", "3500000000000", N)]),
    # words: units, teens, tens, compounds
    ("خمسة وعشرون", [("خمسة وعشرون", "25", N)]),
    ("خمس وعشرين سنة", [("خمس وعشرين", "25", N)]),
    ("ثلاثة عشر", [("ثلاثة عشر", "13", N)]),
    ("ثلاث عشرة دولة", [("ثلاث عشرة", "13", N)]),
    ("أحد عشر لاعباً", [("أحد عشر", "11", N)]),
    ("اثنا عشر شهراً", [("اثنا عشر", "12", N)]),
    ("اثنتي عشرة ساعة", [("اثنتي عشرة", "12", N)]),
    ("مئة وخمسة وعشرون", [("مئة وخمسة وعشرون", "125", N)]),
    ("مائة وثلاثة عشر", [("مائة وثلاثة عشر", "113", N)]),
    ("مئتان", [("مئتان", "200", N)]),
    ("مائتي ألف", [("مائتي ألف", "200000", N)]),
    ("ثلاثمئة", [("ثلاثمئة", "300", N)]),
    ("ثلاث مئة", [("ثلاث مئة", "300", N)]),
    ("تسعمائة وتسعة وتسعون", [("تسعمائة وتسعة وتسعون", "999", N)]),
    ("ألف وتسعمئة وخمسة وتسعون", [("ألف وتسعمئة وخمسة وتسعون", "1995", N)]),
    ("ثلاثة آلاف", [("ثلاثة آلاف", "3000", N)]),
    ("خمسة وعشرون ألفاً", [("خمسة وعشرون ألفاً", "25000", N)]),
    ("مئة ألف", [("مئة ألف", "100000", N)]),
    ("مليون وخمسمئة ألف", [("مليون وخمسمئة ألف", "1500000", N)]),
    ("ثلاثة ملايين ومئتان وخمسون ألفاً", [("ثلاثة ملايين ومئتان وخمسون ألفاً", "3250000", N)]),
    ("ملياران وثلاثمئة مليون", [("ملياران وثلاثمئة مليون", "2300000000", N)]),
    # duals
    ("مليونين", [("مليونين", "2000000", N)]),
    ("ملياري دولار", [("ملياري", "2000000000", N)]),
    ("ألفين", [("ألفين", "2000", N)]),
    ("بعد مرور يومين", [("يومين", "2", N)]),
    ("استمر نحو دقيقتين", [("دقيقتين", "2", N)]),
    ("خلال عامين", [("عامين", "2", N)]),
    ("لترين من الماء", [("لترين", "2", N)]),
    ("ساعتين", [("ساعتين", "2", N)]),
    # fractions
    ("نصف السكان", [("نصف", "0.5", N)]),
    ("ربع مليون", [("ربع مليون", "250000", N)]),
    ("نصف مليار دولار", [("نصف مليار", "500000000", N)]),
    ("مليون ونصف", [("مليون ونصف", "1500000", N)]),
    ("ثلاثة ونصف", [("ثلاثة ونصف", "3.5", N)]),
    ("ثلاثة أرباع", [("ثلاثة أرباع", "0.75", N)]),
    ("ثلثي الأصوات", [("ثلثي", "0.6666666666666666666666666667", N)]),
    ("فاصلة", []),
    ("اثنان فاصلة خمسة", [("اثنان فاصلة خمسة", "2.5", N)]),
    # definite forms
    ("الخمسة", [("الخمسة", "5", N)]),
    ("المليون", [("المليون", "1000000", N)]),
    # ordinals
    ("المرتبة الثانية", [("الثانية", "2", ORD)]),
    ("والرابعة في إمدادات", [("الرابعة", "4", ORD)]),
    ("المركز الثامن", [("الثامن", "8", ORD)]),
    ("ثاني أكبر", [("ثاني", "2", ORD)]),
    ("الأول عالمياً", [("الأول", "1", ORD)]),
    ("الأولى", [("الأولى", "1", ORD)]),
    ("العاشر", [("العاشر", "10", ORD)]),
    ("الحادي عشر", [("الحادي عشر", "11", ORD)]),
    ("الحادية عشرة", [("الحادية عشرة", "11", ORD)]),
    ("الثانية عشرة", [("الثانية عشرة", "12", ORD)]),
    ("الحادي والعشرون", [("الحادي والعشرون", "21", ORD)]),
    ("الخامسة والثلاثين", [("الخامسة والثلاثين", "35", ORD)]),
    ("المئة والخامسة والعشرون", [("المئة والخامسة والعشرون", "125", ORD)]),
    ("العشرون", [("العشرون", "20", ORD)]),
    # things that are not numbers, or not one number
    ("يوم الاثنين", []),
    ("يوم الأحد", []),
    ("لم يتمكن أحد من الحضور", []),
    ("إحدى الدول", []),
    ("لست متأكداً", []),
    ("آلاف المتظاهرين", []),
    ("ملايين الناس", []),
    ("في المئة", []),
    ("الربع الأول", [("الأول", "1", ORD)]),
    ("أساس متين", []),
    ("بين ثلاثة وخمسة", [("ثلاثة", "3", N), ("خمسة", "5", N)]),
    ("بين 3 و5", [("3", "3", N), ("5", "5", N)]),
    ("عشرة وعشرون", [("عشرة", "10", N), ("عشرون", "20", N)]),
    ("في الصين والبلدين", []),
    # clitics and joined digits
    ("ولخمسة أيام", [("خمسة", "5", N)]),
    ("بـ25 نقطة", [("25", "25", N)]),
    ("عام 2022، ثم 2023", [("2022", "2022", N), ("2023", "2023", N)]),
    ("«التفاعل البحري - 2022»", [("2022", "2022", N)]),
    ("من 10-20", [("10", "10", N), ("20", "20", N)]),
    ("-5 درجات", [("-5", "-5", N)]),
    # Egyptian
    ("حداشر", [("حداشر", "11", N)]),
    ("تلتمية وخمسين", [("تلتمية وخمسين", "350", N)]),
    ("متين واحد وعشرين", [("متين واحد وعشرين", "221", N)]),
    ("اتنين مليون", [("اتنين مليون", "2000000", N)]),
    # vague counts
    ("بضعة أيام", [("بضعة", "3", N)]),
]

ENGLISH = [
    ("twenty-five", [("twenty-five", "25", N)]),
    ("one hundred and five", [("one hundred and five", "105", N)]),
    ("nineteen hundred", [("nineteen hundred", "1900", N)]),
    ("two thousand, five hundred", [("two thousand, five hundred", "2500", N)]),
    ("1.5 million barrels", [("1.5 million", "1500000", N)]),
    ("3 million barrels a day", [("3 million", "3000000", N)]),
    ("$200bn", [("200bn", "200000000000", N)]),
    ("US$1.2 trillion", [("1.2 trillion", "1200000000000", N)]),
    ("3D printing", []),  # digits glued to letters that are no suffix: an identifier
    ("the 1990s", []),
    ("200 billion", [("200 billion", "200000000000", N)]),
    ("100k", [("100k", "100000", N)]),
    ("a quarter", [("a quarter", "0.25", N)]),
    ("half", [("half", "0.5", N)]),
    ("half a million", [("half a million", "500000", N)]),
    ("two thirds", [("two thirds", "0.6666666666666666666666666667", N)]),
    ("three quarters", [("three quarters", "0.75", N)]),
    ("one and a half", [("one and a half", "1.5", N)]),
    ("two and a half million", [("two and a half million", "2500000", N)]),
    ("a dozen", [("a dozen", "12", N)]),
    ("a couple of weeks", [("a couple", "2", N)]),
    ("a million", [("a million", "1000000", N)]),
    ("three point five", [("three point five", "3.5", N)]),
    ("point two five", [("point two five", "0.25", N)]),
    ("minus five", [("minus five", "-5", N)]),
    ("fell 4.6%", [("4.6", "4.6", N)]),
    ("first", [("first", "1", ORD)]),
    ("1st", [("1st", "1", ORD)]),
    ("22nd", [("22nd", "22", ORD)]),
    ("103rd", [("103rd", "103", ORD)]),
    ("second-largest", [("second", "2", ORD)]),
    ("ranked fourth", [("fourth", "4", ORD)]),
    ("twenty-first", [("twenty-first", "21", ORD)]),
    ("one hundred and first", [("one hundred and first", "101", ORD)]),
    ("the third term", [("third", "3", ORD)]),
    ("a third of voters", [("a third", "0.3333333333333333333333333333", N)]),
    ("one third", [("one third", "0.3333333333333333333333333333", N)]),
    ("between 3 and 5", [("3", "3", N), ("5", "5", N)]),
    ("five and six", [("five", "5", N), ("six", "6", N)]),
    ("in 2021 500 people", [("2021", "2021", N), ("500", "500", N)]),
    ("the G20 and 5G", []),
    ("COVID-19", [("19", "19", N)]),
    ("million", [("million", "1000000", N)]),
    ("thousands of people", []),
    ("the first quarter", [("first", "1", ORD)]),
    ("1/5", [("1/5", "0.2", N)]),
    ("on 30/12/2022", [("30", "30", N), ("12", "12", N), ("2022", "2022", N)]),
]


def numbers(text: str, lang: str) -> list:
    """The number phrases of ``text`` as (original text, value, kind, phrase)."""
    nt = normalize(text)
    out = []
    for p in find_number_phrases(nt, languages_for(lang)):
        span = nt.to_original(p.start, p.end)
        out.append((text[span.start : span.end], to_decimal(p.value), "ordinal" if p.ordinal else "number", p))
    return out


def _check(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    got = numbers(text, lang)
    assert [(t, v, k) for t, v, k, _ in got] == [(t, Decimal(v), k) for t, v, k in expected]


@pytest.mark.parametrize(("text", "expected"), ARABIC, ids=[t for t, _ in ARABIC])
def test_arabic(text: str, expected: list[tuple[str, str, str]]) -> None:
    _check(text, "ar", expected)


@pytest.mark.parametrize(("text", "expected"), ENGLISH, ids=[t for t, _ in ENGLISH])
def test_english(text: str, expected: list[tuple[str, str, str]]) -> None:
    _check(text, "en", expected)


def test_auto_reads_each_script_with_its_language() -> None:
    got = find_mentions("نمو خمسة وعشرون and twenty-five", lang="auto")
    assert [(m.text, m.value) for m in got] == [("خمسة وعشرون", 25), ("twenty-five", 25)]


def test_arabic_only_ignores_english_words() -> None:
    assert [t for t, *_ in numbers("twenty-five ثلاثة", "ar")] == ["ثلاثة"]


def test_resolution_follows_what_was_written() -> None:
    (m,) = find_mentions("200 مليار", lang="ar")
    assert m.resolution == Decimal(10) ** 9
    (m,) = find_mentions("1.5 مليار", lang="ar")
    assert m.resolution == Decimal(10) ** 8
    (m,) = find_mentions("25", lang="ar")
    assert m.resolution == 1
    (m,) = find_mentions("2.25", lang="en")
    assert m.resolution == Decimal("0.01")


def test_dual_records_the_counted_noun() -> None:
    ((_, value, _, phrase),) = numbers("دقيقتين", "ar")
    assert (value, phrase.counted.value, phrase.rule) == (2, "minute", "number.dual_noun")


def test_rules_are_named() -> None:
    rules = {t: p.rule for t, _, _, p in numbers("25، 200 مليار، خمسة، الثانية، مليونين", "ar")}
    assert rules == {
        "25": "number.digits",
        "200 مليار": "number.digits_scale",
        "خمسة": "number.words",
        "الثانية": "ordinal.words",
        "مليونين": "number.dual_scale",
    }


def test_a_state_copy_carries_every_field_and_is_independent() -> None:
    from factcheck.mine.grammar import State

    state = State()
    for i, name in enumerate(State.__slots__):
        setattr(state, name, f"field-{i}")
    new = state.copy()
    assert [getattr(new, n) for n in State.__slots__] == [getattr(state, n) for n in State.__slots__]
    new.total = "changed"
    assert state.total != "changed"
