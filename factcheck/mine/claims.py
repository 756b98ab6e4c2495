"""mine_claims(text, lang) -> claims: each number with what it says and about what.

A claim is built around one mention (or a multiple such as أكثر من الضعف) from its context
(:mod:`factcheck.mine.context`):

* **kind**: a *change* when a change word governs the number (نمو ... بنسبة 25%, "fell 4.6%",
  "a 5% increase"; but "ارتفع إلى 20" and "rose to $3bn" state the *level* reached); a *share*
  after a share word (حصة); a *rank* for an ordinal with a rank word (المرتبة الثانية, "ranked
  fourth"), before a superlative (ثاني أكبر, "second-largest"), or coordinated with an earlier
  rank (تحتل المرتبة الثانية في X، والرابعة في Y); otherwise a *level*;
* **entities**: the countries named in its clause, else in its sentence; for a rank, the ranked
  entity (``subject``: the first one named before the rank) and those in the criterion;
* **period**: the year (or month, quarter, half) named in its clause, else in its sentence; a
  year named relative to the article's date is resolved when the date is given;
* **metric**: the phrase the number qualifies (حجم التبادل التجاري), or the previous claim's in
  the same sentence when it names none ("وسنصل إلى مستوى 200 مليار دولار");
* **modality**: a forecast after سوف / the future prefix سـ / "will" / "expected", a target
  after هدف / "target"; otherwise a fact;
* **check_worthy**, with the reason when not: a year used as a date or inside a name, a day of
  a date, an ordinal that is no rank, a span of time in the narrative, a count with no measure.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction

from factcheck.entities import get_gazetteer
from factcheck.errors import InputError
from factcheck.lang import Conventions, Language, get_common, get_conventions, split_tag
from factcheck.lang.lexicon import Entry
from factcheck.limits import collection_paused
from factcheck.mine.context import Context, EntityHit, PeriodHit, build_context, is_name_year
from factcheck.mine.items import Item, Positions
from factcheck.mine.match import entries_with, match_at, match_before, readings_in
from factcheck.mine.mentions import checked_original, languages_for, make_mention, to_decimal
from factcheck.mine.numbers import analyse
from factcheck.mine.qualifiers import qualifiers_at
from factcheck.mine.quantities import Quantity, counted_noun_after, find_quantities
from factcheck.model import Claim, ClaimKind, Mention, Modality, Period, Span
from factcheck.text.normalize import lookup_key, normalize
from factcheck.text.offsets import NormalizedText
from factcheck.text.windows import windows

__all__ = ["iter_claims", "mine_claims"]

_STATISTIC_KINDS = ("percent", "money", "quantity", "temperature")


@dataclass(slots=True)
class _Draft:
    q: Quantity | None
    first: int  # item range of the number (or multiple)
    last: int
    kind: ClaimKind | None
    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    unit: str | None
    approx: bool
    comparator: str
    bound_first: int  # item range including hedges and comparators (as_written)
    bound_last: int
    direction: str | None = None
    cue: int | None = None  # item of the change word, or of the rank expression's end
    subject: str | None = None
    criterion: tuple[int, int] | None = None
    entities: tuple[str, ...] = ()
    entities_from: str = "text"
    aggregate: str | None = None
    fiscal: bool = False
    qualifiers: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    base: PeriodHit | None = None
    period: PeriodHit | None = None
    metric: str | None = None
    modality: Modality = Modality.FACT
    check_worthy: bool = True
    reason: str | None = None
    rule: str = ""
    ellipsis: bool = False


def _text(nt: NormalizedText, items: list[Item], first: int, last: int) -> str:
    it = items[first]
    start = it.start + (it.skip if it.kind == "word" else 0)
    span = nt.to_original(start, items[last - 1].end)
    return nt.original[span.start : span.end]


def _span(nt: NormalizedText, items: list[Item], first: int, last: int) -> Span:
    it = items[first]
    start = it.start + (it.skip if it.kind == "word" else 0)
    return nt.to_original(start, items[last - 1].end)


def _clause_range(ctx: Context, k: int) -> tuple[int, int]:
    return ctx.clause_bounds[ctx.clause_of[k]]


def _is_future_verb(it: Item, lang: Language | None) -> bool:
    """سنصل, سيبلغ, ستتجاوز: the future prefix سـ on an imperfect verb."""
    if it.kind != "word" or lang is None or not lang.flag("dual"):
        return False
    word = it.text[len(it.prefix) :] if it.prefix and it.text.startswith(it.prefix) else it.text
    if word.startswith(("و", "ف")):
        word = word[1:]
    if len(word) < 4 or word[0] != "س" or word[1] not in "يتنأ" or word.endswith(("يا", "ة", "ات", "ية")):
        return False  # سيبيريا, سيارة: nouns
    hit = lang.lookup(word)
    return not (hit is not None and any(e.role in ("not_future", "unit", "cardinal") for e in hit.entries))


_MODALITY = frozenset({"modality"})
_NAMED_CARRIED = 8  # countries carried from one window to the next, for the group words


def _index_modality(ctx: Context, positions: Positions) -> None:
    """Where the forecast and target words are, once per text, so that asking about the words
    before a number costs nothing however long its clause."""
    items = ctx.items
    modal: dict[int, str] = {}
    for k in positions.of(_MODALITY):
        entry = match_at(items, k, _MODALITY)
        if entry is not None:
            modal[k] = "target" if entry[0].value == "target" else "forecast"
    future: dict[str, bool] = {}  # news text repeats its words: each is judged once
    for k, it in enumerate(items):
        if k not in modal and it.kind == "word" and "س" in it.text:
            verb = future.get(it.text)
            if verb is None:
                verb = future[it.text] = _is_future_verb(it, it.lang)
            if verb:
                modal[k] = "forecast"
    for k in sorted(modal):
        (ctx.targets if modal[k] == "target" else ctx.forecasts).append(k)


def _first_between(positions: list[int], first: int, last: int) -> int | None:
    at = bisect.bisect_left(positions, first)
    return positions[at] if at < len(positions) and positions[at] < last else None


def _modality(ctx: Context, first: int, last: int) -> Modality:
    """The first target or forecast word among ``items[first:last]`` decides: "aims to reach" is a
    target, "is expected to reach" a forecast; a future verb is a forecast."""
    target = _first_between(ctx.targets, first, last)
    forecast = _first_between(ctx.forecasts, first, last)
    if target is not None and (forecast is None or target < forecast):
        return Modality.TARGET
    if forecast is not None:
        return Modality.FORECAST
    return Modality.FACT


def _modality_after(ctx: Context, d: _Draft) -> Modality | None:
    """A forecast or target named right after the figure: "the BSP's 4% forecast", "a $200bn goal"."""
    k = d.bound_last
    if k < len(ctx.items) and ctx.items[k].kind == "word":
        if k in ctx.targets:
            return Modality.TARGET
        if k in ctx.forecasts:
            return Modality.FORECAST
    return None


def _modality_of_list(ctx: Context, d: _Draft, previous: _Draft | None) -> Modality:
    """A figure that goes on a list after a forecast, with only names between them, is a forecast
    too: "Mexico will receive $60 billion, China $51 billion, the Philippines $38 billion"."""
    if previous is None or previous.modality == Modality.FACT:
        return Modality.FACT
    if ctx.sentence_of[previous.first] != ctx.sentence_of[d.first]:
        return Modality.FACT
    for k in range(previous.bound_last, d.bound_first):
        it = ctx.items[k]
        if it.kind == "word" and k not in ctx.entity_items and not entries_with(it, ("stopword", "conjunction")):
            return Modality.FACT
    return previous.modality


def _skippable(it: Item) -> bool:
    return bool(entries_with(it, ("hedge", "comparator")))


def _change(ctx: Context, d: _Draft) -> None:
    """A change word before the number in its clause, or right after it ("a 5% increase")."""
    items = ctx.items
    a, _ = _clause_range(ctx, d.first)
    k = d.bound_first - 1
    to_before = False
    by_before = False
    # the word right before the number (its hedges and comparators aside, and "a record")
    start = d.bound_first
    while start > a and start > d.bound_first - 5 and entries_with(items[start - 1], ("level_word",)):
        start -= 1
    before = match_before(items, start, ("change_to", "change_by", "change_from"), floor=a)
    from_before = False
    if before is not None:
        to_before = before[0].role == "change_to"
        by_before = before[0].role == "change_by"
        from_before = before[0].role == "change_from"
    # "climbed above $60,000": a comparator that places the level reached
    placed = any(e.level for m in range(d.bound_first, d.first) for e in entries_with(items[m], ("comparator",)))
    rate_word = False
    for m in range(k, a - 1, -1):
        if m in ctx.in_quantity and before is None:
            break  # "up 26.3% ... the $200 billion mark": the change word belongs to the first number
        entry = entries_with(items[m], ("change",))
        if entry:
            d.direction = entry[0].value
            d.cue = m
            rate_word = entry[0].rate
            break
    if d.cue is None and d.bound_last < len(items):
        after = entries_with(items[d.bound_last], ("change",))
        if after and ctx.clause_of[d.bound_last] == ctx.clause_of[d.first]:
            d.direction = after[0].value
            d.cue = d.bound_last
    if d.cue is None:
        if d.q is not None and d.q.opener == "from" and d.q.value is None:
            return
        if d.kind != ClaimKind.LEVEL:
            return
        fraction = _fraction_in_words(ctx, d)
        if d.unit != "%" and not fraction:
            return
        share = [m for m in range(a, d.first) if "share_cue" in items[m].roles and match_at(items, m, ("share_cue",))]
        of = d.bound_last < len(items) and items[d.bound_last].key in _OF_WORDS
        ratio = d.q is not None and d.q.shape == "ratio"  # "one in five children"
        if share or of or ratio or (fraction and _noun_after(items, d.bound_last)):
            # "accounts for 40% of", 70 في المائة من السكان, "a third of the population", نصف سكان اليمن
            d.kind = ClaimKind.SHARE
            d.cue = share[-1] if share else None
            d.rule = "share.cue" if share else "share.of"
            if fraction and d.unit is None:
                d.value, d.unit = d.value * 100, "%"  # type: ignore[operator]
        return
    if from_before:
        d.kind = ClaimKind.LEVEL  # "up from 3.9%": the level before the change
        d.direction = None
        d.rule = "level.before_change"
    elif (to_before or placed) and not by_before and not (rate_word and d.unit == "%"):
        d.kind = ClaimKind.LEVEL  # ارتفع إلى 20: the level reached
        d.rule = "level.after_change"
    else:
        d.kind = ClaimKind.CHANGE
        d.rule = "change.word_number"
        if _fraction_in_words(ctx, d):
            d.value, d.unit = d.value * 100, "%"  # type: ignore[operator]  # "fell by a third": by 33.3%
            d.rule = "change.fraction"


_OF_WORDS = frozenset({"of", "من"})  # what a share is a share of follows these
_IN_WORDS = frozenset({"in", "في"})


def _noun_after(items: list[Item], k: int) -> bool:
    """A content word at ``k`` (نصف سكان اليمن: the fraction is in construct with it)."""
    if k >= len(items):
        return False
    it = items[k]
    return it.kind == "word" and not entries_with(it, ("stopword", "unit", "currency", "change", "modality"))


def _fraction_in_words(ctx: Context, d: _Draft) -> bool:
    """A change by a fraction written in words (a third, half, ربع) is a change by that share."""
    q = d.q
    if q is None or d.unit is not None or q.kind != "number" or d.value is None or not 0 < d.value < 1:
        return False
    return all(ctx.items[m].kind != "num" for m in range(q.first, q.last))


def _cue_before_number(items: list[Item], q: Quantity) -> bool:
    """A rank cue before a cardinal: "ranked 5", "No. 2", المرتبة 3 (not "came 5 years later")."""
    cue = match_before(items, q.first, ("rank_cue",))
    return cue is not None and not cue[0].ordinal_only


def _threshold(ctx: Context, d: _Draft) -> None:
    """A level named as a mark passed or reached is a bound: "تجاوز عتبة 200 مليار دولار", "topped
    the $200bn mark" say at least 200 billion; after a fall ("fell below the $100 mark"), at most."""
    items = ctx.items
    if d.kind != ClaimKind.LEVEL or d.comparator != "=" or d.value is None:
        return
    before = match_before(items, d.bound_first, ("threshold",))
    after = match_at(items, d.bound_last, ("threshold",)) if d.bound_last < len(items) else None
    if before is None and after is None:
        return
    a, _ = _clause_range(ctx, d.first)
    fall = any(e.value == "decrease" for m in range(a, d.first) for e in entries_with(items[m], ("change",)))
    d.comparator = "<=" if fall else ">="
    d.low, d.high = (None, d.value) if fall else (d.value, None)
    d.rule = "level.threshold"


def _verb_bound(ctx: Context, d: _Draft) -> None:
    """A verb of passing before the subject makes the figure after it a lower bound: "يتوقع أن
    يتجاوز الناتج المحلي الإجمالي 1.055 تريليون دولار" (more than 1.055 trillion)."""
    items = ctx.items
    if d.kind != ClaimKind.LEVEL or d.comparator != "=" or d.value is None:
        return
    a, _ = _clause_range(ctx, d.first)
    for k in range(d.bound_first - 1, a - 1, -1):
        if k in ctx.in_quantity:
            return
        found = match_at(items, k, ("comparator_verb",), limit=d.bound_first)
        if found is not None:
            d.comparator = str(found[0].value)
            d.low, d.high = d.value, None
            d.rule = "level.verb_bound"
            return


def _rank(ctx: Context, d: _Draft, previous: _Draft | None) -> bool:
    """Is this ordinal (or "No. 2") a rank?  Sets the rank's cue, criterion and ellipsis."""
    items = ctx.items
    n = len(items)
    cue = match_before(items, d.first, ("rank_cue",))
    if cue is None:  # جاءت الإمارات ثانية: the verb, its subject, then the ordinal
        subject = next((h for h in ctx.entities if h.last == d.first and not h.group), None)
        before = match_before(items, subject.first, ("rank_cue",)) if subject is not None else None
        cue = before if before is not None and before[0].ordinal_only else None
    end = d.last
    rule = ""
    if cue is not None:
        rule = "rank.cue_ordinal"
    elif end < n and match_at(items, end, ("rank_cue",)) is not None:
        end = match_at(items, end, ("rank_cue",))[1]  # "second place"
        rule = "rank.ordinal_cue"
    else:
        k = end + 1 if end < n and items[end].text == "-" else end
        sup = match_at(items, k, ("superlative",)) if k < n else None
        if sup is not None:
            end = sup[1]  # ثاني أكبر, "second-largest"
            rule = "rank.ordinal_superlative"
        elif (
            previous is not None
            and (items[d.first].conj or (d.first and entries_with(items[d.first - 1], ("conjunction",))))
            and ctx.sentence_of[previous.first] == ctx.sentence_of[d.first]
        ):
            rule = "rank.ellipsis"  # تحتل المرتبة الثانية في X، والرابعة في Y
            d.ellipsis = True
        if not rule:
            return False
    if not d.ellipsis and previous is not None and ctx.sentence_of[previous.first] == ctx.sentence_of[d.first]:
        d.ellipsis = _coordinated(items, d.first)  # "... second-largest in X, and the third-largest in Y"
    d.kind = ClaimKind.RANK
    d.rule = rule
    d.cue = end
    scope = match_at(items, end, ("region_scope",))
    if scope is not None:
        end = scope[1]
    _, clause_end = _clause_range(ctx, d.first)
    start = end
    while (
        start < clause_end
        and entries_with(items[start], ("stopword",))
        and not entries_with(items[start], ("region_scope",))
    ):
        start += 1
    stop = start
    while (
        stop < clause_end
        and items[stop].kind != "punct"
        and not (stop > start and entries_with(items[stop], ("conjunction",)) and not items[stop].conj)
    ):
        stop += 1  # "supplier of pipeline gas and ranked fourth in LNG": the next rank is not criterion
    if start < stop:
        d.criterion = (start, stop)
    elif scope is not None:
        d.criterion = (d.cue, scope[1])
    return True


def _coordinated(items: list[Item], k: int) -> bool:
    """A rank joined to the one before it with no subject of its own: "and the third-largest",
    والثالثة; not "and Qatar the third-largest", where a new subject stands between."""
    if items[k].conj:
        return True
    for j in (k - 1, k - 2):  # "and third", "and the third"
        if j < 0:
            return False
        if entries_with(items[j], ("conjunction",)):
            return True
        if not entries_with(items[j], ("article", "stopword")):
            return False
    return False


def _ranks_after(items: list[Item], k: int) -> bool:
    """Does a rank start at ``k`` ("China's second-largest", "China's largest", "the world's
    No. 2"), making the possessive before it the field, not the subject?"""
    if k >= len(items):
        return False
    it = items[k]
    return it.kind == "num" or bool(entries_with(it, ("ordinal", "superlative", "rank_cue")))


def _passed(ctx: Context, hit: EntityHit) -> bool:
    """The country after "overtook" is the one passed; after "overtaken by", the one passing."""
    items = ctx.items
    found = match_before(items, hit.first, ("overtake",))
    on = hit.first >= 2 and any(e.value == "on" for e in entries_with(items[hit.first - 1], ("stopword",)))
    if found is None and on:
        # تفوقت الهند على بريطانيا: the verb, its subject, then على and the country passed
        window = range(max(0, hit.first - 6), hit.first - 1)
        return any(entries_with(items[m], ("overtake",)) for m in window)
    return found is not None and found[0].value == "overtake"


def _possessive(items: list[Item], k: int) -> bool:
    return k + 1 < len(items) and items[k].text in ("'", "’") and items[k + 1].text.lower() == "s"


def _entities_in(ctx: Context, first: int, last: int) -> list[str]:
    out: list[str] = []
    for hit in ctx.by_sentence.get(ctx.sentence_of[first], ()) if first < len(ctx.items) else ():
        if first <= hit.first < last:
            for code in hit.codes:
                if code not in out:
                    out.append(code)
    return out


def _assign_entities(ctx: Context, d: _Draft, previous_rank: _Draft | None) -> None:
    a, b = _clause_range(ctx, d.first)
    s0, s1 = ctx.sentences[ctx.sentence_of[d.first]]
    if d.kind == ClaimKind.RANK:
        before = [
            h for h in ctx.by_sentence.get(ctx.sentence_of[d.first], ()) if s0 <= h.first < d.first and not h.group
        ]
        if d.ellipsis and previous_rank is not None:
            d.subject = previous_rank.subject
        else:
            # the nearest country named before the rank, not one whose possessive the rank follows
            # ("China's largest"; but "Japan's economy is the fourth-largest" ranks Japan)
            subjects = [
                h
                for h in before
                if not (_possessive(ctx.items, h.last) and _ranks_after(ctx.items, h.last + 2)) and not _passed(ctx, h)
            ]
            if subjects:
                in_clause = [h for h in subjects if h.first >= a]
                d.subject = (in_clause or subjects)[-1].codes[0]
        found = [] if d.subject is None else [d.subject]
        if before and not d.ellipsis:  # "Russia is China's second-largest supplier"
            for hit in before:
                for code in hit.codes:
                    if code not in found:
                        found.append(code)
        if d.criterion is not None:
            for code in _entities_in(ctx, *d.criterion):
                if code not in found:
                    found.append(code)
        if d.ellipsis and previous_rank is not None and len(found) <= 1:
            for code in previous_rank.entities:
                if code not in found:
                    found.append(code)
        d.entities = tuple(found)
        return
    own = _own_country(ctx, d) or _respective(ctx, d, s0, s1)
    found = list(own) if own else (_entities_in(ctx, a, b) or _entities_in(ctx, s0, s1))
    d.entities = tuple(found)


def _own_country(ctx: Context, d: _Draft) -> tuple[str, ...]:
    """A figure in parentheses right after a country's name is that country's: "Oman (8.8%),
    Saudi Arabia (8%)", "مصر (3.8%)"."""
    k = d.first - 1
    if k < 1 or ctx.items[k].text != "(":
        return ()
    k -= 1
    if ctx.items[k].text in (",", "،") and k >= 1:
        k -= 1
    for hit in ctx.by_sentence.get(ctx.sentence_of[d.first], ()):
        if hit.last == k + 1 and not hit.group:
            return hit.codes
    return ()


def _respective(ctx: Context, d: _Draft, s0: int, s1: int) -> tuple[str, ...]:
    """In "Egypt, Jordan and Morocco grew 3.8%, 2.6% and 3.4% respectively", each figure goes to
    the country in the same place of the list before them (as many countries as figures)."""
    word = next(_readings(ctx, ("respectively",), d.last, s1), None)
    if word is None:
        return ()
    end = word[1]
    hits = [h for h in ctx.by_sentence.get(ctx.sentence_of[d.first], ()) if h.last <= d.first and not h.group]
    if not hits:
        return ()
    starts = [
        k for k in range(hits[-1].last, end) if k in ctx.in_quantity and (k - 1 not in ctx.in_quantity or k == s0)
    ]
    names: list[EntityHit] = []
    for h in reversed(hits):  # the list of names just before the figures, back to a gap of more than two words
        if names and names[0].first - h.last > 2:
            break
        names.insert(0, h)
    if d.first not in starts or len(names) != len(starts):
        return ()
    return names[starts.index(d.first)].codes


def _assign_period(ctx: Context, d: _Draft) -> None:
    a, b = _clause_range(ctx, d.first)
    s0 = ctx.sentences[ctx.sentence_of[d.first]][0]
    own = d.q
    sentence = ctx.periods_by_sentence.get(ctx.sentence_of[d.first], ())
    candidates = [p for p in sentence if p.quantity is None or p.quantity is not own]
    # "tripled since 2015", "up 2% compared with 2022": the base year, not the claim's period
    candidates = [p for p in candidates if p.cue not in ("since", "base", "base_part")]
    in_clause = [p for p in candidates if a <= p.first < b]
    pool = in_clause
    if not pool and d.modality == Modality.FACT:
        # a period named earlier in the sentence still holds; one named after belongs elsewhere
        pool = [p for p in candidates if s0 <= p.first < d.first]
    # a period written right after a number is that number's: "36.9 مليار دولار خلال 2023 مقابل 48.4
    # مليار دولار في 2022" gives 2023 to the first amount and 2022 to the second
    after = _past_aside(ctx, d.bound_last)
    if after == d.bound_last:
        after = _aside_end(ctx, d) or after
    mine = [p for p in pool if d.bound_last <= p.first <= d.bound_last + 1 and not _opens_next(ctx, p, d)]
    if not mine and after != d.bound_last:
        # "95% (2019)", "(2011 est.)": the year in brackets right after it; else the period after the
        # aside: "to USD 50.7 bln (or 60.2% of GDP) in 2021"
        mine = [p for p in candidates if p.first == d.bound_last + 1 and p.last < after]
        mine = mine or [p for p in candidates if after <= p.first <= after + 1]
    if mine:
        pool = mine
    else:  # prefer one that is no other number's; else the sentence's period holds for all its figures
        free = [p for p in pool if not _owned(ctx, p, d) and not _opens_next(ctx, p, d)]
        if not free and in_clause and d.modality == Modality.FACT:
            # "لتصل إلى 31.5 مليار دولار مقارنة بنحو 29.6 مليار دولار في 2020": 2020 is the other
            # amount's; the period named earlier in the sentence (خلال عام 2021) is this one's
            free = [p for p in candidates if s0 <= p.first < a]
        pool = free or pool
    deadline = [p for p in pool if p.cue in ("by", "until")]
    if deadline and d.modality != Modality.FACT:
        pool = deadline  # "set a goal in 2019 to achieve $200 billion by 2024": the target's year is 2024
    if pool:
        d.period = min(pool, key=lambda p: abs(p.first - d.first))
    elif _refers_back(ctx, a, b):
        # "خلال هذه الفترة", "in that period": the period named last before it
        earlier = [p for p in ctx.periods if p.last <= d.first and p.cue not in ("since", "base", "base_part")]
        d.period = earlier[-1] if earlier else None
    elif d.kind == ClaimKind.CHANGE:
        d.period = _after_base(sentence, a, b)


def _past_aside(ctx: Context, k: int) -> int:
    """The item after a bracketed aside that opens at ``k`` ("(or 60.2% of GDP)"), else ``k``."""
    items = ctx.items
    if k >= len(items) or items[k].text not in ("(", "["):
        return k
    closing = ")" if items[k].text == "(" else "]"
    end = ctx.sentences[ctx.sentence_of[k]][1]
    for j in range(k + 1, min(end, k + 12)):
        if items[j].text == closing:
            return j + 1
    return k


def _aside_end(ctx: Context, d: _Draft) -> int | None:
    """The item after the closing bracket of the aside the claim stands in ("(or 60.2% of GDP) in
    2021"), if it stands in one."""
    items = ctx.items
    s0, s1 = ctx.sentences[ctx.sentence_of[d.first]]
    opening = None
    for j in range(d.first - 1, max(s0, d.first - 8) - 1, -1):
        if items[j].text in (")", "]"):
            return None
        if items[j].text in ("(", "["):
            opening = items[j].text
            break
    if opening is None:
        return None
    closing = ")" if opening == "(" else "]"
    for k in range(d.bound_last, min(s1, d.bound_last + 10)):
        if items[k].text == closing:
            return k + 1
    return None


def _opens_next(ctx: Context, p: PeriodHit, d: _Draft) -> bool:
    """Does ``p``, written after the claim, open the next statement with a conjunction ("... 5,5
    وفي 1994 سجل 3,3", "..., and in 2022 it rose to 8%")?"""
    items = ctx.items
    return p.first >= d.bound_last and (
        items[p.first].conj or (p.first > 0 and entries_with(items[p.first - 1], ("conjunction",)))
    )


def _owned(ctx: Context, p: PeriodHit, d: _Draft) -> bool:
    """Is ``p`` written right after another number, or after a preposition after it ("29.6 مليار
    دولار في 2020", "$37.1 bn in 2012"), so that it is that number's period?  Not when a
    conjunction opens it: "... 2,5 وفي 2010 وصل الى 2,1" is 2,1's."""
    items = ctx.items
    if items[p.first].conj or (p.first > 0 and entries_with(items[p.first - 1], ("conjunction",))):
        return False
    k = p.first - 1
    if k >= 0 and k not in ctx.in_quantity and entries_with(ctx.items[k], ("stopword",)):
        k -= 1
    return k in ctx.in_quantity and not d.first <= k < d.bound_last


def _refers_back(ctx: Context, a: int, end: int) -> bool:
    """Do words between ``a`` and ``end`` refer back to a period named before (هذه الفترة)?"""
    return next(_readings(ctx, ("period_anaphor",), a, end), None) is not None


def _readings(ctx: Context, roles: tuple[str, ...], start: int, end: int) -> Iterator[tuple[Entry, int, int]]:
    """The readings with ``roles`` in ``ctx.items[start:end]`` (see :func:`readings_in`)."""
    assert ctx.positions is not None  # build_context sets it
    return readings_in(ctx.items, ctx.positions, roles, start, end)


def _after_base(sentence: tuple[PeriodHit, ...], a: int, b: int) -> PeriodHit | None:
    """A change measured from a whole year and naming no period of its own is about the year
    after it: "up 5% compared with 2022" compares 2023 with 2022, "أعلى 3% مقارنة بالعام الماضي"
    this year with last.  A base with a part of a year ("the same period last year") says only
    which part, not which year, and gives nothing."""
    bases = [p for p in sentence if a <= p.first < b and p.cue == "base"]
    if len(bases) != 1:
        return None
    base = bases[0]
    if base.month is not None or base.quarter is not None or base.half is not None or base.months is not None:
        return None
    if base.year is not None:
        return dataclasses.replace(base, year=base.year + 1, cue="after_base", quantity=None)
    if base.relative is not None:
        return dataclasses.replace(base, relative=base.relative + 1, cue="after_base")
    return None


def _unit_left_out(ctx: Context, d: _Draft, previous: _Draft | None) -> bool:
    """An amount with a scale word but no unit, after one with a unit in the same sentence and
    the same kind of claim, is in that unit: "10 مليارات دولار في 2023 مقابل 8 مليارات في 2022"."""
    if previous is None or previous.unit is None or d.unit is not None or d.q is None or d.kind != previous.kind:
        return False
    if d.q.kind != "number" or d.q.scale is None or previous.q is None or previous.q.scale is None:
        return False
    return ctx.sentence_of[previous.first] == ctx.sentence_of[d.first]


def _balanced(text: str) -> str | None:
    """A metric phrase without a bracket left open or closed alone: "مؤشر السوق (تاسي" is cut
    before the bracket."""
    for opening, closing in ("()", "[]", "«»"):
        if text.count(opening) > text.count(closing):
            text = text[: text.rfind(opening)].rstrip()
        elif text.count(closing) > text.count(opening):
            text = text[text.find(closing) + 1 :].lstrip()
    return text or None


def _metric_words(ctx: Context, first: int, last: int) -> tuple[int, int] | None:
    """The content words in ``[first, last)``: entities, stopwords, hedges and cues removed; the
    last run of them (what the number qualifies is written right before it)."""
    items = ctx.items
    entity_items = ctx.not_metric
    run_end = None
    run_start = None
    for k in range(last - 1, first - 1, -1):
        it = items[k]
        noise = (
            it.kind != "word"
            or k in entity_items
            or k in ctx.in_quantity
            or entries_with(it, ("stopword", "hedge", "comparator", "change_by", "change_to", "range_open", "modality"))
            or _is_future_verb(it, it.lang)
        )
        if noise:
            if run_end is not None:
                break
            continue
        if run_end is None:
            run_end = k + 1
        run_start = k
    if run_end is None or run_start is None:
        return None
    return run_start, run_end


def _assign_metric(ctx: Context, d: _Draft, nt: NormalizedText) -> None:
    items = ctx.items
    if d.kind == ClaimKind.RANK:
        if d.criterion is not None:
            d.metric = _balanced(_text(nt, items, *d.criterion))
        return
    a, b = _clause_range(ctx, d.first)
    found = None
    if d.kind == ClaimKind.SHARE:  # حصة 20 في المائة من واردات الصين: the whole it is a share of
        start = d.bound_last
        while start < b and entries_with(items[start], ("stopword",)):
            start += 1
        stop = start
        while stop < b and items[stop].kind != "punct" and stop not in ctx.in_quantity and stop not in ctx.period_items:
            stop += 1  # "4.1% of GDP in 2022": the whole ends before its period
        while stop > start and entries_with(items[stop - 1], ("stopword",)):
            stop -= 1
        if start < stop:
            d.metric = _balanced(_text(nt, items, start, stop))
        return
    if d.cue is not None and d.cue < d.first:
        found = _metric_words(ctx, d.cue + 1, d.bound_first)
        if found is None:
            found = _metric_words(ctx, a, d.cue)
        elif entries_with(items[d.cue], ("change",)) and found[0] > d.cue + 1:
            pass
        if found is not None and d.cue + 1 <= found[0]:
            # keep the whole phrase after the change word: نمو حجم التبادل التجاري
            start = d.cue + 1
            while start < found[0] and (items[start].kind != "word" or entries_with(items[start], ("stopword",))):
                start += 1
            found = (start, found[1])
    elif d.cue is not None:
        found = _metric_words(ctx, a, d.first)
    else:
        found = _metric_words(ctx, a, d.bound_first)
    if d.kind == ClaimKind.LEVEL and (found is None or _cut_off(ctx, found[1], d.bound_first)):
        # "compared to about 63.44 million tonnes of LNG": the words before are cut off from the amount
        # by a preposition, and what follows "of" says what it is; "the pipeline carried 22.7 bcm of
        # gas" keeps the words right before it
        found = _measured_after(ctx, d, b) or found
    if found is not None:
        d.metric = _balanced(_text(nt, items, *found))


def _cut_off(ctx: Context, end: int, first: int) -> bool:
    """Is a word other than a hedge or comparator written between ``end`` and ``first``?"""
    return any(
        ctx.items[k].kind == "word" and not entries_with(ctx.items[k], ("hedge", "comparator"))
        for k in range(end, first)
    )


def _measured_after(ctx: Context, d: _Draft, b: int) -> tuple[int, int] | None:
    """What an amount with a unit measures when "of" (من) and content words follow it in its clause
    (or "in", في, after an amount of money): "6.5 million tons of LNG", "10 مليارات دولار من
    الاستثمارات", "$200 billion in bilateral trade"; up to the next stopword, number or punctuation."""
    items = ctx.items
    k = d.bound_last
    if d.unit is None or k >= b or items[k].kind != "word":
        return None
    word = items[k].text.lower()
    # "$200 billion in bilateral trade": an amount of money is also "in" what it measures
    if word not in _OF_WORDS and not (word in _IN_WORDS and d.q is not None and d.q.kind == "money"):
        return None
    start = end = k + 1
    while end < b and end - start < 4:
        it = items[end]
        if it.kind != "word" or end in ctx.in_quantity or end in ctx.not_metric or entries_with(it, ("stopword",)):
            break
        end += 1
    return (start, end) if end > start else None


def _reasons(ctx: Context, d: _Draft, previous: _Draft | None = None) -> None:
    items = ctx.items
    q = d.q
    if q is None:
        return
    if q.kind == "year":
        d.check_worthy = False
        if is_name_year(items, q):
            d.reason = "part of a name"
        else:
            d.reason = "a year, used as the date of what is said"
        return
    if q.kind in ("ordinal", "number") and d.kind != ClaimKind.RANK and q.first in ctx.period_items:
        d.check_worthy = False
        d.reason = "part of a date or period"
        return
    if q.kind == "ordinal" and d.kind != ClaimKind.RANK:
        d.check_worthy = False
        d.reason = "an ordinal that is no rank"
        return
    if match_before(items, q.first, ("name_number",)) is not None:
        d.kind, d.direction = None, None
        d.check_worthy = False
        d.reason = "part of a name or a reference number"
        return
    if q.kind == "number" and d.kind in (ClaimKind.LEVEL, None) and _is_day_of_date(items, q):
        d.check_worthy = False
        d.reason = "part of a date"
        return
    if q.kind == "number" and d.kind == ClaimKind.LEVEL and _is_list_number(ctx, q):
        d.check_worthy = False
        d.reason = "a list number"
        return
    if q.kind in ("number", "year") and _is_phone_number(items, q):
        d.check_worthy = False
        d.reason = "a phone number"
        return
    if q.kind == "duration" and d.kind != ClaimKind.CHANGE and not _measured_span(ctx, d):
        d.check_worthy = False
        d.reason = "a span of time in the narrative, not a statistic"
        return
    if d.rule == "level.before_change" and not _period_in_clause(ctx, d):
        d.check_worthy = False  # "up from 3.9% a year earlier": the level before, at another time
        d.reason = "the level before a change, at a time the sentence does not name"
        return
    counted = (
        d.direction is not None
        or (q.value is not None and abs(q.value) >= 1000)
        or counted_noun_after(items, q) is not None  # قتل 15 جندياً, "120 seats"
        or _measure_before(ctx, d)  # "the fertility rate was 1.54", "life expectancy in Laos was 68"
        or _series_goes_on(ctx, d, previous)  # "... 7,2 أطفال لكل امرأة، وفي 1971 بلغ 7,4"
    )
    if q.kind == "number" and d.kind == ClaimKind.LEVEL and q.comparator == "=" and q.scale is None and not counted:
        # "145 million" (a population), "fell to 50,500", "a record 745,000" are statistics; "5" alone
        # says nothing
        d.check_worthy = False
        d.reason = "a count with no unit or measure"


def _period_in_clause(ctx: Context, d: _Draft) -> bool:
    """Is the level before a change dated by a period of its own: right after it, before any
    other number ("up from 3.9% in 2022", "from 3% in 2023 to 2.4% in 2024")?"""
    _, b = _clause_range(ctx, d.first)
    p = d.period
    if p is None or not d.last <= p.first < b:
        return False
    own = p.quantity.first if p.quantity is not None else p.first
    return not any(m in ctx.in_quantity for m in range(d.last, own) if m not in ctx.period_items)


def _measured_span(ctx: Context, d: _Draft) -> bool:
    """A span of time that is a statistic: the value of a measure named before it in its clause
    ("life expectancy ... 73 years", متوسط العمر المتوقع ... 73 عاماً)."""
    a, _ = _clause_range(ctx, d.first)
    return any(match_at(ctx.items, m, ("duration_measure",)) for m in range(a, d.first))


def _is_list_number(ctx: Context, q: Quantity) -> bool:
    """ "1." or "2)" opening a line."""
    items = ctx.items
    at_line_start = q.first == 0 or (
        ctx.sentence_of[q.first - 1] != ctx.sentence_of[q.first]
        and ("\n" in ctx.text[items[q.first - 1].end : items[q.first].start])
    )
    after = items[q.last] if q.last < len(items) else None
    return bool(at_line_start and q.bare_digits and after is not None and after.text in (".", ")", "-"))


def _is_phone_number(items: list[Item], q: Quantity) -> bool:
    """+7 495 123, 0123456789: a leading + or 0 and seven digits or more."""
    it = items[q.first]
    digits = sum(ch.isdigit() for ch in it.text)
    if it.text.startswith("+") and digits >= 3 and q.last < len(items) and items[q.last].kind == "num":
        return True
    return it.kind == "num" and it.text.isdigit() and it.text.startswith("0") and digits >= 7


def _is_day_of_date(items: list[Item], q: Quantity) -> bool:
    if q.value is None or not (1 <= q.value <= 31) or q.value.denominator != 1:
        return False
    after = match_at(items, q.last, ("month",)) if q.last < len(items) else None
    if after is None and q.last < len(items) and entries_with(items[q.last], ("stopword",)):
        after = match_at(items, q.last + 1, ("month",))
    before = match_before(items, q.first, ("month",))
    return after is not None or before is not None


def _from_quantity_split(ctx: Context, q: Quantity) -> list[_Draft]:
    """A range "from X to Y" after a change word ("rose from 4% to 7%", ارتفع من 10 إلى 20) is two
    levels, before and after the change; any other quantity is one draft."""
    if q.opener != "from" or q.halves is None or q.low is None or q.high is None:
        return [_from_quantity(q)]
    a, _ = _clause_range(ctx, q.first)
    if not any(entries_with(ctx.items[m], ("change",)) for m in range(a, q.first)):
        return [_from_quantity(q)]
    first_end, second = q.halves
    start = dataclasses.replace(q, last=first_end, value=q.low, low=None, high=None, hedge=[], shape="range_start")
    end = dataclasses.replace(q, first=second, value=q.high, low=None, high=None, hedge=[], shape="range_end")
    return [_from_quantity(start), _from_quantity(end)]


def _from_quantity(q: Quantity) -> _Draft:
    bound_first, bound_last = q.first, q.last
    for first, last in q.hedge:
        bound_first = min(bound_first, first)
        bound_last = max(bound_last, last)
    return _Draft(
        q=q,
        first=q.first,
        last=q.last,
        kind=ClaimKind.LEVEL,
        value=q.value,
        low=q.low,
        high=q.high,
        unit=q.unit if q.per is None or q.unit is None else f"{q.unit}/{q.per}",
        approx=q.approx,
        comparator=q.comparator,
        bound_first=bound_first,
        bound_last=bound_last,
        rule="level.number",
    )


def _criterion_after(ctx: Context, k: int) -> tuple[int, int] | None:
    """The words from ``k`` to the end of its clause, leading stopwords and trailing marks aside."""
    items = ctx.items
    if k >= len(items):
        return None
    _, clause_end = _clause_range(ctx, k)
    start = k
    while start < clause_end and entries_with(items[start], ("stopword",)):
        start += 1
    stop = start
    while stop < clause_end and items[stop].kind != "punct":
        stop += 1
    return (start, stop) if start < stop else None


# after a superlative, these make it a record of a series, not a rank among peers (أدنى مستوياته)
_LEVEL_NOUNS = frozenset(lookup_key(w) for w in ("مستوى", "مستوياته", "مستوياتها", "مستويات", "level", "levels"))
_ONE_OF = (("من",), ("من", "بين"), ("one", "of", "the"), ("among", "the"), ("one", "of", "its"))


def _one_of(items: list[Item], k: int) -> bool:
    """من أكبر, من بين الأعلى, "one of the largest", "among the biggest": one of several."""
    for words in _ONE_OF:
        n = len(words)
        if k >= n and tuple(items[m].key for m in range(k - n, k)) == tuple(lookup_key(w) for w in words):
            return True
    return False


def _superlative_ranks(ctx: Context, positions: Positions) -> list[_Draft]:
    """A superlative with no number is rank 1: أكبر مستورد للغاز, المورد الأكبر, "the largest
    supplier", "China's biggest trading partner"; "أكبر من" and "larger than" compare, and rank
    nothing.  Only where a country is named before it in the sentence."""
    items = ctx.items
    covered = ctx.in_quantity
    out = []
    for k in positions.of(("superlative",)):
        it = items[k]
        sup = entries_with(it, ("superlative",))
        if not sup or sup[0].needs_count or k in covered or sup[0].key.lower() == "top":
            continue
        prev = items[k - 1] if k else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        if prev is not None and (prev.kind == "num" or (k - 1) in covered or prev.text == "-"):
            continue  # ثاني أكبر, "second-largest": the ordinal's rank
        english = it.lang is not None and not it.lang.flag("dual")
        if english:
            article = prev is not None and (prev.key == "the" or _possessive(items, k - 2))
            if not article or nxt is None or nxt.kind != "word" or entries_with(nxt, ("stopword",)):
                continue
            criterion = _criterion_after(ctx, k + 1)
        elif it.definite:
            if prev is None or prev.kind != "word":
                continue  # المورد الأكبر: after its noun
            criterion = (k - 1, k)
            rest = _criterion_after(ctx, k + 1)
            if rest is not None:
                criterion = (k - 1, rest[1])
        else:
            if nxt is None or nxt.kind != "word" or entries_with(nxt, ("stopword", "range_open")):
                continue  # أكبر من: a comparison
            criterion = _criterion_after(ctx, k + 1)
        s0 = ctx.sentences[ctx.sentence_of[k]][0]
        if not any(h.first < k for h in ctx.by_sentence.get(ctx.sentence_of[k], ()) if h.first >= s0):
            continue
        a, _ = _clause_range(ctx, k)
        if any(entries_with(items[m], ("rank_cue", "ordinal")) for m in range(a, k)):
            continue  # "ranked fourth among the largest exporters": the superlative names the field
        if _one_of(items, k) or (nxt is not None and nxt.key in _LEVEL_NOUNS):
            continue  # من أكبر, "one of the largest": no rank; أدنى مستوياته, "the highest level": a record
        d = _Draft(
            q=None,
            first=k,
            last=k + 1,
            kind=ClaimKind.RANK,
            value=Fraction(1),
            low=None,
            high=None,
            unit=None,
            approx=False,
            comparator="=",
            bound_first=k,
            bound_last=k + 1,
            rule="rank.superlative",
            cue=k + 1,
        )
        d.criterion = criterion
        out.append(d)
    return out


def _multiples(items: list[Item], qs: list[Quantity], positions: Positions) -> list[_Draft]:
    """أكثر من الضعف, "doubled", ثلاثة أضعاف: a change by a factor."""
    covered = {k for q in qs for k in range(q.first, q.last)}
    out = []
    for k in positions.of(("multiple",)):
        if k in covered:
            continue
        entry = entries_with(items[k], ("multiple",))
        if not entry:
            continue
        e: Entry = entry[0]
        factor = e.value
        first = k
        if e.plural:
            glued = k and items[k - 1].text == "-" and not items[k - 1].space_before and not items[k].space_before
            end = k - 1 if glued else k  # "a 10-fold increase"
            before = [q for q in qs if q.last == end and q.kind == "number" and q.value is not None]
            if not before:
                continue
            factor = before[0].value
            first = before[0].first
        d = _Draft(
            q=None,
            first=first,
            last=k + 1,
            kind=ClaimKind.CHANGE,
            value=Fraction(factor),
            low=None,
            high=None,
            unit="times",
            approx=False,
            comparator="=",
            bound_first=first,
            bound_last=k + 1,
            direction="increase" if factor >= 1 else "decrease",  # "halved"
            rule="change.multiple",
        )
        post = match_at(items, k + 1, ("hedge",))
        if post is not None and (post[0].post or post[0].anywhere):
            d.approx = post[0].value == "approx"  # تضاعفت تقريباً
            d.bound_last = post[1]
        bound = match_before(items, first, ("comparator", "hedge"))
        if bound is not None:
            d.bound_first = bound[1]
            if bound[0].role == "comparator":
                d.comparator = bound[0].value
                d.low = d.value if d.comparator in (">", ">=") else None
            else:
                d.approx = True
        out.append(d)
    return out


def _resolve_period(
    hit: PeriodHit | None, nt: NormalizedText, items: list[Item], date: dt.date | None, source: str
) -> Period | None:
    if hit is None:
        return None
    year, month = hit.year, hit.month
    if year is None and hit.relative is not None and date is not None:
        year = date.year + hit.relative
    if year is None and date is not None and month is not None and hit.near is not None:
        # the month before, at or after the article's date that the words point to
        if hit.near > 0:
            year = date.year if month > date.month else date.year + 1
        elif hit.near < 0:
            year = date.year if month < date.month else date.year - 1
        else:
            year = date.year if month <= date.month else date.year - 1
    months = hit.months
    if months is not None or hit.quarter is not None or hit.half is not None:
        month = None  # a part of a year: the month only placed it
    if months == (1, 12):
        months = None  # "January-December": the whole year
    if hit.relative_month is not None and date is not None:
        count = date.year * 12 + date.month - 1 + hit.relative_month
        year, month = count // 12, count % 12 + 1
    span = _span(nt, items, hit.first, hit.last)
    return Period(
        year=year,
        month=month,
        quarter=hit.quarter,
        half=hit.half,
        months=months,
        relative=hit.relative,
        cue=hit.cue,
        span=span,
        text=source[span.start : span.end],
        to_date=hit.to_date,
    )


def mine_claims(
    text: str,
    lang: str = "auto",
    date: dt.date | None = None,
    *,
    original: str | None = None,
    country: str | None = None,
) -> list[Claim]:
    """Every claim in ``text``, in order, the numbers that state nothing included with a reason.

    ``date`` is the article's date, used for years named relative to it (العام الماضي).
    ``original`` is the text as written when ``text`` is a document's body (the same length,
    what is not prose blanked): the claims' text is sliced from it, never from the body.
    ``country`` is the country the document is about (an ISO 3166-1 alpha-3 code), given by its
    user: a claim that names none is about it.  Without it, such a claim is about the country the
    text names most (at least twice, more than any other), marked ``entities_from="article"``.
    Never raises because of what the text contains.
    """
    named: dict[str, int] = {}
    claims = list(iter_claims(text, lang, date, original=original, country=country, named_count=named))
    return claims if country is not None else with_main_country(claims, named)


def iter_claims(
    text: str,
    lang: str = "auto",
    date: dt.date | None = None,
    *,
    original: str | None = None,
    country: str | None = None,
    named_count: dict[str, int] | None = None,
) -> Iterator[Claim]:
    """The claims of :func:`mine_claims` one window of the text at a time, so that a caller
    writing them as they come holds one window's claims, not the whole text's.  The country a
    claim names no country for is not inferred here (that needs the whole text): pass a dict as
    ``named_count`` to have the countries named counted, and give it to
    :func:`with_main_country` at the end."""
    if not isinstance(text, str):
        raise InputError(f"mine_claims() needs a str, not {type(text).__name__}")
    langs = languages_for(lang)
    region = None if lang == "auto" else split_tag(lang)[1]
    source = checked_original(text, original)
    return _iter_claims(normalize(text), source, langs, lang, region, date, country, named_count)


def _iter_claims(
    nt: NormalizedText,
    source: str,
    langs: list[Language],
    lang: str,
    region: str | None,
    date: dt.date | None,
    country: str | None = None,
    named_count: dict[str, int] | None = None,
) -> Iterator[Claim]:
    numbered = 0
    named: tuple[str, ...] = ()  # the countries named last, for البلدين at the start of a window
    for window in windows(nt.text):  # a window at a time: memory stays bounded
        with collection_paused():
            found, named = _mine(
                nt, source, window, langs, get_conventions(lang), region, date, numbered, named, country, named_count
            )
        numbered += len(found)
        yield from found


def _mine(
    nt: NormalizedText,
    source: str,
    window: tuple[int, int],
    langs: list[Language],
    conventions: Conventions,
    region: str | None,
    date: dt.date | None,
    numbered: int,
    named_before: tuple[str, ...],
    country: str | None = None,
    named_count: dict[str, int] | None = None,
) -> tuple[list[Claim], tuple[str, ...]]:
    """The claims of one window of the text, numbered after the ``numbered`` before it, and the
    countries named in it, last ones last.  Each text a claim reports for a span of the text is
    sliced from ``source`` (the text as written; ``nt`` may normalise a document's body)."""
    common = get_common()
    items, phrases, positions = analyse(nt, langs, conventions, common, window)
    qs = find_quantities(items, phrases, region, positions)
    ctx = build_context(items, nt.text, qs, get_gazetteer(), positions, named_before)
    _index_modality(ctx, positions)
    multiples = _multiples(items, qs, positions)
    counted = {d.first for d in multiples}  # ثلاثة أضعاف: the count is the multiple's, not a claim of its own
    drafts = [d for q in qs if q.first not in counted for d in _from_quantity_split(ctx, q)] + multiples
    drafts += _superlative_ranks(ctx, positions)
    drafts.sort(key=lambda d: d.first)
    previous_rank: _Draft | None = None
    previous: _Draft | None = None
    worthy: list[_Draft] = []
    for d in drafts:
        q = d.q
        top = None if q is None else match_before(items, q.first, ("superlative",))
        if d.kind == ClaimKind.RANK and q is None:
            pass  # a superlative, read above
        elif q is not None and q.kind == "number" and top is not None and top[0].key.lower() == "top":
            d.kind, d.comparator, d.high, d.rule = ClaimKind.RANK, "<=", d.value, "rank.top"  # "top three"
            d.cue = q.last
            d.criterion = _criterion_after(ctx, q.last)
        elif q is not None and (q.ordinal or (q.kind == "number" and _cue_before_number(items, q))):
            if _rank(ctx, d, previous_rank):
                if q.kind == "number":
                    d.rule = "rank.cue_number"
            else:
                d.kind = None
        elif q is not None and q.kind not in ("year", "duration"):
            _change(ctx, d)  # "تضاعفت خلال ثلاثة أعوام": a span of time changes nothing
            _threshold(ctx, d)
            _verb_bound(ctx, d)
        elif q is not None and q.kind == "year":
            d.kind = None
        a, _ = _clause_range(ctx, d.first)
        d.modality = _modality(ctx, a, max(d.first, a))  # "will reach $300bn", سنصل إلى 200 مليار
        if d.modality == Modality.FACT:
            d.modality = _modality_after(ctx, d) or _modality_of_list(ctx, d, previous)
        _assign_entities(ctx, d, previous_rank)
        _assign_period(ctx, d)
        d.period = _counted_back(ctx, d.period)
        d.aggregate = _aggregate(ctx, d)
        d.fiscal = _fiscal(ctx, d)
        d.qualifiers = _qualifiers(ctx, d)
        d.partners = _partners(ctx, d)
        d.base = _base_of(ctx, d)
        _reasons(ctx, d, previous)
        if d.check_worthy:
            _assign_metric(ctx, d, nt)
            _between_levels(ctx, d, worthy[-2:])
        if (
            d.metric is None
            and d.check_worthy
            and previous is not None
            and previous.metric is not None
            and d.kind in (ClaimKind.LEVEL, ClaimKind.CHANGE)
            and ctx.sentence_of[previous.first] == ctx.sentence_of[d.first]
        ):
            d.metric = previous.metric  # وسنصل إلى مستوى 200 مليار دولار: still the trade volume
        if _unit_left_out(ctx, d, previous):
            d.unit = previous.unit  # type: ignore[union-attr]  # "10 مليارات دولار ... مقابل 8 مليارات"
        if d.kind == ClaimKind.RANK:
            previous_rank = d
        if d.check_worthy:
            previous = d
            worthy.append(d)
    _from_context(ctx, drafts, country, named_count)
    named = [code for hit in ctx.entities for code in hit.codes]
    in_quantity = sorted(ctx.in_quantity)
    claims = [_claim(d, n, nt, items, ctx, date, source, in_quantity) for n, d in enumerate(drafts, start=numbered + 1)]
    return claims, (*named_before, *named)[-_NAMED_CARRIED:]


def _series_goes_on(ctx: Context, d: _Draft, previous: _Draft | None) -> bool:
    """Is the bare figure the next of a series in its sentence: the claim before it, a figure of the
    same kind with a measure, and the figure is as bare as it was or in its unit ("معدل الخصوبة
    ... 7,2 أطفال لكل امرأة، وفي 1971 بلغ 7,4، وفي 1982 وصل الى 5,5")?"""
    if previous is None or previous.kind != d.kind or previous.metric is None or previous.q is None:
        return False
    if previous.q.kind != "number" or previous.q.scale is not None:
        return False
    return ctx.sentence_of[previous.first] == ctx.sentence_of[d.first]


def _measure_before(ctx: Context, d: _Draft) -> bool:
    """Does the claim's clause name, before it, a measure whose figures are written without a unit
    ([unitless_measure]: fertility rate, life expectancy, population, exchange rate)?"""
    a, _ = _clause_range(ctx, d.first)
    return next(_readings(ctx, ("unitless_measure",), a, d.first), None) is not None


def _counted_back(ctx: Context, hit: PeriodHit | None) -> PeriodHit | None:
    """ "The previous year" is the year before the one named last before it in the sentence (3.8%
    in 2023, 6.7% the previous year: 2022); with none named, before the article's date."""
    if hit is None or hit.previous is None:
        return hit
    earlier = [
        p
        for p in ctx.periods_by_sentence.get(ctx.sentence_of[hit.first], ())
        if p.first < hit.first and p.previous is None and (p.year is not None or p.relative is not None)
    ]
    if not earlier:
        return dataclasses.replace(hit, relative=hit.previous)
    named = earlier[-1]
    if named.year is not None:
        return dataclasses.replace(hit, year=named.year + hit.previous)
    return dataclasses.replace(hit, relative=(named.relative or 0) + hit.previous)


def _aggregate(ctx: Context, d: _Draft) -> str | None:
    """ "average" when words just before the figure make it an average over several years
    ("averaged 4% in the decade to 2022", بمتوسط معدل نمو سنوي وصل إلى 2.5%)."""
    a, _ = _clause_range(ctx, d.first)
    for k in range(d.first - 1, max(a, d.first - 8) - 1, -1):  # the words before it, back to another number
        if k in ctx.in_quantity:
            break
        if "period_average" in ctx.items[k].roles and match_at(ctx.items, k, ("period_average",), limit=d.first):
            return "average"
    return None


def _base_of(ctx: Context, d: _Draft) -> PeriodHit | None:
    """The whole year a change is measured from, named in its clause: "since 2010", "compared with
    2022", مقارنة بعام 2022, منذ عام 2010 (not "the same period last year", which names a part)."""
    if d.kind != ClaimKind.CHANGE:
        return None
    a, b = _clause_range(ctx, d.first)
    bases = [
        p
        for p in ctx.periods_by_sentence.get(ctx.sentence_of[d.first], ())
        if a <= p.first < b and p.cue in ("since", "base") and p.month is None and p.quarter is None
        and p.half is None and p.months is None
    ]  # fmt: skip
    return _counted_back(ctx, bases[0]) if len(bases) == 1 else None


def _between_levels(ctx: Context, d: _Draft, before: list[_Draft]) -> None:
    """A change in % right after two levels of one measure at two years in its sentence is the
    change between them, when it names no base of its own: "107.1 مليار دولار لعام 2024 مقارنة بـ
    75.9 مليار دولار لعام 2020، بنمو بلغت نسبته 41.1%", "rose from $75.9bn in 2020 to $107.1bn in
    2024, up 41.1%".  Its base is the earlier year, its period the later, its measure theirs."""
    if d.kind != ClaimKind.CHANGE or d.unit != "%" or d.base is not None or len(before) != 2:
        return
    one, two = before
    sentence = ctx.sentence_of[d.first]
    if any(x.kind != ClaimKind.LEVEL or ctx.sentence_of[x.first] != sentence for x in before):
        return
    if one.unit is None or one.unit != two.unit or one.period is None or two.period is None:
        return
    years = sorted(
        ((x.period.year, x) for x in before if x.period is not None and x.period.year is not None), key=lambda t: t[0]
    )
    if len(years) != 2 or years[0][0] == years[1][0]:
        return
    if d.period is not None and d.period.year not in (years[0][0], years[1][0]):
        return  # a period of its own: "... and up 3% in 2023"
    (_, earlier), (_, later) = years
    d.base = dataclasses.replace(earlier.period, cue="base")  # type: ignore[arg-type]
    d.period = later.period
    d.metric = later.metric or earlier.metric or d.metric


def _partners(ctx: Context, d: _Draft) -> tuple[str, ...]:
    """The claim's countries that a trade flow in its clause goes to or comes from: a word of
    [partner_cue] right before the name, a word of [trade_flow] at most four words before that
    ("imports from Russia", "China's trade with Russia", واردات الصين من روسيا, الصادرات إلى الصين)."""
    items = ctx.items
    a, b = _clause_range(ctx, d.first)
    out: list[str] = []
    for hit in ctx.by_sentence.get(ctx.sentence_of[d.first], ()):
        k = hit.first - 1
        if hit.group or not a < k < b or not entries_with(items[k], ("partner_cue",)):
            continue
        for j in range(k - 1, max(-1, k - 5), -1):
            if items[j].kind != "word" or j in ctx.in_quantity:
                break
            if entries_with(items[j], ("trade_flow",)):
                out += [c for c in hit.codes if c in d.entities and c not in out]
                break
    return tuple(out)


def _qualifiers(ctx: Context, d: _Draft) -> tuple[str, ...]:
    """What narrows the claim's measure: qualifier words in its clause before the number, or
    starting within two words after it ("inflation was 2.9% month on month", "87.2 years for
    women"; not "grew 8.7% on higher oil prices", which says why)."""
    assert ctx.positions is not None  # build_context sets it
    a, b = _clause_range(ctx, d.first)
    found = qualifiers_at(ctx.items, ctx.positions, a, d.first)
    after = qualifiers_at(ctx.items, ctx.positions, d.last, min(b, d.last + 6))
    found += [q for q in after if q[1] <= d.last + 2]  # "87.2 years for women", not "on higher oil prices"
    return tuple(dict.fromkeys(q for q, _, _ in found))


def _fiscal(ctx: Context, d: _Draft) -> bool:
    """Is the claim about a fiscal year: its sentence names one ("In FY 2018-19", العام المالي
    2021/2022) and the claim has no calendar period of its own, or the fiscal words stand right
    before the period it has?"""
    s0, s1 = ctx.sentences[ctx.sentence_of[d.first]]
    return any(
        d.period is None or 0 <= d.period.first - end <= 3 for _, _, end in _readings(ctx, ("fiscal_year",), s0, s1)
    )


def _from_context(ctx: Context, drafts: list[_Draft], country: str | None, named: dict[str, int] | None) -> None:
    """A level, change or share that names no country is about the one the document's user gave.
    ``named`` counts the countries the text names, for :func:`with_main_country` once the whole
    text is read."""
    if named is not None:
        for hit in ctx.entities:
            if not hit.group and len(hit.codes) == 1:
                named[hit.codes[0]] = named.get(hit.codes[0], 0) + 1
    if country is None:
        return
    for d in drafts:
        if _needs_country(d):
            d.entities, d.entities_from = (country,), "document"


def _needs_country(d: _Draft | Claim) -> bool:
    """A rank needs its own subject: only a level, change or share takes the document's country."""
    return d.check_worthy and not d.entities and d.kind in (ClaimKind.LEVEL, ClaimKind.CHANGE, ClaimKind.SHARE)


def main_country(named: dict[str, int]) -> str | None:
    """The country a text names most: at least twice, and more often than any other."""
    ranked = sorted(named.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def with_main_country(claims: list[Claim], named: dict[str, int]) -> list[Claim]:
    """The claims, those that name no country (and were given none) taken to be about the country
    the whole text names most ("the kingdom", البلاد, a bare statistic), marked
    ``entities_from="article"``.  Needs the whole text read, so it runs after mining."""
    main = main_country(named)
    if main is None:
        return claims
    return [
        dataclasses.replace(c, entities=(main,), entities_from="article") if _needs_country(c) else c for c in claims
    ]


def _scope(d: _Draft, nt: NormalizedText, items: list[Item], ctx: Context, in_quantity: list[int]) -> Span | None:
    """The words of the claim's clause before it, back to the number before it in that clause: where
    its subject is written ("The population was recorded at 207.68 million")."""
    a, _ = _clause_range(ctx, d.first)
    at = bisect.bisect_left(in_quantity, d.first)
    start = max(a, in_quantity[at - 1] + 1) if at > 0 else a
    return _span(nt, items, start, d.first) if start < d.first else None


def _claim(
    d: _Draft,
    n: int,
    nt: NormalizedText,
    items: list[Item],
    ctx: Context,
    date: dt.date | None,
    source: str,
    in_quantity: list[int] | None = None,
) -> Claim:
    span = _span(nt, items, d.first, d.last)
    s0, s1 = ctx.sentences[ctx.sentence_of[d.first]]
    sentence = nt.to_original(items[s0].start, items[s1 - 1].end)  # the whole first word, clitics and all
    mentions: tuple[Mention, ...] = ()
    if d.q is not None:
        mentions = (make_mention(d.q, items, nt, source),)
    unit = d.unit
    value = d.value
    if d.kind == ClaimKind.RANK:
        unit = None
    if d.q is not None and d.q.kind == "year":
        unit = None
    return Claim(
        id=f"c{n}",
        span=span,
        text=source[span.start : span.end],
        sentence=sentence,
        kind=d.kind,
        value=None if value is None else to_decimal(value),
        low=None if d.low is None else to_decimal(d.low),
        high=None if d.high is None else to_decimal(d.high),
        unit=unit,
        as_written=_text(nt, items, d.bound_first, d.bound_last),
        approx=d.approx,
        comparator=d.comparator,
        direction=d.direction,
        period=_resolve_period(d.period, nt, items, date, source),
        base=_resolve_period(d.base, nt, items, date, source),
        entities=d.entities,
        entities_from=d.entities_from,
        aggregate=d.aggregate,
        fiscal_year=d.fiscal,
        qualifiers=d.qualifiers,
        partners=d.partners,
        scope=_scope(d, nt, items, ctx, in_quantity) if in_quantity is not None else None,
        subject=d.subject,
        metric=d.metric,
        criterion=None if d.criterion is None else _text(nt, items, *d.criterion),
        modality=d.modality,
        check_worthy=d.check_worthy,
        reason=d.reason,
        mentions=mentions,
        rule=d.rule,
        resolution=None if d.q is None else to_decimal(d.q.resolution),
    )
