"""Digit runs: grouping and decimal conventions, and what happens when a run is not one number."""

from __future__ import annotations

from decimal import Decimal

import pytest

from factcheck.errors import NumeralError
from factcheck.lang import Conventions, get_conventions
from factcheck.mine.mentions import parse_numeral, parse_ordinal
from factcheck.text.numerals import read_digit_run


def values(raw: str, conv: Conventions | None = None) -> list[str]:
    conv = conv or Conventions()
    out = []
    for _s, _e, value, _res in read_digit_run(raw, conv.decimal, conv.group):
        out.append(str(Decimal(value.numerator) / Decimal(value.denominator)))
    return out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022", ["2022"]),
        ("0033", ["33"]),
        ("1,234", ["1234"]),
        ("1,234.5", ["1234.5"]),
        ("1,234,567", ["1234567"]),
        ("12,34,567", ["1234567"]),  # Indian grouping
        ("1.5", ["1.5"]),
        (".77", ["0.77"]),
        ("0,08", ["0.08"]),  # decimal comma
        ("3,5", ["3.5"]),
        ("1.234,5", ["1234.5"]),
        ("1.234.567", ["1234567"]),
        ("1\u00a0234", ["1234"]),  # no-break space
        ("1\u202f234\u202f567", ["1234567"]),  # narrow no-break space
        ("1 234 567", ["1234567"]),  # ordinary spaces, two groups
        ("1'234'567", ["1234567"]),
        ("1،234،567", ["1234567"]),  # Arabic comma grouping
        ("1,2,3", ["1", "2", "3"]),  # a list
        ("30.12.2022", ["30", "12", "2022"]),  # a date
        ("2021 500", ["2021", "500"]),  # two numbers
        ("5 100", ["5", "100"]),
    ],
)
def test_read_digit_run_default(raw: str, expected: list[str]) -> None:
    assert values(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.234", ["1234"]),
        ("1.234,5", ["1234.5"]),
        ("0,08", ["0.08"]),
        ("1,5", ["1.5"]),
        ("1.5", ["1.5"]),  # not a valid grouping: read as the decimal point
    ],
)
def test_read_digit_run_decimal_comma(raw: str, expected: list[str]) -> None:
    assert values(raw, Conventions(decimal=",", group=".")) == expected


def test_resolution_is_the_last_digit() -> None:
    ((_, _, _, res),) = read_digit_run("1.25")
    assert res == pytest.approx(0.01)


def test_conventions_from_cldr() -> None:
    assert get_conventions("ar-MA") == Conventions(decimal=",", group=".")
    assert get_conventions("ar-EG") == Conventions(decimal=".", group=",")
    assert get_conventions("ar") == Conventions()
    assert get_conventions("auto") == Conventions()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("١٬٢٣٤٫٥", "ar", "1234.5"),
        ("١،٢٣٤،٥٦٧", "ar", "1234567"),
        ("٠,٠٨", "ar", "0.08"),
        ("-1,200,000", "en", "-1200000"),
        ("−١٫٥", "ar", "-1.5"),
        ("ناقص خمسة", "ar", "-5"),
        ("سالب ١٢", "ar", "-12"),
        ("minus 1,200,000", "en", "-1200000"),
        ("1.234,5", "ar-MA", "1234.5"),
        ("1.234", "ar-MA", "1234"),
        ("1.234", "ar", "1.234"),
        ("١٬٢٣٤٫٥", "ar-MA", "1234.5"),  # Arabic separators say which is which
        ("  25\u200f ", "ar", "25"),
        ("3/4", "en", "0.75"),
    ],
)
def test_parse_numeral(text: str, lang: str, expected: str) -> None:
    assert parse_numeral(text, lang=lang) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", None),
        ("", "empty"),
        ("   ", "empty"),
        ("25 apples", None),
        ("1 and 2", "several numbers"),
        ("الثانية", "ordinal"),
        ("يومين", "duration"),
        ("a few", "vague"),
        ("أحد", None),  # "someone": a number only inside أحد عشر
    ],
)
def test_parse_numeral_rejects(text: str, reason: str | None) -> None:
    with pytest.raises(NumeralError) as info:
        parse_numeral(text)
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith(f"invalid literal for parse_numeral(): {text!r}")
    if reason:
        assert reason in str(info.value)


def test_parse_ordinal() -> None:
    assert parse_ordinal("الحادي عشر") == 11
    assert parse_ordinal("21st") == 21
    assert parse_ordinal("المئة والخامسة والعشرون") == 125
    with pytest.raises(NumeralError, match="cardinal"):
        parse_ordinal("خمسة")


def test_wa_before_a_hamza_is_the_conjunction() -> None:
    # "وأحد" is و + أحد (the hamza says so); folded, it would read as واحد, "one", and end the number
    from factcheck.mine.mentions import find_mentions

    assert [m.value for m in find_mentions("خمسة آلاف وأحد عشر", "ar")] == [5011]
    assert [m.value for m in find_mentions("ألف وأحد عشر", "ar")] == [1011]
