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

import regex as re

from factcheck import limits
from factcheck.document import Document, parse_document
from factcheck.errors import InputError, TextTimeout
from factcheck.limits import guarded
from factcheck.model import Claim
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
    *,
    max_claims: int | None = None,
    max_checked: int | None = None,
    country: str | None = None,
) -> Report:
    """Check a parsed :class:`~factcheck.document.Document`.  ``lang``, ``date`` and ``country``
    (an ISO 3166-1 alpha-3 code: the country a claim that names none is about) given here win
    over the document's front matter; without either the language is read word by word
    ("auto") and the date stays unknown (claims without a period are then checked against the
    latest data, and the report says so).

    A report keeps at most ``max_claims`` claims and checks at most ``max_checked`` (by default
    :data:`~factcheck.limits.MAX_CLAIMS` and :data:`~factcheck.limits.MAX_CHECKED`): a document
    with more is reported up to where a limit is reached, with a problem saying so."""
    from factcheck.reference.store import open_store
    from factcheck.report.escape import safe_url
    from factcheck.text.bidi import bidi_diagnostics

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
    if doc.url is not None and safe_url(doc.url) is None:  # only http(s) links are written (report.escape)
        diagnostics += ("the front matter's url: is not an http:// or https:// address, so the reports leave it out",)
    try:
        most = _limit(max_claims, "max_claims", "MAX_CLAIMS"), _limit(max_checked, "max_checked", "MAX_CHECKED")
        claims, beyond = _claims_within(doc, lang, date, *most, country=country or doc.country)
    except TextTimeout as exc:  # a text built to be slow: reported, not a crash
        problems = (f"{doc.name}: {exc}",)
        return Report(doc, lang, date, date_source, policy, store.content_hash, (), (), diagnostics, problems)
    findings = verify_claims(claims, doc.body, store, policy, date)
    diagnostics += bidi_diagnostics(doc.body, [(c.span.start, c.span.end) for c in claims], doc.position)
    problems = () if beyond is None else (beyond,)
    return Report(
        doc, lang, date, date_source, policy, store.content_hash, tuple(claims), tuple(findings), diagnostics, problems
    )


def _limit(value: object, name: str, default: str) -> int:
    if value is None:
        return int(getattr(limits, default))  # read when called, so that a test can lower it
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InputError(f"{name} must be a whole number of at least 1, not {value!r}")
    return value


_DIGITS = re.compile(r"\d+")


def _claims_within(
    doc: Document, lang: str, date: dt.date | None, max_claims: int, max_checked: int, country: str | None = None
) -> tuple[list[Claim], str | None]:
    """The claims of a document up to where one of the limits is reached, read as they are
    found (the rest is never mined), and the problem to report when the document goes on."""
    from factcheck.mine.claims import iter_claims, with_main_country

    claims: list[Claim] = []
    checked = 0
    named: dict[str, int] = {}
    found = iter_claims(doc.body, lang, date, original=doc.text, country=country, named_count=named)
    for claim in found:
        if len(claims) == max_claims or (claim.check_worthy and checked == max_checked):
            found.close()
            return with_main_country(claims, named), _beyond(doc, claim, len(claims), checked, max_claims, max_checked)
        claims.append(claim)
        checked += claim.check_worthy
    return (claims if country is not None else with_main_country(claims, named)), None


def _beyond(doc: Document, first: Claim, kept: int, checked: int, max_claims: int, max_checked: int) -> str:
    """The problem of a document too dense to report whole: how far the report goes, and how
    many numbers (runs of digits) the rest holds."""
    with guarded(len(doc.body) - first.span.start, "counting the numbers left") as seconds:
        rest = sum(1 for _ in _DIGITS.finditer(doc.body, first.span.start, timeout=seconds))
    line, column = doc.position(first.span.start)
    return (
        f"{doc.name}: too many numbers for one report (it holds at most {max_claims:,} claims and checks at most "
        f"{max_checked:,}): the first {kept:,} claims were reported and {checked:,} of them checked; the rest, from "
        f"line {line:,} column {column:,} with {rest:,} more numbers written in digits, was not read: "
        "split the document"
    )


def check_text(
    text: str,
    lang: str | None = None,
    date: dt.date | None = None,
    policy: Policy | None = None,
    store: Store | None = None,
    name: str = "<text>",
    format: str | None = None,
    *,
    max_claims: int | None = None,
    max_checked: int | None = None,
    country: str | None = None,
) -> Report:
    """Check the numeric claims of ``text`` (plain text, or Markdown when ``format`` says so or
    ``name`` ends in .md) against the reference data (default: the shipped data), keeping at most
    ``max_claims`` claims and checking at most ``max_checked`` (see :func:`check_document`).

    Never raises because of what the text says; raises :class:`~factcheck.errors.InputError` for
    bad arguments or front matter whose date cannot be read.
    """
    if not isinstance(text, str):
        raise InputError(f"check_text() needs a str, not {type(text).__name__}")
    doc, problem = read_document(text, name, format)
    report = check_document(
        doc, lang, date, policy, store, max_claims=max_claims, max_checked=max_checked, country=country
    )
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
    """The file name (without extension) a report on ``name`` is written under: the input's
    name without its text suffix, with no leading dot (a report is never a hidden file, nor
    named like factcheck's own temporary files), no control characters, at most 150 bytes.  Two inputs with the
    same stem are told apart by the caller (:func:`factcheck.files.unique_stems`).

    >>> report_stem("news/a.txt"), report_stem(".hidden.md"), report_stem("-")
    ('a', 'hidden', 'stdin')
    """
    if name in ("-", "<stdin>"):
        return "stdin"
    stem = Path(name).name
    for suffix in (".txt", ".md", ".markdown", ".mdown", ".mkd", ".text"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = "".join("_" if not c.isprintable() or c in "/\\" else c for c in stem).lstrip(".")
    while len(stem.encode("utf-8", "surrogatepass")) > 150:  # room for a hash and .html in a 255-byte name
        stem = stem[:-1]
    return stem or "article"
