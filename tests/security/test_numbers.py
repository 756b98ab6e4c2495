"""Findings H4, H5, M12, M14 and M15: numbers never crash a reader or a writer.

* H4, H5: a figure of 30 to 200 digits, with scale words or an exponent, raised
  ``decimal.InvalidOperation`` in the verifier, the unit conversions and the display of numbers.
  Every computation on figures now runs in one Decimal context sized for the largest figure the
  miner reads (:mod:`factcheck.limits`), and a figure beyond it is no number.
* M12: NaN or Infinity in a JSON-lines record came back out as invalid JSON.
* M14: ``parse_numeral("3-5")`` raised AssertionError instead of NumeralError.
* M15: a digit run longer than a reading window was cut and its tail read as a number.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcheck.text.windows as windows_module
from factcheck import NumeralError, check_text, find_mentions, parse_numeral, parse_ordinal
from factcheck.cli import main
from factcheck.display import number, show
from factcheck.jsonout import decimal_text, dumps
from factcheck.limits import FIGURE_DIGITS, FIGURE_EXPONENT, FIGURES, figure_arithmetic, readable_figure
from factcheck.mine.claims import mine_claims
from factcheck.report import render_json
from factcheck.report.ci import render_github, render_sarif
from factcheck.report.claimreview import render_claimreview_json
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.table import render_table
from factcheck.units import convert

from ..conftest import cache_env

DATE = dt.date(2023, 1, 1)

_SCALES = ["", " trillion", " trillion trillion", " billion", " مليار", " مليار مليار", " ألف مليون", "bn", "e300"]
_SHAPES = [
    "Egypt's GDP was ${n}{s} in 2022.",
    "بلغ الناتج المحلي لمصر {n}{s} دولار في 2022.",
    "Egypt's GDP grew {n}% in 2022.",
    "Egypt's population was {n}{s} people in 2022.",
    "Egypt's inflation was 0.{n}% in 2022, and its GDP {n}{s} dollars.",
    "Egypt's GDP fell from {n} to {n}{s} dollars in 2022, one in {n} people.",
    "مصر في المرتبة {n} عالمياً في 2022",
]


def _renders(report) -> None:  # type: ignore[no-untyped-def]
    json.loads(render_json(report))
    render_markdown(report)
    render_html(report)
    render_table(report)
    json.dumps(render_sarif([report]))
    render_github([report], {"AMBIGUOUS", "UNVERIFIABLE"})
    render_claimreview_json([report])


@settings(max_examples=60)
@given(
    digits=st.integers(min_value=1, max_value=200),
    first=st.sampled_from("19٩"),
    scale=st.sampled_from(_SCALES),
    shape=st.sampled_from(_SHAPES),
)
@example(digits=36, first="9", scale=" trillion trillion", shape=_SHAPES[0])
@example(digits=33, first="٩", scale=" مليار مليار", shape=_SHAPES[1])
@example(digits=40, first="9", scale="", shape=_SHAPES[2])
def test_h4_h5_figures_of_any_length_never_raise_anywhere(
    shipped_store, digits: int, first: str, scale: str, shape: str
) -> None:
    n = first + ("9" if first != "٩" else "٩") * (digits - 1)
    text = shape.format(n=n, s=scale)
    mentions = find_mentions(text)
    claims = mine_claims(text, date=DATE)
    for m in mentions:
        assert m.text == text[m.span.start : m.span.end]
    for c in claims:
        for value in (c.value, c.low, c.high):
            assert value is None or value == 0 or -FIGURE_EXPONENT <= value.adjusted() < FIGURE_EXPONENT
    report = check_text(text, date=DATE, store=shipped_store)
    _renders(report)


def test_h4_a_figure_beyond_the_largest_read_is_no_number() -> None:
    assert not readable_figure(Fraction(10) ** FIGURE_EXPONENT)
    assert not readable_figure(Fraction(1, 10 ** (FIGURE_EXPONENT + 1)))
    assert readable_figure(Fraction(10) ** (FIGURE_EXPONENT - 1)) and readable_figure(Fraction(0))
    big = "9" * FIGURE_DIGITS
    assert find_mentions(f"{big} trillion trillion trillion dollars")[0].value < Decimal(10) ** FIGURE_EXPONENT
    assert find_mentions("9" * (FIGURE_DIGITS + 1)) == []  # a digit run that long is a serial, not a number


@pytest.mark.parametrize("digits", [28, 30, 36, 60])
def test_h5_display_and_units_take_any_figure_the_miner_reads(digits: int) -> None:
    value = Decimal("9" * digits)
    assert number(value).replace(",", "") == "9" * digits
    assert show(value, "USD").endswith("trillion USD")
    assert show(Decimal("0." + "0" * (digits - 1) + "1"), "%").endswith("%")
    metres = convert(value, "kilometer", "meter")  # to 20 significant digits, as every conversion
    with figure_arithmetic():
        assert abs(metres - value * 1000) <= value * 1000 * Decimal("1E-19")
    with figure_arithmetic():
        ratio = (Decimal(10) ** (FIGURE_EXPONENT - 1) / Decimal(1).scaleb(-FIGURE_EXPONENT)).quantize(Decimal("0.0001"))
    assert ratio.adjusted() == 2 * FIGURE_EXPONENT - 1 and FIGURES.prec > len(ratio.as_tuple().digits)


def test_h5_the_cli_checks_a_36_digit_figure(tmp_path: Path, shipped_cache: Path) -> None:
    article = tmp_path / "big.txt"
    article.write_text("Egypt's GDP was $" + "9" * 36 + " trillion trillion in 2022.\n", encoding="utf-8")
    with cache_env(shipped_cache):
        result = CliRunner().invoke(
            main, ["check", "--date", "2023-01-01", "--fail-on", "none", "--out", str(tmp_path / "r"), str(article)]
        )
        mined = CliRunner().invoke(main, ["mine", "--claims", str(article)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "big.json").is_file()
    assert mined.exit_code == 0, mined.output
    assert all(json.loads(line) for line in mined.output.splitlines())


@pytest.mark.parametrize("text", ["3-5", "٣-٥", "3–5", "between 3 and 5", "from 3 to 5 million"])
def test_m14_parse_numeral_of_a_range_raises_numeral_error(text: str) -> None:
    with pytest.raises(NumeralError) as info:
        parse_numeral(text)
    assert isinstance(info.value, ValueError)
    assert str(info.value).startswith(f"invalid literal for parse_numeral(): {text!r}")
    with pytest.raises(NumeralError):
        parse_ordinal(text)


@settings(max_examples=100)
@given(st.text(alphabet="0123456789-–.,% ٣٥abtoand", max_size=12))
def test_m14_parse_numeral_raises_only_numeral_error(text: str) -> None:
    for parse in (parse_numeral, parse_ordinal):
        with contextlib.suppress(NumeralError):  # anything else (an AssertionError) fails the test
            parse(text)


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), float("nan"), float("-inf")])
def test_m12_the_json_writer_never_writes_nan_or_infinity(value: object) -> None:
    with pytest.raises(ValueError, match="cannot write"):
        dumps({"id": value})
    if isinstance(value, Decimal):
        with pytest.raises(ValueError, match="cannot write"):
            decimal_text(value)


def test_m12_the_json_writer_writes_exactly_what_it_did() -> None:
    assert dumps({"a": [Decimal("2E+11"), Decimal("-0.000"), Decimal("1.50"), 1.5, True, None, 3]}) == (
        '{"a": [200000000000, 0, 1.5, 1.5, true, null, 3]}'
    )
    assert dumps("\ud800") == '"\\ud800"' and dumps("٢٥") == '"٢٥"'


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_m12_a_record_with_nan_is_a_bad_record_and_the_corpus_goes_on(tmp_path: Path, constant: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [f'{{"id": {constant}, "text": "grew 5%"}}', '{"id": 2, "text": "grew 7%"}', f'{{"id": [{constant}]}}']
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--input-format", "jsonl", str(corpus)])
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [2]  # valid JSON, NaN never written
    assert f"corpus.jsonl:1: bad record: {constant} is not a JSON value" in result.stderr
    assert "corpus.jsonl:3: bad record" in result.stderr


def test_m12_a_record_with_a_number_too_large_for_a_float_is_a_bad_record(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": 1e400, "text": "grew 5%"}\n{"id": 2.5, "text": "grew 7%"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--input-format", "jsonl", str(corpus)])
    assert result.exit_code == 2
    assert "corpus.jsonl:1: bad record: 1e400 is too large a number for a record" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [2.5]


def test_m15_a_digit_run_longer_than_a_window_is_no_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows_module, "WINDOW_CHARS", 100)
    for text in ("1" * 250, "x" * 95 + "12345678", "1" * 99 + "%"):
        assert find_mentions(text) == [] and mine_claims(text) == []  # no tail read as a number
    text = "GDP grew 5% " + "7" * 130 + " and 6%"
    assert [m.text for m in find_mentions(text)] == ["5%", "6%"]
    assert [c.text for c in mine_claims(text)] == ["5%", "6%"]


def test_m15_a_window_cut_never_hands_a_piece_of_a_token_to_the_reader() -> None:
    text = "12345678 9"
    pieces = [windows_module.readable(text, a, b) for a, b in windows_module.windows(text, 4)]
    read = [text[a:b] for a, b in pieces]
    assert "".join(read).split() == ["9"]  # 12345678 was cut: neither half of it is read
    assert windows_module.readable("ab cd", 3, 5) == (3, 5)  # a cut after a space leaves the window whole


def test_m15_the_cli_reads_no_tail_of_a_long_digit_run(tmp_path: Path) -> None:
    article = tmp_path / "digits.txt"
    article.write_text("1" * (windows_module.WINDOW_CHARS + 7) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", str(article)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
