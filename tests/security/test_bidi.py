"""Finding H2: bidi controls around or inside a number make a page show one figure while another
is checked.  Such a claim gets a diagnostic, and no report shows the controls acting: the HTML
page shows a marker for each, the other formats an escape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.cli import main
from factcheck.report import render_json
from factcheck.report.ci import render_github, render_sarif
from factcheck.report.claimreview import render_claimreview_json
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.table import render_table
from factcheck.text.bidi import CONTROLS, EXPLICIT, bidi_controls_around, bidi_diagnostics

# stored "92", shown "29": the checked figure is not the one a reader sees
SPOOFED = "Trade between China and Russia reached $\u202e042\u202c.1 billion in 2023.\n"
SPOOFED_AR = "نما حجم التبادل التجاري بين روسيا والصين بنسبة \u202e52\u202c في المائة تقريباً في عام 2022.\n"
CLEAN = "Trade between China and Russia reached $240.1 billion in 2023.\n"


@pytest.mark.parametrize(
    ("text", "span", "found"),
    [
        ("up \u202e92\u202c% now", (4, 8), [(3, "\u202e"), (6, "\u202c")]),  # override opened before
        ("up \u202e9\u202c2% now", (4, 8), [(3, "\u202e"), (5, "\u202c")]),
        ("up \u202d\u202e92% now", (5, 8), [(3, "\u202d"), (4, "\u202e")]),  # both still open
        ("up \u206792%\u2069 now", (4, 7), [(3, "\u2067"), (7, "\u2069")]),  # isolate, closed after
        ("up 9\u200f2% now", (3, 7), [(4, "\u200f")]),  # a mark inside the number
        ("up 9\u061c2% now", (3, 7), [(4, "\u061c")]),
        ("up \u200f92% now", (4, 7), []),  # a mark before the number does not reorder it
        ("\u202eold\u202c up 92% now", (12, 15), []),  # closed before the number
        ("\u2067a\u202eb\u2069 up 92%", (9, 12), []),  # PDI closes the isolate and what it holds
        ("\u202eold\nup 92% now", (8, 11), []),  # a new paragraph closes everything
        ("up 92% now", (3, 6), []),
    ],
)
def test_h2_bidi_controls_around_a_span_are_found(text: str, span, found) -> None:
    assert list(bidi_controls_around(text, *span)) == found


@given(st.text(alphabet=st.sampled_from("0123456789%. ab\n"), max_size=30))
def test_h2_text_without_controls_has_no_finding(text: str) -> None:
    assert bidi_controls_around(text, 0, len(text)) == ()
    assert bidi_diagnostics(text, [(0, len(text))], lambda i: (1, i + 1)) == ()


@given(
    st.text(alphabet=st.sampled_from("0123456789%. ab"), min_size=1, max_size=10),
    st.sampled_from(sorted(EXPLICIT - {"\u202c", "\u2069"})),
    st.text(alphabet=st.sampled_from("0123456789%. ab"), max_size=10),
)
def test_h2_an_open_control_before_a_span_is_always_found(span_text: str, control: str, gap: str) -> None:
    text = control + gap + span_text
    start = 1 + len(gap)
    assert (0, control) in bidi_controls_around(text, start, len(text))


def _no_raw_controls(text: str, allowed: frozenset[str] = frozenset()) -> None:
    raw = sorted({f"U+{ord(ch):04X}" for ch in text if ch in EXPLICIT and ch not in allowed})
    assert not raw, f"raw bidi controls in the output: {raw}"


def test_h2_bidi_spoofed_number_gets_a_diagnostic(shipped_store) -> None:
    report = check_text(SPOOFED, store=shipped_store)
    [finding] = report.findings
    assert finding.claim.value is not None and "42" in str(finding.claim.value)  # what is checked
    notes = [d for d in report.diagnostics if "bidi control characters" in d]
    assert len(notes) == 1
    assert notes[0].startswith("line 1, column 40: bidi control characters around “$\\u202e042\\u202c.1 billion”")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in notes[0] and "display differently from what is checked" in notes[0]
    _no_raw_controls(notes[0])
    arabic = check_text(SPOOFED_AR, store=shipped_store)
    assert any("bidi control characters around “52\\u202c في المائة”" in d for d in arabic.diagnostics)
    assert not [d for d in check_text(CLEAN, store=shipped_store).diagnostics if "bidi" in d]


def test_h2_html_shows_bidi_controls_as_markers(shipped_store) -> None:
    page = render_html(check_text(SPOOFED, store=shipped_store))
    _no_raw_controls(page)
    assert '<span class="bidi" title="U+202E RIGHT-TO-LEFT OVERRIDE">⟨RLO⟩</span>' in page
    assert '<span class="bidi" title="U+202C POP DIRECTIONAL FORMATTING">⟨PDF⟩</span>' in page
    assert "span.bidi {" in page  # styled, so a reader notices
    marks = render_html(check_text("Exports rose 9\u200f2% in 2023.", store=shipped_store))
    assert '<span class="bidi" title="U+200F RIGHT-TO-LEFT MARK">⟨RLM⟩</span>' in marks


def test_h2_no_report_format_carries_raw_override_controls(shipped_store) -> None:
    report = check_text(SPOOFED, store=shipped_store)
    for text in (
        render_markdown(report),
        json.dumps(render_sarif([report]), ensure_ascii=False),
        render_github([report], {"AMBIGUOUS", "UNVERIFIABLE", "PENDING"}),
        render_claimreview_json([report]),
        render_table(report),
    ):
        _no_raw_controls(text)
    assert "\\\\u202e042\\\\u202c" in render_markdown(report)  # shown as an escape in Markdown
    sarif = render_sarif([report])["runs"][0]["results"][0]
    assert sarif["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "$\\u202e042\\u202c.1 billion"
    # the JSON report keeps the text exactly (it is data, escaped by JSON), with the diagnostic
    data = json.loads(render_json(report))
    assert data["findings"][0]["claim"]["text"] == "$\u202e042\u202c.1 billion"
    assert any("bidi control characters" in d for d in data["diagnostics"])


def test_h2_bidi_spoofing_is_reported_by_the_cli(tmp_path: Path, shipped_cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))
    article = tmp_path / "spoof.txt"
    article.write_text(SPOOFED, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["check", "--out", str(out), "--format", "md", str(article)])
    assert result.exit_code in (0, 1), result.output
    assert "- Note: line 1, column 40: bidi control characters around" in result.stdout
    _no_raw_controls(result.stdout)
    page = (out / "spoof.html").read_text(encoding="utf-8")
    _no_raw_controls(page)
    assert "⟨RLO⟩" in page
    for fmt in ("github", "sarif", "claimreview", "table"):
        result = CliRunner().invoke(main, ["check", "--out", str(out), "--format", fmt, str(article)])
        _no_raw_controls(result.stdout)


def test_h2_every_control_has_a_name() -> None:
    import unicodedata

    for ch, (_abbr, name) in CONTROLS.items():
        assert unicodedata.name(ch) == name


def test_h2_many_spoofed_numbers_give_a_bounded_list_quickly() -> None:
    text = "x \u202e 12 " * 50_000  # every override stays open: a deep stack at every number
    spans = [(i * 7 + 4, i * 7 + 6) for i in range(50_000)]
    notes = bidi_diagnostics(text, spans, lambda i: (1, i + 1))
    assert len(notes) == 21 and notes[-1] == "49980 more numbers have bidi control characters around them"
    assert notes[0].startswith("line 1, column 5: bidi control characters around “12”")
