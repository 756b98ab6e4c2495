"""Judging one claim against one candidate selection of reference data.

:func:`tolerance` turns the claim as written into the range of reference values that support it,
under the :class:`~factcheck.verify.policy.Policy`: half a unit of the last digit or scale word the
writer used, widened by a hedge (relatively for amounts, in percentage points for percentages);
a comparator ("more than", "أقل من") tests one side only; a rank is exact, a tie counting as every
place it spans.  :func:`evaluate` asks the dataset the candidate's question, compares, and returns
the :class:`Evidence`: the reference values, the rows, the SQL, the citations, the deviation and
how the same figure looked in the other periods of the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from factcheck.display import ordinal, show
from factcheck.limits import with_figures
from factcheck.model import Claim, ClaimKind, Modality
from factcheck.reference import query as q
from factcheck.reference.catalogue import Dataset
from factcheck.reference.store import Store
from factcheck.verify.link import Candidate
from factcheck.verify.policy import Policy

__all__ = ["Deviation", "Evidence", "Outcome", "Tolerance", "Verdict", "evaluate", "tolerance"]

_INF = Decimal("Infinity")
_PERCENTS = ("%", "percentage_point")


class Verdict(StrEnum):
    SUPPORTED = "SUPPORTED"
    CLOSE = "CLOSE"  # outside the written precision and hedge, within the policy's close band
    CONTRADICTED = "CONTRADICTED"
    UNVERIFIABLE = "UNVERIFIABLE"
    AMBIGUOUS = "AMBIGUOUS"
    PREDICTION = "PREDICTION"


class Outcome(StrEnum):
    MET = "MET"
    NOT_MET = "NOT_MET"
    PENDING = "PENDING"


@dataclass(frozen=True)
class Tolerance:
    """The reference values that support a claim: ``low``..``high`` in ``unit`` (a side is
    infinite for a comparator; ``open`` makes "more than" strict), and the rule that set it."""

    low: Decimal
    high: Decimal
    unit: str | None
    rule: str
    low_open: bool = False
    high_open: bool = False

    def admits(self, low: Decimal, high: Decimal, high_open: bool = False) -> bool:
        """True when some value in ``low``..``high`` (``high`` itself excluded when ``high_open``)
        lies within the tolerance."""
        above = high > self.low if self.low_open or high_open else high >= self.low
        below = low < self.high if self.high_open else low <= self.high
        return above and below

    def to_json(self) -> dict[str, Any]:
        return {
            "low": None if self.low == -_INF else self.low,
            "high": None if self.high == _INF else self.high,
            "unit": self.unit,
            "low_open": self.low_open,
            "high_open": self.high_open,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Deviation:
    """How far the reference is from the claim: ``absolute`` (reference minus claimed, in the
    reference's unit), ``relative`` to the reference, ``points`` for percentages, and ``beyond``:
    how far outside the tolerance it lies."""

    absolute: Decimal
    relative: Decimal | None
    points: Decimal | None
    beyond: Decimal

    def to_json(self) -> dict[str, Any]:
        return {"absolute": self.absolute, "relative": self.relative, "points": self.points, "beyond": self.beyond}


@dataclass(frozen=True)
class Evidence:
    """What one candidate says about a claim."""

    candidate: Candidate
    dataset: Dataset
    verdict: Verdict
    outcome: Outcome | None
    value: Decimal | None
    values: tuple[tuple[str, Decimal], ...]
    unit: str | None
    period: str | None
    tolerance: Tolerance
    deviation: Deviation | None
    answer: q.Answer
    summary: str
    history: tuple[dict[str, Any], ...] = ()
    published_after: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=())
    # the figures became public after the article's date: the writer could not have had them
    later: bool = False


class Unusable(Exception):
    """The candidate cannot answer (no row, a partition too small to rank ...): why."""


# ---- the claim's tolerance -----------------------------------------------------------------------


def _hedge_words(claim: Claim) -> str:
    words = [w for m in claim.mentions for w in m.hedge]
    return " ".join(f"'{w}'" for w in words) or "a hedge"


def _signed(claim: Claim, value: Decimal) -> Decimal:
    return -value if claim.kind == ClaimKind.CHANGE and claim.direction == "decrease" else value


@with_figures
def tolerance(claim: Claim, policy: Policy, convert: Any = None, unit: str | None = None) -> Tolerance:
    """The reference values that support ``claim`` under ``policy``.  ``convert`` maps the
    claim's numbers into the dataset's ``unit`` (None: the claim's own unit)."""
    unit = unit if unit is not None else claim.unit
    conv = convert or (lambda d: d)
    if claim.kind == ClaimKind.RANK:
        k = claim.value if claim.value is not None else claim.high
        assert k is not None
        if claim.comparator == "<=":
            return Tolerance(Decimal(1), k, None, f"rank within the top {k}")
        return Tolerance(k, k, None, "a rank is exact")
    prec = (claim.resolution or Decimal(1)) * policy.precision_fraction
    rules = [f"written precision ±{show(prec, 'percentage_point' if claim.unit in _PERCENTS else claim.unit)}"]
    lo_raw = claim.low if claim.value is None else claim.value
    hi_raw = claim.high if claim.value is None else claim.value
    if claim.comparator != "=":
        # "fell by more than 2.8%" is a change below -2.8%: a decrease turns the bound around
        above = (claim.comparator in (">", ">=")) != (claim.kind == ClaimKind.CHANGE and claim.direction == "decrease")
        bound_raw = (
            claim.value if claim.value is not None else (claim.low if claim.comparator[0] == ">" else claim.high)
        )
        assert bound_raw is not None
        v = _signed(claim, bound_raw)
        strict = claim.comparator in (">", "<")
        if above:
            return Tolerance(conv(v), _INF, unit, f"more than {show(v, claim.unit)}", low_open=strict)
        return Tolerance(-_INF, conv(v), unit, f"less than {show(v, claim.unit)}", high_open=strict)
    assert lo_raw is not None and hi_raw is not None
    lo, hi = sorted((_signed(claim, lo_raw), _signed(claim, hi_raw)))
    lo, hi = lo - prec, hi + prec
    # a written figure stands for the values that round to it: "25" for 24.5 up to, not
    # including, 25.5, so that 25 and 26 (24.5..25.5 and 25.5..26.5) never support each other
    top_open = prec > 0
    if claim.approx:
        if claim.unit in _PERCENTS:  # in points, but "about 3%" is not 5%: at most a fraction of the value
            size = max(abs(lo + prec), abs(hi - prec))
            widen_lo = widen_hi = min(policy.hedge_points, policy.hedge_points_max_fraction * size)
            rules.append(f"hedge {_hedge_words(claim)} ±{show(widen_lo, 'percentage_point')}")
        else:
            widen_lo = abs(lo + prec) * policy.hedge_relative
            widen_hi = abs(hi - prec) * policy.hedge_relative
            rules.append(f"hedge {_hedge_words(claim)} ±{show(policy.hedge_relative * 100, '%')}")
        lo, hi = lo - widen_lo, hi + widen_hi
    if claim.modality == Modality.TARGET:  # "سنصل إلى 200 مليار", "to reach $200bn": met by reaching it
        rules.append("a target is met by reaching it")
        if claim.direction == "decrease":
            return Tolerance(-_INF, conv(hi), unit, "; ".join(rules))
        return Tolerance(conv(lo), _INF, unit, "; ".join(rules))
    return Tolerance(conv(lo), conv(hi), unit, "; ".join(rules), high_open=top_open)


# ---- reference values ----------------------------------------------------------------------------


def _half_unit(value: Decimal, policy: Policy) -> Decimal:
    """Half a unit of the last digit a figure was published with (29.3 -> 0.05), when the policy
    widens reference values by their precision."""
    if not policy.reference_precision:
        return Decimal(0)
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return Decimal("0.5") if exponent == 0 else Decimal(0)
    return Decimal(1).scaleb(exponent) * policy.precision_fraction


def _interval(values: list[tuple[str, Decimal, bool]], policy: Policy) -> tuple[Decimal, Decimal, bool]:
    """The range the reference values stand for, and whether its top is excluded; published
    figures are widened by their precision (29.3 stands for 29.25 up to, not including, 29.35),
    computed ones are not."""
    halves = [(v, _half_unit(v, policy) if published else Decimal(0)) for _, v, published in values]
    low = min(v - half for v, half in halves)
    high = max(v + half for v, half in halves)
    # excluded only when every value reaching the top reaches it by widening
    open_top = all(half > 0 for v, half in halves if v + half == high)
    return low, high, open_top


@with_figures
def _deviation(claimed: Decimal, ref: Decimal, tol: Tolerance, rl: Decimal, rh: Decimal, unit: str | None) -> Deviation:
    absolute = ref - claimed
    relative = (absolute / ref).quantize(Decimal("0.0001")) if ref != 0 else None
    points = absolute if unit in _PERCENTS else None
    beyond = rl - tol.high if rl > tol.high else tol.low - rh
    return Deviation(absolute, relative, points, max(beyond, Decimal(0)))


@with_figures
def _close(d: Deviation, reference: Decimal, policy: Policy) -> bool:
    """Within the policy's close band: ``close.points`` percentage points for a rate, else
    ``close.relative`` of the reference value (exactly: not the rounded relative shown)."""
    if d.points is not None:
        return abs(d.points) <= policy.close_points
    return reference != 0 and abs(d.absolute) <= policy.close_relative * abs(reference)


def _claimed(claim: Claim, tol: Tolerance) -> Decimal:
    """The claimed value in the reference's unit (the middle of a range)."""
    if tol.low.is_finite() and tol.high.is_finite():
        return (tol.low + tol.high) / 2
    return tol.low if tol.low.is_finite() else tol.high


# ---- questions -----------------------------------------------------------------------------------


def _cats(c: Candidate) -> dict[str, str]:
    return dict(c.categories)


def _ask(store: Store, c: Candidate, year: int, period: str) -> tuple[q.Answer, list[tuple[str, Decimal, bool]]]:
    """The answer to the candidate's question at one period, and its labelled reference values
    (label, value, published as such).  Asked once per selection and store (a query is a few
    milliseconds, and a document can repeat one figure thousands of times)."""
    key = ("judge.ask", c.dataset, c.question, c.entity, c.counterpart, c.categories, c.who, c.by, year, period)
    key += (c.base_year,)
    found = store.memo.get(key)
    if found is None:
        try:
            found = _read_answer(store, c, year, period)
        except Unusable as exc:
            found = exc
        store.memo[key] = found
    if isinstance(found, Unusable):
        raise Unusable(*found.args)
    answer, values = found
    return answer, list(values)


def _read_answer(
    store: Store, c: Candidate, year: int, period: str
) -> tuple[q.Answer, list[tuple[str, Decimal, bool]]]:
    cats = _cats(c)
    if c.question in ("value", "rate"):
        a = q.value_at(store, c.dataset, c.entity, c.counterpart, year, period, cats)
        if a.value is None:
            raise Unusable(f"no single row for {period} {year}")
        return a, [("the figure", a.value, True)]
    if c.base_year is not None and c.question in ("growth", "difference", "ratio"):
        first = {"entity": c.entity, "counterpart": c.counterpart, "year": year, "period": period, "categories": cats}
        a = q.compare(store, c.dataset, first, {**first, "year": c.base_year})
        if a.value is None:
            raise Unusable(f"no data for both {c.base_year} and {year}")
        if c.question == "growth":
            growth = ((a.detail["ratio"] - 1) * 100).quantize(Decimal("0.000001"))
            return a, [(f"computed from the levels of {c.base_year} and {year}", growth, False)]
        if c.question == "ratio":
            return a, [(f"ratio to {c.base_year}", a.detail["ratio"], False)]
        return a, [(f"change from {c.base_year}", a.value, False)]
    if c.question == "growth":
        a = q.growth(store, c.dataset, c.entity, year, c.counterpart, period, cats)
        values: list[tuple[str, Decimal, bool]] = []
        reported = a.detail.get("reported_change") if a.value is not None else None
        if a.value is None:
            level = q.value_at(store, c.dataset, c.entity, c.counterpart, year, period, cats)
            reported = level.detail.get("reported_change")
            if reported is None:
                raise Unusable(f"no data for {year - 1} to compute the change to {year}")
            a = level
        if reported is not None:
            values.append(("reported by the source", Decimal(reported), True))
        if a.question == "growth" and a.value is not None:
            values.append(("computed from the levels", a.value, False))
        return a, values
    if c.question in ("difference", "ratio"):
        first = {"entity": c.entity, "counterpart": c.counterpart, "year": year, "period": period, "categories": cats}
        a = q.compare(store, c.dataset, first, {**first, "year": year - 1})
        if a.value is None:
            raise Unusable(f"no data for both {year - 1} and {year}")
        if c.question == "ratio":
            return a, [("ratio to the year before", a.detail["ratio"], False)]
        return a, [("change from the year before", a.value, False)]
    if c.question == "rank":
        a = q.rank(store, c.dataset, c.who or "", c.by or "entity", year, period, c.entity, c.counterpart, cats)
        if a.value is None:
            raise Unusable(f"{c.who} has no single row to rank in {period} {year}")
        if a.detail["ranked"] < 2:
            raise Unusable(f"only {a.detail['ranked']} row to rank in {period} {year}")
        return a, [("rank", a.value, False)]
    if c.question == "share":
        a = q.share(store, c.dataset, c.who or "", c.by or "entity", year, period, c.entity, c.counterpart, cats)
        if a.value is None:
            raise Unusable(f"no share for {c.who} in {period} {year}")
        return a, [("share of the total", a.value, False)]
    raise Unusable(f"unknown question {c.question!r}")  # pragma: no cover - link.py asks only these


def _reference_unit(c: Candidate, ds: Dataset) -> str | None:
    if c.question in ("growth", "share"):
        return "%"
    if c.question == "difference" and ds.unit == "%":
        return "percentage_point"
    if c.question == "ratio":
        return "times"
    if c.question == "rank":
        return None
    return ds.unit


def _converter(claim: Claim, c: Candidate, ds: Dataset) -> Any:
    """How the claim's numbers become numbers in the dataset's unit."""
    if c.question in ("rank", "growth", "share", "ratio", "rate") or claim.unit in _PERCENTS:
        return None
    if claim.unit is None or claim.unit == ds.unit or ds.unit in ("dimensionless", "person"):
        return None
    from factcheck.units import convert

    return lambda d: d if not d.is_finite() else convert(d, claim.unit, ds.unit)


# ---- judging -------------------------------------------------------------------------------------


def _rank_verdict(claim: Claim, a: q.Answer, policy: Policy) -> tuple[bool, str]:
    r = int(a.value)  # type: ignore[arg-type]
    ties = int(a.detail.get("ties", 0))
    k = int(claim.value if claim.value is not None else claim.high)  # type: ignore[arg-type]
    spans = range(r, r + ties + 1) if policy.rank_ties == "shared" else range(r, r + 1)
    ok = r <= k if claim.comparator == "<=" else k in spans
    place = ordinal(r) + (f", tied with {ties} other{'s' if ties > 1 else ''}" if ties else "")
    ahead = ", ".join(a.detail.get("ahead") or []) or "none"
    return ok, f"{place} of {a.detail['ranked']} ranked (ahead: {ahead})"


def _label(year: int, period: str) -> str:
    return str(year) if period == "FY" else f"{period} {year}"


def _published_after(ds: Dataset, rows: list[dict[str, Any]], date: dt.date | None) -> tuple[tuple[str, str], ...]:
    if date is None:
        return ()
    out = []
    for row in rows:
        for key in ("source", "previous_source", "first_source", "second_source"):
            src = row.get(key)
            published = q.published(ds, src) if src else None
            if published is not None and published > date and (src, published.isoformat()) not in out:
                out.append((src, published.isoformat()))
    return tuple(out)


def _later(ds: Dataset, c: Candidate, rows: list[dict[str, Any]], date: dt.date | None) -> bool:
    """Were the figures behind a piece of evidence all made public after the article's date?  A
    row's source date says when; a row whose source does not (a bulk download such as the World
    Bank's) is known only from the day the table was retrieved."""
    if date is None:
        return False
    if c.later:
        return True
    if not rows:
        return False
    for row in rows:
        src = row.get("source")
        published = (q.published(ds, src) if src else None) or ds.retrieved
        if published is not None and published <= date:
            return False
    return True


def _history(store: Store, c: Candidate, date: dt.date | None) -> tuple[dict[str, Any], ...]:
    """The same figure in every year of the selection, with the same kind of period.

    Asked once per selection and store: every claim about Egypt's GDP growth shares one history
    (a document repeating a figure 4,000 times held 4,000 copies of it, 28 KB a finding)."""
    cats = _cats(c)
    key = ("judge.history", c.question, c.dataset, c.who, c.by, c.period, c.entity, c.counterpart, tuple(cats.items()))
    memo = store.memo.setdefault(key, {})
    if date not in memo:
        memo[date] = _read_history(store, c, cats, date)
    return memo[date]  # type: ignore[no-any-return]


def _read_history(store: Store, c: Candidate, cats: dict[str, str], date: dt.date | None) -> tuple[dict[str, Any], ...]:
    period = c.period or "FY"
    if c.question == "rank":
        a = q.ranks(store, c.dataset, c.who or "", c.by or "entity", period, c.entity, c.counterpart, cats)
        rows = [(r["year"], Decimal(r["rank"]), r) for r in a.rows]
    elif c.question in ("growth", "difference", "ratio"):
        a = q.growth_series(store, c.dataset, c.entity, c.counterpart, period, cats)
        rows = [(r["year"], r["growth"], r) for r in a.rows if r["growth"] is not None or r["reported_change"]]
    elif c.question == "share":
        return ()
    else:
        a = q.series(store, c.dataset, c.entity, c.counterpart, period, cats)
        rows = [(r["year"], r["value"], r) for r in a.rows]
    out = []
    for year, value, row in rows:
        item = {
            "year": year,
            "period": period,
            "value": value,
            "later": bool(date and q.period_end(year, period) > date),
        }
        if c.question == "growth":
            item["reported"] = row.get("reported_change")
        if c.question == "rank":
            item["ahead"] = row.get("ahead") or []
        out.append(item)
    return tuple(out)


def _fact(claim: Claim, c: Candidate, store: Store, policy: Policy, date: dt.date | None) -> Evidence:
    ds = store.dataset(c.dataset)
    assert c.year is not None and c.period is not None
    a, values = _ask(store, c, c.year, c.period)
    unit = _reference_unit(c, ds)
    tol = tolerance(claim, policy, _converter(claim, c, ds), unit)
    primary = values[0][1]
    label = _label(c.year, c.period)
    notes: list[str] = []
    one_sided = False
    if c.question == "rank":
        ok, place = _rank_verdict(claim, a, policy)
        summary = f"{c.who} is {place} in {label}"
        deviation = None if ok else Deviation(primary - tol.low, None, None, abs(primary - tol.low))
    else:
        # a bound ("more than 150") is tested on the figures themselves, a value on their precision too
        one_sided = not (tol.low.is_finite() and tol.high.is_finite())
        if one_sided:
            rl, rh, open_top = min(v for _, v, _ in values), max(v for _, v, _ in values), False
        else:
            rl, rh, open_top = _interval(values, policy)
        ok = tol.admits(rl, rh, open_top)
        summary = "; ".join(f"{name}: {show(v, unit)}" for name, v, _ in values) + f" ({label})"
        deviation = None if ok else _deviation(_claimed(claim, tol), primary, tol, rl, rh, unit)
    verdict = Verdict.SUPPORTED if ok else Verdict.CONTRADICTED
    if deviation is not None and c.question != "rank" and not one_sided and _close(deviation, primary, policy):
        verdict = Verdict.CLOSE
    outcome = None
    if claim.modality in (Modality.FORECAST, Modality.TARGET):
        outcome = Outcome.MET if ok else Outcome.NOT_MET
        verdict = Verdict.PREDICTION
    return Evidence(
        c, ds, verdict, outcome, primary, tuple((n, v) for n, v, _ in values), unit, label, tol, deviation, a,
        summary, _history(store, c, date), _published_after(ds, a.rows, date), tuple(notes),
        _later(ds, c, a.rows, date),
    )  # fmt: skip


def _prediction(claim: Claim, c: Candidate, store: Store, policy: Policy, date: dt.date | None) -> Evidence:
    """A forecast or target with no period: judged on the whole years after the article's date
    ("trade will reach $200bn" is about a year's trade, not a month's or the year so far); met at
    the first one that reaches it."""
    ds = store.dataset(c.dataset)
    unit = _reference_unit(c, ds)
    tol = tolerance(claim, policy, _converter(claim, c, ds), unit)
    if c.question not in ("value", "rate"):
        raise Unusable("a prediction of a change, rank or share needs the period it is about")
    series = q.series(store, c.dataset, c.entity, c.counterpart, "FY", _cats(c))
    rows = [r for r in series.rows if date is None or q.period_end(r["year"], r["period"]) > date]
    rows.sort(key=lambda r: q.period_end(r["year"], r["period"]))
    met = None
    for row in rows:
        value = row["value"]
        if tol.admits(value, value):
            met = row
            break
    history = tuple(
        {
            "year": r["year"],
            "period": r["period"],
            "value": r["value"],
            "later": True,
            "reached": tol.admits(r["value"], r["value"]),
        }
        for r in sorted(rows, key=lambda r: q.period_end(r["year"], r["period"]))
    )
    if met is not None:
        outcome, chosen = Outcome.MET, met
        label = _label(met["year"], met["period"])
        missed = [
            h
            for h in history
            if not h["reached"] and q.period_end(h["year"], h["period"]) < q.period_end(met["year"], met["period"])
        ]
        summary = f"reached in {label}: {show(met['value'], unit)}"
        if missed:
            summary += "; not in " + ", ".join(
                f"{_label(h['year'], h['period'])} ({show(h['value'], unit)})" for h in missed
            )
    else:
        outcome = Outcome.PENDING
        chosen = max(rows, key=lambda r: q.period_end(r["year"], r["period"])) if rows else None
        label = _label(chosen["year"], chosen["period"]) if chosen else None
        summary = (
            f"not reached as of {label}: {show(chosen['value'], unit)}"
            if chosen
            else "no data after the article's date yet"
        )
    rows_used = [chosen] if chosen is not None else []
    answer = q.Answer(
        ds.id, "prediction", chosen["value"] if chosen else None, ds.unit, rows_used, series.sql, series.params,
        q.citations(ds, rows_used), {"periods_after": len(rows)},
    )  # fmt: skip
    value = chosen["value"] if chosen else None
    return Evidence(
        c, ds, Verdict.PREDICTION, outcome, value, (("the figure", value),) if value is not None else (), unit, label,
        tol, None, answer, summary, history, _published_after(ds, rows_used, date),
    )  # fmt: skip


@with_figures
def evaluate(claim: Claim, c: Candidate, store: Store, policy: Policy, date: dt.date | None) -> Evidence:
    """Judge ``claim`` on candidate ``c``.  Raises :class:`Unusable` when it cannot answer."""
    if c.year is None:
        return _prediction(claim, c, store, policy, date)
    try:
        return _fact(claim, c, store, policy, date)
    except Unusable:
        if claim.modality in (Modality.FORECAST, Modality.TARGET) and c.time_rule.endswith("(no data for it yet)"):
            ds = store.dataset(c.dataset)
            unit = _reference_unit(c, ds)
            tol = tolerance(claim, policy, _converter(claim, c, ds), unit)
            label = _label(c.year, c.period or "FY")
            answer = q.Answer(ds.id, c.question, None, unit, [], "", [], [], {})
            summary = f"no data for {label} yet"
            return Evidence(
                c, ds, Verdict.PREDICTION, Outcome.PENDING, None, (), unit, label, tol, None, answer, summary,
                _history(store, c, date),
            )  # fmt: skip
        raise
