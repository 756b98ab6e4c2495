"""Checking an article end to end: text -> claims -> findings -> :class:`~factcheck.report.Report`.

>>> import datetime as dt
>>> report = check_text("نما حجم التبادل التجاري بين روسيا والصين بنسبة 25 في المائة تقريباً في عام 2022.",
...                     date=dt.date(2022, 12, 30))
>>> [(f.claim.text, str(f.verdict)) for f in report.findings]
[('25 في المائة', 'CONTRADICTED')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from factcheck.document import Document, parse_document
from factcheck.errors import InputError, TextTimeout
from factcheck.reference.store import Store
from factcheck.report import Report
from factcheck.verify import verify_claims
from factcheck.verify.policy import Policy, load_policy

__all__ = ["check_document", "check_text", "read_document"]


def check_document(
    doc: Document,
    lang: str | None = None,
    date: dt.date | None = None,
    policy: Policy | None = None,
    store: Store | None = None,
) -> Report:
    """Check a parsed :class:`~factcheck.document.Document`.  ``lang`` and ``date`` given here
    win over the document's front matter; without either the language is read word by word
    ("auto") and the date stays unknown (claims without a period are then checked against the
    latest data, and the report says so)."""
    from factcheck.mine.claims import mine_claims
    from factcheck.reference.store import open_store

    if date is not None and not isinstance(date, dt.date):
        raise InputError(f"date must be a datetime.date, not {type(date).__name__}")
    date_source = "option" if date is not None else ("front matter" if doc.date is not None else "unknown")
    date = date or doc.date
    lang = lang or doc.lang or "auto"
    policy = policy or load_policy()
    store = store or open_store()
    diagnostics: tuple[str, ...] = ()
    if date is None:
        diagnostics = ("the article's date is unknown: claims without a period are checked against the latest data",)
    try:
        claims = mine_claims(doc.body, lang, date)
    except TextTimeout as exc:  # a text built to be slow: reported, not a crash
        problems = (f"{doc.name}: {exc}",)
        return Report(doc, lang, date, date_source, policy, store.content_hash, (), (), diagnostics, problems)
    findings = verify_claims(claims, doc.body, store, policy, date)
    return Report(doc, lang, date, date_source, policy, store.content_hash, tuple(claims), tuple(findings), diagnostics)


def check_text(
    text: str,
    lang: str | None = None,
    date: dt.date | None = None,
    policy: Policy | None = None,
    store: Store | None = None,
    name: str = "<text>",
    format: str | None = None,
) -> Report:
    """Check the numeric claims of ``text`` (plain text, or Markdown when ``format`` says so or
    ``name`` ends in .md) against the reference data (default: the shipped data).

    Never raises because of what the text says; raises :class:`~factcheck.errors.InputError` for
    bad arguments or front matter whose date cannot be read.
    """
    if not isinstance(text, str):
        raise InputError(f"check_text() needs a str, not {type(text).__name__}")
    doc, problem = read_document(text, name, format)
    report = check_document(doc, lang, date, policy, store)
    return replace(report, problems=(problem, *report.problems)) if problem else report


def read_document(text: str, name: str = "<text>", format: str | None = None) -> tuple[Document, str | None]:
    """The document, or, when reading its Markdown or front matter runs out of time, the text as
    it stands (checked as best it can be) and the problem to report."""
    try:
        return parse_document(text, name, format), None
    except TextTimeout as exc:
        from factcheck.document import Document

        return Document(name, text, text, "text"), f"{name}: {exc}"


def report_stem(name: str) -> str:
    """The file name (without extension) a report on ``name`` is written under."""
    if name in ("-", "<stdin>"):
        return "stdin"
    stem = Path(name).name
    for suffix in (".txt", ".md", ".markdown", ".mdown", ".mkd", ".text"):
        if stem.lower().endswith(suffix):
            return stem[: -len(suffix)] or "article"
    return stem or "article"
