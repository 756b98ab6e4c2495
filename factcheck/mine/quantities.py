"""Quantities: numbers with what they count, and how sure the writer is of them.

From the number phrases of a text (:mod:`factcheck.mine.numbers`) this module builds quantities, in
five passes over the items:

1. **units** (:func:`_attach`): a percent sign or phrase (٪, في المائة, "per cent"), a unit of
   measure (مليار متر مكعب, "barrels a day", °C), a currency before or after the number ($200bn,
   "200 مليار دولار", "42 دينار كويتي", "USD 3.5m"); a dual is already a count of its noun (يومين);
2. **units without digits** (:func:`_implicit`): "a dollar", "an hour", كغ, لتر ونصف, "half-litre";
3. **ranges** (:func:`_ranges`): بين 3 و5, من 10 إلى 20, من عشرة لعشرين, "10-20 dollars",
   "between 2.0 g and about 7.0 g", with a scale word shared ("between 3 and 5 million");
4. **compounds** (:func:`_compounds`): "20 دولار و43 سنت", "$20 43", "7 feet 10 inches",
   "2 years and 3 months", "1 hour fifteen";
5. **bounds** (:func:`_bounds`): hedges (نحو, تقريباً, "about") make a quantity approximate and
   comparators (أكثر من, "at least", على الأقل) make it a bound.

Spans never include the hedge, the comparator or a range's opening word; those are recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from factcheck.lang.lexicon import Entry
from factcheck.limits import readable_figure
from factcheck.mine.items import Item, Positions, index_positions
from factcheck.mine.match import entries_with, match_at, match_before
from factcheck.mine.numbers import NumberPhrase
from factcheck.units import convert, same_dimension, unit_kind

__all__ = ["Quantity", "find_quantities"]

_UNITISH = ("percent", "unit", "currency")
_MONEY_SCALE_SUFFIX = {"m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
_CONNECTORS = {",", "و", "and"}


@dataclass(slots=True)
class Quantity:
    """A quantity under construction; ``first``/``last`` are an item range ``[first, last)``."""

    first: int
    last: int
    kind: str
    value: Fraction | None
    resolution: Fraction
    rule: str
    unit: str | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    approx: bool = False
    exact: bool = False
    comparator: str = "="
    hedge: list[tuple[int, int]] = field(default_factory=list)  # item ranges of hedges and comparators
    country: str | None = None
    minor: int = 0
    per: str | None = None
    scale: Fraction | None = None  # the scale word of the number, if any (ranges: "3 to 5 million")
    bare_digits: bool = False  # a plain run of digits, no separators (2022)
    ordinal: bool = False
    opener: str | None = None  # the word that opened a range (بين, from)
    shape: str = ""
    halves: tuple[int, int] | None = None  # a range: where its first number ends, its second starts


def _phrase_quantity(p: NumberPhrase, items: list[Item]) -> Quantity:
    only = items[p.first] if p.last - p.first == 1 else None
    bare = only is not None and only.kind == "num" and only.text.isdigit()
    q = Quantity(
        first=p.first,
        last=p.last,
        kind="ordinal" if p.ordinal else "number",
        value=p.value,
        resolution=p.resolution,
        rule=p.rule,
        scale=p.scale,
        bare_digits=bare,
        ordinal=p.ordinal,
    )
    if p.low is not None:
        q.low, q.high, q.approx = p.low, p.high, True
    if p.counted is not None:  # a dual: يومين, دولارين, نقطتين مئويتين
        _set_unit(q, p.counted)
        q.shape = "dual"
    return q


def _set_unit(q: Quantity, e: Entry) -> None:
    if e.role == "percent":
        q.kind = "percent"
        q.unit = e.value
    elif e.role == "currency":
        q.kind = "money"
        q.unit = e.value
        if e.minor and q.value is not None:
            q.value = q.value / e.minor
            q.resolution = q.resolution / e.minor
            q.minor = e.minor
    elif e.role == "unit":
        q.kind = unit_kind(e.value)
        q.unit = e.value
    elif e.role == "counted_noun":
        q.unit = None  # مرتين: 2, and the noun is not a unit


_MILLION = Fraction(1_000_000)


def _names_a_time(items: list[Item], k: int) -> bool:
    """After في العام, "a year": a year named (في العام المالي, في العام 2022) or a point in time
    ("a year earlier"), not a rate."""
    if k >= len(items):
        return False
    nxt = items[k]
    if nxt.kind == "num":
        return True
    if nxt.kind != "word":
        return False
    # a definite adjective names the year: المالي, الماضي, الحالي
    article = nxt.lang.flag("definite_article") if nxt.lang is not None else ""
    definite = nxt.definite or bool(article and nxt.text.startswith(article) and len(nxt.text) > len(article) + 1)
    return definite or bool(entries_with(nxt, ("time_relation", "relative_year")))


def _glued_hyphen(items: list[Item], k: int) -> bool:
    if k + 1 >= len(items) or items[k].text != "-" or items[k].space_before:
        return False
    nxt = items[k + 1]
    return nxt.kind == "word" and not nxt.space_before and bool(entries_with(nxt, ("unit", "currency")))


def _million_m(items: list[Item], k: int) -> bool:
    """An "m" against the digits, followed by what is counted ("10.5m barrels", "3m people",
    "2m tonnes"), is millions; alone ("a 100m sprint") it stays metres."""
    if k + 1 >= len(items) or items[k].text != "m" or items[k].space_before:
        return False
    nxt = items[k + 1]
    return nxt.kind == "word" and nxt.space_before and bool(entries_with(nxt, ("unit", "currency")))


def _next_is_phrase_end(items: list[Item], k: int) -> bool:
    return k >= len(items) or items[k].kind == "punct"


def _currency_after(items: list[Item], k: int) -> tuple[Entry, int, str | None] | None:
    """A currency at ``items[k]``, with a qualifier before ("kuwaiti dinar") or after (دينار كويتي)."""
    country = None
    start = k
    qual = match_at(items, k, ("currency_qualifier",))
    if qual is not None:
        country = qual[0].value
        start = qual[1]
    cur = match_at(items, start, ("currency",))
    if cur is None:
        return None
    end = cur[1]
    if country is None:
        qual = match_at(items, end, ("currency_qualifier",))
        if qual is not None:
            country = qual[0].value
            end = qual[1]
    return cur[0], end, country


def _attach(q: Quantity, items: list[Item], used: list[bool]) -> None:
    """Attach what follows or precedes the number: percent, unit, currency, rate, below zero."""
    n = len(items)
    if q.ordinal:
        _fraction_of_unit(q, items)  # "a tenth of a gallon", "fourth of liter"
        if q.ordinal:
            return
    if match_before(items, q.first, ("name_number",)) is not None:
        return  # "S&P 500", القرار رقم 15 لسنة 2024: a name or a reference, nothing is measured
    k = q.last
    if _glued_hyphen(items, k):
        k += 1  # "a 10-km race", "a 69-billion-dollar deal": the unit after a hyphen
    if q.unit is None and q.kind == "number" and k < n and _money_scale_ahead(q, items):
        _attach_prefix(q, items, used)  # "USD 3.5m": the m is millions, not metres
    if q.unit is None and q.kind == "number" and k < n and not used[k]:
        if _million_m(items, k):
            q.value, q.resolution = q.value * _MILLION, q.resolution * _MILLION  # type: ignore[operator]
            q.scale = _MILLION
            q.last = k = k + 1  # "10.5m barrels": millions of barrels, not metres
        m = k
        while m < n and entries_with(items[m], ("unit_modifier",)):
            m += 1  # "2 more minutes"
        found = match_at(items, m, ("percent", "unit"))
        if found is not None and found[0].glued and items[m].space_before:
            found = None  # "48C" is a temperature, "Group 4 C" is not
        currency = _currency_after(items, k)
        if found is not None and currency is not None and currency[1] > found[1]:
            found = None  # "42 L.E" is Egyptian pounds, not 42 litres and a letter
        if (
            found is not None
            and found[0].role == "unit"
            and currency is not None
            and currency[0].key.lower()
            in (
                "pound",
                "pounds",
            )
        ):
            # "pounds of meat" is a weight, "ten pounds" money
            of = found[1] < n and entries_with(items[found[1]], ("of",))
            if not of:
                found = None
        if found is not None and not (found[0].final and not _next_is_phrase_end(items, found[1])):
            _set_unit(q, found[0])
            q.last = found[1]
            q.shape = "number_unit"
        elif currency is not None:
            entry, end, country = currency
            _set_unit(q, entry)
            q.country = country
            q.last = end
            q.shape = "number_currency"
    if q.unit is None and q.kind == "number":
        _attach_prefix(q, items, used)
    if q.unit is None and q.kind == "number":
        _fraction_of_unit(q, items)
    if q.kind == "temperature" or q.unit == "degree":
        refine = match_at(items, q.last, ("unit",))
        if refine is not None and unit_kind(refine[0].value) == "temperature" and refine[0].value != "degree":
            q.unit = refine[0].value  # "37 ° celsius", "70 degrees F"
            q.last = refine[1]
    if q.unit is not None:
        rate = match_at(items, q.last, ("rate",))
        if rate is not None and not _names_a_time(items, rate[1]):
            q.per = rate[0].value
            q.last = rate[1]
    below = match_at(items, q.last, ("below_zero",))
    if below is not None and q.kind in ("number", "temperature") and q.value is not None:
        q.value = -abs(q.value)
        q.kind = "temperature"
        q.unit = q.unit or "degree"
        q.last = below[1]
    if q.kind == "temperature":
        _spaced_minus(q, items)
    if q.unit is not None and q.kind != "percent":
        _post_fraction(q, items)
    for m in range(q.first, q.last):
        used[m] = True


def _money_scale_ahead(q: Quantity, items: list[Item]) -> bool:
    nxt = items[q.last]
    return (
        q.first > 0
        and not nxt.space_before
        and nxt.text in _MONEY_SCALE_SUFFIX
        and match_before(items, q.first, ("currency",)) is not None
    )


def _attach_prefix(q: Quantity, items: list[Item], used: list[bool]) -> None:
    """A currency written before the number ($200bn, US$ 3.14, "ringgit 42") or a percent sign
    typed before it in right-to-left text (%25)."""
    if q.first == 0:
        return
    k = q.first
    before = match_before(items, k, ("currency",))
    if before is not None and not any(used[m] for m in range(before[1], k)):
        entry, start = before
        q.country = None
        qual = match_before(items, start, ("currency_qualifier",))
        if qual is not None:
            q.country = qual[0].value
            start = qual[1]
        if entry.needs_count:
            return
        _set_unit(q, entry)
        q.first = start
        q.shape = "currency_number"
        # "$3.5m", "USD 3.5bn": in a money amount m and b are millions and billions
        if q.last < len(items):
            nxt = items[q.last]
            if not nxt.space_before and nxt.kind == "word" and nxt.text in _MONEY_SCALE_SUFFIX and q.value is not None:
                scale = _MONEY_SCALE_SUFFIX[nxt.text]
                q.value *= scale
                q.resolution *= scale
                q.scale = Fraction(scale)
                q.last += 1
        return
    prev = items[k - 1]
    if prev.kind == "punct" and prev.text == "%" and not items[k].space_before:
        q.kind, q.unit, q.first, q.shape = "percent", "%", k - 1, "percent_number"


def _fraction_of_unit(q: Quantity, items: list[Item]) -> None:
    """A fraction of one unit: "half a liter", "half an hour", "half-litre", "three quarters of an
    hour", "a tenth of a gallon" (an ordinal before "of" is a denominator)."""
    n = len(items)
    k = q.last
    if k >= n or q.value is None:
        return
    value = q.value
    of = entries_with(items[k], ("of",))
    if q.ordinal:
        if not of or q.value < 2:
            return
        value = 1 / q.value
    elif of:
        if q.value.denominator == 1:
            return
    elif not (q.value < 1 and (entries_with(items[k], ("article",)) or items[k].text == "-")):
        return
    m = k + 1
    if of and m < n and entries_with(items[m], ("article",)):
        m += 1
    found = match_at(items, m, ("unit",))
    if found is None:
        return
    q.ordinal = False
    q.value = value
    q.resolution = min(q.resolution, value)
    _set_unit(q, found[0])
    q.last = found[1]
    q.shape = "fraction_of_unit"


def _spaced_minus(q: Quantity, items: list[Item]) -> None:
    """ "- 2 درجة", "- 2 degrees": a minus sign set apart from a temperature."""
    k = q.first
    if k and q.value is not None and q.value > 0:
        sign = items[k - 1]
        set_apart = items[k].space_before and (k == 1 or sign.space_before)
        if sign.kind == "punct" and sign.text == "-" and set_apart:
            q.value = -q.value
            q.first = k - 1


def _post_fraction(q: Quantity, items: list[Item]) -> None:
    """ "ساعة ونصف", "لتر وربع", "an hour and a half", "two hours and a half"."""
    k = q.last
    n = len(items)
    if k >= n or q.value is None:
        return
    it = items[k]
    if it.conj and entries_with(it, ("fraction",)):  # ونصف
        f = entries_with(it, ("fraction",))[0].value
        q.value += f
        q.resolution = min(q.resolution, f)
        q.last = k + 1
        return
    if not entries_with(it, ("conjunction",)):
        return
    m = k + 1
    if m < n and entries_with(items[m], ("article",)):
        m += 1
    if m < n and entries_with(items[m], ("fraction",)):
        f = entries_with(items[m], ("fraction",))[0].value
        q.value += f
        q.resolution = min(q.resolution, f)
        q.last = m + 1


def _implicit(items: list[Item], used: list[bool], phrases_at: set[int], starts: list[int]) -> list[Quantity]:
    """Units and currencies written without digits: "a dollar", "an hour", كغ, "نص لتر";
    ``starts`` are the positions where a unit, currency or percent word may start."""
    out = []
    for k in starts:
        it = items[k]
        if used[k] or k in phrases_at or (k and items[k - 1].text[-1:].isdigit()):
            continue  # a unit right after digits the grammar did not take is not "one" of it
        found = match_at(items, k, _UNITISH)
        if found is None:
            continue
        entry, end = found
        if entry.plural:
            continue
        prev = items[k - 1] if k else None
        value = None
        first = k
        if prev is not None and not used[k - 1] and entries_with(prev, ("article",)):
            value, first = Fraction(1), k - 1  # "a dollar", "an hour"
        elif prev is not None and not used[k - 1] and entries_with(prev, ("fraction",)) and prev.lang is it.lang:
            value, first = entries_with(prev, ("fraction",))[0].value, k - 1  # نص لتر, "half-litre"
        elif (
            prev is not None
            and prev.kind == "punct"
            and prev.text == "-"
            and k >= 2
            and not used[k - 2]
            and entries_with(items[k - 2], ("fraction",))
        ):
            value, first = entries_with(items[k - 2], ("fraction",))[0].value, k - 2  # quarter-litre
        elif entry.dual:
            value = Fraction(2)  # نقطتين مئويتين
        elif entry.needs_count:
            continue
        elif (
            it.lang is not None
            and it.lang.flag("dual")
            and not it.definite
            and entry.role in ("unit", "currency")
            and not _followed_by_number_or_definite(items, end)
        ):
            value = Fraction(1)  # Arabic: an indefinite singular names one (أسبوع, كغ, لتر)
        if value is None:
            continue
        q = Quantity(first=first, last=end, kind="number", value=value, resolution=Fraction(1), rule="")
        _set_unit(q, entry)
        q.shape = "implicit_one"
        if entry.role == "currency":
            q.country = None
            qual = match_at(items, end, ("currency_qualifier",))
            if qual is not None:
                q.country, q.last = qual[0].value, qual[1]
        if q.unit is not None and q.kind != "percent":
            _post_fraction(q, items)
        for m in range(q.first, q.last):
            used[m] = True
        out.append(q)
    return out


def _followed_by_number_or_definite(items: list[Item], k: int) -> bool:
    """عام 2022 names a year, يوم الجمعة a day: a unit word in construct is no count of one."""
    if k >= len(items):
        return False
    nxt = items[k]
    if nxt.kind == "word" and entries_with(nxt, ("month",)):
        return True  # شهر ديسمبر: the month's name
    return nxt.kind == "num" or (nxt.kind == "word" and nxt.text.startswith("ال"))


def _gap(items: list[Item], a: Quantity, b: Quantity) -> list[Item]:
    return items[a.last : b.first]


def _only_connectors(gap: list[Item]) -> bool:
    return all(
        (it.kind == "punct" and it.text == ",") or (it.kind == "word" and entries_with(it, ("conjunction",)))
        for it in gap
    )


def _merge_into(a: Quantity, b: Quantity, value: Fraction, unit: str | None, shape: str) -> None:
    a.value = value
    a.unit = unit
    a.last = b.last
    a.resolution = min(a.resolution, b.resolution)
    a.shape = shape
    a.approx = a.approx or b.approx


def _compounds(qs: list[Quantity], items: list[Item]) -> list[Quantity]:
    """Amounts written in two or more units: 20 دولار و43 سنت, 7 feet 10 inches, 1 hour fifteen."""
    out: list[Quantity] = []
    for q in qs:
        if out and _try_compound(out[-1], q, items):
            continue
        out.append(q)
    return out


def _try_compound(a: Quantity, b: Quantity, items: list[Item]) -> bool:
    if a.value is None or b.value is None or a.ordinal or b.ordinal or a.comparator != "=":
        return False
    gap = _gap(items, a, b)
    conj_clitic = items[b.first].conj
    if not _only_connectors(gap) or len(gap) > 2 or (conj_clitic and gap):
        return False
    small_bare = b.kind == "number" and b.value.denominator == 1 and 0 < b.value < 100 and b.resolution == 1
    if a.kind == "money" and a.value.denominator == 1 and not a.minor:
        if b.kind == "money" and b.minor and b.unit in (a.unit, "USD"):
            _merge_into(a, b, a.value + b.value, a.unit, "compound")  # 20 دولار و43 سنت
            return True
        if small_bare:
            _merge_into(a, b, a.value + b.value / 100, a.unit, "compound")  # $20 43, US$3 and fourteen
            a.resolution = Fraction(1, 100)
            return True
        return False
    if a.kind == "duration" and a.unit in ("hour", "minute") and small_bare and b.value < 60:
        smaller = "minute" if a.unit == "hour" else "second"  # 1 hour fifteen
        _merge_into(a, b, Fraction(convert(a.value, a.unit, smaller)) + b.value, smaller, "compound")
        return True
    if a.kind == b.kind and a.kind in ("duration", "quantity") and a.unit and b.unit and a.unit != b.unit:
        if a.per or b.per or not same_dimension(a.unit, b.unit):
            return False
        # add in the smaller unit of the two
        if convert(Fraction(1), a.unit, b.unit) >= 1:
            target, other, other_unit = b.unit, a.value, a.unit
            total = Fraction(convert(other, other_unit, target)) + b.value
        else:
            target = a.unit
            total = a.value + Fraction(convert(b.value, b.unit, target))
        _merge_into(a, b, total, target, "compound")
        return True
    return False


def _compatible(a: Quantity, b: Quantity) -> bool:
    if a.ordinal or b.ordinal:
        return False
    if a.unit is None or b.unit is None:
        return a.kind in ("number", b.kind) or b.kind == "number"
    return a.unit == b.unit


def _ranges(qs: list[Quantity], items: list[Item]) -> list[Quantity]:
    """بين 3 و5, من 10 إلى 20, 10-20 دولار, "between 3 and 5 million", "from 2 to 7 g"."""
    out: list[Quantity] = []
    k = 0
    while k < len(qs):
        a = qs[k]
        if k + 1 < len(qs):
            merged = _try_range(a, qs[k + 1], items)
            if merged is not None:
                out.append(merged)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _try_range(a: Quantity, b: Quantity, items: list[Item]) -> Quantity | None:
    if a.value is None or b.value is None or not _compatible(a, b) or (b.minor and not a.minor):
        return None
    opener = match_before(items, a.first, ("range_open",))
    bound = match_before(items, a.first, ("comparator", "hedge"))
    if opener is not None and bound is not None and bound[1] <= opener[1]:
        opener = None  # the من of أكثر من opens no range
    opener_word = opener[0].value if opener is not None else None
    gap = _gap(items, a, b)
    inner_hedge = False
    # a hedge may stand right before the second number: "between 2.0 g and about 7.0 g", "2 - ~7"
    pos = b.first
    while gap:
        hedge = match_before(items, pos, ("hedge",), floor=a.last)
        if hedge is None:
            break
        inner_hedge = True
        pos = hedge[1]
        gap = items[a.last : pos]
    joined = None
    if not gap:
        first = items[b.first]
        if first.kind == "num" and first.text.startswith("-") and b.value < 0 < -b.value and a.value >= 0:
            joined = "dash"  # "around 2 -7 l": the tokenizer took -7 for a negative number
            b.value = -b.value
        elif first.conj and opener_word == "between":
            joined = "and"  # ما بين عشرة وعشرون
        elif first.prefix.endswith("ل") and opener_word == "from":
            joined = "to"  # من عشرة لعشرين
    elif len(gap) == 1 and gap[0].kind == "punct" and gap[0].text in "-/":
        if a.bare_digits and b.bare_digits and _is_year(a) and b.value == (a.value + 1) % 100:
            b.value = a.value + 1  # 2022-23, 2022/23: a fiscal year or a season
            b.bare_digits = True
        if gap[0].text == "-" or (_is_year(a) and b.value == a.value + 1):
            joined = "dash"
    else:
        join = match_at(items, a.last, ("range_join",))
        if join is not None and join[1] == pos:
            kind = join[0].value
            if kind == "and" and opener_word in ("between", "from"):
                joined = "and"
            elif kind == "to":
                joined = "to"
    if joined is None:
        return None
    if joined == "dash" and not a.value < b.value:
        return None
    if _is_year(a) and a.bare_digits and not (_is_year(b) and b.bare_digits):
        return None  # "grew 29.3% in 2022 to $190.3 billion": a year and an amount make no range
    if joined == "to" and opener_word is None and not (a.unit is None and b.unit is not None):
        return None
    low, high = a.value, b.value
    if a.scale is None and b.scale is not None and a.unit is None and low * b.scale <= high:
        low = low * b.scale  # "between 3 and 5 million", "10-20 مليار": the scale serves both
    unit = b.unit or a.unit
    kind = b.kind if b.kind != "number" else a.kind
    shape = {"dash": "range_dash", "to": "range_from_to", "and": "range_between"}[joined]
    return Quantity(
        first=a.first,
        last=b.last,
        kind=kind,
        value=None,
        resolution=min(a.resolution, b.resolution),
        rule="",
        unit=unit,
        low=low,
        high=high,
        approx=a.approx or b.approx or inner_hedge,
        hedge=a.hedge + b.hedge,
        country=a.country or b.country,
        per=a.per or b.per,
        bare_digits=a.bare_digits and b.bare_digits,
        opener=opener_word,
        shape=shape,
        halves=(a.last, b.first),
    )


def _bounds(q: Quantity, items: list[Item], floor: int) -> None:
    """Hedges and comparators before (نحو, "more than") or after (تقريباً, "or more") a quantity."""
    k = q.first
    while True:
        found = match_before(items, k, ("hedge", "comparator"), floor=floor)
        if found is None:
            break
        entry, start = found
        if entry.post and not entry.anywhere:
            break
        _apply_bound(q, entry, items, start, k)
        k = start
    k = q.last
    while True:
        found = match_at(items, k, ("hedge", "comparator"))
        if found is None or not (found[0].post or found[0].anywhere):
            break
        _apply_bound(q, found[0], items, k, found[1])
        k = found[1]


def _apply_bound(q: Quantity, e: Entry, items: list[Item], start: int, end: int) -> None:
    q.hedge.append((start, end))
    if e.role == "hedge":
        if e.value == "approx":
            q.approx = True
        else:
            q.exact = True
        return
    q.comparator = e.value
    if q.value is not None:
        if e.value in (">", ">="):
            q.low = q.value
        else:
            q.high = q.value


def find_quantities(
    items: list[Item],
    phrases: list[NumberPhrase],
    region: str | None = None,
    positions: Positions | None = None,
) -> list[Quantity]:
    """Every quantity of a text, in order, without overlaps (item ranges).  ``positions`` is the
    role index of ``items`` when the caller has it already."""
    from factcheck.money import resolve_currency

    used = [False] * len(items)  # items a unit, currency or hedge has been read from
    phrase_items = {m for p in phrases for m in range(p.first, p.last)}
    qs = [_phrase_quantity(p, items) for p in phrases]
    for q in qs:
        _attach(q, items, used)
    starts = (positions or index_positions(items)).of(_UNITISH)
    qs.extend(_implicit(items, used, phrase_items, starts))
    _ordinal_or_unit(qs, items)
    qs = _without_overlaps(qs)
    qs = _count_repeated(qs, items)
    qs = _ratios(qs, items)
    qs = _ranges(qs, items)
    qs = _compounds(qs, items)
    floor = 0
    for q in qs:
        _bounds(q, items, floor)
        floor = q.last
    for q in qs:
        if q.kind == "money" and q.unit is not None:
            q.unit = resolve_currency(q.unit, q.country, region)
        if q.kind == "number" and q.bare_digits and _is_year(q) and _year_not_count(items, q):
            q.kind = "year"  # but 1987 قتيلاً counts the dead
        if q.kind == "year" and q.last < len(items) and items[q.last].text in _ERA and not items[q.last].space_before:
            q.last += 1  # 2024م, 1445هـ: the era is the year's
        q.rule = q.rule if q.rule and q.kind in ("number", "ordinal") else f"{q.kind}.{q.shape or 'number'}"
    # a figure beyond any written in news ("9 trillion trillion trillion", a ratio of such) is no
    # number: every later stage computes in a Decimal context sized for the figures kept here
    return [q for q in qs if all(readable_figure(v) for v in (q.value, q.low, q.high, q.resolution))]


# the era letters written right after a year: م (of the common era), هـ (of the hijra)
_ERA = frozenset({"م", "هـ", "ه"})


def _year_not_count(items: list[Item], q: Quantity) -> bool:
    """Is a year-like figure a year rather than a count?  A noun in the accusative after it counts
    (1987 قتيلاً), unless a word that places a year stands before it: في 2024 رقماً قياسياً, "in
    2024 a record", is a year."""
    if counted_noun_after(items, q) != "accusative":
        return True
    cue = match_before(items, q.first, ("year_cue",))
    return cue is not None and cue[0].value in ("year", "in", "since")


def _without_overlaps(qs: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping quantities ("لتر ونصف" swallows the نصف read alone)."""
    kept: list[Quantity] = []
    for q in sorted(qs, key=lambda q: (q.first, -(q.last - q.first))):
        if kept and q.first < kept[-1].last:
            continue
        kept.append(q)
    return kept


_RATIO_GAPS = (("in",), ("من", "كل"))  # "one in five", واحد من كل خمسة


def _ratios(qs: list[Quantity], items: list[Item]) -> list[Quantity]:
    """ "One in five children", واحد من كل خمسة: a share, 20%."""
    out: list[Quantity] = []
    for q in qs:
        a = out[-1] if out else None
        if a is not None and _is_ratio(a, q, items):
            a.last = q.last
            a.value = a.value / q.value * 100  # type: ignore[operator]
            a.resolution = Fraction(1, 100)
            a.kind, a.unit, a.shape, a.scale = "percent", "%", "ratio", None
            continue
        out.append(q)
    return out


def _is_ratio(a: Quantity, b: Quantity, items: list[Item]) -> bool:
    if a.kind != "number" or b.kind != "number" or a.value is None or not b.value or a.ordinal or b.ordinal:
        return False
    if a.unit is not None or b.unit is not None or not 0 < a.value < b.value:
        return False
    if a.value != int(a.value) or b.value != int(b.value) or b.value > 1000:
        return False  # "one in five", "1 in 200", not "2.8 in 2022" (a figure, then its year)
    gap = tuple(it.key for it in items[a.last : b.first])
    return gap in _RATIO_GAPS


def _count_repeated(qs: list[Quantity], items: list[Item]) -> list[Quantity]:
    """In Arabic "one" and "two" follow what they count and repeat its count: يوم واحد, ساعة
    واحدة, مليون واحد, يومان اثنان.  The number joins the quantity before it and adds nothing."""
    out: list[Quantity] = []
    for q in qs:
        if out and _repeats(out[-1], q, items):
            out[-1].last = q.last
            continue
        out.append(q)
    return out


def _repeats(a: Quantity, b: Quantity, items: list[Item]) -> bool:
    if b.first != a.last or b.last - b.first != 1 or b.kind != "number" or b.ordinal or b.value not in (1, 2):
        return False
    word = items[b.first]
    if word.kind != "word" or word.conj or word.lang is None or not word.lang.flag("one_two_follow_noun"):
        return False
    if a.shape in ("implicit_one", "dual"):
        return a.value == b.value  # يوم واحد, يومان اثنان
    # a scale word alone: مليون واحد, مليونان اثنان
    lone_scale = a.kind == "number" and a.last - a.first == 1 and a.scale is not None and items[a.first].kind == "word"
    return lone_scale and a.value == a.scale * b.value


def counted_noun_after(items: list[Item], q: Quantity) -> str | None:
    """What follows a count when it is the noun counted: "accusative" for the Arabic noun after
    11-99 (قتيلاً, مقعداً: indefinite, in alif), "noun" for another indefinite content word (300
    مقعد, "15 soldiers"); None when what follows is a word of the lexicon, a name or nothing."""
    if q.last >= len(items):
        return None
    if q.first and items[q.first - 1].key == "the":
        return None  # "the two governments" names them, it counts nothing
    it = items[q.last]
    if it.kind != "word" or it.entries or not it.space_before or it.text[:1].isupper():
        return None
    lang = it.lang
    if lang is None:
        return None
    if lang.flag("one_two_follow_noun"):  # Arabic
        if it.text.startswith(lang.flag("definite_article") or "\0") or len(it.text) < 3:
            return None
        if it.text.endswith("ا") and not it.text.endswith("وا") and len(it.text) >= 4:
            return "accusative"
        return "noun"
    return "noun" if it.text.endswith("s") and len(it.text) >= 4 else None


def _is_year(q: Quantity) -> bool:
    values = [v for v in (q.value, q.low, q.high) if v is not None]
    return bool(values) and all(v.denominator == 1 and 1000 <= v <= 2100 for v in values)


def _ordinal_or_unit(qs: list[Quantity], items: list[Item]) -> None:
    """ثانية is "second" (ordinal) after a noun (مرة ثانية) and a second of time at the start of
    a phrase or after a preposition (خلال ثانية, ثانية واحدة)."""
    for q in qs:
        if not q.ordinal or q.last - q.first != 1:
            continue
        it = items[q.first]
        units = entries_with(it, ("unit",))
        if not units or it.definite or it.lang is None or not it.lang.flag("dual"):
            continue
        prev = items[q.first - 1] if q.first else None
        if prev is None or prev.kind == "punct" or entries_with(prev, ("preposition",)):
            q.ordinal = False
            q.value = Fraction(1)
            _set_unit(q, units[0])
            q.shape = "implicit_one"
