"""Normalisation: what it changes, what it leaves alone, and the map back to the original."""

from __future__ import annotations

import unicodedata

import pytest

from factcheck.errors import InputError
from factcheck.model import Span
from factcheck.text.normalize import lookup_key, normalize, replacement


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        pytest.param("abc 123", "abc 123", id="ascii-identity"),
        pytest.param("٠١٢٣٤٥٦٧٨٩", "0123456789", id="arabic-indic-digits"),
        pytest.param("۰۱۲۳۴۵۶۷۸۹", "0123456789", id="persian-digits"),
        pytest.param("०१२३", "0123", id="devanagari-digits"),
        pytest.param("１２３", "123", id="fullwidth-digits"),
        pytest.param("١٬٢٣٤٫٥", "1,234.5", id="arabic-separators"),
        pytest.param("٢٥٪", "25%", id="arabic-percent"),
        pytest.param("١،٢٣٤", "1،234", id="arabic-comma-kept"),
        pytest.param("مـلـيـار", "مليار", id="tatweel"),
        pytest.param("خَمْسَةٌ وَعِشْرُونَ", "خمسة وعشرون", id="harakat"),
        pytest.param("هٰذا", "هذا", id="superscript-alef"),
        pytest.param("25\u200f%", "25%", id="rlm"),
        pytest.param("\u202b25\u202c", "25", id="embedding"),
        pytest.param("\u206625\u2069", "25", id="isolate"),
        pytest.param("\u061c-5", "-5", id="arabic-letter-mark"),
        pytest.param("\ufeffabc", "abc", id="bom"),
        pytest.param("thou\u00adsand", "thousand", id="soft-hyphen"),
        pytest.param("a\u200bb", "a b", id="zero-width-space-is-a-space"),
        pytest.param("\ufefb", "لا", id="lam-alef-ligature"),
        pytest.param("\ufdfc", "ريال", id="rial-sign"),
        pytest.param("\ufe8d\ufe91", "اب", id="presentation-letters"),
        pytest.param("−5 – 6 — 7", "-5 - 6 - 7", id="dashes"),
        pytest.param("ＡＢＣ％", "ABC%", id="fullwidth-ascii"),
    ],
)
def test_normalize_text(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_letter_folding_is_for_keys_only() -> None:
    assert normalize("إحدى أربعة مئة").text == "إحدى أربعة مئة"
    assert lookup_key("إحدى") == lookup_key("احدي")
    assert lookup_key("أربعة") == "اربعه"
    assert lookup_key("Twenty") == "twenty"


def test_offsets_map_back_through_deletions_and_expansions() -> None:
    original = "ق\u0640\u064e\u200f\ufefbد ٢٥"
    nt = normalize(original)
    assert nt.text == "قلاد 25"
    # the two characters of the ligature map to the one original character
    assert nt.to_original(1, 2) == nt.to_original(2, 3) == Span(4, 5)
    assert nt.to_original(1, 3) == Span(4, 5)
    # a span over deleted characters covers them
    assert nt.to_original(0, 2) == Span(0, 5)
    assert original[nt.to_original(5, 7).start : nt.to_original(5, 7).end] == "٢٥"


def test_identity_offsets_for_plain_text() -> None:
    nt = normalize("plain text 2022")
    assert nt.is_identity
    assert all(nt.start_of(i) == i for i in range(len(nt.text)))


def test_deleted_characters_at_the_ends() -> None:
    nt = normalize("\u200f25\u200f")
    assert nt.text == "25"
    assert nt.to_original(0, 2) == Span(1, 3)


def test_empty_and_all_deleted() -> None:
    assert normalize("").text == ""
    assert normalize("\u200f\u0640\u064b").text == ""


def test_lone_surrogates_pass_through() -> None:
    nt = normalize("a\ud800b")
    assert nt.text == "a\ud800b"


def test_not_a_string() -> None:
    with pytest.raises(InputError, match="needs a str"):
        normalize(b"bytes")  # type: ignore[arg-type]


def test_every_length_change_is_in_the_scanned_class() -> None:
    """The offset map only looks at characters in _CHANGING; check the table agrees on all of the BMP."""
    from factcheck.text.normalize import _CHANGING

    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        if len(replacement(ch)) != 1:
            assert _CHANGING.match(ch), f"U+{cp:04X} changes length but is not scanned"


def test_every_decimal_digit_becomes_ascii() -> None:
    for cp in range(0x110000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        digit = unicodedata.decimal(ch, None)
        if digit is not None:
            assert replacement(ch) == str(digit)
