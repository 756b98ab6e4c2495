"""Linking a claim to the rows that can check it: which dataset, which entities, which period.

For a check-worthy claim, :func:`candidates` proposes every selection of reference data that could
answer it, each with a score, best first:

* the **dataset**, from the catalogue's aliases found in the claim's metric phrase (best), or
  elsewhere in its sentence; for a change claim, also from the phrases a rate of change is about
  (``change_aliases``); category aliases ("LNG", "الغاز الطبيعي المسال", "exports") pick the
  category values, and a category the claim does not name takes its catalogue default or, without
  one, each of its values in turn;
* the **question** the dataset must answer, from the claim's kind and unit: a level is a value; a
  change in % is the growth computed from levels (or the value of a table of rates), a change in
  percentage points or in an amount is a difference, a multiple is a ratio; a rank is a rank; a
  share is a share.  A unit the dataset cannot be compared with (SAR against USD, tonnes against
  cubic metres) rules the dataset out, and says so;
* the **entities**: the claim's countries as the table's entity, or as entity and counterpart;
  for a rank, the ranked subject among the counterparts (China's suppliers) or the entities;
* the **period**: the one the claim states; otherwise the latest period that had ended by the
  article's date, or ends within ``time.current_period_days`` of it (a writer on 30 December speaks
  of the whole year); otherwise, with no date, the latest in the data.  Older periods are proposed
  too, scored lower, so that a period without usable rows falls back to the one before.

The score orders candidates: metric match first, then a direct answer over a derived one, then how
many of the claim's entities the selection uses, then how close its period is to the one wanted.
Words are matched after the same folding the miner uses, with Arabic conjunctions and prepositions
(و ف ب ل ك) taken off the front of a word.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex as re

from factcheck.limits import guarded
from factcheck.model import Claim, ClaimKind, Modality
from factcheck.reference.catalogue import Catalogue, Dataset
from factcheck.reference.query import period_end
from factcheck.reference.store import Store
from factcheck.text.normalize import lookup_key, normalize

__all__ = ["Candidate", "Link", "candidates", "coverage", "period_code", "unit_family"]

_WORD = re.compile(r"[^\W_]+")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CURRENCY = re.compile(r"[A-Z]{3}")
_FOLDED_PREFIXES = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


@dataclass(frozen=True)
class Candidate:
    """One selection of reference data that could check a claim.

    ``question`` is what the dataset is asked: value, rate (the value of a table of changes),
    growth, difference, ratio, rank, share.  ``year``/``period`` are None for a prediction judged
    on every period after the article's date.  ``by``/``who`` say what a rank or share is over.
    """

    dataset: str
    question: str
    entity: str
    counterpart: str | None
    categories: tuple[tuple[str, str], ...]
    year: int | None
    period: str | None
    by: str | None = None
    who: str | None = None
    score: float = 0.0
    matched: str = ""
    time_rule: str = ""
    # the period's figures were not yet public at the article's date: evidence the writer could not have had
    later: bool = False
    # why the link is too weak to contradict the claim: "sentence" when the dataset was named only
    # elsewhere in the sentence, not in the claim's own metric phrase; "article" when the country is
    # only the one the article names most; "counterpart" when the table's partner country was not
    # named but assumed; "period" when neither the claim nor its paragraph states a period, so that
    # one was assumed; "carried" ("carried_in_sentence") when the claim names no measure and the one
    # of a claim before it (in its sentence) was taken; "" for a firm link
    weak: str = ""
    # for a change over several years, the year it is measured from ("up 34% since 2010")
    base_year: int | None = None

    def selection(self) -> dict[str, Any]:
        out = {
            "entity": self.entity,
            "counterpart": self.counterpart,
            "categories": dict(self.categories),
            "year": self.year,
            "period": self.period,
            "by": self.by,
            "who": self.who,
        }
        if self.base_year is not None:
            out["base_year"] = self.base_year
        return out


@dataclass
class Link:
    """The candidates for one claim, best first, and why datasets that came close were ruled out."""

    candidates: list[Candidate] = field(default_factory=list)
    ruled_out: list[str] = field(default_factory=list)
    metric_found: bool = False
    # the best metric score of the datasets the claim's own words name (its metric phrase or its
    # clause: 1.95 and up), 0 when only words elsewhere in the sentence or nothing name one
    named: float = 0.0
    # the catalogue's words that named them, in the order written: what a following claim that names
    # no measure of its own may be about ("... في العام 2015 بلغ المعدل -3.75%")
    terms: tuple[str, ...] = ()
    # the measure (and country) were taken from the claim before, the claim's own words naming none
    carried: bool = False
    # for each dataset ruled out: (its metric score, the blocker's code), see :data:`BLOCKERS`
    blockers: list[tuple[float, str]] = field(default_factory=list)

    def rule_out(self, text: str, code: str, metric_score: float) -> None:
        self.ruled_out.append(text)
        self.blockers.append((metric_score, code))

    def blocker(self) -> str | None:
        """The real blocker: that of the dataset the claim's words named best, and of those, the
        one that got furthest (a dataset with the country but not the period tells more than one
        without the country)."""
        if not self.blockers:
            return None
        return max(self.blockers, key=lambda b: (b[0], BLOCKERS.index(b[1])))[1]


# why a claim could not be checked, from the least to the furthest a dataset got: the table does not
# measure what the claim does (it names a narrower thing: food prices, non-oil GDP), the claim is of
# another kind than the table holds (a share against changes), its unit cannot be compared, the
# table has no row for its country, or none for its period or granularity
BLOCKERS = ("no_dataset", "kind", "unit", "no_entity", "no_period")


# ---- words ----------------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    folded = lookup_key(normalize(text).text)
    with guarded(len(folded), "reading a sentence") as seconds:
        return _WORD.findall(folded, timeout=seconds)


def _variants(token: str) -> set[str]:
    """The forms a token may stand for: itself, without a leading conjunction or preposition, with
    the article (للغاز -> الغاز, غاز -> الغاز), and for Latin words singular and plural."""
    out = {token}
    if token.isascii():
        if len(token) > 3 and token.endswith("ies"):
            out.add(token[:-3] + "y")
        elif len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            out.add(token[:-1])
        else:
            out.add(token + "s")
        return out
    work = [token]
    if len(token) > 3 and token[0] in _FOLDED_PREFIXES:
        work.append(token[1:])
    for t in list(work):
        if len(t) > 3 and t.startswith("لل"):
            work.append("ال" + t[2:])
        elif len(t) > 3 and t[0] in _PREPOSITIONS:
            work.append(t[1:])
    out.update(work)
    out.update("ال" + t for t in work if not t.startswith("ال") and len(t) > 2)
    return out


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    target: tuple[str, ...]
    alias: str


class _AliasIndex:
    """Every alias of the catalogue, by its first token."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = defaultdict(list)
        for ds in catalogue:
            for words in ds.aliases.values():
                for w in words:
                    self._add(w, ("metric", ds.id))
            for words in ds.change_aliases.values():
                for w in words:
                    self._add(w, ("change", ds.id))
            for code, langs in ds.entity_aliases.items():
                for words in langs.values():
                    for w in words:
                        self._add(w, ("entity", ds.id, code))
            for column, values in ds.category_aliases.items():
                for value, langs in values.items():
                    for words in langs.values():
                        for w in words:
                            self._add(w, ("category", ds.id, column, value))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        # each dataset's own aliases, for the growth words that are part of another's (growth in
        # "population growth", معدل النمو in معدل النمو السكاني)
        self.own: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for ds in catalogue:
            if ds.measure != "change":
                continue
            for words in ds.aliases.values():
                self.own[ds.id] += [tuple(_tokens(w)) for w in words]

    def wider(self, ds_id: str, alias: str) -> list[str]:
        """The other tables of rates of change with an alias that contains ``alias`` of the table
        ``ds_id`` ("growth rate" of GDP growth in "population growth rate")."""
        if ds_id not in self.own:
            return []
        toks = tuple(_tokens(alias))
        n = len(toks)
        return sorted(
            other
            for other, aliases in self.own.items()
            if other != ds_id
            and any(len(a) > n and any(a[i : i + n] == toks for i in range(len(a) - n + 1)) for a in aliases)
        )

    def _add(self, alias: str, target: tuple[str, ...]) -> None:
        toks = tuple(_tokens(alias))
        if toks:
            self.by_first[toks[0]].append((toks, target, alias))

    def find(self, tokens: list[str]) -> list[_Hit]:
        """Every alias occurring in ``tokens`` (longest match per target and start)."""
        forms = [_variants(t) for t in tokens]
        hits = []
        for i, variants in enumerate(forms):
            seen: set[tuple[str, ...]] = set()
            for v in sorted(variants):  # in a fixed order: the same hits for the same text in every run
                for toks, target, alias in self.by_first.get(v, ()):
                    n = len(toks)
                    if target in seen or i + n > len(tokens):
                        continue
                    if all(toks[j] in forms[i + j] for j in range(1, n)):
                        if n == 1 and target[0] == "metric" and _of_something(tokens, i + 1):
                            continue  # نمو أعداد السياح, "growth of tourist numbers": not the economy's
                        seen.add(target)
                        hits.append(_Hit(i, i + n, target, alias))
        return hits


# words that may follow a one-word measure ("growth", النمو) without making it a measure of
# something else: its size, its verb, its time
_MEASURE_GOES_ON = frozenset(
    lookup_key(w)
    for w in [
        *("بنسبة", "بمقدار", "بلغ", "بلغت", "يبلغ", "تبلغ", "سجل", "سجلت", "وصل", "وصلت", "إلى", "في"),
        *("خلال", "عند", "نحو", "حوالي", "قرابة", "الاقتصادي"),
        *("by", "was", "is", "were", "reached", "rate", "in", "at", "to", "for", "during", "this"),
        *("last", "about", "around", "of"),
    ]
)


# words that stand before a figure, not before what a measure is the measure of
_BEFORE_A_FIGURE = frozenset(
    lookup_key(w)
    for w in [
        *("around", "about", "nearly", "almost", "some", "roughly", "approximately", "over", "more", "less"),
        *("just", "under", "above", "below", "only", "up"),
        *("نحو", "حوالي", "قرابة", "أكثر", "أقل", "ما", "زهاء", "قرابة", "تقريبا"),
    ]
)


def _of_something(tokens: list[str], k: int) -> bool:
    """Does a noun follow at ``k``, making a one-word measure the measure of it (نمو أعداد
    السياح, "growth of tourist numbers") rather than the measure itself (النمو بلغ 3%)?"""
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    if nxt in _MEASURE_GOES_ON and not (nxt == "of" and k + 1 < len(tokens) and tokens[k + 1].isalpha()):
        return False
    after = k + 1 if nxt == "of" else k
    if after < len(tokens) and tokens[after] in _BEFORE_A_FIGURE:
        return False  # "a population of around 1.4 billion", عدد السكان نحو 105 ملايين
    if _country_at(tokens, after):
        return False  # "the population of Peru", سكان مصر: the measure of a country is the measure itself
    return (nxt.isalpha() and not nxt.isascii()) or nxt == "of"


def _country_at(tokens: list[str], k: int) -> bool:
    """Does a country's name (one to three words, "the" allowed before it) start at ``k``?"""
    from factcheck.entities import get_gazetteer

    gazetteer = get_gazetteer()
    if k < len(tokens) and tokens[k] == "the":
        k += 1
    return any(gazetteer.code_for(" ".join(tokens[k : k + n])) for n in (1, 2, 3) if k + n <= len(tokens))


def _covered(store: Store, ds: Dataset) -> frozenset[str]:
    """The narrowings a dataset covers: the qualifiers its titles, aliases and category aliases
    name (urban in "Urban population", lng in China's gas imports by mode)."""
    key = ("qualifiers", store.content_hash, ds.id)
    found = store.memo.get(key)
    if found is None:
        from factcheck.mine.qualifiers import qualifiers_in

        phrases = [(text, lang) for lang, text in ds.title.items()]
        phrases += [(w, lang) for lang, words in ds.aliases.items() for w in words]
        phrases += [(w, lang) for lang, words in ds.change_aliases.items() for w in words]
        phrases += [
            (w, lang)
            for values in ds.category_aliases.values()
            for langs in values.values()
            for lang, words in langs.items()
            for w in words
        ]
        found = store.memo[key] = frozenset().union(*(qualifiers_in(t, lang) for t, lang in phrases))
    return found  # type: ignore[no-any-return]


def _index(store: Store) -> _AliasIndex:
    key = ("alias-index", store.content_hash)
    if key not in store.memo:
        store.memo[key] = _AliasIndex(store.catalogue)
    return store.memo[key]


# ---- what each table holds --------------------------------------------------------------------------


@dataclass
class _Keys:
    """The keys of one table: (entity, counterpart) -> [(year, period, categories)]."""

    rows: dict[tuple[str, str | None], list[tuple[int, str, tuple[str, ...]]]]
    categories: tuple[str, ...]
    values: dict[str, set[str]]


def _keys(store: Store, ds: Dataset) -> _Keys:
    key = ("keys", store.content_hash, ds.id)
    found = store.memo.get(key)
    if found is None:
        cats = ds.category_columns
        cols = ", ".join(["entity", "counterpart", "year", "period", *[f'"c_{c}"' for c in cats]])
        result = store.con.execute(f'SELECT DISTINCT {cols} FROM "{ds.id}"').fetchall()
        rows: dict[tuple[str, str | None], list[tuple[int, str, tuple[str, ...]]]] = defaultdict(list)
        values: dict[str, set[str]] = {c: set() for c in cats}
        for entity, counterpart, year, period, *rest in result:
            rows[(entity, counterpart)].append((int(year), period, tuple(rest)))
            for c, v in zip(cats, rest, strict=True):
                values[c].add(v)
        found = store.memo[key] = _Keys(dict(rows), cats, values)
    return found


# ---- periods ----------------------------------------------------------------------------------------


def period_code(claim: Claim) -> tuple[int, str] | None:
    """The year and period code (FY, H1, Q3, Mar, Jan-Nov) of the period a claim states."""
    p = claim.period
    if p is None or p.year is None:
        return None
    if p.to_date:
        return p.year, "YTD"  # the year so far: the months public at the article's date (see _periods)
    if p.months is not None:
        first, last = p.months
        code = _MONTHS[first - 1] if first == last else f"{_MONTHS[first - 1]}-{_MONTHS[last - 1]}"
    elif p.month is not None:
        code = _MONTHS[p.month - 1]
    elif p.quarter is not None:
        code = f"Q{p.quarter}"
    elif p.half is not None:
        code = f"H{p.half}"
    else:
        code = "FY"
    return p.year, code


def coverage(period: str) -> float:
    """The part of a year a period covers (FY 1, H1 0.5, Jan-Nov 11/12)."""
    if period == "FY":
        return 1.0
    if period[0] == "H" and period[1:].isdigit():
        return 0.5
    if period[0] == "Q" and period[1:].isdigit():
        return 0.25
    first, _, last = period.partition("-")
    if first in _MONTHS and (not last or last in _MONTHS):
        return (_MONTHS.index(last or first) - _MONTHS.index(first) + 1) / 12
    return 0.0


def _reference_year(date: dt.date, days: int) -> tuple[dt.date, int]:
    """The cut-off for periods a claim without a period may be about, and the latest whole year
    before it."""
    cutoff = date + dt.timedelta(days=days)
    year = cutoff.year if cutoff >= dt.date(cutoff.year, 12, 31) else cutoff.year - 1
    return cutoff, year


# a half or quarter as the months it covers, as year-to-date tables write them
_SAME_MONTHS = {"H1": "Jan-Jun", "Q1": "Jan-Mar"}


def _held(present: list[tuple[int, str]], year: int) -> str:
    return ", ".join(sorted({p for y, p in present if y == year})[:3]) or "nothing for that year"


def _public(year: int, period: str, date: dt.date, lag: int) -> bool:
    """Were a period's figures public at ``date``, taking them to appear ``lag`` days after it ends?"""
    return period_end(year, period) + dt.timedelta(days=lag) <= date


def _periods(
    present: Iterable[tuple[int, str]],
    stated: tuple[int, str] | None,
    stated_rule: str,
    date: dt.date | None,
    days: int,
    latest: int,
    lag: int = 10,
    part_for_year: bool = False,
) -> tuple[list[tuple[int, str, float, str, bool]], str | None]:
    """The periods to try, as (year, period, timeliness 0..1, how it was chosen, later), best
    first; or none, with the reason.  ``latest`` is the newest year in any candidate's data, against
    which periods are scored when the article's date is unknown.  ``later`` marks a period whose
    figures were not yet public at the article's date (``lag`` days after it ends).

    A claim about a year that was not yet published at the article's date ("trade grew 25% this
    year", written on 30 December) is judged first on the latest part of that year that was (January
    to November), and the full year, when the data have it, is kept as later data.  That holds for
    a rate of change (``part_for_year``): the growth so far is the best reading of the year's
    growth, while a level for part of a year is no reading of the year's level.  A half or quarter
    is also found as the months it covers (H1 as Jan-Jun, Q1 as Jan-Mar)."""
    present = sorted(set(present), key=lambda yp: (period_end(*yp), coverage(yp[1])), reverse=True)
    if stated is not None:
        out: list[tuple[int, str, float, str, bool]] = []
        year, code = stated
        if code == "YTD":  # the year so far: the latest months from January public at the article's date
            so_far = [
                (y, p) for y, p in present
                if y == year and (p.startswith("Jan-") or p == "Jan") and (date is None or _public(y, p, date, lag))
            ]  # fmt: skip
            if not so_far:
                when = f" public at {date.isoformat()}" if date is not None else ""
                return (
                    [],
                    f"no figures for {year} so far{when} (the data hold {_held(present, year)})",
                )
            y, p = so_far[0]
            return [(y, p, 1.0, f"the year so far at the article's date: {p} {y}", False)], None
        if code in _SAME_MONTHS and stated not in present and (year, _SAME_MONTHS[code]) in present:
            stated = (year, _SAME_MONTHS[code])
        if part_for_year and date is not None and code == "FY" and not _public(year, "FY", date, lag):
            so_far = [
                (y, p) for y, p in present
                if y == year and p.startswith("Jan-") and _public(y, p, date, lag)
            ]  # fmt: skip
            if so_far:
                y, p = so_far[0]
                rule = f"the latest figure for {year} public at the article's date ({date.isoformat()}): {p} {year}"
                out.append((y, p, 1.0, rule, False))
        if stated in present:
            later = date is not None and not _public(*stated, date, lag)
            out.append((stated[0], stated[1], 1.0 - 0.01 * bool(out), stated_rule, later))
        if out:
            return out, None
        same_year = [f"{p} {y}" for y, p in present if y == stated[0]]
        label = str(stated[0]) if stated[1] == "FY" else f"{stated[1]} {stated[0]}"
        hint = ""
        if same_year:
            hint = f" (only {', '.join(same_year[:3])}{' ...' if len(same_year) > 3 else ''})"
        return [], f"no data for {label}{hint}"
    if not present:
        return [], "no data"
    if date is None:
        rule = "the latest period in the data (the article's date is unknown)"
        return [(y, p, coverage(p) * 0.5 ** max(0, latest - y), rule, False) for y, p in present[:4]], None
    cutoff, year = _reference_year(date, days)
    eligible = [(y, p) for y, p in present if period_end(y, p) <= cutoff]
    if not eligible:
        return [], f"no data for a period ending by {date.isoformat()}"
    rule = f"the latest period available at the article's date ({date.isoformat()})"
    return [
        (y, p, coverage(p) * 0.5 ** max(0, year - y), rule, not _public(y, p, date, lag)) for y, p in eligible[:4]
    ], None


# ---- questions and units ------------------------------------------------------------------------------


def _is_currency(unit: str | None) -> bool:
    return unit is not None and bool(_CURRENCY.fullmatch(unit))


def unit_family(unit: str | None) -> str | None:
    """What a unit measures, coarsely: "%" for percentages and points, "money" for any currency,
    else the unit itself (None for a bare number)."""
    if unit in ("%", "percentage_point"):
        return "%"
    return "money" if _is_currency(unit) else unit


def _comparable(claim_unit: str | None, data_unit: str) -> str | None:
    """None when an amount in ``claim_unit`` can be compared with data in ``data_unit``, else why not."""
    if claim_unit == data_unit:
        return None
    if _is_currency(claim_unit) or _is_currency(data_unit):
        if _is_currency(claim_unit) and _is_currency(data_unit):
            return f"amount in {claim_unit}, data in {data_unit} (no exchange-rate table)"
        return f"amount in {claim_unit or 'a count'}, data in {data_unit}"
    if claim_unit in ("%", "percentage_point") or data_unit in ("%", "percentage_point"):
        return f"a value in {claim_unit or 'a count'}, data in {data_unit}"
    if claim_unit is None and data_unit == "year":
        return None  # "life expectancy in Laos was 68": a measure in years, written bare
    if claim_unit is None or claim_unit == "person":
        return None if data_unit in ("dimensionless", "person") else f"a count, data in {data_unit}"
    if data_unit in ("dimensionless", "person"):
        return f"amount in {claim_unit}, data are counts"
    from factcheck.units import same_dimension

    if same_dimension(claim_unit, data_unit):
        return None
    return f"amount in {claim_unit}, data in {data_unit}"


def _names_a_whole(claim: Claim) -> bool:
    """Does a share claim name a whole made of countries ("18% of world GDP", "of Africa's")?"""
    from factcheck.entities import get_gazetteer

    entities = get_gazetteer().entities
    return any(code in entities and entities[code].aggregate for code in claim.entities)


def _question(claim: Claim, ds: Dataset) -> tuple[str | None, str | None, bool]:
    """What ``ds`` is asked for ``claim`` (or why it cannot answer), and whether that is a direct
    answer (a stored figure) rather than one derived from levels."""
    unit = claim.unit
    if claim.kind == ClaimKind.RANK:
        return "rank", None, ds.measure == "level"
    if claim.kind == ClaimKind.SHARE:
        if ds.measure == "share":
            return "value", None, True
        if ds.measure == "level":
            if not _names_a_whole(claim):  # "debt reached 119% of GDP": another measure over this one
                return None, f"a share of {ds.id} that names no whole (the world, a region) it is a share of", False
            return "share", None, False
        return None, f"a share, {ds.id} holds changes", False
    if claim.kind == ClaimKind.CHANGE:
        if unit == "%":
            if ds.measure == "change":
                return "rate", None, True
            if ds.unit == "%":  # "unemployment rose 20%": a fifth more, or 20 points? the text does not say
                return None, f"a change in % of a rate, {ds.id}: relative or in points, the text does not say", False
            return "growth", None, False
        if unit == "percentage_point":
            if ds.unit == "%":
                return "difference", None, False
            return None, f"a change in percentage points, data in {ds.unit}", False
        if unit == "times":  # "doubled over three years": the base period is not read yet
            return None, "a multiple is checked against its base period, which is not read from the text yet", False
        why = _comparable(unit, ds.unit)
        return ("difference", None, False) if why is None else (None, why, False)
    why = _comparable(unit, ds.unit)
    return ("value", None, True) if why is None else (None, why, False)


# ---- entities ------------------------------------------------------------------------------------


def _selections(claim: Claim, keys: _Keys, question: str) -> list[tuple[str, str | None, str | None, str | None, int]]:
    """(entity, counterpart, by, who, how many of the claim's entities it uses) to try.  For a rank
    or share, entity and counterpart are those of the subject's own row, and ``by`` the column
    that varies across the ranking."""
    entities = list(dict.fromkeys(claim.entities))
    if claim.subject and claim.subject not in entities:
        entities.insert(0, claim.subject)
    pairs = set(keys.rows)
    has_counterpart = any(c is not None for _, c in pairs)
    out: list[tuple[str, str | None, str | None, str | None, int]] = []
    if question in ("rank", "share"):
        who = claim.subject or (entities[0] if entities else None)
        if who is None:
            return []
        if has_counterpart:
            for other in (e for e in entities if e != who):
                if (other, who) in pairs:
                    out.append((other, who, "counterpart", who, 2))
                if (who, other) in pairs:
                    out.append((who, other, "entity", who, 2))
        elif (who, None) in pairs:
            out.append((who, None, "entity", who, 1))
        return out
    if has_counterpart:
        for a in entities:
            for b in entities:
                if a != b and (a, b) in pairs:
                    out.append((a, b, None, None, 2))
        if not out:
            out = [(a, "WLD", None, None, 1) for a in entities if (a, "WLD") in pairs]
        if not out:  # one country named: the table's pairs with it, when they are few (China's trade with Russia)
            around = sorted((a, b) for a, b in pairs if b is not None and (a in entities or b in entities))
            if 0 < len(around) <= 2:
                out = [(a, b, None, None, 1) for a, b in around]
        return out
    if claim.partners:  # "Russia's imports from China" are not Russia's imports: a table of totals cannot answer
        return []
    return [(a, None, None, None, 1 + (a == claim.subject)) for a in entities if (a, None) in pairs]


def _present(keys: _Keys, entity: str, counterpart: str | None) -> dict[tuple[str, ...], list[tuple[int, str]]]:
    """The (year, period) pairs with rows, by category values, for one row key."""
    out: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for year, period, cats in keys.rows.get((entity, counterpart), []):
        out[cats].append((year, period))
    return out


# ---- the candidates --------------------------------------------------------------------------------


def _metric_ranges(claim: Claim, sentence: str) -> list[tuple[int, int]]:
    """The token ranges of the claim's metric phrase and criterion within its sentence."""
    out = []
    for phrase in (claim.metric, claim.criterion):
        at = sentence.find(phrase) if phrase else -1
        if phrase and at >= 0:
            first = len(_tokens(sentence[:at]))
            out.append((first, first + len(_tokens(phrase))))
    return out


def _metric_scores(
    claim: Claim, text: str, index: _AliasIndex
) -> tuple[dict[str, tuple[float, str]], dict[str, list[_Hit]], tuple[str, ...]]:
    """Each dataset's metric score with the alias matched, and the category and entity aliases
    found.  Scores: 3 when an alias is the metric phrase, a little more when a longer alias
    contains it ("نصيب الفرد من الناتج المحلي الإجمالي" around "الناتج المحلي الإجمالي"), 2..3 for
    an alias inside it, 1.95 for one in the claim's scope (its clause before it, where its subject is
    written, as the miner marks it), 1..1.9 for an alias elsewhere in the sentence.  Last, the aliases
    that the claim's own words name (scores from 1.95), in the order written."""
    sentence = text[claim.sentence.start : claim.sentence.end]
    tokens = _tokens(sentence)
    ranges = [(a, b) for a, b in _metric_ranges(claim, sentence) if b > a]
    scope = None
    if claim.scope is not None and claim.sentence.start <= claim.scope.start < claim.scope.end <= claim.sentence.end:
        first = len(_tokens(text[claim.sentence.start : claim.scope.start]))
        scope = (first, first + len(_tokens(text[claim.scope.start : claim.scope.end])))
    hits = index.find(tokens)
    if not ranges and (claim.metric or claim.criterion):  # a metric carried over from elsewhere
        phrase_tokens = _tokens(" ".join(p for p in (claim.metric, claim.criterion) if p))
        offset = len(tokens) + 1
        hits += [_Hit(h.start + offset, h.end + offset, h.target, h.alias) for h in index.find(phrase_tokens)]
        ranges = [(offset, offset + len(phrase_tokens))]
    scores: dict[str, tuple[float, str]] = {}
    # "metric", "scope", "sentence": category aliases by where they stand; "named": dataset aliases in
    # the metric phrase; "entity": entity aliases
    found: dict[str, list[_Hit]] = {"metric": [], "scope": [], "sentence": [], "entity": [], "named": []}
    own: list[_Hit] = []

    best: dict[str, _Hit] = {}

    def offer(ds_id: str, score: float, alias: str, hit: _Hit) -> None:
        if ds_id not in scores or scores[ds_id][0] < score:
            scores[ds_id] = (score, alias)
            best[ds_id] = hit

    for hit in hits:
        kind, ds_id = hit.target[0], hit.target[1]
        if kind == "entity":
            found["entity"].append(hit)
            continue
        if kind == "change" and claim.kind != ClaimKind.CHANGE:
            continue
        length = hit.end - hit.start
        overlap = max((min(hit.end, b) - max(hit.start, a), b - a) for a, b in ranges) if ranges else (0, 0)
        where = "metric" if overlap[0] > 0 else "sentence"
        if where == "metric":
            size = overlap[1]
            whole = length >= size and overlap[0] == size  # the phrase itself, or a longer alias around it
            score = 3.0 + 0.01 * (length - size) if whole else 2.0 + overlap[0] / size
            if kind == "category":  # the table holds that category (exports, LNG): as good as an alias in it
                score = min(score, 2.9)
        elif scope is not None and scope[0] <= hit.start and hit.end <= scope[1]:
            # the subject of the claim's clause: "The population was recorded at 207.68 million"; for a
            # share, what it is a share of is the metric phrase and the subject names the table itself
            # ("military spending reached 4.9% of GDP" is a table of military spending as % of GDP)
            score = 2.5 if claim.kind == ClaimKind.SHARE else 1.95
            where = "scope"
        else:
            score = 1.0 + min(0.1 * length, 0.8)
        if kind == "category":
            found[where].append(hit)
        elif where == "metric":
            found["named"].append(hit)
        place = {"metric": "metric phrase", "scope": "claim's clause"}.get(where, "sentence")
        offer(ds_id, score, f"{hit.alias!r} in the {place}", hit)
        if score >= _OWN_WORDS:
            own.append(hit)
    _growth_of_another(hits, scores, best, index)
    found["metric"].sort(key=lambda h: h.start)
    outer = [
        h
        for h in own
        if not any(o.start <= h.start and h.end <= o.end and o.end - o.start > h.end - h.start for o in own)
    ]
    terms = tuple(dict.fromkeys(h.alias for h in sorted(outer, key=lambda h: (h.start, -h.end, h.alias))))
    return scores, found, terms


def _growth_of_another(
    hits: list[_Hit], scores: dict[str, tuple[float, str]], best: dict[str, _Hit], index: _AliasIndex
) -> None:
    """A bare growth word ("growth rate", معدل النمو) is the economy's growth unless the sentence
    names, before it, another thing with a table of its growth and nothing of the economy: "the
    population was 35.3 million in mid-2024, at a yearly growth rate of 4.7%" is population
    growth.  Such a link is read from words apart in the sentence, so it is weak: it may support
    the claim but not contradict it."""
    for ds_id, hit in list(best.items()):
        if hit.target[0] != "metric" or ds_id not in scores:
            continue
        wider = index.wider(ds_id, hit.alias)
        if not wider:
            continue
        own_subject = any(h.target == ("change", ds_id) for h in hits)
        named = [h for h in hits if h.target[0] == "change" and h.target[1] in wider and h.end <= hit.start]
        if own_subject or not named:
            continue
        subject = named[-1]
        score = min(scores.pop(ds_id)[0], _OWN_WORDS - 0.05)
        if subject.target[1] not in scores or scores[subject.target[1]][0] < score:
            scores[subject.target[1]] = (score, f"{hit.alias!r} of {subject.alias!r} named before it")


# a metric score from which the claim's own words (its metric phrase or its clause) name the dataset
_OWN_WORDS = 1.9


def _category_choices(ds: Dataset, keys: _Keys, hits: dict[str, list[_Hit]]) -> list[tuple[tuple[str, str], ...]]:
    """The category values to try: named in the metric phrase, else in the claim's clause, else
    the catalogue's default, else every value."""
    choices: list[list[tuple[str, str]]] = [[]]
    for column in keys.categories:
        values: list[str] = []
        for where in ("metric", "scope"):  # not another clause's: "trade added up to $19.8bn, with imports ..."
            for hit in hits[where]:
                if hit.target[1] == ds.id and hit.target[2] == column and hit.target[3] not in values:
                    values.append(hit.target[3])
            if values:
                break
        if not values:
            default = ds.category_defaults.get(column)
            values = [default] if default is not None else sorted(keys.values.get(column, ()))
        choices = [[*c, (column, v)] for c in choices for v in values]
    return [tuple(c) for c in choices]


def candidates(
    claim: Claim,
    text: str,
    store: Store,
    date: dt.date | None = None,
    current_period_days: int = 31,
    inherited: tuple[int, str] | None = None,
    release_lag_days: int = 10,
    reaches: str | None = None,
) -> Link:
    """Every selection of reference data that could check ``claim`` (its sentence is read from
    ``text``), scored, best first.  ``inherited`` is the period stated earlier in the claim's
    paragraph, used when the claim states none ("... in 2023. Exports jumped 46.9%").  ``reaches``
    is the unit of the level a change in % reaches ("soared by 43.9% to 6.5 million tons"): the
    change is of a quantity in that unit, so tables in another cannot answer it."""
    link = Link()
    scores, category_hits, terms = _metric_scores(claim, text, _index(store))
    if not scores and claim.kind == ClaimKind.LEVEL and claim.unit == "person":
        # "Egypt has 112 million people": a count of people with no other measure is the table of
        # people; named by nothing in the text, such a link can support but not contradict
        scores = {ds.id: (1.5, "its unit, a count of people") for ds in store.catalogue if ds.unit == "person"}
    link.metric_found = bool(scores)
    link.named = max((score for score, _ in scores.values() if score >= _OWN_WORDS), default=0.0)
    link.terms = terms
    part = claim.period
    partial = part is not None and (part.months or part.month or part.quarter or part.half or part.to_date)
    if scores and part is not None and part.year is None and partial:
        # no date places it: judging it against any whole year would be judging another figure
        why = f"the claim is about {part.text or 'part of a year'} of a year the text does not name"
        link.rule_out(why, "no_period", max(score for score, _ in scores.values()))
        return link
    if scores and claim.fiscal_year:
        why = "the claim is about a fiscal year; the data are for calendar years"
        link.rule_out(why, "no_period", max(score for score, _ in scores.values()))
        return link
    if scores and claim.aggregate == "average":
        why = "the figure is an average over several years; the data give single years and no average is computed yet"
        link.rule_out(why, "no_period", max(score for score, _ in scores.values()))
        return link
    if any(score >= 2 for score, _ in scores.values()):  # the metric phrase names the data: keep to it
        scores = {k: v for k, v in scores.items() if v[0] >= 2}
    prediction = claim.modality in (Modality.FORECAST, Modality.TARGET)
    stated = period_code(claim)
    stated_rule = "the period the claim states"
    if stated is None and inherited is not None and not prediction:
        stated, stated_rule = inherited, f"the period stated earlier in the paragraph ({_label(*inherited)})"
    found = []
    from_article = claim.entities_from == "article"
    for ds_id, (metric_score, matched) in sorted(scores.items()):
        ds = store.dataset(ds_id)
        narrower = [q for q in claim.qualifiers if q not in _covered(store, ds)]
        if narrower:  # food-price inflation is not headline inflation, non-oil GDP not GDP
            title = ds.title.get("en", ds.id)
            link.rule_out(f"{ds.id} ({title}) is not on {', '.join(narrower)}", "no_dataset", metric_score)
            continue
        question, why, direct = _question(claim, ds)
        whole = any(h.target[1] == ds.id for h in category_hits["named"])
        if question == "value" and claim.kind == ClaimKind.SHARE and ds.measure == "share" and whole:
            # "63% of world military spending": a share of the measure itself, not the measure as a
            # share of GDP
            question, why = None, f"a share of what {ds.id} measures, not {ds.id} itself"
        if question is not None and reaches is not None and claim.kind == ClaimKind.CHANGE:
            off = _comparable(reaches, ds.unit) if ds.measure != "change" else None
            if off is not None:  # LNG imports that rose to 6.5 million tons are not counted in cubic metres
                question, why = None, f"the change is of a level in {reaches}; {off}"
        if question is None:
            kinds = ("a share,", "a share of", "a multiple", "a change in % of a rate")
            kind_mismatch = why is not None and why.startswith(kinds)
            link.rule_out(f"{ds.id}: {why}", "kind" if kind_mismatch else "unit", metric_score)
            continue
        keys = _keys(store, ds)
        selections = _selections(claim, keys, question)
        reporters = {h.target[2] for h in category_hits["entity"] if h.target[1] == ds.id}
        if reporters and question not in ("rank", "share"):  # "according to Russian customs"
            selections = [sel for sel in selections if sel[0] in reporters] or selections
        if not selections:
            named = f"no data on {', '.join(claim.entities)}" if claim.entities else "the claim names no country"
            link.rule_out(f"{ds.id}: {named}", "no_entity", metric_score)
            continue
        for entity, counterpart, by, who, used in selections:
            present = _present(keys, entity, counterpart)
            for cats in _category_choices(ds, keys, category_hits):
                periods = present.get(tuple(v for _, v in cats), [])
                if periods:
                    base = 100 * metric_score + 10 * direct + 3 * used
                    same = {
                        "dataset": ds.id, "question": question, "entity": entity, "counterpart": counterpart,
                        "categories": cats, "by": by, "who": who, "matched": matched,
                        "weak": _weakness(claim, metric_score, from_article, entity, counterpart, question),
                    }  # fmt: skip
                    found.append((same, base, periods, used))
    if any(used == 2 for _, _, _, used in found):  # data on both countries named: a table on one answers less
        found = [f for f in found if f[3] == 2]
    latest = max((y for _, _, periods, _ in found for y, _ in periods), default=0)
    for same, base, periods, _ in found:
        if prediction and stated is None:
            if not any(p == "FY" for _, p in periods):  # "trade will reach $200bn": a year's figure
                why = f"{same['dataset']}: no figures for whole years to judge a prediction on"
                link.rule_out(why, "no_period", base / 100)
                continue
            rule = "every period after the article's date"
            link.candidates.append(Candidate(**same, year=None, period=None, score=base + 1, time_rule=rule))
            continue
        growth = claim.kind == ClaimKind.CHANGE and claim.unit == "%"
        chosen, why = _periods(
            periods, stated, stated_rule, date, current_period_days, latest, release_lag_days, growth
        )
        if prediction and stated is not None and not chosen:
            rule = "the period the claim states (no data for it yet)"
            link.candidates.append(Candidate(**same, year=stated[0], period=stated[1], score=base + 1, time_rule=rule))
            continue
        if why is not None:
            described = _describe(same["entity"], same["counterpart"], same["who"], same["categories"])
            link.rule_out(f"{same['dataset']} ({described}): {why}", "no_period", base / 100)
        since = claim.base is not None and claim.base.cue == "since"
        if not same["weak"] and stated is None and not since:
            same = {**same, "weak": "period"}  # no period stated, in the claim or its paragraph: one was assumed
        if since and stated is None:
            chosen = chosen[:1]  # "down 58% since 2015" runs to the latest figures, not to older ones
        for year, period, timeliness, rule, later in chosen:
            base_year = _base_year(claim, year, period)
            if base_year is not None and same["question"] not in ("growth", "difference", "ratio"):
                why = f"{same['dataset']}: a change since {base_year}, over several years; the table gives yearly rates"
                link.rule_out(why, "kind", base / 100)
                continue
            link.candidates.append(
                Candidate(
                    **same, year=year, period=period, score=base + timeliness, time_rule=rule, later=later,
                    base_year=base_year,
                )
            )  # fmt: skip
    link.candidates.sort(key=lambda c: (-c.score, c.dataset, str(c.selection())))
    return link


def _weakness(
    claim: Claim, metric_score: float, from_article: bool, entity: str, counterpart: str | None, question: str
) -> str:
    """Why a selection is too weak to contradict the claim (see :attr:`Candidate.weak`), or ""."""
    if metric_score < _OWN_WORDS:
        return "sentence"
    if from_article:
        return "article"
    named = set(claim.entities) | ({claim.subject} if claim.subject else set())
    if question not in ("rank", "share") and any(c not in named for c in (entity, counterpart) if c is not None):
        return "counterpart"  # "China's trade" read as China's trade with Russia, the only pair the table has
    return ""


def _base_year(claim: Claim, year: int, period: str) -> int | None:
    """The year a change is measured from when it is not the year before ("since 2010", "compared
    with 2020"), for a claim about whole years."""
    base = claim.base
    if base is None or base.year is None or period != "FY" or base.year >= year or base.year == year - 1:
        return None
    return base.year


def _label(year: int, period: str) -> str:
    return str(year) if period == "FY" else f"{period} {year}"


def _describe(entity: str | None, counterpart: str | None, who: str | None, cats: tuple[tuple[str, str], ...]) -> str:
    parts = [p for p in (who and f"{who} ranked", entity, counterpart and f"with {counterpart}") if p]
    parts += [f"{k}={v}" for k, v in cats]
    return ", ".join(parts)
