"""The report in Markdown, for people: a summary, then each claim with its verdict and evidence.

Pure: :func:`render_markdown` turns a :class:`~factcheck.report.Report` into text and does no I/O.
Text from the article and the data goes through :mod:`factcheck.report.escape`, so a ``|`` or
``*`` in it cannot break a table, no markup or raw HTML from it is written, only http(s) URLs
become links, and bidi controls are written as ``\\u202e``-style escapes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.display import number, show
from factcheck.report import OUTCOMES, VERDICTS, Report, language_tag
from factcheck.report.escape import md_code, md_fence, md_link, md_text
from factcheck.verify import Finding
from factcheck.verify.judge import Evidence

__all__ = ["render_markdown"]

_BADGE = {
    "SUPPORTED": "✅ SUPPORTED",
    "CLOSE": "☑️ CLOSE",
    "CONTRADICTED": "❌ CONTRADICTED",
    "UNVERIFIABLE": "❔ UNVERIFIABLE",
    "AMBIGUOUS": "⚖️ AMBIGUOUS",
    "PREDICTION": "🔮 PREDICTION",
}
_ROW_KEYS = ("entity", "counterpart", "year", "period", "value", "reported_change", "rank", "reported_rank", "line")


def _esc(text: Any) -> str:
    """Text safe inside a Markdown table cell or paragraph (line breaks become spaces)."""
    return md_text(text)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return number(value)
    if isinstance(value, list):
        return _esc(", ".join(str(v) for v in value))
    return _esc(value)


def _param(value: Any) -> str:
    """A query parameter for people: a long list (the aggregate codes left out of a ranking) is
    shortened; the JSON report keeps it whole."""
    if isinstance(value, list) and len(value) > 6:
        return "[" + ", ".join(repr(v) for v in value[:3]) + f", ... {len(value)} codes]"
    return repr(value)


def _verdict(f: Finding) -> str:
    badge = _BADGE[str(f.verdict)]
    return f"{badge} · {str(f.outcome).replace('_', ' ')}" if f.outcome is not None else badge


def _quote(report: Report, f: Finding) -> str:
    c = f.claim
    text = report.document.text
    before = text[c.sentence.start : c.span.start]
    after = text[c.span.end : c.sentence.end]
    return f"> {_esc(before).lstrip()}**{_esc(c.text)}**{_esc(after).rstrip()}"


def _evidence(e: Evidence, heading: str) -> list[str]:
    a = e.answer
    out = [f"**{heading}:** {_esc(e.dataset.title.get('en', e.dataset.id))} ({md_code(e.dataset.id)})"]
    if e.dataset.title.get("ar"):
        out[-1] += f" · {_esc(e.dataset.title['ar'])}"
    c = e.candidate
    sel = ", ".join(
        f"{k} {_esc(v)}"
        for k, v in (("entity", c.entity), ("counterpart", c.counterpart), *c.categories, ("ranked by", c.by))
        if v
    )
    out.append("")
    out.append(f"- Selection: {sel}; period {_esc(e.period or '-')} ({_esc(c.time_rule)}); matched {_esc(c.matched)}")
    out.append(f"- Finding: {_esc(e.summary)}")
    for label, v in e.values:
        out.append(f"- {_esc(label.capitalize())}: {_esc(show(v, e.unit, 6))}")
    if e.deviation is not None:
        d = e.deviation
        if d.points is not None:
            parts = [f"{number(d.points)} points"]
        else:
            parts = [f"absolute {_esc(show(d.absolute, e.unit, 6))}"]
        if d.relative is not None:
            parts.append(f"relative {number(d.relative * 100, 2)}%")
        beyond = show(d.beyond, "percentage_point" if d.points is not None else e.unit, 6)
        parts.append(f"outside the tolerance by {_esc(beyond)}")
        out.append("- Deviation: " + ", ".join(parts))
    if e.published_after:
        dates = ", ".join(f"{_esc(s)} ({_esc(d)})" for s, d in e.published_after)
        out.append(f"- Published after the article's date: {dates}")
    if a.rows:
        keys = [k for k in _ROW_KEYS if any(r.get(k) is not None for r in a.rows)]
        keys += sorted({k for r in a.rows for k in r if k.startswith("c_")})
        out += [
            "",
            "| " + " | ".join(k if k in _ROW_KEYS else _esc(k) for k in keys) + " | source |",
            "|" + "---|" * (len(keys) + 1),
        ]
        for r in a.rows:
            out.append("| " + " | ".join(_cell(r.get(k)) for k in keys) + f" | {_cell(r.get('source'))} |")
    if e.history:
        out += ["", "Other periods (later: ending after the article's date):", ""]
        out += ["| year | period | value | later |", "|---|---|---|---|"]
        for h in e.history:
            value = show(h["value"], e.unit, 6) if h["value"] is not None else f"reported {h.get('reported')}"
            later = "yes" if h["later"] else ""
            out.append(f"| {_esc(h['year'])} | {_esc(h['period'])} | {_esc(value)} | {later} |")
    if a.sql:
        params = ", ".join(_param(p) for p in a.params)
        out += [
            "",
            "<details><summary>SQL</summary>",
            "",
            *md_fence(a.sql, "sql"),
            "",
            f"parameters: {md_code(params)}",
            "",
        ]
        out += ["</details>"]
    if a.citations:
        out += ["", "Sources:", ""]
        for s in a.citations:
            out.append(f"- {_esc(s.publisher)}, “{_esc(s.title)}”, {_esc(s.dated())}, {md_link(s.url)}")
    return out


def _finding(report: Report, f: Finding) -> list[str]:
    c = f.claim
    line, column = report.document.position(c.span.start)
    out = [f"### {c.id} · {_verdict(f)} · “{_esc(c.as_written)}” (line {line}, column {column})", ""]
    out += [_quote(report, f), ""]
    out.append(f"- Understood: {_esc(f.understood)}")
    out.append(f"- Tolerance: {_esc(f.tolerance.rule)}")
    if f.reason:
        out.append(f"- Why unverifiable: {_esc(f.reason)}")
    out += ["", _esc(f.explanation), ""]
    if f.evidence is not None:
        out += _evidence(f.evidence, "Evidence")
    for k, alt in enumerate(f.alternatives, start=1):
        if alt.later and f.evidence is not None and not f.evidence.later:
            heading = "Later data, published after the article"
        elif str(f.verdict) == "AMBIGUOUS":
            heading = "Disagreeing data"
        elif alt.outcome is not None and str(alt.outcome) == "PENDING" and f.outcome != alt.outcome:
            heading = "Not enough data yet"
        else:
            heading = "Also consistent"
        out += ["", *_evidence(alt, f"{heading} ({k})")]
    if f.ruled_out:
        out += ["", "Ruled out: " + "; ".join(_esc(r) for r in f.ruled_out)]
    return [*out, ""]


def render_markdown(report: Report) -> str:
    """The report as Markdown text, ending in a newline."""
    doc = report.document
    counts = report.counts()
    date = report.date.isoformat() if report.date else "unknown"
    out = [f"# factcheck report: {_esc(doc.name)}", ""]
    if doc.title:
        out += [f"*{_esc(doc.title)}*", ""]
    out.append(f"- Date: {date} ({_esc(report.date_source)})")
    out.append(f"- Language: {_esc(language_tag(report))}")
    out.append(f"- Policy: {', '.join(_esc(s) for s in report.policy.sources)}")
    out.append(f"- Reference data: {md_code(report.reference_hash[:16])}")
    for d in report.diagnostics:
        out.append(f"- Note: {_esc(d)}")
    out += ["", "## Summary", "", "| verdict | claims |", "|---|---|"]
    for name in (*VERDICTS, *OUTCOMES):
        if counts[name]:
            out.append(f"| {name.replace('_', ' ')} | {counts[name]} |")
    out.append(f"| not check-worthy | {counts['not_check_worthy']} |")
    out += ["", "| claim | line | as written | verdict | finding |", "|---|---|---|---|---|"]
    for f in report.findings:
        line, _ = doc.position(f.claim.span.start)
        finding = f.evidence.summary if f.evidence is not None else (f.reason or "")
        out.append(f"| {f.claim.id} | {line} | {_esc(f.claim.as_written)} | {_verdict(f)} | {_esc(finding)} |")
    out += ["", "## Claims", ""]
    for f in report.findings:
        out += _finding(report, f)
    out += ["## Not check-worthy", ""]
    if report.not_check_worthy:
        out += ["| number | line | as written | why not |", "|---|---|---|---|"]
        for c in report.not_check_worthy:
            line, _ = doc.position(c.span.start)
            out.append(f"| {c.id} | {line} | {_esc(c.as_written)} | {_esc(c.reason)} |")
    else:
        out.append("None.")
    return "\n".join(out) + "\n"
