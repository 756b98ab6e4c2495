"""The ``factcheck`` command line: the only module that reads files, prints or exits.

Exit status: 0 success, 1 findings that fail the run (later commands), 2 bad usage or input that
cannot be read (a missing file, text that is not UTF-8, a malformed record).
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import IO, Any

import click

from factcheck.errors import FactcheckError, InputError

__all__ = ["main"]

LANG_HELP = "Language of the text: auto (each word read by its script), ar, en, or a regional tag such as ar-MA."


def read_text(path: str) -> str:
    """The text of a file (or of standard input for "-"), decoded as strict UTF-8."""
    if path == "-":
        data = sys.stdin.buffer.read()
        shown = "<stdin>"
    else:
        shown = path
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            raise InputError("no such file", shown) from None
        except IsADirectoryError:
            raise InputError("is a directory, not a file", shown) from None
        except PermissionError:
            raise InputError("permission denied", shown) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 at byte {exc.start} ({exc.reason} 0x{data[exc.start]:02x})",
            shown,
            offset=exc.start,
        ) from None


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """factcheck: find the numbers that make claims in Arabic and English news text."""


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be a date such as 2022-12-30, not {value!r}") from None


def _mine_one(text: str, lang: str, claims: bool, date: dt.date | None) -> list[Any]:
    if claims:
        from factcheck.mine.claims import mine_claims

        return mine_claims(text, lang, date)
    from factcheck.mine.mentions import find_mentions

    return find_mentions(text, lang)


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
    help='text: FILE is one document; jsonl: one record {"id", "text", "lang"} per line.',
)
@click.option("--claims", is_flag=True, help="Print claims (what each number says, about what) instead of mentions.")
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="The article's date, for years such as العام الماضي.")
def mine(file: str, lang: str, fmt: str, input_format: str, claims: bool, date_text: str | None) -> None:
    """Print every number in FILE (or standard input, "-") with its exact span.

    Each mention is a JSON object: start and end (code-point offsets into the text), text (the
    original characters), kind, value, low, high, unit, approx, comparator, rule and canonical.
    With --claims, each claim: its kind (level, change, rank, share), value and unit, the period,
    entities and metric it is about, its modality, and whether it is worth checking (and why not).
    """
    from factcheck.jsonout import dumps
    from factcheck.mine.mentions import languages_for

    out = _stdout()
    try:
        languages_for(lang)
        date = _parse_date(date_text)
        text = read_text(file)
    except FactcheckError as exc:
        raise _fail(exc) from None
    if input_format == "text":
        found = _mine_one(text, lang, claims, date)
        if fmt == "jsonl":
            for record in found:
                _write(out, dumps(record.to_json()))
        else:
            (_print_claims if claims else _print_table)(out, found)
        return
    bad = _mine_records(text, file, lang, fmt, out, claims, date)
    if bad:
        raise SystemExit(2)


def _mine_records(text: str, file: str, lang: str, fmt: str, out: IO[str], claims: bool, date: dt.date | None) -> int:
    """Mine a JSON-lines corpus record by record; report bad records on stderr and go on."""
    import json

    from factcheck.jsonout import dumps

    shown = "<stdin>" if file == "-" else file
    key = "claims" if claims else "mentions"
    bad = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("a record is a JSON object")
            if not isinstance(record.get("text"), str):
                raise ValueError('"text" must be a string')
            found = _mine_one(record["text"], record.get("lang") or lang, claims, date)
        except (ValueError, FactcheckError) as exc:
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


if __name__ == "__main__":  # pragma: no cover
    main()


# ---- factcheck ref --------------------------------------------------------------------------------


def _reference_dirs(reference_dirs: tuple[str, ...]) -> list[Any] | None:
    return list(reference_dirs) or None


@main.group()
@click.option(
    "--reference-dir",
    "reference_dirs",
    multiple=True,
    metavar="DIR",
    help="A directory of datasets (repeatable). Default: the shipped data, plus $FACTCHECK_REFERENCE_DIR.",
)
@click.option("--db", metavar="PATH", help="Keep the loaded database in this file (default: a cache by content).")
@click.pass_context
def ref(ctx: click.Context, reference_dirs: tuple[str, ...], db: str | None) -> None:
    """The reference data claims are checked against: list, show, validate and query it."""
    ctx.obj = {"dirs": _reference_dirs(reference_dirs), "db": db}


def _open(ctx: click.Context) -> Any:
    from factcheck.reference.store import open_store

    try:
        return open_store(ctx.obj["dirs"], db=ctx.obj["db"])
    except FactcheckError as exc:
        raise _fail(exc) from None


@ref.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def ref_list(ctx: click.Context, fmt: str) -> None:
    """Every dataset, with its unit, rows, years and source."""
    from factcheck.jsonout import dumps

    store = _open(ctx)
    out = _stdout()
    rows = []
    for ds in store.catalogue:
        count, first, last = store.con.execute(f'SELECT count(*), min(year), max(year) FROM "{ds.id}"').fetchone()
        rows.append((ds, count, first, last))
    if fmt == "json":
        for ds, count, first, last in rows:
            record = {
                "id": ds.id,
                "title": ds.title,
                "unit": ds.unit,
                "measure": ds.measure,
                "rows": count,
                "years": [first, last],
                "publisher": ds.publisher,
                "sources": len(ds.sources),
            }
            _write(out, dumps(record))
        return
    table = [("id", "rows", "years", "unit", "measure", "source", "title")]
    for ds, count, first, last in rows:
        table.append(
            (
                ds.id,
                str(count),
                f"{first}-{last}",
                ds.unit,
                ds.measure,
                f"{ds.publisher} ({len(ds.sources)} cited)",
                ds.title.get("en", ""),
            )
        )
    _print_rows(out, table)


def _print_rows(out: IO[str], table: list[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]) - 1)]
    for row in table:
        _write(out, "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1])


@ref.command("show")
@click.argument("dataset_id", metavar="ID")
@click.pass_context
def ref_show(ctx: click.Context, dataset_id: str) -> None:
    """A dataset's catalogue entry: what it measures, its columns, aliases and every citation."""
    store = _open(ctx)
    try:
        ds = store.dataset(dataset_id)
    except FactcheckError as exc:
        raise _fail(exc) from None
    out = _stdout()
    count = store.con.execute(f'SELECT count(*) FROM "{ds.id}"').fetchone()[0]
    _write(out, f"{ds.id}: {ds.title.get('en', '')}")
    if ds.title.get("ar"):
        _write(out, f"  {ds.title['ar']}")
    _write(out, f"unit: {ds.unit}   measure: {ds.measure}   rows: {count}")
    _write(out, f"publisher: {ds.publisher}   licence: {ds.licence}")
    _write(out, f"retrieved: {ds.retrieved}   as of: {ds.as_of}   file: {ds.data_path.name}")
    _write(out, "columns: " + ", ".join(f"{c} ({r})" for c, r in ds.columns.items()))
    for lang, words in ds.aliases.items():
        _write(out, f"aliases ({lang}): " + "; ".join(words))
    _write(out, "sources:")
    for s in ds.sources.values():
        _write(out, f'  [{s.key}] {s.publisher}, "{s.title}", {s.date}, {s.url}')


@ref.command("validate")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
def ref_validate(paths: tuple[str, ...]) -> None:
    """Check datasets (a directory of them, or catalogue entries) without keeping anything.

    Exit status 0 when every row loads, 2 with the first problem: its file, line, column and what
    is wrong.
    """
    from factcheck.reference.catalogue import default_reference_dirs
    from factcheck.reference.store import validate

    try:
        catalogue = validate(list(paths) or default_reference_dirs())
    except FactcheckError as exc:
        raise _fail(exc) from None
    click.echo(f"ok: {len(catalogue)} datasets")


@ref.command("query")
@click.argument("dataset_id", metavar="ID")
@click.option("--entity", required=True, help="A code (RUS) or a name (Russia, روسيا).")
@click.option("--counterpart", help="The partner of a flow (CHN in China's imports from Russia).")
@click.option("--year", type=int, help="The year (default: all, for a series; needed by growth, rank, share).")
@click.option("--period", default="FY", show_default=True, help="FY, Jan-Nov, H1, Q3 ...")
@click.option("--category", "categories", multiple=True, metavar="NAME=VALUE", help="e.g. flow=total, mode=LNG.")
@click.option(
    "--measure",
    type=click.Choice(["value", "series", "growth", "rank", "share", "latest"]),
    default="value",
    show_default=True,
)
@click.option("--by", type=click.Choice(["entity", "counterpart"]), help="Rank or share over this column.")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="For --measure latest.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def ref_query(
    ctx: click.Context,
    dataset_id: str,
    entity: str,
    counterpart: str | None,
    year: int | None,
    period: str,
    categories: tuple[str, ...],
    measure: str,
    by: str | None,
    as_of: str | None,
    fmt: str,
) -> None:
    """Ask a dataset a question; print the answer with its rows, SQL and citations."""
    from factcheck.jsonout import dumps
    from factcheck.reference import query as q

    store = _open(ctx)
    try:
        cats = {}
        for item in categories:
            name, sep, value = item.partition("=")
            if not sep:
                raise InputError(f"--category needs NAME=VALUE, not {item!r}")
            cats[name] = value
        code = q.resolve_entity(entity)
        other = q.resolve_entity(counterpart) if counterpart else None
        if measure == "value":
            answer = q.value_at(store, dataset_id, code, other, year, period, cats)
        elif measure == "series":
            answer = q.series(store, dataset_id, code, other, period, cats)
        elif measure == "growth":
            answer = q.growth(store, dataset_id, code, _need(year, "growth"), other, period, cats)
        elif measure in ("rank", "share"):
            column = by or ("counterpart" if other is not None else "entity")
            who = other if column == "counterpart" else code
            fn = q.rank if measure == "rank" else q.share
            answer = fn(
                store,
                dataset_id,
                who,
                column,
                _need(year, measure),
                period,
                entity=code,
                counterpart=other,
                categories=cats,
            )
        else:
            answer = q.latest(store, dataset_id, code, _parse_date(_need(as_of, "latest")), other, period, cats)
    except FactcheckError as exc:
        raise _fail(exc) from None
    out = _stdout()
    if fmt == "json":
        _write(out, dumps(answer.to_json()))
        return
    _print_answer(out, answer)


def _need(value: Any, what: str) -> Any:
    if value is None:
        raise InputError(f"--measure {what} needs --year" if what != "latest" else "--measure latest needs --as-of")
    return value


def _print_answer(out: IO[str], answer: Any) -> None:
    from factcheck.jsonout import decimal_text

    value = "-" if answer.value is None else decimal_text(answer.value)
    _write(out, f"{answer.question} = {value} {answer.unit or ''}".rstrip())
    for key, val in answer.detail.items():
        shown = decimal_text(val) if isinstance(val, Decimal) else val
        _write(out, f"  {key}: {shown}")
    _write(out, "rows:")
    keep = ("entity", "counterpart", "year", "period", "value", "reported_change", "rank", "status", "source", "line")
    for row in answer.rows:
        cells = []
        for k in (*keep, *[k for k in row if k.startswith("c_")]):
            if k in row and row[k] is not None:
                v = row[k]
                cells.append(f"{k}={decimal_text(v) if isinstance(v, Decimal) else v}")
        _write(out, "  " + " ".join(cells))
    _write(out, "sql: " + " ".join(answer.sql.split()))
    _write(out, f"params: {answer.params}")
    _write(out, "citations:")
    for s in answer.citations:
        _write(out, f'  [{s.key}] {s.publisher}, "{s.title}", {s.date}, {s.url}')
