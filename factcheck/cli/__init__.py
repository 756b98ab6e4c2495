"""The ``factcheck`` command line: the only package that reads files, prints or exits.

Exit status: 0 success, 1 findings that fail the run (``check --fail-on``), 2 bad usage or input
that cannot be read (a missing file, text that is not UTF-8, a malformed record), 3 an internal
error: a bug in factcheck, reported in one line ("internal error: ...; please report it"), with
the traceback when the environment sets ``FACTCHECK_DEBUG=1``.  CI can tell a bug (3) from a
finding (1).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, NoReturn

import click

from factcheck.cli.inputs import MEGABYTES
from factcheck.errors import FactcheckError, InputError, TextTimeout

__all__ = ["main"]

LANG_HELP = "Language of the text: auto (each word read by its script), ar, en, or a regional tag such as ar-MA."


def read_text(path: str, max_mb: float | None = None) -> str:
    """The text of a file (or of standard input, "-"); see :mod:`factcheck.cli.inputs`."""
    from factcheck.cli.inputs import MAX_DOCUMENT_MB
    from factcheck.cli.inputs import read_text as read

    return read(path, MAX_DOCUMENT_MB if max_mb is None else max_mb)


def _stdout() -> IO[str]:
    """Standard output as UTF-8 whatever the locale, escaping what cannot be encoded (a lone
    surrogate) instead of crashing half-way through a report."""
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):  # a stream that has been written to cannot change encoding
            reconfigure(errors="backslashreplace")
    return stream


def _write(out: IO[str], line: str) -> None:
    out.write(line + "\n")


def _mention_rows(mentions: list[Any]) -> list[tuple[str, ...]]:
    from factcheck.jsonout import decimal_text

    rows = []
    for m in mentions:
        value = decimal_text(m.value) if m.value is not None else ""
        if m.low is not None or m.high is not None:
            low = decimal_text(m.low) if m.low is not None else ""
            high = decimal_text(m.high) if m.high is not None else ""
            value = f"{value} [{low}..{high}]"
        extra = m.unit or ""
        if m.comparator != "=":
            value = f"{m.comparator}{value}"
        if m.approx:
            value = f"~{value}"
        rows.append((f"{m.span.start}-{m.span.end}", m.kind.value, value, extra, m.text))
    return rows


def _print_table(out: IO[str], mentions: list[Any], heading: str | None = None) -> None:
    if heading:
        _write(out, heading)
    rows = _mention_rows(mentions)
    header = ("span", "kind", "value", "unit", "text")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    _write(out, "  ".join(h.ljust(w) for h, w in zip(header[:4], widths, strict=True)) + "  text")
    for row in rows:
        _write(out, "  ".join(c.ljust(w) for c, w in zip(row[:4], widths, strict=True)) + "  " + row[4])


EXIT_INTERNAL = 3
_PASS_THROUGH = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, EOFError)


class _Main(click.Group):
    """The ``factcheck`` group: an exception nobody expected exits 3 with one line, not a traceback.

    Click's own exceptions (usage errors, ``Exit``, ``Abort``), ``SystemExit`` and
    ``KeyboardInterrupt`` (not ``Exception``s) and a closed pipe pass through unchanged.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _PASS_THROUGH:
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # click reports a closed standard output itself
                raise
            _internal_error(exc)
        except Exception as exc:  # the CLI boundary: anything else is a bug in factcheck
            _internal_error(exc)


def _internal_error(exc: BaseException) -> NoReturn:
    """Report a bug in one line (the traceback too with FACTCHECK_DEBUG=1) and exit 3."""
    detail = " ".join(str(exc).split())
    click.echo(
        f"internal error: {type(exc).__name__}{': ' + detail if detail else ''}; please report it "
        "(set FACTCHECK_DEBUG=1 for the details)",
        err=True,
    )
    if os.environ.get("FACTCHECK_DEBUG", "") not in ("", "0"):
        import traceback

        click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)
    raise click.exceptions.Exit(EXIT_INTERNAL)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """factcheck: find the numbers that make claims in Arabic and English news text.

    \b
    Exit status:
      0  success (check: nothing listed in --fail-on was found)
      1  check found something listed in --fail-on
      2  bad usage, or input that cannot be read
      3  internal error: a bug in factcheck (FACTCHECK_DEBUG=1 shows the traceback)
    """


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be a date such as 2022-12-30, not {value!r}") from None


def doc_language(doc: Any, lang: str | None) -> str:
    """The language to read ``doc`` in: the option, else its front matter's, else auto."""
    from factcheck.errors import UnknownLanguageError
    from factcheck.mine.mentions import languages_for

    chosen = lang or doc.lang or "auto"
    try:
        languages_for(chosen)
    except UnknownLanguageError as exc:
        if lang is None:
            raise InputError(f"front matter lang: {exc}", doc.name) from None
        raise
    from factcheck.lang import canonical_tag

    return canonical_tag(chosen)


def _mine_one(text: str, lang: str, claims: bool, date: dt.date | None, original: str | None = None) -> Iterator[Any]:
    """The claims (or mentions) of a text as they are found, a window of the text at a time."""
    if claims:
        from factcheck.mine.claims import iter_claims

        return iter_claims(text, lang, date, original=original)
    from factcheck.mine.mentions import iter_mentions

    return iter_mentions(text, lang, original=original)


@main.command()
@click.argument("file", metavar="FILE|-")
@click.option("--lang", default="auto", show_default=True, help=LANG_HELP)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per mention (or claim); table: aligned columns for people.",
)
@click.option(
    "--input-format",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="text: FILE is one article (plain text, or Markdown for .md; front matter read); "
    'jsonl: one record {"id", "text", "lang"} per line.',
)
@click.option("--claims", is_flag=True, help="Print claims (what each number says, about what) instead of mentions.")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The article's date, for years such as العام الماضي.")
@click.option(
    "--max-mb",
    type=MEGABYTES,
    default=10,
    show_default=True,
    help="Refuse an article (or a JSON-lines record) larger than this (at most 1024); a corpus is streamed, "
    "whatever its size.",
)
def mine(file: str, lang: str, fmt: str, input_format: str, claims: bool, date_text: str | None, max_mb: float) -> None:
    """Print every number in FILE (or standard input, "-") with its exact span.

    Each mention is a JSON object: start and end (code-point offsets into the text), text (the
    original characters), kind, value, low, high, unit, approx, comparator, rule and canonical.
    With --claims, each claim: its kind (level, change, rank, share), value and unit, the period,
    entities and metric it is about, its modality, and whether it is worth checking (and why not).

    Exit status: 0 success; 2 bad usage, input that cannot be read, or bad records of a corpus
    (each named on standard error with its line; the others are still written); 3 an internal
    error (a bug in factcheck).
    """
    from factcheck.jsonout import dumps
    from factcheck.mine.mentions import languages_for

    out = _stdout()
    try:
        languages_for(lang)
        date = _parse_date(date_text)
        if input_format == "jsonl":
            bad = _mine_records(file, lang, fmt, out, claims, date, max_mb)
            if bad:
                raise SystemExit(2)
            return
        text = read_text(file, max_mb)
    except FactcheckError as exc:
        raise _fail(exc) from None
    from factcheck.document import parse_document

    try:  # front matter and Markdown code are not prose; offsets still index the file
        doc = parse_document(text, "<stdin>" if file == "-" else file)
        del text
        lang = doc_language(doc, None if lang == "auto" else lang)
        found = _mine_one(doc.body, lang, claims, date or doc.date, doc.text)
        if fmt == "jsonl":  # written as found: memory holds one window's claims, not the text's
            for record in found:
                _write(out, dumps(record.to_json()))
        else:
            (_print_claims if claims else _print_table)(out, list(found))
    except FactcheckError as exc:  # TextTimeout included: a text built to be slow
        raise _fail(
            InputError(str(exc), "<stdin>" if file == "-" else file) if isinstance(exc, TextTimeout) else exc
        ) from None


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value (a number must be finite)")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):  # 1e400
        raise ValueError(f"{text[:40]} is too large a number for a record")
    return value


def _record(line: str | None, problem: str | None) -> dict[str, Any]:
    """The record on one line of a corpus; a ValueError says why there is none (a line over the
    size limit is refused by :func:`~factcheck.cli.inputs.iter_lines` before it is read whole)."""
    import json

    if problem is not None or line is None:
        raise ValueError(problem or "no text")
    try:
        record = json.loads(line, parse_constant=_not_json, parse_float=_finite)
    except RecursionError:  # [[[[...]]]] a hundred thousand deep
        raise ValueError("nested too deeply to be a record") from None
    if not isinstance(record, dict):
        raise ValueError("a record is a JSON object")
    if not isinstance(record.get("text"), str):
        raise ValueError('"text" must be a string')
    if not isinstance(record.get("id"), str | int | float | None) or isinstance(record.get("id"), bool):
        raise ValueError('"id" must be a string, a number or null')
    if not isinstance(record.get("lang"), str | None):
        raise ValueError('"lang" must be a string')
    return record


def _mine_records(
    file: str, lang: str, fmt: str, out: IO[str], claims: bool, date: dt.date | None, max_mb: float = 10
) -> int:
    """Mine a JSON-lines corpus a line at a time (memory stays flat); report bad records (not
    JSON, NaN, nested too deeply, larger than ``max_mb``) on standard error and go on."""
    from factcheck.cli.inputs import iter_lines, shown_name
    from factcheck.jsonout import dumps

    shown = shown_name(file)
    key = "claims" if claims else "mentions"
    bad = 0
    for number, _offset, line, problem in iter_lines(file, max_bytes=int(max_mb * 2**20)):
        if line is not None and not line.strip():
            continue
        try:
            record = _record(line, problem)
            del line
            found = list(_mine_one(record["text"], record.get("lang") or lang, claims, date))
        except (ValueError, FactcheckError) as exc:  # TextTimeout included: reported, the corpus goes on
            click.echo(f"{shown}:{number}: bad record: {exc}", err=True)
            bad += 1
            continue
        if fmt == "jsonl":
            _write(out, dumps({"id": record.get("id"), key: [m.to_json() for m in found]}))
        else:
            (_print_claims if claims else _print_table)(out, found, heading=f"# {record.get('id')}")
    return bad


def _print_claims(out: IO[str], claims: list[Any], heading: str | None = None) -> None:
    from factcheck.jsonout import decimal_text

    if heading:
        _write(out, heading)
    rows = [("id", "kind", "value", "check", "entities", "period", "modality", "as written / metric")]
    for c in claims:
        if c.value is not None:
            value = decimal_text(c.value)
        else:
            low = decimal_text(c.low) if c.low is not None else ""
            high = decimal_text(c.high) if c.high is not None else ""
            value = f"{low}..{high}"
        if c.comparator != "=":
            value = c.comparator + value
        if c.approx:
            value = "~" + value
        if c.unit:
            value += " " + c.unit
        kind = str(c.kind) if c.kind is not None else "-"
        if c.direction:
            kind += "+" if c.direction == "increase" else "-"
        check = "yes" if c.check_worthy else f"no: {c.reason}"
        period = c.period.label() if c.period is not None and c.period.label() else "-"
        about = c.as_written + (f"  [{c.metric}]" if c.metric else "")
        rows.append((c.id, kind, value, check, ",".join(c.entities) or "-", period, str(c.modality), about))
    widths = [max(len(r[i]) for r in rows) for i in range(7)]
    for row in rows:
        _write(out, "  ".join(cell.ljust(w) for cell, w in zip(row[:7], widths, strict=True)) + "  " + row[7])


def _fail(exc: FactcheckError) -> click.ClickException:
    error = click.ClickException(str(exc))
    error.exit_code = 2
    return error


# the commands defined beside this module: ``ref`` registers itself on ``main``, ``check`` is added
from factcheck.cli import check as _check  # noqa: E402
from factcheck.cli import ref as _ref  # noqa: E402, F401

_check.register(main)

if __name__ == "__main__":  # pragma: no cover
    main()
