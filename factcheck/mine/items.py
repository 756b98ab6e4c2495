"""Tokens prepared for the number grammar: readings of words, values of digit runs.

:func:`prepare_items` turns the tokens of a normalised text into :class:`Item` objects:

* a word gets the readings of the language of its script (Arabic letters are read by the Arabic
  lexicon, Latin letters by the English one), with its clitics split off;
* a digit run becomes one item per number in it (:func:`~factcheck.text.numerals.read_digit_run`),
  under the locale's conventions, except that the Arabic separators ٫ and ٬ always say which is
  the decimal point;
* a sign written against digits (``-5``, ``−١٫٢``) joins the number, and so does a fraction written
  with a slash (``3/4``, ``١١/١٠``) when it is not part of a date (``30/12/2022``);
* digits glued to Latin letters that are no suffix of the language (G20, COVID19, 5G, 3D) are
  marked as identifiers, not numbers.

>>> from factcheck.lang import Conventions, get_language
>>> from factcheck.text.normalize import normalize
>>> items = prepare_items(normalize("بلغ -1,5 مليار"), {"Arabic": get_language("ar")}, Conventions())
>>> [(i.kind, i.text, i.value) for i in items]
[('word', 'بلغ', None), ('num', '-1,5', Fraction(-3, 2)), ('word', 'مليار', None)]
"""

from __future__ import annotations

import dataclasses
import functools
import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from factcheck.lang import Conventions, Language
from factcheck.lang.lexicon import Entry
from factcheck.text.normalize import lookup_key
from factcheck.text.numerals import read_digit_run
from factcheck.text.offsets import NormalizedText
from factcheck.text.tokenize import token_spans

__all__ = ["Item", "Positions", "index_positions", "prepare_items", "script_of"]

_SIGN_OPENERS = set("([{«\"'“‘:=/;")
_ARABIC_SEPARATORS = Conventions(decimal=".", group=",")
_ISO_SHAPE = re.compile(r"[A-Z]{3}")
# roles that letters glued to digits may have (200bn, 25th, 10km, 42KWD, 5%)
_GLUED_AFTER = {"scale_suffix", "ordinal_suffix", "unit", "currency", "currency_qualifier", "percent"}
_GLUED_BEFORE = {"currency", "currency_qualifier"}  # USD3.14, Rs20, RM42, US$3


@functools.cache
def _iso_currencies(common: Language) -> frozenset[str]:
    """ISO 4217 codes known to CLDR (babel), less the ones that are also common words."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies()) - set(common.lexicon.not_number)


# the phrases that may start at a word: per lexicon (its language's, then the shared one), whether
# it compares case and all, and the (keys, entry) of each phrase whose first key is the word's
Phrases = tuple[tuple[bool, tuple[tuple[tuple[str, ...], Entry], ...]], ...]
# what a distinct word reads as, in the order Item takes it: lookup key, language, entries, roles,
# phrases, and the clitics found (conjunction, article, characters to skip, prefix as written)
Reading = tuple[str | None, Language | None, tuple[Entry, ...], frozenset[str], Phrases, bool, bool, int, str]
_NO_READING: Reading = (None, None, (), frozenset(), (), False, False, 0, "")


class Item:
    """A token with what the grammar needs: readings and clitics (words), value (digits).

    ``start``/``end`` are normalised offsets; ``skip`` is the number of leading clitic characters
    that are not part of a number's span (و in والرابعة).
    """

    __slots__ = (
        "_key",
        "conj",
        "definite",
        "end",
        "entries",
        "fraction",
        "ident",
        "kind",
        "lang",
        "phrases",
        "prefix",
        "res",
        "roles",
        "skip",
        "space_before",
        "start",
        "text",
        "value",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        text: str,
        space_before: bool,
        reading: Reading = _NO_READING,
        value: Fraction | None = None,
        res: Fraction | None = None,
    ) -> None:
        # each field is set once: an item is made for every token of every text
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.space_before = space_before
        self._key: str | None
        self.lang: Language | None
        self.entries: tuple[Entry, ...]
        # the roles of its readings and of the phrases that can start with it (a cheap filter)
        self.roles: frozenset[str]
        self.phrases: Phrases
        self.conj: bool
        self.definite: bool
        self.skip: int
        self.prefix: str  # the clitics written before a word (و, ب, ل ...), as found
        (
            self._key,
            self.lang,
            self.entries,
            self.roles,
            self.phrases,
            self.conj,
            self.definite,
            self.skip,
            self.prefix,
        ) = reading
        self.value = value
        self.res = res
        self.ident = False
        self.fraction = False

    @property
    def key(self) -> str:
        """The folded lookup key of the token's text (computed once)."""
        if self._key is None:
            self._key = lookup_key(self.text)
        return self._key

    def __repr__(self) -> str:
        return f"Item({self.kind}, {self.text!r})"


def script_of(ch: str) -> str | None:
    """ "Arabic", "Latin" or None for the first letter of a word."""
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


def prepare_items(
    nt: NormalizedText,
    langs: dict[str, Language],
    conv: Conventions,
    common: Language | None = None,
    start: int = 0,
    end: int | None = None,
) -> list[Item]:
    """Items for every token of ``nt.text[start:end]``; ``langs`` maps a script name to the
    language reading it and ``common`` reads the symbols and abbreviations all languages share
    ($, %, km, USD)."""
    items: list[Item] = []
    # what each distinct word reads as: news text repeats its words, so each is looked up once
    readings: dict[str, Reading] = {}
    text = nt.text
    prev_end = -1
    nums: list[int] = []  # where the digit items are
    for kind, a, b in token_spans(text, start, end):
        raw = text[a:b]
        space_before = a != prev_end
        prev_end = b
        if kind == "num":
            run_conv = _run_conventions(nt, a, raw, conv)
            parts = read_digit_run(raw, run_conv.decimal, run_conv.group)
            for s, e, value, res in parts:
                nums.append(len(items))
                items.append(Item("num", a + s, a + e, raw[s:e], space_before and s == 0, _NO_READING, value, res))
            if not parts:  # too long to be a number: a placeholder, so that no word near it reads as "one"
                items.append(Item("punct", a, b, raw, space_before))
            continue
        reading = readings.get(raw)
        if reading is None:
            reading = readings[raw] = _read(raw, kind, langs, common)
        items.append(Item(kind, a, b, raw, space_before, reading))
    # the passes below look at digit items and their neighbours only
    _mark_identifiers(items, nums)
    if _merge_signs(items, nums):
        nums = [k for k, it in enumerate(items) if it.kind == "num"]
    _merge_fractions(items, nums)
    return items


# و before a hamza-bearing alif: a conjunction, never the first letters of one word (واحد is
# written with a bare alif)
_CONJ_HAMZA = ("وأ", "وإ", "وآ")


def _read(raw: str, kind: str, langs: dict[str, Language], common: Language | None) -> Reading:
    """What one distinct token reads as (see :data:`Reading`)."""
    key = lookup_key(raw)
    lang = langs.get(script_of(raw[0]) or "") if kind == "word" else None
    found = None
    entries: tuple[Entry, ...] = ()
    if lang is not None:
        found = lang.lookup(raw) if lang.case_sensitive else lang.lookup_folded(key)
        if found is not None and not found.conj and raw[:2] in _CONJ_HAMZA:
            # "وأحد" is و + أحد: the hamza says so, though folded it reads as واحد ("one")
            rest = lang.lookup_folded(lookup_key(raw[1:]))
            if rest is not None:
                found = dataclasses.replace(rest, conj=True, skip=rest.skip + 1, prefix="و" + rest.prefix)
        if found is not None:
            entries = found.entries
    if common is not None and (lang is None or lang.script != "Arabic"):
        shared = common.lookup(raw)
        if shared is not None:
            entries = entries + shared.entries
        elif _ISO_SHAPE.fullmatch(raw) and raw in _iso_currencies(common):
            entries = (*entries, Entry("currency", raw, raw))
    roles = {e.role for e in entries}
    phrases = []
    for source in (lang, common) if lang is not None else (common,):
        if source is not None:
            candidates = source.phrases.get(raw if source.case_sensitive else key)
            if candidates:
                phrases.append((source.case_sensitive, tuple(candidates)))
                roles.update(e.role for _, e in candidates)
    reading = (key, lang, entries, frozenset(roles), tuple(phrases))
    if found is None:
        return (*reading, False, False, 0, "")
    return (*reading, found.conj, found.definite, found.skip, found.prefix)


def _roles(it: Item) -> set[str]:
    roles = {e.role for e in it.entries}
    if it.lang is not None and it.lang.suffix(it.text):
        roles.add("scale_suffix")
    return roles


def _mark_identifiers(items: list[Item], nums: list[int]) -> None:
    """Digits glued to Latin letters are identifiers (G20, COVID19, 5G), unless the letters are a
    suffix, unit or currency (200bn, 25th, 10km, USD3.14); Arabic letters before digits are clitics
    (ب25) and after them units (250مل)."""
    last = len(items) - 1
    for k in nums:
        it = items[k]
        if k and not it.space_before:
            prev = items[k - 1]
            if prev.kind == "word" and script_of(prev.text[-1]) == "Latin" and not _roles(prev) & _GLUED_BEFORE:
                it.ident = True
        if k < last:
            nxt = items[k + 1]
            glued = not nxt.space_before and nxt.kind == "word" and script_of(nxt.text[0]) == "Latin"
            if glued and not _roles(nxt) & _GLUED_AFTER:
                it.ident = True


def _merge_signs(items: list[Item], nums: list[int]) -> bool:
    """A '-' or '+' right against digits, not after a digit or a letter, is the number's sign.
    True when a sign was merged (the items have moved)."""
    signs: set[int] = set()
    for k in nums:
        it = items[k]
        if it.space_before or k == 0:
            continue
        sign = items[k - 1]
        if sign.kind != "punct" or sign.text not in ("-", "+"):
            continue
        before = items[k - 2] if k >= 2 else None
        if sign.space_before or before is None or (before.kind == "punct" and before.text in _SIGN_OPENERS):
            if sign.text == "-":
                it.value = -it.value  # type: ignore[operator]
            it.start = sign.start
            it.space_before = sign.space_before
            it.text = sign.text + it.text
            signs.add(k - 1)
    if signs:
        items[:] = [it for k, it in enumerate(items) if k not in signs]
    return bool(signs)


def _merge_fractions(items: list[Item], nums: list[int]) -> None:
    """Integer, slash, integer with nothing glued on either side: a fraction, not a date d/m/y."""
    fractions: dict[int, Item] = {}  # where a fraction starts -> the fraction (it takes 3 items)
    n = len(items)
    taken = 0  # items before this one are part of a fraction already
    for k in nums:
        if k < taken or k + 2 >= n or not _is_fraction(items, k):
            continue
        it, den = items[k], items[k + 2]
        value = it.value / den.value  # type: ignore[operator]
        res = Fraction(1, int(den.value))  # type: ignore[arg-type]
        frac = Item("num", it.start, den.end, it.text + "/" + den.text, it.space_before, _NO_READING, value, res)
        frac.ident = it.ident or den.ident
        frac.fraction = True
        fractions[k] = frac
        taken = k + 3
    if not fractions:
        return
    out: list[Item] = []
    k = 0
    while k < n:
        frac = fractions.get(k)
        if frac is None:
            out.append(items[k])
            k += 1
        else:
            out.append(frac)
            k += 3
    items[:] = out


def _is_fraction(items: list[Item], k: int) -> bool:
    it, slash, den = items[k], items[k + 1], items[k + 2]
    if it.kind != "num" or slash.kind != "punct" or slash.text != "/" or den.kind != "num":
        return False
    if slash.space_before or den.space_before or it.res != 1 or den.res != 1:
        return False
    if not den.value or den.value <= 0:
        return False
    if 1900 <= it.value <= 2100 and den.value in (it.value + 1, (it.value + 1) % 100):  # type: ignore[operator]
        return False  # 2022/23, 2022/2023: a fiscal year or a season, no fraction
    if k and items[k - 1].kind == "punct" and items[k - 1].text == "/" and not it.space_before:
        return False  # the middle of a/b/c
    return not (k + 3 < len(items) and items[k + 3].text == "/" and not items[k + 3].space_before)


@dataclass(frozen=True, slots=True)
class Positions:
    """Where things may start in a list of items, found in one pass so that the stages looking for
    one kind of word (a superlative, a multiple, a modal verb) visit those items and no others.

    ``by_role`` maps a role to the positions, in order, of the items a reading with that role can
    start at (an item's ``roles``); ``numbers`` lists the digit items.
    """

    by_role: dict[str, list[int]]
    numbers: list[int]

    def of(self, roles: Iterable[str]) -> list[int]:
        """Positions, in order and once each, where a reading with any of ``roles`` may start."""
        lists = [found for role in roles if (found := self.by_role.get(role))]
        if len(lists) <= 1:
            return lists[0] if lists else []
        out: list[int] = []
        for k in heapq.merge(*lists):
            if not out or out[-1] != k:
                out.append(k)
        return out


def index_positions(items: list[Item]) -> Positions:
    by_role: dict[str, list[int]] = {}
    numbers: list[int] = []
    for k, it in enumerate(items):
        if it.roles:
            for role in it.roles:
                found = by_role.get(role)
                if found is None:
                    by_role[role] = [k]
                else:
                    found.append(k)
        elif it.kind == "num":
            numbers.append(k)
    return Positions(by_role, numbers)
