"""The state machine of the number grammar: one function per word role.

:class:`State` holds where the reading of one phrase stands; :func:`word_step`,
:func:`suffix_step` and :func:`digits_step` return the state after one more token, or None when
the phrase cannot go on that way.  The driver is :mod:`factcheck.mine.numbers`, which documents the
grammar as a whole.  Values are exact fractions throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from factcheck.lang import Language
from factcheck.lang.lexicon import Entry
from factcheck.mine.items import Item

__all__ = ["STEP_ROLES", "Ctx", "State", "digits_step", "suffix_step", "word_step"]

_H, _T, _U = 1, 2, 4  # the slots of a group below a scale: hundreds, tens, units
_FULL = _H | _T | _U
_ONE = Fraction(1)
# what a group can be made of before a word joins it
_COUNTS = ("cardinal", "tens", "teen", "hundred", "hundreds", "digits")


class State:
    """Where the reading of one phrase stands.  Copied before every step (steps mutate the copy)."""

    __slots__ = (
        "addend",
        "closed",
        "compound",
        "counted",
        "definite",
        "digits",
        "group",
        "high",
        "lang",
        "last",
        "low",
        "max_scale",
        "min_scale",
        "ncomp",
        "neg",
        "ordinal",
        "pending",
        "point_digits",
        "point_int",
        "point_mode",
        "res_group",
        "res_total",
        "rule",
        "slots",
        "total",
        "unit_adj",
        "weak",
    )

    def __init__(self) -> None:
        self.total = Fraction(0)  # what scales have multiplied so far
        self.group: Fraction | None = None  # the count below the current scale
        self.slots = 0  # hundreds/tens/units of the group already filled
        self.unit_adj = False  # the group ends in a bare unit (ثلاثة) that عشر or مئة may follow
        self.min_scale: Fraction | None = None  # smallest scale applied: the next must be smaller
        self.max_scale: Fraction | None = None
        self.res_total: Fraction | None = None
        self.res_group: Fraction | None = None
        self.ncomp = 0  # words and digit runs read that carry value
        self.neg = False
        self.ordinal = False
        self.closed = False  # nothing may follow (an English ordinal, a dual noun, a suffix)
        self.pending: str | None = None  # "neg", "article", "point", "addend": something must follow
        self.addend = Fraction(0)  # the numerator of "one and three quarters" until its denominator
        self.last: str | None = None  # what the last component was
        self.lang: Language | None = None
        self.definite = False  # the first word carries the article (الخمسة)
        self.weak = False  # only compound-only words so far (أحد): not a number yet
        self.compound = False  # a teen or unit-and-tens compound (for definite ordinals)
        self.counted: Entry | None = None  # the unit or noun of a dual: يومين
        self.low: Fraction | None = None
        self.high: Fraction | None = None
        self.point_mode = False  # reading the digits after "point" / فاصلة
        self.point_int = Fraction(0)
        self.point_digits = ""
        self.digits = False
        self.rule = ""

    def copy(self) -> State:
        """A copy, one assignment per field: a state is copied at every word a number phrase is
        tried on, and a loop of getattr and setattr over the slots was a tenth of mining."""
        new = State.__new__(State)
        new.addend = self.addend
        new.closed = self.closed
        new.compound = self.compound
        new.counted = self.counted
        new.definite = self.definite
        new.digits = self.digits
        new.group = self.group
        new.high = self.high
        new.lang = self.lang
        new.last = self.last
        new.low = self.low
        new.max_scale = self.max_scale
        new.min_scale = self.min_scale
        new.ncomp = self.ncomp
        new.neg = self.neg
        new.ordinal = self.ordinal
        new.pending = self.pending
        new.point_digits = self.point_digits
        new.point_int = self.point_int
        new.point_mode = self.point_mode
        new.res_group = self.res_group
        new.res_total = self.res_total
        new.rule = self.rule
        new.slots = self.slots
        new.total = self.total
        new.unit_adj = self.unit_adj
        new.weak = self.weak
        return new

    @property
    def fresh(self) -> bool:
        """Nothing of value read yet (perhaps a sign or an article)."""
        return self.ncomp == 0

    def complete(self) -> bool:
        if self.ncomp == 0 or self.pending is not None or self.weak:
            return False
        if self.point_mode and not self.point_digits:
            return False
        # المئة and الربع alone are "percent" and "the quarter", not numbers
        return not (self.definite and self.ncomp == 1 and self.last in ("hundred", "fraction"))

    def value(self) -> Fraction:
        value = self.total + (self.group if self.group is not None else 0)
        return -value if self.neg else value


class Ctx:
    """What a step needs to know besides the state: the item, the connector before it, the next
    item (for look-ahead) and whether an article stands between ("and a half", "half a million")."""

    __slots__ = ("after_article", "conn", "item", "nxt")

    def __init__(self, item: Item, conn: str | None, after_article: bool, nxt: Item | None) -> None:
        self.item = item
        self.conn = conn
        self.after_article = after_article
        self.nxt = nxt

    @property
    def lang(self) -> Language | None:
        return self.item.lang

    @property
    def english_order(self) -> bool:
        lang = self.item.lang
        return lang is not None and lang.flag("tens_order") == "tens-unit"


def _slots_of(v: Fraction) -> int:
    if v >= 100:
        return _H
    if v < 10:
        return _U
    if v < 20:
        return _T | _U
    return _T if v % 10 == 0 else _T | _U


def _label(v: Fraction) -> str:
    return "tens" if 20 <= v < 100 and v % 10 == 0 else "cardinal"


def _start_group(s: State, v: Fraction, res: Fraction, last: str, slots: int | None = None) -> None:
    s.group = v
    s.res_group = res
    s.slots = _slots_of(v) if slots is None else slots
    s.last = last
    s.ncomp += 1
    s.pending = None


def _after_scale(s: State, conn: str | None) -> bool:
    """A new group may start: a scale was just read (ثلاثة آلاف وخمسمئة, thousand twelve)."""
    return s.group is None and s.last == "scale" and conn in (None, "and", "comma")


def _apply_scale(s: State, scale: Fraction, conn: str | None) -> bool:
    """Multiply the count before a scale word and add it to the total."""
    if s.group is not None:
        if s.min_scale is not None and scale >= s.min_scale:
            return False
        s.total += s.group * scale
        res = (s.res_group or _ONE) * scale
        s.res_total = res if s.res_total is None else min(s.res_total, res)
        s.min_scale = scale
        s.max_scale = scale if s.max_scale is None else max(s.max_scale, scale)
        s.group = None
        s.res_group = None
        s.slots = 0
        return True
    if s.total and conn is None and s.max_scale is not None and scale > s.max_scale and s.last == "scale":
        # "three thousand millions": the scale multiplies everything so far
        s.total *= scale
        s.res_total = (s.res_total or _ONE) * scale
        s.min_scale = (s.min_scale or _ONE) * scale
        s.max_scale = s.max_scale * scale
        return True
    return False


# --- one function per role: mutate the state and say whether the word fits here -----------------


def _negative(s: State, e: Entry, c: Ctx) -> bool:
    if s.ncomp or s.pending:
        return False
    s.neg = True
    s.pending = "neg"
    return True


def _article(s: State, e: Entry, c: Ctx) -> bool:
    if s.ncomp or s.pending:
        return False
    s.pending = "article"
    return True


def _cardinal(s: State, e: Entry, c: Ctx) -> bool:
    v = e.value
    if s.fresh:
        if s.pending == "article":
            return False
        _start_group(s, v, _ONE, _label(v), _H if v >= 100 else None)
        s.weak = e.compound_only
        s.unit_adj = v < 10
        return True
    if (
        c.conn == "and"
        and s.group is not None
        and s.pending is None
        and 1 <= v < 10
        and c.nxt is not None
        and any(x.role == "fraction_denominator" or (x.role == "fraction" and x.needs_count) for x in c.nxt.entries)
    ):
        s.addend = v  # "one and three quarters": the numerator of a fraction added to the group
        s.pending = "addend"
        s.last = "addend"
        s.ncomp += 1
        return True
    if s.group is not None and s.last in ("cardinal", "tens", "hundred", "hundreds", "teen", "ordinal"):
        if c.lang is None or not _join_in_group(s, v, c):
            return False
        s.weak = False
        s.ncomp += 1
        return True
    if _after_scale(s, c.conn) and v < 100:
        if c.conn is None and v in (1, 2) and _repeats_the_count(c):
            return False  # مليون واحد is one million, مليونان اثنان two
        _start_group(s, v, _ONE, _label(v))
        s.unit_adj = v < 10
        s.weak = e.compound_only
        return True
    return False


def _repeats_the_count(c: Ctx) -> bool:
    """واحد or اثنان right after a scale word, with no و, is the adjective that repeats its count
    (مليون واحد), unless the number goes on with و (ألف واحد وعشرون, colloquial 1,021)."""
    lang = c.lang
    if lang is None or not lang.flag("one_two_follow_noun"):
        return False
    nxt = c.nxt
    return nxt is None or not (nxt.conj and any(e.role in ("cardinal", "tens") for e in nxt.entries))


def _join_in_group(s: State, v: Fraction, c: Ctx) -> bool:
    """Add a cardinal word to the group below the current scale, in the language's word order."""
    if v >= 100 or v == 0:
        return False
    slots = _slots_of(v)
    group = s.group
    assert group is not None
    english = c.english_order
    conn = c.conn
    if s.slots == _H or (s.slots == _H | _U and not english and slots == _T):
        # after the hundreds: مئة وخمسة, one hundred and five, متين تلاتة (Egyptian, no و);
        # or the tens after مئة وخمسة (مئة وخمسة وعشرون)
        if s.slots & slots or conn not in (None, "and") or (s.slots == _H | _U and conn != "and"):
            return False
        s.group = group + v
        s.slots |= slots
        s.last = _label(v)
        s.unit_adj = slots == _U and not english
        if s.slots & _U and slots == _T:
            s.compound = True
        return True
    if english:
        if s.slots & _T and not s.slots & _U and slots == _U and conn in (None, "hyphen") and s.last == "tens":
            s.group = group + v  # twenty-five
            s.slots |= _U
            s.last = "cardinal"
            return True
        lang = c.lang
        assert lang is not None
        if (
            lang.flag("hundreds_shorthand")
            and s.slots == _U
            and s.ncomp == 1
            and v >= 20
            and conn is None
            and group >= 1
        ):
            s.group = group * 100 + v  # "one twenty two"
            s.slots = _H | slots
            s.last = _label(v)
            return True
        return False
    # Arabic: the unit first, then و and the tens (خمسة وعشرون)
    if s.slots in (_U, _H | _U) and slots == _T and v >= 20 and conn == "and":
        s.group = group + v
        s.slots |= _T
        s.last = "tens"
        s.unit_adj = False
        s.compound = True
        return True
    return False


def _teen_suffix(s: State, e: Entry, c: Ctx) -> bool:
    # ثلاثة عشر, الحادي عشر: straight after a unit, no و between
    if not s.unit_adj or c.conn is not None or s.group is None:
        return False
    s.group += 10
    s.slots |= _T
    s.unit_adj = False
    s.weak = False
    s.compound = True
    s.last = "teen"
    s.ncomp += 1
    return True


def _hundred(s: State, e: Entry, c: Ctx) -> bool:
    if s.fresh:  # مئة, "a hundred"
        _start_group(s, Fraction(100), _ONE, "hundred", _H)
        return True
    lang = c.lang
    if (
        s.group is not None
        and c.conn is None
        and s.last in ("cardinal", "tens", "teen")
        and (s.slots == _U or (lang is not None and lang.flag("teen_hundreds") and s.slots & _T and s.group < 100))
    ):
        s.group *= 100  # ثلاث مئة, three hundred, nineteen hundred
        s.slots = _H
        s.last = "hundred"
        s.unit_adj = False
        s.weak = False
        s.ncomp += 1
        return True
    if _after_scale(s, c.conn):
        _start_group(s, Fraction(100), _ONE, "hundred", _H)
        return True
    return False


def _hundreds(s: State, e: Entry, c: Ctx) -> bool:
    if (s.fresh and s.pending != "article") or _after_scale(s, c.conn):
        _start_group(s, e.value, _ONE, "hundreds", _H)
        s.weak = e.compound_only
        return True
    return False


def _scale(s: State, e: Entry, c: Ctx) -> bool:
    scale = e.value
    article = s.pending == "article"
    if e.dual:  # مليونين = 2,000,000; also after a larger scale: مليون وألفان
        if article:
            return False
        count = 2
        if s.fresh:
            s.rule = "number.dual_scale"
            if _accusative_singular(c):
                count, s.rule = 1, ""  # بلغ مليوناً و845 ألفاً: one million, and more
        elif not (s.group is None and s.last == "scale" and c.conn == "and" and scale < (s.min_scale or 0)):
            return False
        s.pending = None
        s.total += count * scale
        s.res_total = scale if s.res_total is None else min(s.res_total, scale)
        s.min_scale = scale
        s.max_scale = max(s.max_scale or scale, scale)
        s.last = "scale"
        s.ncomp += 1
        return True
    if s.weak:
        return False
    if s.last == "fraction_add" and c.item.definite and s.min_scale == scale and s.group is None:
        s.ncomp += 1  # مليون ونصف المليون: "and half the million" repeats the scale, adds nothing
        s.closed = True
        return True
    if c.after_article and s.last != "fraction":
        return False
    if s.fresh:
        if e.after_count or e.plural:
            return False  # ألفاً needs a count; آلاف alone is "thousands"
        s.pending = None
        s.group = _ONE
        s.res_group = _ONE
        s.ncomp += 1
    elif e.plural and s.group is None and s.total == 0:
        return False
    elif s.group is None and s.last == "scale" and c.conn in ("and", "comma") and not (e.plural or e.after_count):
        s.group = _ONE  # a lone scale after a larger one: ثلاثة ملايين وألف
        s.res_group = _ONE
    vague = s.last == "vague"
    if not _apply_scale(s, scale, c.conn):
        return False
    if vague and s.low is not None and s.high is not None:
        s.low, s.high = s.low * scale, s.high * scale
        s.closed = True
    s.last = "scale"
    s.unit_adj = False
    s.ncomp += 1
    return True


def _accusative_singular(c: Ctx) -> bool:
    """مليونا / مليارا is the dual in construct (مليارا دولار, two billion dollars) or the
    accusative singular (مليوناً); followed by و and more of the number, it is the singular:
    a construct dual is followed by its noun, never by و."""
    if not c.item.text.endswith("ا") or c.nxt is None:
        return False
    nxt = c.nxt
    return nxt.conj or any(x.role == "conjunction" for x in nxt.entries)


def _multiplier(s: State, e: Entry, c: Ctx) -> bool:
    if s.fresh:  # "a dozen"; "dozen" or "dozens" alone is not a count
        if s.pending != "article" or e.plural:
            return False
        _start_group(s, e.value, _ONE, "multiplier", _FULL)
        s.closed = True
        return True
    if s.group is not None and c.conn is None and s.last in _COUNTS:
        s.group *= e.value  # two dozen, 200 dozens
        s.slots = _FULL
        s.last = "multiplier"
        s.ncomp += 1
        s.closed = True
        return True
    return False


def _fraction(s: State, e: Entry, c: Ctx) -> bool:
    f = e.value
    if s.pending == "addend":
        return _add_fraction(s, f)
    if s.fresh:  # نصف, half, "a quarter"; "quarter" alone is a quarter of a year
        if e.needs_count and s.pending != "article":
            return False
        _start_group(s, f, f, "fraction", _FULL)
        return True
    if c.conn != "and":
        return False
    if s.group is not None and s.last in _COUNTS:
        if s.last == "digits" and s.res_group != 1:
            return False
        s.group += f  # ثلاثة ونصف, "two and a half"
        s.res_group = min(s.res_group or f, f)
        s.slots = _FULL
        s.last = "fraction_add"
        s.ncomp += 1
        return True
    if s.group is None and s.last == "scale" and s.min_scale is not None:
        s.total += f * s.min_scale  # مليون ونصف
        s.res_total = f * s.min_scale
        s.last = "fraction_add"
        s.ncomp += 1
        nxt = c.nxt
        # only the scale again may follow: مليون ونصف المليون
        s.closed = not (
            nxt is not None and nxt.definite and any(x.role == "scale" and x.value == s.min_scale for x in nxt.entries)
        )
        return True
    return False


def _add_fraction(s: State, f: Fraction) -> bool:
    """Close "one and three quarters": group += 3 x 1/4."""
    assert s.group is not None
    s.group += s.addend * f
    s.res_group = min(s.res_group or f, f)
    s.pending = None
    s.slots = _FULL
    s.last = "fraction_add"
    s.ncomp += 1
    return True


def _fraction_denominator(s: State, e: Entry, c: Ctx) -> bool:
    f = e.value
    if s.pending == "addend":
        return _add_fraction(s, f)
    if s.fresh:  # "a third of"
        nxt = c.nxt
        # "a third of", and "by a third." / "around a fifth," where nothing follows in the clause
        ends = (
            nxt is None
            or nxt.kind == "punct"
            or nxt.text.lower() == "of"
            or any(x.role in ("stopword", "year_cue", "relative_year") for x in nxt.entries)  # "by a third in 2023"
        )
        if s.pending == "article" and e.singular and ends:
            _start_group(s, f, f, "fraction", _FULL)
            return True
        return False
    # ثلاثة أرباع, two thirds, one third, two-thirds
    numerator_ok = s.group is not None and ((s.group == 1) if e.singular else (s.group >= 2))
    if c.conn in (None, "hyphen") and numerator_ok and s.last in ("cardinal", "teen", "tens"):
        s.group *= f  # type: ignore[operator]
        s.res_group = f
        s.slots = _FULL
        s.last = "fraction"
        s.ncomp += 1
        return True
    return False


def _decimal_point(s: State, e: Entry, c: Ctx) -> bool:
    if s.fresh:  # "point 77"
        if s.pending == "article":
            return False
        s.pending = "point"
        s.point_mode = True
        s.point_int = Fraction(0)
        s.point_digits = ""
        s.group = Fraction(0)
        s.slots = _FULL
        s.last = "point"
        s.ncomp += 1
        return True
    if s.group is not None and c.conn is None and s.group.denominator == 1 and s.last in _COUNTS:
        s.pending = "point"  # two point five, واحد فاصلة واحد
        s.point_mode = True
        s.point_int = s.group
        s.point_digits = ""
        s.last = "point"
        return True
    return False


def _point_digit(s: State, e: Entry, c: Ctx) -> bool:
    """A number word after "point" / فاصلة: its digits follow the decimal point."""
    v = int(e.value)
    d = s.point_digits
    conn = c.conn
    if v < 10 and conn is None:
        d += str(v)  # point two five
    elif conn == "and" and d and 20 <= v < 100 and v % 10 == 0:
        d = d[:-1] + str(v + int(d[-1]))  # فاصلة خمسة وعشرون = .25
    elif conn == "hyphen" and d and d[-1] == "0" and v < 10:
        d = d[:-1] + str(v)  # point seventy-seven
    elif not d and 10 <= v < 100 and conn is None:
        d = str(v)
    else:
        return False
    _set_point_digits(s, d)
    return True


def _set_point_digits(s: State, d: str) -> None:
    scale = 10 ** len(d)
    s.point_digits = d
    s.group = s.point_int + Fraction(int(d), scale)
    s.res_group = Fraction(1, scale)
    s.slots = _FULL
    s.last = "point_digits"
    s.pending = None


def _pair(s: State, e: Entry, c: Ctx) -> bool:
    if not s.fresh or s.pending != "article":  # "a pair", "a couple"
        return False
    _start_group(s, e.value, _ONE, "pair", _FULL)
    s.closed = True
    return True


def _vague(s: State, e: Entry, c: Ctx) -> bool:
    if not s.fresh:  # "a few", بضعة
        return False
    _start_group(s, e.value, _ONE, "vague", _FULL)
    s.low, s.high = e.low, e.high
    nxt = c.nxt
    # only a scale may follow: بضعة آلاف, "a few thousand" (3,000 to 9,000)
    s.closed = not (nxt is not None and any(x.role == "scale" for x in nxt.entries))
    s.rule = "number.vague"
    return True


def _ordinal(s: State, e: Entry, c: Ctx) -> bool:
    o = e.value
    english = c.english_order
    if s.fresh:
        if s.pending == "article":
            return False
        _start_group(s, o, _ONE, "ordinal")
        s.ordinal = True
        s.weak = e.compound_only  # الحادي needs عشر or والعشرون
        s.unit_adj = o < 10
        s.closed = english  # "first" ends an English number
        return True
    conn = c.conn
    if english:
        if s.group is not None and s.slots == _T and o < 10 and conn in (None, "hyphen") and s.last == "tens":
            s.group += o  # twenty-first
        elif (
            o < 100
            and conn in (None, "and")
            and ((s.group is not None and s.slots == _H) or (s.group is None and s.last == "scale"))
        ):
            s.group = (s.group or 0) + o  # one hundred and first
            s.res_group = _ONE
        else:
            return False
        s.ordinal = True
        s.closed = True
        s.last = "ordinal"
        s.ncomp += 1
        return True
    if o < 10 and conn == "and" and s.group is not None and s.slots == _H:
        s.group += o  # المئة والخامسة (والعشرون)
        s.slots |= _U
        s.ordinal = True
        s.last = "ordinal"
        s.weak = False
        s.ncomp += 1
        return True
    return False


def _counted(s: State, e: Entry, c: Ctx) -> bool:
    """The dual of a unit, currency or counted noun is the number 2: يومين, دولارين, مرتين."""
    if not e.dual or not s.fresh or s.pending == "article":
        return False
    _start_group(s, Fraction(2), _ONE, "dual", _FULL)
    s.counted = e
    s.closed = True
    s.rule = "number.dual_noun"
    return True


_STEPS: dict[str, Callable[[State, Entry, Ctx], bool]] = {
    "negative": _negative,
    "article": _article,
    "cardinal": _cardinal,
    "teen_suffix": _teen_suffix,
    "hundred": _hundred,
    "hundreds": _hundreds,
    "scale": _scale,
    "multiplier": _multiplier,
    "fraction": _fraction,
    "fraction_denominator": _fraction_denominator,
    "decimal_point": _decimal_point,
    "pair": _pair,
    "vague": _vague,
    "ordinal": _ordinal,
    "counted_noun": _counted,
    "unit": _counted,
    "currency": _counted,
}


# the roles a number phrase can start with or contain (others end a phrase)
STEP_ROLES = frozenset(_STEPS) | {"conjunction", "decimal_point"}


def word_step(s: State, e: Entry, c: Ctx) -> State | None:
    """The state after reading a word as ``e``, or None when the phrase cannot go on this way."""
    step = _STEPS.get(e.role)
    if step is None or s.closed:
        return None
    if c.after_article and e.role not in ("fraction", "scale"):
        return None
    n = s.copy()
    if n.fresh and n.pending is None and c.item.definite:
        n.definite = True
    if n.point_mode:
        if e.role == "cardinal":
            return n if _point_digit(n, e, c) else None
        if not n.point_digits:
            return None
        n.point_mode = False
    return n if step(n, e, c) else None


def suffix_step(s: State, e: Entry) -> State | None:
    """Letters glued to digits: a scale (200bn, 3.5M) or an ordinal suffix (25th)."""
    if s.closed or s.last != "digits" or s.group is None:
        return None
    n = s.copy()
    if e.role == "scale_suffix":
        if not _apply_scale(n, e.value, None):
            return None
        n.last = "scale"
        n.ncomp += 1
        n.closed = True
        return n
    if e.role == "ordinal_suffix" and n.group.denominator == 1 and n.group >= 0 and not n.neg:
        n.ordinal = True
        n.closed = True
        n.ncomp += 1
        n.rule = "ordinal.digits_suffix"
        return n
    return None


def digits_step(s: State, it: Item, conn: str | None, nxt: Item | None) -> State | None:
    if it.ident or s.closed:
        return None
    value, res = it.value, it.res
    assert value is not None and res is not None
    n = s.copy()
    if n.fresh and n.pending in (None, "neg"):
        if n.neg and value < 0:
            return None
        _start_group(n, value, res, "digits", _FULL)
        n.digits = True
        if it.fraction:
            n.rule = "number.fraction"
            n.closed = True
        return n
    if n.point_mode and not n.point_digits and res == 1 and value >= 0 and it.text.isdigit():
        _set_point_digits(n, it.text)  # 1 point 1, 1 فاصلة 1
        n.point_mode = False
        return n
    if (
        n.group is None
        and n.last == "scale"
        and conn == "and"
        and value > 0
        and nxt is not None
        and any(e.role == "scale" and not e.dual and e.value < (n.min_scale or 0) for e in nxt.entries)
    ):
        _start_group(n, value, res, "digits", _FULL)  # 3 مليارات و200 مليون
        n.digits = True
        return n
    if (
        n.group is None
        and n.last == "scale"
        and conn == "and"
        and res == 1
        and 0 < value < (n.min_scale or 0)
        and not (nxt is not None and any(e.role in ("scale", "scale_plural") for e in nxt.entries))
    ):
        _start_group(n, value, res, "digits", _FULL)  # 31 ألفاً و184: the units below the last scale
        n.digits = True
        n.closed = True
        return n
    return None
