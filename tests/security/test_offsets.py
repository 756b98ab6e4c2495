"""Findings M3 and M4: every offset and every claim's text index the text as it was read.

* M3: in Markdown, a soft line break is a space in the body the miner reads, and that space leaked
  into a claim's text, so ``claim.text != original[start:end]``.  The miner now slices every text
  it reports from the original (``mine_claims(body, original=text)``), never from the body.
* M4: a file starting with a byte-order mark.  The decision: the mark belongs to the encoding, not
  to the text.  The command line decodes it away (UTF-8, UTF-16, UTF-32), so spans, lines and
  columns of a file with a mark are those of the same file without it; through the API the string
  given is the text, and a U+FEFF in it is one more character that every offset counts.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.cli import main
from factcheck.document import parse_document
from factcheck.mine.claims import mine_claims
from factcheck.mine.mentions import find_mentions
from factcheck.report import render_json

from ..conftest import cache_env

DATE = dt.date(2023, 1, 1)
WRAPPED = "# Trade\nTrade between Russia and China grew by 25\npercent in 2022, and Egypt's GDP grew\n6.6% in 2022.\n"


def _exact(text: str, items) -> None:  # type: ignore[no-untyped-def]
    for item in items:
        assert item.text == text[item.span.start : item.span.end]


def test_m3_a_claim_across_a_soft_line_break_keeps_the_original_text(shipped_store) -> None:
    report = check_text(WRAPPED, name="a.md", date=DATE, store=shipped_store)
    texts = [c.text for c in report.claims]
    assert "25\npercent" in texts  # the line break as written, not the body's space
    for c in report.claims:
        assert c.text == WRAPPED[c.span.start : c.span.end]
        _exact(WRAPPED, c.mentions)
    written = json.loads(render_json(report))
    for f in written["findings"]:
        assert f["claim"]["text"] == WRAPPED[f["claim"]["start"] : f["claim"]["end"]]
    for c in written["not_check_worthy"]:
        assert c["text"] == WRAPPED[c["start"] : c["end"]]


def test_m3_the_miner_reads_the_body_and_slices_the_original() -> None:
    doc = parse_document(WRAPPED, "a.md")
    assert doc.body != doc.text and len(doc.body) == len(doc.text)
    claims = mine_claims(doc.body, original=doc.text)
    assert claims and all(c.text == doc.text[c.span.start : c.span.end] for c in claims)
    _exact(doc.text, find_mentions(doc.body, original=doc.text))
    with pytest.raises(ValueError, match="as long as the text"):
        mine_claims(doc.body, original=doc.text + "x")


@settings(max_examples=60)
@given(
    st.lists(
        st.sampled_from(["grew by 25", "percent", "6.6%", "in 2022", "$400", "billion", "`x 7`", "<b>9</b>", "- 5%"]),
        min_size=1,
        max_size=8,
    ),
    st.lists(st.sampled_from(["\n", " ", "\r\n", "\n\n", "  \n"]), min_size=8, max_size=8),
)
def test_m3_every_claim_of_markdown_is_the_original_slice(words: list[str], breaks: list[str]) -> None:
    text = "".join(w + b for w, b in zip(words, breaks, strict=False))
    doc = parse_document(text, "a.md")
    _exact(text, mine_claims(doc.body, original=doc.text))


def test_m3_the_cli_mine_command_prints_the_original_slice(tmp_path: Path) -> None:
    article = tmp_path / "wrapped.md"
    article.write_bytes(WRAPPED.encode("utf-8"))
    for args in (["mine", "--claims", str(article)], ["mine", str(article)]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert records
        for r in records:
            span = (r["span"]["start"], r["span"]["end"]) if "span" in r else (r["start"], r["end"])
            assert r["text"] == WRAPPED[span[0] : span[1]]


def test_m3_the_cli_check_report_gives_the_original_slice(tmp_path: Path, shipped_cache: Path) -> None:
    article = tmp_path / "wrapped.md"
    article.write_bytes(WRAPPED.encode("utf-8"))
    with cache_env(shipped_cache):
        result = CliRunner().invoke(
            main, ["check", "--date", "2023-01-01", "--fail-on", "none", "--out", str(tmp_path / "r"), str(article)]
        )
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "r" / "wrapped.json").read_text(encoding="utf-8"))
    claims = [f["claim"] for f in written["findings"]] + written["not_check_worthy"]
    assert "25\npercent" in [c["text"] for c in claims]
    for c in claims:
        assert c["text"] == WRAPPED[c["start"] : c["end"]]


@pytest.mark.parametrize(("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_m4_a_byte_order_mark_moves_no_offset_in_the_cli(
    tmp_path: Path, shipped_cache: Path, bom: bytes, codec: str
) -> None:
    text = "Egypt's inflation was 13.9% in 2022.\nEgypt's GDP grew 6.6% in 2022.\n"
    plain, marked = tmp_path / "plain.txt", tmp_path / "marked.txt"
    plain.write_bytes(text.encode("utf-8"))  # the same text, in UTF-8 without a mark
    marked.write_bytes(bom + text.encode(codec))
    runner = CliRunner()
    mined = [runner.invoke(main, ["mine", str(p)]) for p in (plain, marked)]
    assert mined[0].exit_code == mined[1].exit_code == 0
    assert mined[0].stdout == mined[1].stdout
    for line in mined[1].stdout.splitlines():
        record = json.loads(line)
        assert text[record["start"] : record["end"]] == record["text"]
    with cache_env(shipped_cache):
        for p in (plain, marked):
            result = runner.invoke(
                main, ["check", "--date", "2023-01-01", "--fail-on", "none", "--out", str(tmp_path / p.stem), str(p)]
            )
            assert result.exit_code == 0, result.output
    reports = [json.loads((tmp_path / s / f"{s}.json").read_text(encoding="utf-8")) for s in ("plain", "marked")]
    where = [[(f["claim"]["start"], f["claim"]["line"], f["claim"]["column"]) for f in r["findings"]] for r in reports]
    assert where[0] == where[1] and where[0]
    assert where[0][0] == (22, 1, 23)  # 13.9%: line 1, column 23, as an editor shows it


def test_m4_through_the_api_a_byte_order_mark_is_a_character_every_offset_counts(shipped_store) -> None:
    text = "\ufeffEgypt's inflation was 13.9% in 2022.\nEgypt's GDP grew 6.6% in 2022.\n"
    for name in ("a.txt", "a.md"):
        report = check_text(text, name=name, date=DATE, store=shipped_store)
        first = report.claims[0]
        assert first.text == "13.9%" and text[first.span.start : first.span.end] == "13.9%"
        assert report.document.position(first.span.start) == (1, 24)
        _exact(text, report.claims)
    _exact(text, find_mentions(text))
    front = "\ufeff---\ndate: 2022-12-30\n---\nGrew 25% in 2022.\n"
    doc = parse_document(front, "a.md")
    assert doc.date == dt.date(2022, 12, 30)
    (claim, *_) = mine_claims(doc.body, original=doc.text)
    assert claim.text == "25%" and front[claim.span.start : claim.span.end] == "25%"
