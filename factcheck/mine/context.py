"""The context of a number: its sentence and clause, the entities and periods around it.

* **Sentences** end at . ! ? ؟ ؛ ; … and at line breaks; the Arabic comma ، and the comma do not
  end one.  A period inside an abbreviation (U.S., ج.م., No.) does not either.
* **Clauses** are the parts of a sentence between commas and parentheses.
* **Entities**: countries and aggregates by name or adjective (:mod:`factcheck.entities`), and
  group words (البلدين, "both countries") resolved to the two countries named before them.
* **Periods**: a year (عام 2022, "in 2022"), a month or a quarter of one (الربع الأول من 2022,
  "March 2022"), or a year named relative to the article's date (العام الماضي, "last year").
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field

from factcheck.entities import Gazetteer
from factcheck.lang.lexicon import Entry
from factcheck.mine.items import Item, Positions, index_positions
from factcheck.mine.match import entries_with, match_at, match_before, readings_in
from factcheck.mine.quantities import Quantity

__all__ = ["Context", "EntityHit", "PeriodHit", "build_context", "is_name_year"]

_SENTENCE_END = {".", "!", "?", "؟", "؛", ";", "…"}
_GROUP = frozenset({"entity_group"})
_RELATIVE = frozenset({"relative_year"})
_PARTS = frozenset({"quarter", "half_year", "months_to_date"})
_MONTH = frozenset({"month"})
_MONTH_RELATION = frozenset({"month_relation"})
_RELATIVE_MONTH = frozenset({"relative_month"})
_CLAUSE_END = {"،", ",", "(", ")", ":"}


@dataclass(frozen=True, slots=True)
class EntityHit:
    first: int
    last: int
    codes: tuple[str, ...]
    group: bool = False  # البلدين: the countries named before


@dataclass(slots=True)
class PeriodHit:
    first: int
    last: int
    year: int | None
    month: int | None = None
    quarter: int | None = None
    half: int | None = None
    months: tuple[int, int] | None = None
    relative: int | None = None
    cue: str | None = None
    quantity: Quantity | None = None  # the year mention it was read from
    # a month named without its year, placed by the article's date: 0 the latest on or before it
    # (في فبراير), -1 the last before it (يناير الماضي, "last January"), 1 the next after it
    near: int | None = None
    relative_month: int | None = None  # الشهر الماضي, "last month": months from the article's date
    to_date: bool = False  # منذ بداية العام, "year to date": the year so far
    previous: int | None = None  # العام السابق, "the previous year": years before the one named before


@dataclass(slots=True)
class Context:
    text: str  # the normalised text
    items: list[Item]
    sentences: list[tuple[int, int]]  # item ranges
    sentence_of: list[int]  # item index -> sentence index
    clause_of: list[int]  # item index -> clause number (unique across the text)
    entities: list[EntityHit] = field(default_factory=list)
    periods: list[PeriodHit] = field(default_factory=list)
    in_quantity: set[int] = field(default_factory=set)  # items that are part of a number
    entity_items: set[int] = field(default_factory=set)  # items that are part of an entity name
    period_items: set[int] = field(default_factory=set)  # items that name a period (في عام 2022)
    quoted: set[int] = field(default_factory=set)  # items inside a short «» (the name of a thing)
    not_metric: set[int] = field(default_factory=set)  # entities, periods, quoted names
    by_sentence: dict[int, list[EntityHit]] = field(default_factory=dict)
    periods_by_sentence: dict[int, list[PeriodHit]] = field(default_factory=dict)
    clause_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)  # clause number -> item range
    targets: list[int] = field(default_factory=list)  # where target words are, in order
    forecasts: list[int] = field(default_factory=list)  # where forecast words and future verbs are
    positions: Positions | None = None  # where each role may start among the items


def _inside(qs: list[Quantity], n: int) -> list[bool]:
    inside = [False] * n
    for q in qs:
        for m in range(q.first, q.last):
            inside[m] = True
    return inside


MAX_SENTENCE_ITEMS = 300  # tokens; news sentences run to a few dozen


def _sentences(items: list[Item], text: str, inside: list[bool]) -> tuple[list[tuple[int, int]], set[int]]:
    """Sentences as item ranges, and the brackets of short asides, which end no clause either
    ("ارتفع مؤشر السوق (تاسي) بنسبة 0.8" keeps the change word and its number together)."""
    out = []
    asides: set[int] = set()
    opened = -1  # the last "(" not closed yet
    start = 0
    n = len(items)
    depth = 0  # inside parentheses an elision "(...)" ends nothing
    newline = text.find("\n")  # the next line break at or after the end of the item before
    for k, it in enumerate(items):
        broken = newline != -1 and newline < it.start
        if broken:
            newline = text.find("\n", it.end)
        if k > start and (broken or k - start >= MAX_SENTENCE_ITEMS):
            out.append((start, k))  # a "sentence" longer than any real one is cut: work stays linear
            start = k
            depth = 0
        if it.kind != "punct":
            continue
        if it.text in "([":
            depth += 1
            opened = k if it.text == "(" else opened
        elif it.text in ")]":
            depth = max(0, depth - 1)
            if it.text == ")" and opened >= 0 and _is_aside(items, opened, k):
                asides.update((opened, k))
            opened = -1
        if it.text not in _SENTENCE_END or inside[k] or depth:
            continue
        if it.text == "." and k + 1 < n and not items[k + 1].space_before and items[k + 1].kind == "word":
            continue  # U.S, ج.م
        if it.text == "." and k and match_before(items, k + 1, ("abbreviation",)) is not None:
            continue
        out.append((start, k + 1))
        start = k + 1
    if start < n:
        out.append((start, n))
    return out, asides


def _is_aside(items: list[Item], opened: int, closed: int) -> bool:
    # words only, and few: an elision "(...)" or a list in brackets still separates
    return 0 < closed - opened - 1 <= _ASIDE_ITEMS and all(items[m].kind == "word" for m in range(opened + 1, closed))


def _entity_hits(
    items: list[Item], gazetteer: Gazetteer, positions: Positions, named_before: tuple[str, ...]
) -> list[EntityHit]:
    """Names of countries and group words, the groups resolved to the countries named last
    (``named_before`` are those named before ``items``, last ones last)."""
    keys = [it.key if it.kind == "word" else it.text for it in items]
    raw = [it.text for it in items]
    firsts, exact = gazetteer.first_keys, gazetteer.first_exact
    named_at = [k for k, it in enumerate(items) if it.kind == "word" and (keys[k] in firsts or raw[k] in exact)]
    hits: list[EntityHit] = []
    done = 0  # items before this one belong to a name already read
    for k in heapq.merge(named_at, positions.of(_GROUP)):
        if k < done:
            continue
        found = gazetteer.match(keys, k, raw) if items[k].kind == "word" else None
        if found is not None:
            hits.append(EntityHit(k, found[1], (found[0],)))
            done = found[1]
            continue
        group = match_at(items, k, _GROUP)
        if group is not None and not (group[0].needs_count and not items[k].definite):
            count = int(group[0].value)
            named: list[str] = []
            earlier = itertools.chain(
                (hit.codes for hit in reversed(hits)), ((code,) for code in reversed(named_before))
            )
            for codes in earlier:
                for code in codes:
                    if code not in named:
                        named.append(code)
                if len(named) >= count:
                    break
            if len(named) >= count:
                hits.append(EntityHit(k, group[1], tuple(reversed(named[:count])), group=True))
            done = group[1]
    return hits


def _periods(items: list[Item], qs: list[Quantity], positions: Positions) -> list[PeriodHit]:
    out: list[PeriodHit] = []
    months = [
        q for q in qs if q.kind == "duration" and q.unit == "month" and q.value is not None and 1 <= q.value <= 12
    ]
    for q in qs:
        if q.kind != "year" or q.value is None or is_name_year(items, q):
            continue
        hit = PeriodHit(q.first, q.last, int(q.value), quantity=q)
        if _lettered_part(items, q.first, hit):
            out.append(hit)  # "Q1 2023", "H2 2022"
            continue
        # a month or a part of the year before it: مارس 2022, الربع الأول من (عام) 2022, "first quarter
        # of 2022", الأشهر العشرة الأولى من عام 2023, "the first ten months of 2023"
        k = q.first
        word = match_before(items, k, ("year_cue",))
        if word is not None and word[0].value == "year":
            k = word[1]  # عام 2022: the part comes before the year word
        parts = ("quarter", "half_year", "month", "months_to_date", "month_of_year")
        before = match_before(items, k, ("month",)) if k == q.first else None
        if before is None and k >= 1 and entries_with(items[k - 1], ("stopword",)):
            before = match_before(items, k - 1, parts)
            if before is None and k >= 2 and entries_with(items[k - 2], ("only",)):
                before = match_before(items, k - 2, parts)  # الربع الأخير فقط من عام 2023
            if before is not None and before[0].role == "month":
                before = None
        elif before is None:
            before = match_before(items, k, ("quarter", "half_year", "months_to_date"))
        if before is None and k >= 1 and entries_with(items[k - 1], ("stopword",)):
            near = [m for m in months if k - 4 <= m.last <= k - 1]
            counted = _first_months(items, near, k - 1) if near else None  # "the first 11 months of"
            if counted is not None:
                hit.months, hit.first = (1, counted[0]), counted[1]
        if before is not None:
            entry, start = before
            if entry.role in ("month", "month_of_year"):
                hit.month = int(entry.value)
            elif entry.role == "quarter":
                hit.quarter = int(entry.value)
            elif entry.role == "months_to_date":
                hit.months = (1, int(entry.value))
            else:
                hit.half = int(entry.value)
            hit.first = start
            # a range of months: من يناير إلى نوفمبر 2022, "January-November 2022"
            first_month = match_before(items, start, ("month",), floor=max(0, start - 4))
            if first_month is None and start >= 2:
                for m in range(start - 1, max(0, start - 3), -1):
                    first_month = match_at(items, m - 1, ("month",), limit=m)
                    if (
                        first_month is not None
                        and first_month[1] == m
                        and (entries_with(items[m], ("range_join",)) or items[m].text == "-")
                    ):
                        first_month = (first_month[0], m - 1)
                        break
                    first_month = None
            if entry.role == "month" and first_month is not None and first_month[0].value < entry.value:
                hit.months = (int(first_month[0].value), int(entry.value))
                hit.month = None
                hit.first = first_month[1]
        cue = match_before(items, hit.first, ("year_cue",))
        if cue is not None:
            hit.cue = cue[0].value
            hit.first = cue[1]
            # "وفقاً لنتائج عام 2022": the year word (عام) is the cue, the preposition before it too
            more = match_before(items, hit.first, ("year_cue",))
            if more is not None and more[0].value != "year" and hit.cue == "year":
                hit.cue = more[0].value
        out.append(hit)
    _months_without_year(items, positions, out)
    done = 0
    for k in positions.of(_RELATIVE):
        found = match_at(items, k, _RELATIVE) if k >= done else None
        if found is not None:
            hit = PeriodHit(k, found[1], None, relative=int(found[0].value))
            # الربع الرابع من العام الماضي, "the first half of last year", الأشهر الثمانية الأولى من
            # العام الجاري, "the first 8 months of this year"
            if k >= 2 and entries_with(items[k - 1], ("stopword",)):
                part = _part_before(items, k - 1, months)
                if part is not None:
                    hit.first = part.first
                    hit.quarter, hit.half, hit.months = part.quarter, part.half, part.months
            out.append(hit)
            done = found[1]
    _parts_without_year(items, positions, months, out)
    _year_to_date(items, positions, out)
    _previous_years(items, positions, out)
    for hit in out:
        # "from January to October" is a span; "since 2010" keeps its own cue
        base = _base_cue(items, hit.first) if hit.months is None and hit.cue != "since" else None
        if base is not None:
            hit.cue = "base" if base == "base" else "base_part"
    out.sort(key=lambda p: p.first)
    return out


def _previous_years(items: list[Item], positions: Positions, out: list[PeriodHit]) -> None:
    """العام السابق, "the previous year": a year counted back from the one named before it."""
    for entry, k, _end in readings_in(items, positions, ("previous_year",), 0, len(items)):
        if not any(h.first <= k < h.last for h in out):
            out.append(PeriodHit(k, _end, None, previous=int(entry.value)))


def _year_to_date(items: list[Item], positions: Positions, out: list[PeriodHit]) -> None:
    """منذ بداية العام, "so far this year": the year so far, of the year a period right after
    names ("year to date 2023") or else of the article's date."""
    for _entry, k, end in readings_in(items, positions, ("year_to_date",), 0, len(items)):
        for h in [h for h in out if k <= h.first < end or h.first <= k < h.last]:
            out.remove(h)  # "this year" inside "so far this year" is the same period
        out.append(PeriodHit(k, end, None, relative=0, cue="to_date", to_date=True))


def _base_cue(items: list[Item], k: int) -> str | None:
    """Whether the period starting at ``items[k]`` is the base of a comparison ("compared with 2022",
    مقارنة بعام 2023, "from the same period last year", عن نفس الفترة من العام الماضي)?  A word of
    [base_cue] ends within a few words before it, with no number in between: its value, "part" for
    the same part of a year ("the same period"), else "base"."""
    found_any = None
    for j in range(k - 1, max(-1, k - 5), -1):
        if items[j].kind == "num" or items[j].text in _SENTENCE_END or items[j].text in _CLAUSE_END:
            break
        found = match_at(items, j, ("base_cue",), limit=k)
        if found is not None:
            if found[0].value == "part":
                return "part"
            found_any = found_any or str(found[0].value)
    return found_any


def _part_before(items: list[Item], end: int, months: list[Quantity]) -> PeriodHit | None:
    """A part of a year that ends right before ``items[end]``: a quarter, a half, the first months
    (in words, or counted: "the first 8 months", الأشهر الـ8 الأولى), with no year of its own."""
    before = match_before(items, end, _PARTS)
    if before is not None:
        return _part_hit(before[0], before[1], end)
    near = [m for m in months if end - 3 <= m.last <= end]
    counted = _first_months(items, near, end) if near else None
    if counted is not None:
        return PeriodHit(counted[1], end, None, months=(1, counted[0]))
    return None


def _part_hit(entry: Entry, first: int, last: int) -> PeriodHit:
    hit = PeriodHit(first, last, None)
    if entry.role == "quarter":
        hit.quarter = int(entry.value)
    elif entry.role == "half_year":
        hit.half = int(entry.value)
    else:
        hit.months = (1, int(entry.value))
    return hit


def _last_month(hit: PeriodHit) -> int:
    """The last month a part of a year covers (March for Q1, June for H1, August for Jan-Aug)."""
    if hit.quarter is not None:
        return 3 * hit.quarter
    if hit.half is not None:
        return 6 * hit.half
    return hit.months[1] if hit.months is not None else 12


def _parts_without_year(items: list[Item], positions: Positions, months: list[Quantity], out: list[PeriodHit]) -> None:
    """ "In the first eight months", خلال الربع الأول: a part of a year that names no year is part of
    the latest such year at the article's date (like a month without its year), so that a claim
    about it is never judged against a whole year."""
    covered = {m for h in out for m in range(h.first, max(h.last, h.first + 1))}
    for k in positions.of(_PARTS):
        found = match_at(items, k, _PARTS) if k not in covered else None
        if found is not None and not covered.intersection(range(k, found[1])):
            hit = _part_hit(found[0], k, found[1])
            hit.month, hit.near = _last_month(hit), 0
            out.append(hit)
            covered.update(range(k, found[1]))
    for q in months:
        if covered.intersection(range(q.first, q.last + 1)):
            continue
        for end in (q.last, q.last + 1):  # "first" before the count, الأولى after it
            counted = _first_months(items, [q], end) if end <= len(items) else None
            if counted is not None:
                hit = PeriodHit(counted[1], end, None, months=(1, counted[0]), month=counted[0], near=0)
                out.append(hit)
                covered.update(range(counted[1], end))
                break


def _lettered_part(items: list[Item], k: int, hit: PeriodHit) -> bool:
    """ "Q1 2023", "H2 2022": a letter and a digit written against it, before the year at ``k``."""
    if k < 2:
        return False
    digit, letter = items[k - 1], items[k - 2]
    if digit.kind != "num" or digit.space_before or digit.value is None:
        return False
    found = entries_with(letter, ("period_letter",))
    if not found:
        return False
    part = int(digit.value)
    if found[0].value == "quarter" and 1 <= part <= 4:
        hit.quarter = part
    elif found[0].value == "half" and 1 <= part <= 2:
        hit.half = part
    else:
        return False
    hit.first = k - 2
    return True


def _months_without_year(items: list[Item], positions: Positions, out: list[PeriodHit]) -> None:
    """في فبراير, يناير الماضي, "last January", الشهر الماضي: months the article's date places."""
    covered = {m for h in out for m in range(h.first, h.last)}
    for k in positions.of(_MONTH):
        if k in covered:
            continue  # مارس 2022: read with its year
        found = match_at(items, k, _MONTH)
        it = items[k]
        if found is None or (it.lang is not None and it.lang.script == "Latin" and not it.text[:1].isupper()):
            continue  # "prices may rise" names no month
        first, last, near = k, found[1], 0
        until = _month_range_end(items, last)
        if until is not None and int(until[0].value) > int(found[0].value):
            # "January-August", من يناير إلى أغسطس: one period, placed by its last month
            hit = PeriodHit(k, until[1], None, month=int(until[0].value), near=0)
            hit.months = (int(found[0].value), int(until[0].value))
            cue = match_before(items, k, ("year_cue",))
            if cue is not None:
                hit.cue, hit.first = cue[0].value, cue[1]
            out.append(hit)
            covered.update(range(k, until[1]))
            continue
        after = match_at(items, last, _MONTH_RELATION)
        before = match_before(items, k, _MONTH_RELATION)
        if after is not None:
            near, last = int(after[0].value), after[1]
        elif before is not None:
            near, first = int(before[0].value), before[1]
        hit = PeriodHit(first, last, None, month=int(found[0].value), near=near)
        cue = match_before(items, first, ("year_cue",))
        if cue is not None:
            hit.cue, hit.first = cue[0].value, cue[1]
        out.append(hit)
    for k in positions.of(_RELATIVE_MONTH):
        found = match_at(items, k, _RELATIVE_MONTH)
        # "the last month of 2025" is December 2025, read with its year, not the month before the date
        if found is not None and k not in covered and not any(h.first <= k < h.last for h in out):
            out.append(PeriodHit(k, found[1], None, relative_month=int(found[0].value)))


def _month_range_end(items: list[Item], k: int) -> tuple[Entry, int] | None:
    """The month that closes a range of months starting before ``items[k]``: "-August", "to
    August", "and August" (after "between"), إلى أغسطس, حتى أغسطس."""
    if k >= len(items) or not (items[k].text in ("-", "\u2013") or entries_with(items[k], ("range_join",))):
        return None
    return match_at(items, k + 1, _MONTH)


def _first_months(items: list[Item], months: list[Quantity], end: int) -> tuple[int, int] | None:
    """A count of months ending at ``end`` that "first" (أول before it, الأولى after it) makes a
    period from January: (how many months, where the phrase starts)."""
    for q in months:
        first, last = q.first, q.last
        if last < end and _first_after(items, last, end):
            last = end  # الأشهر الـ11 الأولى
        if last != end:
            continue
        cue = match_before(items, first, ("first_months",))
        if cue is not None and not cue[0].post:
            return int(q.value), cue[1]
        if _first_after(items, q.last, len(items)):
            return int(q.value), first
    return None


def _first_after(items: list[Item], k: int, limit: int) -> bool:
    """ "first" written after a count of months: a post word of [first_months], or the ordinal one
    (الثمانية أشهر الأولى)."""
    if k >= limit:
        return False
    if match_at(items, k, ("first_months",), limit=limit) is not None:
        return True
    return any(e.value == 1 for e in entries_with(items[k], ("ordinal",)))


def is_name_year(items: list[Item], q: Quantity) -> bool:
    """ "التفاعل البحري - 2022", "Joint Sea-2022": a year after a dash that follows a word names
    something, it dates nothing."""
    prev = items[q.first - 1] if q.first else None
    before = items[q.first - 2] if q.first >= 2 else None
    return prev is not None and prev.text == "-" and before is not None and before.kind == "word"


_ASIDE_ITEMS = 8  # a parenthesis this short names or qualifies: (تاسي), (non-oil), (Q1)


def build_context(
    items: list[Item],
    text: str,
    qs: list[Quantity],
    gazetteer: Gazetteer,
    positions: Positions | None = None,
    named_before: tuple[str, ...] = (),
) -> Context:
    """The context of every item: sentences, clauses, entities, periods.  ``named_before`` are the
    countries named before ``items`` (when they are a window of a longer text)."""
    positions = positions or index_positions(items)
    inside = _inside(qs, len(items))
    sentences, asides = _sentences(items, text, inside)
    sentence_of = [0] * len(items)
    clause_of = [0] * len(items)
    bounds: dict[int, tuple[int, int]] = {}
    clause = 0
    for s_index, (a, b) in enumerate(sentences):
        clause += 1
        first = a  # where the current clause began
        for k in range(a, b):
            sentence_of[k] = s_index
            it = items[k]
            if it.kind == "punct" and it.text in _CLAUSE_END and not inside[k] and k not in asides:
                bounds[clause] = (first, k)
                clause += 1
                first = k
            clause_of[k] = clause
        bounds[clause] = (first, b)
    ctx = Context(text, items, sentences, sentence_of, clause_of)
    ctx.positions = positions
    ctx.clause_bounds = {c: bound for c, bound in bounds.items() if bound[0] < bound[1]}
    ctx.in_quantity = {k for q in qs for k in range(q.first, q.last)}
    # a country's name inside an amount is its currency's ("دولار أمريكي", "US$"), not what is counted
    hits = _entity_hits(items, gazetteer, positions, named_before)
    ctx.entities = [h for h in hits if not any(inside[h.first : h.last])]
    for hit in ctx.entities:
        ctx.entity_items.update(range(hit.first, hit.last))
        ctx.by_sentence.setdefault(sentence_of[hit.first], []).append(hit)
    ctx.periods = _periods(items, qs, positions)
    for period in ctx.periods:
        ctx.periods_by_sentence.setdefault(sentence_of[period.first], []).append(period)
        ctx.period_items.update(range(period.first, period.last))
    opened: int | None = None
    for k, it in enumerate(items if "«" in text else ()):
        if it.text == "«":
            opened = k
        elif it.text == "»" and opened is not None:
            if k - opened <= 6:  # a short quote names something: «قوة سيبيريا»; a long one is speech
                ctx.quoted.update(range(opened + 1, k))
            opened = None
    ctx.not_metric = ctx.entity_items | ctx.period_items | ctx.quoted
    return ctx
