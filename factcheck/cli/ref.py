"""``factcheck ref``: list, show, validate and query the reference data.

``ref query`` checks its options before asking: ``--period`` follows the period grammar of the
data files (``FY``, ``H1``, ``Q3``, ``Jan``, ``Jan-Nov``), ``--category`` names each column once,
``--year`` is a year.  Exit status: 0 answered, 2 bad usage or data, 3 an internal error.
"""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

import click

from factcheck.cli import _fail, _parse_date, _stdout, _write, main
from factcheck.errors import FactcheckError, InputError


def _period_option(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--period: the grammar the store checks data files against."""
    import re

    from factcheck.reference.store import _PERIOD  # the one definition of a period

    if not re.fullmatch(_PERIOD, value):
        raise click.BadParameter(f"{value!r} is not a period (FY, H1, H2, Q1-Q4, Jan, Jan-Nov ...)", ctx, param)
    return value


def _categories_option(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> dict[str, str]:
    """--category NAME=VALUE, each NAME once (a second value would silently replace the first)."""
    out: dict[str, str] = {}
    for item in value:
        name, sep, given = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise click.BadParameter(f"needs NAME=VALUE, not {item!r}", ctx, param)
        if name in out:
            raise click.BadParameter(f"{name} is given twice ({out[name]!r} and {given!r}); give it once", ctx, param)
        out[name] = given
    return out


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
        _write(out, f'  [{s.key}] {s.publisher}, "{s.title}", {s.dated()}, {s.url}')


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
@click.option(
    "--year",
    type=click.IntRange(1000, 3000),
    help="The year (default: all, for a series; needed by growth, rank, share).",
)
@click.option("--period", default="FY", show_default=True, callback=_period_option, help="FY, Jan-Nov, H1, Q3 ...")
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="NAME=VALUE",
    callback=_categories_option,
    help="e.g. flow=total, mode=LNG (each NAME once).",
)
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
    categories: dict[str, str],
    measure: str,
    by: str | None,
    as_of: str | None,
    fmt: str,
) -> None:
    """Ask a dataset a question; print the answer with its rows, SQL and citations.

    Exit status: 0 answered, 2 bad usage or no such data, 3 an internal error.
    """
    from factcheck.jsonout import dumps
    from factcheck.reference import query as q

    store = _open(ctx)
    try:
        cats = categories
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
        _write(out, f'  [{s.key}] {s.publisher}, "{s.title}", {s.dated()}, {s.url}')
