"""Findings H6 and H13: time and memory are bounded, and one bad record never stops a corpus.

* H13: number-dense text cost ``check`` gigabytes and minutes per megabyte.  Now a report keeps at
  most ``MAX_CLAIMS`` claims and checks at most ``MAX_CHECKED`` (:mod:`factcheck.limits`); a
  document with more is reported up to the first limit and the report carries a problem (exit
  status 2), so nothing is lost silently.  ``mine`` writes claims as the miner finds them, window
  by window; a JSON-lines record larger than ``--max-mb`` is a bad record; the document parser
  builds its body from slices, not from a list of characters.  bench/resources.py measures the
  time and memory; these tests check the behaviour on small inputs with the limits lowered.
* H6: a JSON-lines record nested 100,000 deep raised RecursionError and aborted the corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck.limits as limits_module
import factcheck.mine.claims as claims_module
import factcheck.text.windows as windows_module
from factcheck import InputError, check_text
from factcheck.cli import main
from factcheck.document import parse_document
from factcheck.mine.claims import iter_claims, mine_claims
from factcheck.report import render_json

from ..conftest import cache_env

DATE = dt.date(2023, 1, 1)
DENSE = "Egypt's GDP grew 4.2% in 2022 to $400bn, and inflation was 13.9%. " * 40
DENSE_AR = "نما الناتج المحلي لمصر بنسبة 4.2% في 2022 وبلغ 400 مليار دولار. " * 40


@pytest.mark.parametrize(("max_claims", "max_checked"), [(10, 1_000), (1_000, 7)])
def test_h13_a_document_beyond_the_limits_is_reported_up_to_them(
    shipped_store, max_claims: int, max_checked: int
) -> None:
    whole = mine_claims(DENSE, date=DATE)
    report = check_text(DENSE, date=DATE, store=shipped_store, max_claims=max_claims, max_checked=max_checked)
    assert len(report.claims) <= max_claims and len(report.findings) <= max_checked
    assert [c.id for c in report.claims] == [c.id for c in whole[: len(report.claims)]]  # a prefix, none skipped
    assert len(report.findings) == sum(c.check_worthy for c in report.claims)  # every claim kept is checked
    (problem,) = report.problems
    assert "too many numbers for one report" in problem and "split the document" in problem
    assert f"the first {len(report.claims):,} claims were reported and {len(report.findings):,}" in problem
    assert json.loads(render_json(report))["problems"] == [problem]


def test_h13_a_document_within_the_limits_has_no_problem(shipped_store) -> None:
    report = check_text(DENSE_AR, date=DATE, store=shipped_store, max_claims=10_000, max_checked=1_000)
    assert report.problems == () and len(report.claims) == len(mine_claims(DENSE_AR, date=DATE))


@pytest.mark.parametrize("bad", [0, -1, 2.5, "10", True])
def test_h13_limits_must_be_whole_numbers(shipped_store, bad: object) -> None:
    with pytest.raises(InputError, match="max_claims must be a whole number"):
        check_text("grew 5%", store=shipped_store, max_claims=bad)  # type: ignore[arg-type]


def test_h13_the_cli_reports_a_document_beyond_the_limits_and_exits_2(
    tmp_path: Path, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits_module, "MAX_CLAIMS", 12)
    monkeypatch.setattr(limits_module, "MAX_CHECKED", 5)
    article = tmp_path / "dense.txt"
    article.write_text(DENSE, encoding="utf-8")
    with cache_env(shipped_cache):
        result = CliRunner().invoke(
            main, ["check", "--date", "2023-01-01", "--fail-on", "none", "--out", str(tmp_path / "r"), str(article)]
        )
    assert result.exit_code == 2, result.output
    assert "problem: " in result.stderr and "too many numbers for one report" in result.stderr
    written = json.loads((tmp_path / "r" / "dense.json").read_text(encoding="utf-8"))
    assert len(written["findings"]) == 5 and written["problems"]


def test_h13_claims_are_mined_a_window_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows_module, "WINDOW_CHARS", 400)
    windows_read = []
    mine_one = claims_module._mine

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        windows_read.append(args[1])
        return mine_one(*args, **kwargs)

    monkeypatch.setattr(claims_module, "_mine", counting)
    found = iter_claims(DENSE)
    first = next(found)
    assert len(windows_read) == 1  # the first claim comes before the rest of the text is read
    rest = list(found)
    assert len(windows_read) == len(list(windows_module.windows(DENSE))) > 5
    assert [first, *rest] == mine_claims(DENSE)[: 1 + len(rest)]
    assert [c.id for c in [first, *rest]] == [f"c{n}" for n in range(1, len(rest) + 2)]


def test_h13_the_cli_mine_command_writes_every_claim_of_a_long_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(windows_module, "WINDOW_CHARS", 400)
    article = tmp_path / "dense.txt"
    article.write_text(DENSE, encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--claims", str(article)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [c.id for c in mine_claims(DENSE)]


def test_h13_a_record_larger_than_max_mb_is_a_bad_record(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    big = json.dumps({"id": "big", "text": "grew 5% " * 40_000})  # 320 KB
    corpus.write_text(big + "\n" + json.dumps({"id": "small", "text": "grew 7%"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--input-format", "jsonl", "--max-mb", "0.1", str(corpus)])
    assert result.exit_code == 2
    assert "corpus.jsonl:1: bad record: larger than 0.1 MB (see --max-mb)" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["small"]


def test_h13_the_document_parser_costs_a_small_multiple_of_the_text() -> None:
    text = "Grew 25% in 2022 (`x = 42`) and <b>9</b> see [a](http://x/1).\nA line wraps\n\n    code 5\n\n" * 3_000
    tracemalloc.start()
    try:
        doc = parse_document(text, "a.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(doc.body) == len(text) and "42" not in doc.body
    assert peak < 5 * len(text)  # a list of its characters alone is 8 bytes a character


def test_h6_a_deeply_nested_record_is_a_bad_record_and_the_corpus_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": 1, "text": "grew 5%"}),
        "[" * 100_000 + "]" * 100_000,
        '{"id": 3, "text": "grew 7%", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"id": 4, "text": "grew 9%"}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--input-format", "jsonl", str(corpus)])
    assert result.exit_code == 2
    assert "corpus.jsonl:2: bad record: nested too deeply to be a record" in result.stderr
    assert "corpus.jsonl:3: bad record: nested too deeply to be a record" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [1, 4]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ('{"id": {"a": 1}, "text": "x"}', '"id" must be a string, a number or null'),
        ('{"id": 1, "text": "x", "lang": ["ar"]}', '"lang" must be a string'),
        ('{"id": 1, "text": 5}', '"text" must be a string'),
        ("[1, 2]", "a record is a JSON object"),
    ],
)
def test_h6_a_record_of_the_wrong_shape_is_named_with_its_line(tmp_path: Path, record: str, message: str) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": 1, "text": "grew 5%"}) + "\n" + record + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["mine", "--input-format", "jsonl", str(corpus)])
    assert result.exit_code == 2
    assert f"corpus.jsonl:2: bad record: {message}" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_h13_an_over_long_corpus_line_is_never_held_whole(tmp_path: Path) -> None:
    from factcheck.cli.inputs import iter_lines

    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        out.write('{"id": "huge", "text": "' + "1 2 3 " * 2_000_000 + '"}\n')  # 12 MB on one line
        out.write('{"id": "small", "text": "grew 7%"}\n')
    tracemalloc.start()
    try:
        lines = [(number, text, problem) for number, _offset, text, problem in iter_lines(str(corpus), 2**20)]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert lines[0] == (1, None, "larger than 1 MB (see --max-mb)")
    assert lines[1][:2] == (2, '{"id": "small", "text": "grew 7%"}')
    assert peak < 4 * 2**20  # the limit and a block, never the 12 MB line
