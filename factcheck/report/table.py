"""A terminal summary of a report: one line per claim, aligned, then the counts.

Text from the article and the data goes through :func:`factcheck.report.escape.terminal_text`:
control characters (terminal escape sequences) and bidi controls are written as escapes.
"""

from __future__ import annotations

from factcheck.display import show
from factcheck.report import Report
from factcheck.report.escape import terminal_text
from factcheck.verify import Finding

__all__ = ["render_table"]


def _claimed(f: Finding) -> str:
    c = f.claim
    if c.kind is not None and str(c.kind) == "rank":
        return f"rank {show(c.value if c.value is not None else c.high, None)}"
    text = show(c.value, c.unit) if c.value is not None else f"{show(c.low, c.unit)}..{show(c.high, c.unit)}"
    prefix = {">": ">", ">=": ">=", "<": "<", "<=": "<="}.get(c.comparator, "")
    return prefix + ("~" if c.approx else "") + text


def _verdict(f: Finding) -> str:
    return str(f.verdict) + (f"/{f.outcome}" if f.outcome is not None else "")


def render_table(report: Report) -> str:
    """Aligned columns: claim id, line:column, verdict, what was claimed, what the data say."""
    doc = report.document
    rows = [("claim", "where", "verdict", "claimed", "finding")]
    for f in report.findings:
        line, column = doc.position(f.claim.span.start)
        finding = f.evidence.summary if f.evidence is not None else (f.reason or "")
        rows.append((f.claim.id, f"{line}:{column}", _verdict(f), terminal_text(_claimed(f)), terminal_text(finding)))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [f"{terminal_text(doc.name)}  (date {report.date or 'unknown'}, {report.date_source})"]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4])
    counts = report.counts()
    shown = [f"{counts[k]} {k.lower().replace('_', ' ')}" for k in counts if k not in ("claims", "check_worthy")]
    lines.append(f"{counts['check_worthy']} checked: " + ", ".join(s for s in shown if not s.startswith("0 ")))
    return "\n".join(lines) + "\n"
