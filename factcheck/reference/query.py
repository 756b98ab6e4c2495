"""Questions asked of the reference data, answered with the rows used, the SQL and the citations.

Every question is parameterised SQL: values are parameters, and table and column names come only
from the catalogue (ids and column names are checked on load).  Derived figures are computed by
the SQL from the stored series:

* :func:`value_at`: the value at (entity, counterpart, year, period, categories);
* :func:`series`: the values over the years;
* :func:`growth`: year-on-year change computed from the levels, beside the change the source
  reports where it reports one;
* :func:`growth_series`: the same change for every year of a series;
* :func:`rank`: the rank of an entity (or counterpart) within a partition, ties counted (1, 2, 2,
  4), aggregates such as WLD left out;
* :func:`ranks`: the same rank in every year;
* :func:`share`: the share of a total (the WLD row when the table has one, else the sum);
* :func:`compare`: the difference and ratio between two selections;
* :func:`latest`: the latest period available as of a date.

>>> from factcheck.reference.store import open_store
>>> store = open_store()
>>> a = growth(store, "ru_cn_trade", entity="CHN", counterpart="RUS", year=2022, categories={"flow": "total"})
>>> (a.value, a.detail["reported_change"])
(Decimal('29.535629'), Decimal('29.3'))
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from factcheck.errors import ReferenceDataError
from factcheck.reference.catalogue import Dataset, Source
from factcheck.reference.store import Store, known_entities

__all__ = [
    "Answer",
    "aggregates",
    "citations",
    "compare",
    "growth",
    "growth_series",
    "latest",
    "period_end",
    "published",
    "rank",
    "ranks",
    "resolve_entity",
    "series",
    "share",
    "value_at",
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Answer:
    """What a question found: ``value`` (None when nothing or more than one row matched), the
    ``rows`` used, the ``sql`` and its ``params``, the ``citations`` of those rows, and
    question-specific ``detail`` (the reported change, the rank's ties, the ranking ...)."""

    dataset: str
    question: str
    value: Decimal | None
    unit: str | None
    rows: list[dict[str, Any]]
    sql: str
    params: list[Any]
    citations: list[Source]
    detail: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "question": self.question,
            "value": self.value,
            "unit": self.unit,
            "detail": self.detail,
            "rows": self.rows,
            "sql": self.sql,
            "params": self.params,
            "citations": [c.to_json() for c in self.citations],
        }


def aggregates() -> list[str]:
    """Codes that stand for groups (WLD, ARB, EUU ...): left out of rankings."""
    from factcheck.entities import get_gazetteer

    return sorted(code for code, e in get_gazetteer().entities.items() if e.aggregate)


def resolve_entity(text: str) -> str:
    """A code from a code or a name in Arabic or English ("Russia", "روسيا", "RUS")."""
    from factcheck.entities import get_gazetteer

    candidate = text.strip()
    if candidate.upper() in known_entities():
        return candidate.upper()
    gazetteer = get_gazetteer()
    code = gazetteer.code_for(candidate)
    if code is not None:
        return code
    names = {e.name_en: c for c, e in gazetteer.entities.items()} | {
        e.name_ar: c for c, e in gazetteer.entities.items()
    }
    close = difflib.get_close_matches(candidate, list(names) + sorted(known_entities()), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ReferenceDataError(f"unknown entity {text!r}{hint}", "query")


def _category_column(dataset: Dataset, name: str) -> str:
    if name not in dataset.category_columns:
        close = difflib.get_close_matches(name, list(dataset.category_columns), n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise ReferenceDataError(f"{dataset.id} has no category {name!r}{hint}", str(dataset.path))
    return '"c_' + name + '"'


def _where(
    dataset: Dataset,
    params: list[Any],
    alias: str = "",
    entity: str | None = None,
    counterpart: str | None = None,
    year: int | None = None,
    period: str | None = None,
    categories: dict[str, str] | None = None,
) -> str:
    p = f"{alias}." if alias else ""
    clauses = []

    def add(sql: str, value: Any) -> None:
        params.append(value)
        clauses.append(sql.format(n=len(params)))

    if entity is not None:
        add(p + "entity = ${n}", entity)
    if counterpart is not None:
        add(p + "counterpart = ${n}", counterpart)
    if year is not None:
        add(p + "year = ${n}", int(year))
    if period is not None:
        add(p + "period = ${n}", period)
    for name, value in (categories or {}).items():
        add(p + _category_column(dataset, name) + " = ${n}", value)
    return " AND ".join(clauses) if clauses else "TRUE"


def citations(dataset: Dataset, rows: list[dict[str, Any]], *keys: str) -> list[Source]:
    """The sources the rows cite (their ``source`` column, or the columns ``keys``), each once."""
    seen: list[Source] = []
    for row in rows:
        for key in keys or ("source",):
            source = dataset.sources.get(row.get(key) or "")
            if source is not None and source not in seen:
                seen.append(source)
    return seen


def _table(dataset: Dataset) -> str:
    return '"' + dataset.id + '"'


def _plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as JSON-friendly values: dates as ISO text, the exact value text as the value."""
    out = []
    for row in rows:
        clean = {}
        for k, v in row.items():
            if isinstance(v, dt.date):
                v = v.isoformat()
            elif isinstance(v, Decimal):
                v = _trim(v)
            clean[k] = v
        if "value_text" in clean and clean["value_text"] is not None:
            clean["value"] = Decimal(clean["value_text"])
        out.append(clean)
    return out


def _trim(d: Decimal) -> Decimal:
    """29.300000000000 -> 29.3, 7.000 -> 7 (DuckDB's DECIMAL(38,12) keeps every trailing zero)."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def _value(row: dict[str, Any]) -> Decimal | None:
    text = row.get("value_text")
    return Decimal(text) if text is not None else row.get("value")


def _select(
    store: Store,
    ds: Dataset,
    order: str,
    entity: str | None,
    counterpart: str | None,
    year: int | None,
    period: str | None,
    categories: dict[str, str] | None,
) -> tuple[list[dict[str, Any]], str, list[Any]]:
    """The rows at a selection, the SQL and its parameters."""
    params: list[Any] = []
    where = _where(ds, params, "", entity, counterpart, year, period, categories)
    sql = f"SELECT * FROM {_table(ds)} WHERE {where} ORDER BY {order}"
    return _plain(store.query(sql, params)), sql, params


def value_at(
    store: Store,
    dataset_id: str,
    entity: str,
    counterpart: str | None = None,
    year: int | None = None,
    period: str | None = "FY",
    categories: dict[str, str] | None = None,
) -> Answer:
    """The value at one point.  More than one matching row is reported, not guessed between."""
    ds = store.dataset(dataset_id)
    rows, sql, params = _select(store, ds, "year, line", entity, counterpart, year, period, categories)
    value = _value(rows[0]) if len(rows) == 1 else None
    detail: dict[str, Any] = {"matches": len(rows)}
    if rows and len(rows) == 1:
        detail["reported_change"] = rows[0].get("reported_change")
        detail["status"] = rows[0].get("status")
    return Answer(ds.id, "value", value, ds.unit, rows, sql, params, citations(ds, rows), detail)


def series(
    store: Store,
    dataset_id: str,
    entity: str,
    counterpart: str | None = None,
    period: str | None = "FY",
    categories: dict[str, str] | None = None,
) -> Answer:
    ds = store.dataset(dataset_id)
    rows, sql, params = _select(store, ds, "year, line", entity, counterpart, None, period, categories)
    return Answer(ds.id, "series", None, ds.unit, rows, sql, params, citations(ds, rows), {"years": len(rows)})


def growth(
    store: Store,
    dataset_id: str,
    entity: str,
    year: int,
    counterpart: str | None = None,
    period: str = "FY",
    categories: dict[str, str] | None = None,
) -> Answer:
    """Change from ``year - 1`` to ``year`` in percent, computed in SQL from the two levels."""
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    where = _where(ds, params, "cur", entity, counterpart, year, period, categories)
    same = " AND ".join(
        [
            "prev.entity = cur.entity",
            "prev.counterpart IS NOT DISTINCT FROM cur.counterpart",
            "prev.period = cur.period",
        ]
        + [f'prev."c_{c}" IS NOT DISTINCT FROM cur."c_{c}"' for c in ds.category_columns]
    )
    sql = (
        "SELECT cur.year, cur.value_text AS value_text, prev.value_text AS previous_text, "
        "CAST(ROUND((cur.value / prev.value - 1) * 100, 6) AS DECIMAL(38,6)) AS growth, "
        "cur.value - prev.value AS difference, cur.reported_change, cur.source, prev.source AS previous_source, "
        "cur.status, prev.status AS previous_status, cur.line, prev.line AS previous_line "
        f"FROM {_table(ds)} cur JOIN {_table(ds)} prev ON {same} AND prev.year = cur.year - 1 "
        f"WHERE {where} AND prev.value <> 0"
    )
    rows = _plain(store.query(sql, params))
    value = rows[0]["growth"] if len(rows) == 1 else None
    detail: dict[str, Any] = {"matches": len(rows)}
    if len(rows) == 1:
        detail.update(
            reported_change=rows[0]["reported_change"],
            level=Decimal(rows[0]["value_text"]),
            previous_level=Decimal(rows[0]["previous_text"]),
            difference=rows[0]["difference"],
        )
    return Answer(
        ds.id, "growth", value, "%", rows, sql, params, citations(ds, rows, "source", "previous_source"), detail
    )


def growth_series(
    store: Store,
    dataset_id: str,
    entity: str,
    counterpart: str | None = None,
    period: str = "FY",
    categories: dict[str, str] | None = None,
) -> Answer:
    """The change from each year to the next in percent, computed in SQL (``LAG`` over the years),
    beside the change the source reports."""
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    where = _where(ds, params, "", entity, counterpart, None, period, categories)
    sql = (
        "SELECT year, period, value_text, reported_change, source, line, "
        "lag(year) OVER w AS previous_year, "
        "CAST(ROUND((value / lag(value) OVER w - 1) * 100, 6) AS DECIMAL(38,6)) AS growth "
        f"FROM {_table(ds)} WHERE {where} WINDOW w AS (ORDER BY year) ORDER BY year"
    )
    rows = _plain(store.query(sql, params))
    for row in rows:  # a gap in the years is no year-on-year change
        if row["previous_year"] is not None and row["previous_year"] != row["year"] - 1:
            row["growth"] = None
    return Answer(ds.id, "growth_series", None, "%", rows, sql, params, citations(ds, rows), {"years": len(rows)})


def _partition(
    ds: Dataset,
    params: list[Any],
    by: str,
    year: int | None,
    period: str | None,
    entity: str | None,
    counterpart: str | None,
    categories: dict[str, str] | None,
) -> str:
    """The rows compared by rank and share: the column ``by`` varies, the rest is fixed.  The
    list of aggregate codes is the last parameter."""
    fixed_entity = entity if by == "counterpart" else None
    fixed_counterpart = counterpart if by == "entity" else None
    where = _where(ds, params, "", fixed_entity, fixed_counterpart, year, period, categories)
    params.append(aggregates())
    return where


def rank(
    store: Store,
    dataset_id: str,
    who: str,
    by: str = "entity",
    year: int | None = None,
    period: str | None = "FY",
    entity: str | None = None,
    counterpart: str | None = None,
    categories: dict[str, str] | None = None,
    descending: bool = True,
) -> Answer:
    """The rank of ``who`` among the values of the column ``by`` ("entity" or "counterpart"),
    within the partition the other arguments fix.  Ties share a rank (1, 2, 2, 4)."""
    if by not in ("entity", "counterpart"):
        raise ReferenceDataError("rank by entity or counterpart", "query")
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    where = _partition(ds, params, by, year, period, entity, counterpart, categories)
    order = "DESC" if descending else "ASC"
    sql = (
        f"SELECT *, RANK() OVER (ORDER BY value {order}) AS rank, count(*) OVER () AS ranked "
        f"FROM {_table(ds)} WHERE {where} AND {by} IS NOT NULL AND NOT list_contains(${len(params)}, {by}) "
        f"ORDER BY rank, {by}"
    )
    rows = _plain(store.query(sql, params))
    mine = [r for r in rows if r[by] == who]
    value = Decimal(mine[0]["rank"]) if len(mine) == 1 else None
    detail: dict[str, Any] = {"by": by, "ranked": len(rows)}
    if len(mine) == 1:
        detail["ties"] = sum(1 for r in rows if r["rank"] == mine[0]["rank"]) - 1
        detail["reported_rank"] = mine[0].get("reported_rank")
        detail["ahead"] = [r[by] for r in rows if r["rank"] < mine[0]["rank"]]
    return Answer(ds.id, "rank", value, None, rows, sql, params, citations(ds, rows), detail)


def ranks(
    store: Store,
    dataset_id: str,
    who: str,
    by: str = "entity",
    period: str | None = "FY",
    entity: str | None = None,
    counterpart: str | None = None,
    categories: dict[str, str] | None = None,
    descending: bool = True,
) -> Answer:
    """The rank of ``who`` in every year (``RANK`` partitioned by year), with how many were ranked
    and who was ahead."""
    if by not in ("entity", "counterpart"):
        raise ReferenceDataError("rank by entity or counterpart", "query")
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    where = _partition(ds, params, by, None, period, entity, counterpart, categories)
    order = "DESC" if descending else "ASC"
    params.append(who)
    sql = (
        "WITH ranked AS (SELECT *, "
        f"RANK() OVER (PARTITION BY year ORDER BY value {order}) AS rank, "
        "count(*) OVER (PARTITION BY year) AS ranked "
        f"FROM {_table(ds)} WHERE {where} AND {by} IS NOT NULL AND NOT list_contains(${len(params) - 1}, {by})) "
        "SELECT r.year, r.period, r.value_text, r.rank, r.ranked, r.reported_rank, r.source, r.line, "
        f"(SELECT count(*) FROM ranked t WHERE t.year = r.year AND t.rank = r.rank) - 1 AS ties, "
        f"(SELECT list(t.{by} ORDER BY t.rank, t.{by}) FROM ranked t WHERE t.year = r.year AND t.rank < r.rank) "
        f"AS ahead FROM ranked r WHERE r.{by} = ${len(params)} ORDER BY r.year"
    )
    rows = _plain(store.query(sql, params))
    return Answer(ds.id, "ranks", None, None, rows, sql, params, citations(ds, rows), {"years": len(rows)})


def share(
    store: Store,
    dataset_id: str,
    who: str,
    by: str = "counterpart",
    year: int | None = None,
    period: str | None = "FY",
    entity: str | None = None,
    counterpart: str | None = None,
    categories: dict[str, str] | None = None,
) -> Answer:
    """``who``'s value as a percent of the total: the WLD row when there is one, else the sum of
    the partition's non-aggregate rows."""
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    where = _partition(ds, params, by, year, period, entity, counterpart, categories)
    agg = len(params)
    params.append(who)
    sql = (
        f"WITH part AS (SELECT * FROM {_table(ds)} WHERE {where}), "
        f"total AS (SELECT coalesce((SELECT max(value) FROM part WHERE {by} = 'WLD'), "
        f"(SELECT sum(value) FROM part WHERE NOT list_contains(${agg}, {by}))) AS total) "
        "SELECT part.*, total.total, CAST(ROUND(part.value / total.total * 100, 6) AS DECIMAL(38,6)) AS share "
        f"FROM part, total WHERE part.{by} = ${len(params)}"
    )
    rows = _plain(store.query(sql, params))
    value = rows[0]["share"] if len(rows) == 1 else None
    detail = {"total": rows[0]["total"]} if len(rows) == 1 else {"matches": len(rows)}
    return Answer(ds.id, "share", value, "%", rows, sql, params, citations(ds, rows), detail)


def compare(
    store: Store,
    dataset_id: str,
    first: dict[str, Any],
    second: dict[str, Any],
) -> Answer:
    """The difference (first - second) and ratio (first / second) of two selections, each a dict of
    value_at's arguments (entity, counterpart, year, period, categories)."""
    ds = store.dataset(dataset_id)
    params: list[Any] = []
    wa = _where(ds, params, "a", **first)
    wb = _where(ds, params, "b", **second)
    sql = (
        "SELECT a.value_text AS first_text, b.value_text AS second_text, a.value - b.value AS difference, "
        "CAST(ROUND(a.value / b.value, 9) AS DECIMAL(38,9)) AS ratio, a.source AS first_source, "
        "b.source AS second_source, a.line AS first_line, b.line AS second_line "
        f"FROM {_table(ds)} a, {_table(ds)} b WHERE {wa} AND {wb} AND b.value <> 0"
    )
    rows = _plain(store.query(sql, params))
    value = rows[0]["difference"] if len(rows) == 1 else None
    detail = {"ratio": rows[0]["ratio"]} if len(rows) == 1 else {"matches": len(rows)}
    return Answer(
        ds.id,
        "compare",
        value,
        ds.unit,
        rows,
        sql,
        params,
        citations(ds, rows, "first_source", "second_source"),
        detail,
    )


def period_end(year: int, period: str) -> dt.date:
    """The last day a period covers: FY -> 31 Dec, Jan-Nov -> 30 Nov, H1 -> 30 Jun, Q3 -> 30 Sep."""
    if period == "FY":
        month = 12
    elif period in ("H1", "H2"):
        month = 6 * int(period[1])
    elif period.startswith("Q"):
        month = 3 * int(period[1])
    else:
        month = _MONTHS.index(period.split("-")[-1]) + 1
    first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def published(dataset: Dataset, source_key: str) -> dt.date | None:
    """When a row's figure was published, if its source says so.  A source dated the day the
    table was retrieved (a bulk download) says nothing about it."""
    source = dataset.sources.get(source_key)
    if source is None:
        return None
    text = source.date[:10]
    try:
        date = dt.date.fromisoformat(text) if len(text) == 10 else dt.date.fromisoformat(text[:7] + "-01")
    except ValueError:
        return None
    return None if date >= dataset.retrieved else date


def latest(
    store: Store,
    dataset_id: str,
    entity: str,
    as_of: dt.date,
    counterpart: str | None = None,
    period: str | None = "FY",
    categories: dict[str, str] | None = None,
) -> Answer:
    """The latest row whose period had ended by ``as_of`` and whose figure, where its source is
    dated, had been published by then.  Later rows are listed in ``detail["later"]``."""
    ds = store.dataset(dataset_id)
    rows, sql, params = _select(store, ds, "year DESC, line", entity, counterpart, None, period, categories)
    known, later = [], []
    for row in rows:
        ended = period_end(row["year"], row["period"]) < as_of
        when = published(ds, row["source"])
        (known if ended and (when is None or when <= as_of) else later).append(row)
    chosen = known[:1]
    value = _value(chosen[0]) if chosen else None
    detail = {"as_of": as_of.isoformat(), "later": [(r["year"], r["period"], r["value"]) for r in later]}
    if chosen:
        detail["year"] = chosen[0]["year"]
        detail["period"] = chosen[0]["period"]
    return Answer(ds.id, "latest", value, ds.unit, chosen, sql, params, citations(ds, chosen), detail)
