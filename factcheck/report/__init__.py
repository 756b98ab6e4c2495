"""A checked article: every claim with its verdict and evidence, and the numbers not worth checking.

:class:`Report` is what :func:`factcheck.check_text` returns.  Renderers are pure functions from a
report to text: :func:`render_json` (the versioned, documented JSON schema; two runs on the same
input give the same bytes), :func:`factcheck.report.markdown.render_markdown` for people and
:func:`factcheck.report.table.render_table` for a terminal.

The JSON report (``schema_version`` "1.1"; the README documents every field):

* ``input``: the article's name, format, language, date and where the date came from, and the
  SHA-256 of its text;
* ``policy``: the tolerance policy in effect; ``reference``: the content hash of the data;
* ``summary``: counts by verdict and outcome;
* ``findings``: each check-worthy claim in order of position, with ``verdict``, ``outcome``,
  ``understood``, ``explanation``, ``tolerance``, ``deviation``, ``reference`` (the dataset, the
  selection, the values, rows, SQL and citations), ``alternatives`` and ``ruled_out``;
* ``not_check_worthy``: the other numbers with the reason they state nothing to check.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from factcheck.document import Document
from factcheck.model import Claim
from factcheck.verify import Finding
from factcheck.verify.judge import Evidence, Outcome, Verdict
from factcheck.verify.policy import Policy

__all__ = ["SCHEMA_VERSION", "Report", "language", "language_tag", "render_json"]

SCHEMA_VERSION = "1.1"  # 1.1 added "problems"
VERDICTS = tuple(str(v) for v in Verdict)
OUTCOMES = tuple(str(o) for o in Outcome)


@dataclass(frozen=True)
class Report:
    """One article checked: ``findings`` for the check-worthy claims, ``not_check_worthy`` for
    the rest, ``date_source`` saying where the date came from (option, front matter, unknown),
    ``problems`` what stopped the text being read whole (a pattern out of its time budget)."""

    document: Document
    lang: str
    date: dt.date | None
    date_source: str
    policy: Policy
    reference_hash: str
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    diagnostics: tuple[str, ...] = field(default=())
    problems: tuple[str, ...] = field(default=())  # the text could not be read whole (a timeout)

    @property
    def not_check_worthy(self) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims if not c.check_worthy)

    def counts(self) -> dict[str, int]:
        out = {"claims": len(self.claims), "check_worthy": len(self.findings)}
        for v in VERDICTS:
            out[v] = sum(1 for f in self.findings if f.verdict == v)
        for o in OUTCOMES:
            out[o] = sum(1 for f in self.findings if f.outcome == o)
        out["not_check_worthy"] = len(self.not_check_worthy)
        return out

    def has(self, names: set[str]) -> bool:
        """True when a verdict or outcome in ``names`` (upper-case) was found.  A verdict that rests
        only on data published after the article counts only when ``names`` has LATER_DATA."""
        return any(
            (str(f.verdict) in names or (f.outcome is not None and str(f.outcome) in names))
            and (not f.later_data or "LATER_DATA" in names or f.verdict == Verdict.PREDICTION)
            for f in self.findings
        )

    def to_json(self) -> dict[str, Any]:
        from importlib.metadata import PackageNotFoundError, version

        try:
            tool_version = version("factcheck")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            tool_version = "unknown"
        doc = self.document
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "factcheck", "version": tool_version},
            "input": {
                "name": doc.name,
                "format": doc.format,
                "lang": self.lang,
                "date": self.date.isoformat() if self.date else None,
                "date_source": self.date_source,
                "title": doc.title,
                "characters": len(doc.text),
                "sha256": hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest(),
            },
            "policy": self.policy.to_json(),
            "reference": {"content_hash": self.reference_hash},
            "summary": self.counts(),
            "findings": [_finding(f, doc) for f in self.findings],
            "not_check_worthy": [_skipped(c, doc) for c in self.not_check_worthy],
            "diagnostics": list(self.diagnostics),
            "problems": list(self.problems),
        }


def language(report: Report) -> str:
    """The article's language ("ar" or "en"): as given when ``report.lang`` is a valid tag of a
    supported language, else by script (Arabic letters outnumbering Latin ones).  Never anything
    else, so a report built by hand with a hostile ``lang`` cannot put it into a page."""
    from factcheck.errors import UnknownLanguageError
    from factcheck.lang import split_tag

    if isinstance(report.lang, str) and report.lang not in ("auto", ""):
        try:
            return split_tag(report.lang)[0]
        except UnknownLanguageError:
            pass  # not a tag we know: read the script instead
    text = report.document.body
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "ar" if arabic > latin else "en"


def language_tag(report: Report) -> str:
    """``report.lang`` in canonical form ("ar-EG", "auto"), or, when it is not a valid tag of a
    supported language, the language :func:`language` reads from the script."""
    from factcheck.errors import UnknownLanguageError
    from factcheck.lang import canonical_tag

    if report.lang in ("auto", ""):
        return "auto"
    try:
        return canonical_tag(report.lang)
    except UnknownLanguageError:
        return language(report)


def _position(doc: Document, offset: int) -> dict[str, int]:
    line, column = doc.position(offset)
    return {"line": line, "column": column}


def _claim(c: Claim, doc: Document) -> dict[str, Any]:
    out = c.to_json()
    out.update(_position(doc, c.span.start))
    out["sentence_text"] = doc.text[c.sentence.start : c.sentence.end]
    return out


def _evidence(e: Evidence) -> dict[str, Any]:
    c = e.candidate
    a = e.answer
    return {
        "dataset": e.dataset.id,
        "title": e.dataset.title,
        "question": c.question,
        "selection": c.selection(),
        "period": e.period,
        "time_rule": c.time_rule,
        "matched": c.matched,
        "score": Decimal(str(round(c.score, 6))),
        "verdict": str(e.verdict),
        "later": e.later,
        "outcome": None if e.outcome is None else str(e.outcome),
        "value": e.value,
        "unit": e.unit,
        "values": [{"label": label, "value": v} for label, v in e.values],
        "summary": e.summary,
        "deviation": None if e.deviation is None else e.deviation.to_json(),
        "rows": a.rows,
        "sql": a.sql,
        "params": a.params,
        "citations": [s.to_json() for s in a.citations],
        "published_after": [{"source": s, "date": d} for s, d in e.published_after],
        "history": list(e.history),
    }


def _finding(f: Finding, doc: Document) -> dict[str, Any]:
    e = f.evidence
    return {
        "claim": _claim(f.claim, doc),
        "verdict": str(f.verdict),
        "outcome": None if f.outcome is None else str(f.outcome),
        "basis": f.basis,
        "understood": f.understood,
        "explanation": f.explanation,
        "tolerance": f.tolerance.to_json(),
        "deviation": None if e is None or e.deviation is None else e.deviation.to_json(),
        "reference": None if e is None else _evidence(e),
        "alternatives": [_evidence(a) for a in f.alternatives],
        "reason": f.reason,
        "reason_code": f.reason_code,
        "ruled_out": list(f.ruled_out),
    }


def _skipped(c: Claim, doc: Document) -> dict[str, Any]:
    return {
        "id": c.id,
        "start": c.span.start,
        "end": c.span.end,
        **_position(doc, c.span.start),
        "text": c.text,
        "as_written": c.as_written,
        "kind": None if c.kind is None else str(c.kind),
        "value": c.value,
        "unit": c.unit,
        "reason": c.reason,
    }


def render_json(report: Report) -> str:
    """The report as JSON text (indented, keys in schema order, numbers exact, a final newline)."""
    return _indent(report.to_json(), 0) + "\n"


def _indent(value: Any, depth: int) -> str:
    from factcheck.jsonout import dumps

    pad = "  " * (depth + 1)
    if isinstance(value, dict) and value:
        items = [f"{pad}{dumps(str(k))}: {_indent(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(value, list) and value and any(isinstance(v, dict | list) for v in value):
        return "[\n" + ",\n".join(pad + _indent(v, depth + 1) for v in value) + "\n" + "  " * depth + "]"
    return dumps(value)
