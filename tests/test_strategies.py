"""factcheck.testing.strategies: its options are checked, and factcheck reads what it draws.

These are also the end-to-end properties of issue 7: every generated claim is mined with the value
it was written with, and a verdict does not depend on the digit script or on Arabic marks.
"""

from __future__ import annotations

import contextlib
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factcheck import check_text, find_mentions, parse_numeral
from factcheck.mine.claims import mine_claims
from factcheck.reference.store import open_store
from factcheck.testing.strategies import (
    DIGIT_SCRIPTS,
    arabic_words,
    claim_sentences,
    english_words,
    money_phrases,
    numerals,
    percentages,
    quantity_phrases,
    rank_phrases,
    reference_tables,
    with_digits,
)


@pytest.mark.parametrize(
    "make",
    [
        lambda: numerals(languages=("fr",)),
        lambda: numerals(languages="ar"),
        lambda: numerals(scripts=()),
        lambda: numerals(min_value=5, max_value=1),
        lambda: money_phrases(currencies=("XYZ",)),
        lambda: rank_phrases(max_rank=11),
        lambda: claim_sentences(kinds=("rank",)),
        lambda: claim_sentences(years=(2024, 2000)),
        lambda: reference_tables(entities=("EGY", "EGY")),
        lambda: reference_tables(min_rows=0),
    ],
)
def test_bad_options_are_refused_when_the_strategy_is_made(make) -> None:
    with pytest.raises(InvalidArgument):
        make()


@pytest.mark.parametrize(
    ("n", "english", "arabic"),
    [
        (25, "twenty-five", "خمسة وعشرون"),
        (125, "one hundred and twenty-five", "مئة وخمسة وعشرون"),
        (2000, "two thousand", "ألفان"),
        (3_500_000, "three million five hundred thousand", "ثلاثة ملايين وخمسمئة ألف"),
    ],
)
def test_the_number_word_writers(n: int, english: str, arabic: str) -> None:
    assert (english_words(n), arabic_words(n)) == (english, arabic)
    assert parse_numeral(english) == parse_numeral(arabic) == n


def test_with_digits() -> None:
    assert with_digits("1,234.5", "arabic-indic") == "١٬٢٣٤٫٥"
    assert with_digits("in 2022, 25.", "persian") == "in ۲۰۲۲, ۲۵."  # only separators between digits change


@given(numerals())
def test_numerals_are_read_as_drawn(drawn) -> None:
    [mention] = find_mentions(drawn.text)
    assert mention.value == drawn.value and mention.text == drawn.text


@given(percentages() | money_phrases(scripts=DIGIT_SCRIPTS) | quantity_phrases() | rank_phrases())
def test_phrases_are_read_as_drawn(drawn) -> None:
    [claim] = [c for c in mine_claims(drawn.text, drawn.lang) if c.value is not None]
    assert claim.value == drawn.value
    if drawn.kind != "rank":
        assert claim.unit == drawn.unit
    else:
        assert str(claim.kind) == "rank"


@given(claim_sentences())
def test_every_generated_claim_is_mined_with_its_value(drawn) -> None:
    worthy = [c for c in mine_claims(drawn.text, drawn.lang) if c.check_worthy]
    assert len(worthy) == 1, drawn.text
    claim = worthy[0]
    assert claim.value == drawn.value and claim.unit == drawn.unit
    assert str(claim.kind) == drawn.claim["kind"] and claim.direction == drawn.claim["direction"]
    assert claim.entities == drawn.claim["entities"]
    assert claim.period is not None and claim.period.year == drawn.claim["year"]


@contextlib.contextmanager
def _store(table):
    with tempfile.TemporaryDirectory() as name:
        store = open_store([table.write(Path(name))], cache=False)
        try:
            yield store
        finally:
            store.close()


_TATWEEL = "\u0640"
_FATHA = "\u064e"


@settings(max_examples=40, deadline=None)
@given(reference_tables(entities=("EGY",), years=(2022, 2022)), st.sampled_from(DIGIT_SCRIPTS[1:]), st.data())
def test_a_verdict_does_not_depend_on_digits_or_marks(table, script: str, data) -> None:
    (_, _, value) = table.rows[0]
    written = data.draw(st.sampled_from([value, value * 2]).map(lambda v: v.quantize(Decimal("0.01"))))
    plain = f"بلغت صادرات الأدوات في مصر {written} دولار في عام 2022."
    marked = plain.replace("صادرات", "صـادرات").replace("الأدوات", "الأَدوات") + _TATWEEL
    assert _TATWEEL in marked and _FATHA in marked
    variants = [plain, plain.replace(str(written), with_digits(str(written), script)), marked]
    with _store(table) as store:
        verdicts = {str(check_text(t, lang="ar", store=store).findings[0].verdict) for t in variants}
    assert len(verdicts) == 1
    assert verdicts <= {"SUPPORTED", "CONTRADICTED"}  # judged, not merely unverifiable alike
    assert verdicts == ({"SUPPORTED"} if written == value.quantize(Decimal("0.01")) else {"CONTRADICTED"})
