"""The number grammar: from tokens to number phrases, in any supported language.

The grammar is written once against the *roles* a language's words play (cardinal, teen suffix,
hundred, scale, fraction, ordinal, ...; see ``factcheck/lang/README.md``).  A phrase is read left
to right by a small state machine (:class:`_State`) that keeps the value so far in exact
fractions:

* ``total`` holds what scale words have already multiplied (ثلاثة ملايين -> 3,000,000);
* ``group`` holds the part below the current scale (مئة وخمسة وعشرون -> 125), with *slots* for
  hundreds, tens and units, each filled at most once, so two numbers written side by side ("بين
  ثلاثة وخمسة", "five and six") are never added together;
* scales must fall (million, then thousand) unless one multiplies the whole ("three thousand
  millions").

Word order is the language's: Arabic puts the unit first and joins with و (خمسة وعشرون), English
puts the tens first (twenty-five).  Digits join only with scale words and suffixes ("3 مليون",
"$200bn" -> 200bn, "1.2M", "25th"): two digit strings never merge.  The longest reading wins.

Each phrase records its *resolution*: the place value of the last digit or word written (1 for
"2022", 10**9 for "200 مليار", 0.1 for "1.5"), which later stages turn into a tolerance.

>>> from factcheck.lang import get_language
>>> [(p.value, p.ordinal) for p in find_number_phrases("خمسة وعشرون والرابعة", [get_language("ar")])]
[(Fraction(25, 1), False), (Fraction(4, 1), True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from factcheck.lang import Conventions, Language
from factcheck.lang.lexicon import Entry
from factcheck.text.normalize import normalize
from factcheck.text.numerals import read_digit_run
from factcheck.text.offsets import NormalizedText
from factcheck.text.tokenize import tokenize

__all__ = ["NumberPhrase", "find_number_phrases"]

_H, _T, _U = 1, 2, 4
_FULL = _H | _T | _U
_SIGN_OPENERS = set("([{«\"'“‘:=/;")
_ARABIC_SEPARATORS = Conventions(decimal=".", group=",")


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """A number read from the normalised text ``[start, end)``."""

    start: int
    end: int
    value: Fraction
    resolution: Fraction
    ordinal: bool
    rule: str
    counted: str | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    approx: bool = False


class _Item:
    """A token prepared for the grammar: its readings, clitics and, for digits, its value."""

    __slots__ = (
        "conj",
        "definite",
        "end",
        "entries",
        "ident",
        "kind",
        "lang",
        "res",
        "skip",
        "space_before",
        "start",
        "text",
        "value",
    )

    def __init__(self, kind: str, start: int, end: int, text: str, space_before: bool) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.space_before = space_before
        self.entries: tuple[Entry, ...] = ()
        self.lang: Language | None = None
        self.conj = False
        self.definite = False
        self.skip = 0
        self.value: Fraction | None = None
        self.res: Fraction | None = None
        self.ident = False  # digits glued to letters: an identifier such as G20 or 5G

    def __repr__(self) -> str:
        return f"_Item({self.kind}, {self.text!r})"


def _script(ch: str) -> str | None:
    cp = ord(ch)
    if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFF:
        return "Arabic"
    if cp < 0x250:
        return "Latin"
    return None


def _run_conventions(nt: NormalizedText, start: int, raw: str, conv: Conventions) -> Conventions:
    """The Arabic separators ٫ and ٬ say which is which whatever the locale: 1٬234٫5."""
    if conv.decimal == "." or not any(ch in ".," for ch in raw):
        return conv
    original = nt.original
    for k, ch in enumerate(raw):
        if ch in ".," and original[nt.start_of(start + k)] in "٫٬":
            return _ARABIC_SEPARATORS
    return conv


def _prepare(nt: NormalizedText, langs: dict[str, Language], conv: Conventions) -> list[_Item]:
    items: list[_Item] = []
    for tok in tokenize(nt.text):
        if tok.kind == "num":
            run_conv = _run_conventions(nt, tok.start, tok.text, conv)
            for s, e, value, res in read_digit_run(tok.text, run_conv.decimal, run_conv.group):
                it = _Item("num", tok.start + s, tok.start + e, tok.text[s:e] if s or e != len(tok.text) else tok.text,
                           tok.space_before if s == 0 else False)
                it.value = value
                it.res = res
                items.append(it)
            continue
        it = _Item(tok.kind, tok.start, tok.end, tok.text, tok.space_before)
        if tok.kind == "word":
            lang = langs.get(_script(tok.text[0]) or "")
            if lang is not None:
                it.lang = lang
                found = lang.lookup(tok.text)
                if found is not None:
                    it.entries = found.entries
                    it.conj = found.conj
                    it.definite = found.definite
                    it.skip = found.skip
        items.append(it)
    _merge_signs_and_fractions(items)
    return items


def _merge_signs_and_fractions(items: list[_Item]) -> None:
    """Signs written against digits (-5, −1.2) and digit fractions (3/4, ١١/١٠), in place."""
    n = len(items)
    drop: set[int] = set()
    for k, it in enumerate(items):
        if it.kind != "num":
            continue
        prev = items[k - 1] if k else None
        nxt = items[k + 1] if k + 1 < n else None
        # digits glued to letters on either side are identifiers (G20, COVID19, 5G), unless the
        # letters are a suffix of the number's language (200bn, 25th) or Arabic clitics (ب25)
        if prev is not None and not it.space_before and prev.kind == "word" and _script(prev.text[-1]) == "Latin":
            it.ident = True
        if nxt is not None and not nxt.space_before and nxt.kind == "word" and _script(nxt.text[0]) == "Latin":
            lang = nxt.lang
            if lang is None or not lang.suffix(nxt.text):
                it.ident = True
        # a sign: '-' or '+' right against the digits, not after a digit or a letter
        if prev is not None and prev.kind == "punct" and prev.text in "-+" and not it.space_before and k - 1 not in drop:
            before = items[k - 2] if k >= 2 else None
            if (
                prev.space_before
                or before is None
                or (before.kind == "punct" and before.text in _SIGN_OPENERS)
            ):
                if prev.text == "-":
                    it.value = -it.value  # type: ignore[operator]
                it.start = prev.start
                it.space_before = prev.space_before
                it.text = prev.text + it.text
                drop.add(k - 1)
    if drop:
        items[:] = [it for k, it in enumerate(items) if k not in drop]
    # fractions a/b: integer, slash, integer, nothing glued on either side (not a date d/m/y)
    n = len(items)
    k = 0
    out: list[_Item] = []
    while k < n:
        it = items[k]
        if (
            it.kind == "num"
            and k + 2 < n
            and items[k + 1].kind == "punct"
            and items[k + 1].text == "/"
            and items[k + 2].kind == "num"
            and not items[k + 1].space_before
            and not items[k + 2].space_before
            and it.res == 1
            and items[k + 2].res == 1
            and items[k + 2].value
            and items[k + 2].value > 0  # type: ignore[operator]
            and not (out and out[-1].kind == "punct" and out[-1].text == "/" and not it.space_before)
            and not (k + 3 < n and items[k + 3].text == "/" and not items[k + 3].space_before)
        ):
            den = items[k + 2]
            frac = _Item("num", it.start, den.end, it.text + "/" + den.text, it.space_before)
            frac.value = it.value / den.value  # type: ignore[operator]
            frac.res = Fraction(1, int(den.value))  # type: ignore[arg-type]
            frac.ident = it.ident or den.ident
            frac.lang = "fraction"  # type: ignore[assignment]  # marks the rule
            out.append(frac)
            k += 3
            continue
        out.append(it)
        k += 1
    items[:] = out


class _State:
    __slots__ = (
        "article",
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
        "suffix",
        "total",
        "unit_adj",
        "weak",
    )

    def __init__(self) -> None:
        self.total = Fraction(0)
        self.group: Fraction | None = None
        self.slots = 0
        self.unit_adj = False
        self.min_scale: Fraction | None = None
        self.max_scale: Fraction | None = None
        self.res_total: Fraction | None = None
        self.res_group: Fraction | None = None
        self.ncomp = 0
        self.neg = False
        self.ordinal = False
        self.closed = False
        self.pending: str | None = None
        self.article = False
        self.last: str | None = None
        self.lang: Language | None = None
        self.definite = False
        self.weak = False
        self.compound = False
        self.counted: str | None = None
        self.low: Fraction | None = None
        self.high: Fraction | None = None
        self.point_mode = False
        self.point_int = Fraction(0)
        self.point_digits = ""
        self.digits = False
        self.suffix = False
        self.rule = ""

    def copy(self) -> _State:
        new = _State.__new__(_State)
        for name in _State.__slots__:
            setattr(new, name, getattr(self, name))
        return new

    @property
    def started(self) -> bool:
        return self.ncomp > 0 or self.pending is not None

    def fresh(self) -> bool:
        """Nothing of value read yet (perhaps a sign or an article)."""
        return self.ncomp == 0

    def complete(self) -> bool:
        if self.ncomp == 0 or self.pending is not None or self.weak:
            return False
        if self.point_mode and not self.point_digits:
            return False
        return not (self.definite and self.ncomp == 1 and self.last in ("hundred", "fraction"))


def _slots_of(v: Fraction) -> int:
    if v >= 100:
        return _H
    if v < 10:
        return _U
    if v < 20:
        return _T | _U
    return _T if v % 10 == 0 else _T | _U


def _cardinal_label(v: Fraction) -> str:
    return "tens" if 20 <= v < 100 and v % 10 == 0 else "cardinal"


def _new_group(s: _State, v: Fraction, res: Fraction, last: str) -> None:
    s.group = v
    s.res_group = res
    s.slots = _slots_of(v)
    s.last = last
    s.ncomp += 1


def _apply_scale(s: _State, scale: Fraction, conn: str | None) -> bool:
    """Multiply the count before a scale word and add it to the total."""
    if s.group is not None:
        if s.min_scale is not None and scale >= s.min_scale:
            return False
        s.total += s.group * scale
        res = (s.res_group or Fraction(1)) * scale
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
        s.res_total = (s.res_total or Fraction(1)) * scale
        s.min_scale = (s.min_scale or Fraction(1)) * scale
        s.max_scale = s.max_scale * scale
        return True
    return False


def _step(s: _State, e: Entry, it: _Item, conn: str | None, after_article: bool, nxt: _Item | None) -> _State | None:
    """The state after reading ``it`` as ``e``, or None when the phrase cannot go on this way."""
    role = e.role
    lang = it.lang
    if s.closed:
        return None
    if after_article and role not in ("fraction", "scale"):
        return None
    n = s.copy()
    first = n.fresh()
    if first and n.pending not in (None, "neg", "article"):
        return None
    if role == "negative":
        if n.started:
            return None
        n.neg = True
        n.pending = "neg"
        return n
    if role == "article":
        if n.started:
            return None
        n.pending = "article"
        n.article = True
        return n
    if first and it.definite:
        n.definite = True
    article = n.pending == "article"
    if role != "decimal_point" and n.point_mode:
        # digits after "point" / "فاصلة"
        if role != "cardinal" or conn not in (None, "and", "hyphen"):
            n.point_mode = False if n.point_digits else n.point_mode
            if not n.point_digits:
                return None
            n.point_mode = False
        else:
            v = int(e.value)
            d = n.point_digits
            if v < 10 and conn is None:
                d += str(v)
            elif conn in ("and", "hyphen") and len(d) >= 1 and 20 <= v < 100 and v % 10 == 0 and conn == "and":
                d = d[:-1] + str(v + int(d[-1]))  # فاصلة خمسة وعشرون = .25
            elif conn == "hyphen" and d and d[-1] == "0" and v < 10:
                d = d[:-1] + str(v)  # point seventy-seven
            elif not d and 10 <= v < 100 and conn is None:
                d = str(v)
            else:
                return None
            n.point_digits = d
            scale = 10 ** len(d)
            n.group = n.point_int + Fraction(int(d), scale)
            n.res_group = Fraction(1, scale)
            n.slots = _FULL
            n.last = "point_digits"
            n.pending = None
            return n
    if role == "cardinal":
        v = e.value
        if first and not article:
            n.pending = None
            _new_group(n, v, Fraction(1), _cardinal_label(v))
            n.weak = e.compound_only
            n.unit_adj = v < 10
            return n
        if n.group is not None and n.last in ("cardinal", "tens", "hundred", "hundreds", "teen", "ordinal") and lang is not None:
            if not _join_in_group(n, v, conn, lang):
                return None
            n.weak = False
            n.ncomp += 1
            return n
        if n.group is None and n.last == "scale" and conn in (None, "and", "comma") and v < 100:
            _new_group(n, v, Fraction(1), _cardinal_label(v))
            n.unit_adj = v < 10
            n.weak = e.compound_only
            return n
        return None
    if role == "teen_suffix":
        if not n.unit_adj or conn is not None or n.group is None:
            return None
        n.group += 10
        n.slots |= _T
        n.unit_adj = False
        n.weak = False
        n.compound = True
        n.last = "teen"
        n.ncomp += 1
        return n
    if role == "hundred":
        if first or article:
            n.pending = None
            _new_group(n, Fraction(100), Fraction(1), "hundred")
            n.slots = _H
            return n
        if n.group is not None and conn is None and n.last in ("cardinal", "tens", "teen") and (
            n.slots == _U or (lang is not None and lang.flag("teen_hundreds") and n.slots & _T and n.group < 100)
        ):
            n.group *= 100
            n.slots = _H
            n.last = "hundred"
            n.unit_adj = False
            n.weak = False
            n.ncomp += 1
            return n
        if n.group is None and n.last == "scale" and conn in ("and", "comma", None):
            _new_group(n, Fraction(100), Fraction(1), "hundred")
            return n
        return None
    if role == "hundreds":
        v = e.value
        if first and not article:
            n.pending = None
            _new_group(n, v, Fraction(1), "hundreds")
            n.weak = e.compound_only
            return n
        if n.group is None and n.last == "scale" and conn in ("and", "comma", None):
            _new_group(n, v, Fraction(1), "hundreds")
            n.weak = e.compound_only
            return n
        return None
    if role == "scale":
        scale = e.value
        if e.dual:
            if article:
                return None
            if first:
                n.rule = "number.dual_scale"
            elif not (n.group is None and n.last == "scale" and conn == "and" and scale < (n.min_scale or 0)):
                return None  # a dual after a larger scale: مليون وألفان
            n.pending = None
            n.total += 2 * scale
            n.res_total = scale if n.res_total is None else min(n.res_total, scale)
            n.min_scale = scale
            n.max_scale = max(n.max_scale or scale, scale)
            n.last = "scale"
            n.ncomp += 1
            return n
        if n.weak:
            return None
        if first or article:
            if e.after_count or e.plural:
                return None
            if first and not article and lang is not None and lang.code == "en":
                return None  # bare "million": English says "a million" or "one million"
            n.pending = None
            n.group = Fraction(1)
            n.res_group = Fraction(1)
            n.ncomp += 1
        elif e.plural and n.group is None and n.total == 0:
            return None
        elif n.group is None and n.last == "scale" and conn in ("and", "comma") and not (e.plural or e.after_count):
            n.group = Fraction(1)  # a lone scale after a larger one: ثلاثة ملايين وألف
            n.res_group = Fraction(1)
        if after_article and n.last != "fraction":
            return None
        if not _apply_scale(n, scale, conn):
            return None
        n.last = "scale"
        n.unit_adj = False
        n.ncomp += 1
        return n
    if role == "multiplier":
        if article and not e.plural:
            n.pending = None
            _new_group(n, e.value, Fraction(1), "multiplier")
            n.slots = _FULL
            n.closed = True
            return n
        if n.group is not None and conn is None and not first and n.last in (
            "cardinal", "tens", "teen", "hundred", "hundreds", "digits"
        ):
            n.group *= e.value
            n.slots = _FULL
            n.last = "multiplier"
            n.ncomp += 1
            n.closed = True
            return n
        return None
    if role == "fraction":
        f = e.value
        if article:
            n.pending = None
            _new_group(n, f, f, "fraction")
            n.slots = _FULL
            return n
        if first:
            if e.needs_count:
                return None
            n.pending = None
            _new_group(n, f, f, "fraction")
            n.slots = _FULL
            return n
        if conn == "and":
            if n.group is not None and n.last in ("cardinal", "tens", "teen", "hundred", "hundreds", "digits"):
                if n.last == "digits" and n.res_group != 1:
                    return None
                n.group += f
                n.res_group = min(n.res_group or f, f)
                n.slots = _FULL
                n.last = "fraction_add"
                n.ncomp += 1
                return n
            if n.group is None and n.last == "scale" and n.min_scale is not None:
                n.total += f * n.min_scale
                n.res_total = f * n.min_scale
                n.last = "fraction_add"
                n.ncomp += 1
                n.closed = True
                return n
        return None
    if role == "fraction_denominator":
        f = e.value
        if article and e.singular and nxt is not None and nxt.kind == "word" and nxt.text.lower() == "of":
            n.pending = None
            _new_group(n, f, f, "fraction")
            n.slots = _FULL
            return n
        if not first and conn is None and n.group is not None and n.last in ("cardinal", "teen", "tens") and (
            n.group == 1 if e.singular else n.group >= 2
        ):
            n.group *= f
            n.res_group = f
            n.slots = _FULL
            n.last = "fraction"
            n.ncomp += 1
            return n
        return None
    if role == "decimal_point":
        if first and not article:
            n.pending = "point"
            n.point_mode = True
            n.point_int = Fraction(0)
            n.point_digits = ""
            n.ncomp += 1
            n.group = Fraction(0)
            n.slots = _FULL
            n.last = "point"
            return n
        if n.group is not None and conn is None and n.group.denominator == 1 and n.last in (
            "cardinal", "tens", "teen", "hundred", "hundreds", "digits"
        ):
            n.pending = "point"
            n.point_mode = True
            n.point_int = n.group
            n.point_digits = ""
            n.last = "point"
            return n
        return None
    if role == "pair":
        if not article:
            return None
        n.pending = None
        _new_group(n, e.value, Fraction(1), "pair")
        n.slots = _FULL
        n.closed = True
        return n
    if role == "vague":
        if not (first or article):
            return None
        n.pending = None
        _new_group(n, e.value, Fraction(1), "vague")
        n.low, n.high = e.low, e.high
        n.closed = True
        n.rule = "number.vague"
        return n
    if role == "ordinal":
        o = e.value
        if lang is None:
            return None
        english = lang.flag("tens_order") == "tens-unit"
        if first and not article:
            n.pending = None
            _new_group(n, o, Fraction(1), "ordinal")
            n.ordinal = True
            n.weak = e.compound_only
            n.unit_adj = o < 10 and conn is None
            if english:
                n.closed = True
            return n
        if english:
            if n.group is not None and n.slots == _T and o < 10 and conn in (None, "hyphen") and n.last == "tens":
                n.group += o
            elif o < 100 and conn in (None, "and") and (
                (n.group is not None and n.slots == _H) or (n.group is None and n.last == "scale")
            ):
                n.group = (n.group or 0) + o
                n.res_group = Fraction(1)
            else:
                return None
            n.ordinal = True
            n.closed = True
            n.last = "ordinal"
            n.ncomp += 1
            return n
        # Arabic: المئة والخامسة والعشرون
        if o < 10 and conn == "and" and n.group is not None and n.slots == _H:
            n.group += o
            n.slots |= _U
            n.ordinal = True
            n.last = "ordinal"
            n.weak = False
            n.ncomp += 1
            return n
        return None
    if role == "counted_noun":
        if not e.dual or not first or article:
            return None
        n.pending = None
        _new_group(n, Fraction(2), Fraction(1), "dual")
        n.counted = e.value
        n.closed = True
        n.rule = "number.dual_noun"
        return n
    return None


def _join_in_group(n: _State, v: Fraction, conn: str | None, lang: Language) -> bool:
    """Add a cardinal word to the group below the current scale, in the language's word order."""
    slots = _slots_of(v)
    if v >= 100 or v == 0:
        return False
    english = lang.flag("tens_order") == "tens-unit"
    group = n.group
    assert group is not None
    if n.slots == _H or n.slots == _H | _U and not english and slots == _T:
        # after the hundreds: مئة وخمسة, one hundred and five, متين تلاتة (eg, no و)
        if n.slots & slots:
            return False
        if conn not in (None, "and"):
            return False
        if n.slots == _H | _U and conn != "and":
            return False
        n.group = group + v
        n.slots |= slots
        n.last = "tens" if slots == _T else "cardinal"
        n.unit_adj = slots == _U and not english
        if n.slots & _T and slots == _T and n.slots & _U:
            n.compound = True
        return True
    if english:
        if n.slots & _T and not n.slots & _U and slots == _U and conn in (None, "hyphen") and n.last == "tens":
            n.group = group + v
            n.slots |= _U
            n.last = "cardinal"
            return True
        if (
            lang.flag("hundreds_shorthand")
            and n.slots == _U
            and n.ncomp == 1
            and slots & _T
            and v >= 20
            and conn is None
            and group >= 1
        ):
            n.group = group * 100 + v  # "one twenty two"
            n.slots = _H | slots
            n.last = "tens" if slots == _T else "cardinal"
            return True
        return False
    # Arabic: the unit first, then و and the tens (خمسة وعشرون)
    if n.slots in (_U, _H | _U) and slots == _T and v >= 20 and conn == "and":
        n.group = group + v
        n.slots |= _T
        n.last = "tens"
        n.unit_adj = False
        n.compound = True
        return True
    return False


def _suffix_step(s: _State, e: Entry) -> _State | None:
    """Letters glued to digits: a scale (200bn, 3.5M) or an ordinal suffix (25th)."""
    if s.closed or s.last not in ("digits",) or s.group is None:
        return None
    n = s.copy()
    if e.role == "scale_suffix":
        if not _apply_scale(n, e.value, None):
            return None
        n.last = "scale"
        n.ncomp += 1
        n.closed = True
        n.suffix = True
        return n
    if e.role == "ordinal_suffix" and n.group.denominator == 1 and n.group >= 0 and not n.neg:
        n.ordinal = True
        n.closed = True
        n.ncomp += 1
        n.rule = "ordinal.digits_suffix"
        return n
    return None


def _parse_at(items: list[_Item], i: int) -> tuple[_State, int] | None:
    s = _State()
    best: tuple[_State, int] | None = None
    j = i
    n = len(items)
    conn: str | None = None
    after_article = False
    while j < n:
        it = items[j]
        nxt = items[j + 1] if j + 1 < n else None
        if j > i:
            if it.kind == "punct":
                if (
                    it.text == "-"
                    and conn is None
                    and not it.space_before
                    and nxt is not None
                    and not nxt.space_before
                    and nxt.kind == "word"
                    and items[j - 1].kind == "word"
                ):
                    conn = "hyphen"
                    j += 1
                    continue
                if (
                    it.text == ","
                    and conn is None
                    and s.last == "scale"
                    and s.lang is not None
                    and s.lang.flag("comma_after_scale")
                    and nxt is not None
                    and nxt.kind == "word"
                ):
                    conn = "comma"
                    j += 1
                    continue
                break
            roles = {e.role for e in it.entries}
            if "conjunction" in roles and conn is None and not it.conj:
                conn = "and"
                j += 1
                continue
            if "article" in roles and conn in (None, "and") and not after_article and s.ncomp:
                after_article = True
                j += 1
                continue
            if it.conj:
                if conn is not None:
                    break
                conn = "and"
        elif it.kind == "punct":
            return None
        if it.kind == "word" and s.lang is not None and it.lang is not s.lang:
            break
        new: _State | None = None
        if it.kind == "num":
            new = _digits_step(s, it, conn, j > i, nxt)
        elif it.kind == "word":
            if not it.space_before and j > i and items[j - 1].kind == "num" and it.lang is not None:
                for e in it.lang.suffix(it.text):
                    new = _suffix_step(s, e)
                    if new is not None:
                        break
            if new is None:
                for e in it.entries:
                    new = _step(s, e, it, conn, after_article, nxt)
                    if new is not None:
                        break
        if new is None:
            break
        if new.lang is None and it.kind == "word":
            new.lang = it.lang
        s = new
        conn = None
        after_article = False
        j += 1
        if s.complete():
            best = (s, j)
        if s.closed:
            break
    return best


def _digits_step(s: _State, it: _Item, conn: str | None, inside: bool, nxt: _Item | None) -> _State | None:
    if it.ident or s.closed:
        return None
    value, res = it.value, it.res
    assert value is not None and res is not None
    n = s.copy()
    if n.fresh() and n.pending in (None, "neg"):
        if n.neg and value < 0:
            return None
        n.pending = None
        _new_group(n, value, res, "digits")
        n.slots = _FULL
        n.digits = True
        if it.lang == "fraction":  # type: ignore[comparison-overlap]
            n.rule = "number.fraction"
            n.closed = True
        return n
    if n.point_mode and not n.point_digits and res == 1 and value >= 0 and it.text.isdigit():
        d = it.text
        scale = 10 ** len(d)
        n.group = n.point_int + Fraction(int(d), scale)
        n.res_group = Fraction(1, scale)
        n.point_digits = d
        n.point_mode = False
        n.pending = None
        n.slots = _FULL
        n.last = "point_digits"
        return n
    if (
        n.group is None
        and n.last == "scale"
        and conn == "and"
        and nxt is not None
        and any(e.role == "scale" and not e.dual and (n.min_scale is None or e.value < n.min_scale) for e in nxt.entries)
        and value > 0
    ):
        # 3 مليارات و200 مليون
        _new_group(n, value, res, "digits")
        n.slots = _FULL
        n.digits = True
        return n
    return None


def _rule(s: _State, ordinal: bool) -> str:
    if s.rule:
        return s.rule
    if ordinal:
        return "ordinal.words"
    if s.digits:
        if s.max_scale is not None:
            return "number.digits_scale"
        return "number.digits"
    return "number.words"


def find_number_phrases(
    text: NormalizedText | str,
    langs: list[Language],
    conventions: Conventions | None = None,
) -> list[NumberPhrase]:
    """Every number phrase in a text, left to right, without overlaps.

    Offsets are into the normalised text (``text.text``); a plain str is normalised first.
    """
    nt = text if isinstance(text, NormalizedText) else normalize(text)
    by_script = {lang.script: lang for lang in langs}
    items = _prepare(nt, by_script, conventions or Conventions())
    out: list[NumberPhrase] = []
    i = 0
    n = len(items)
    while i < n:
        it = items[i]
        if it.kind == "punct" or (it.kind == "word" and not it.entries) or it.ident:
            i += 1
            continue
        found = _parse_at(items, i)
        if found is None:
            i += 1
            continue
        s, j = found
        out.append(_phrase(s, items[i], items[j - 1]))
        i = j
    return out


def _phrase(s: _State, first: _Item, last: _Item) -> NumberPhrase:
    value = s.total + (s.group if s.group is not None else 0)
    if s.neg:
        value = -value
    lang = s.lang
    ordinal = s.ordinal
    if not ordinal and lang is not None and s.definite and not s.digits:
        if lang.flag("definite_compound_is_ordinal") and s.compound and s.total == 0:
            ordinal = True
        elif lang.flag("definite_tens_is_ordinal") and s.ncomp == 1 and s.last == "tens":
            ordinal = True
    resolutions = [r for r in (s.res_total, s.res_group) if r is not None]
    resolution = min(resolutions) if resolutions else Fraction(1)
    if ordinal:
        resolution = Fraction(1)
    return NumberPhrase(
        start=first.start + (first.skip if first.kind == "word" else 0),
        end=last.end,
        value=value,
        resolution=resolution,
        ordinal=ordinal,
        rule=_rule(s, ordinal),
        counted=s.counted,
        low=s.low,
        high=s.high,
        approx=s.low is not None,
    )
