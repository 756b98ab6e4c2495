"""The number grammar: from prepared tokens to number phrases, in any supported language.

The grammar is written once against the *roles* a language's words play (cardinal, teen suffix,
hundred, scale, fraction, ordinal, ...; see ``factcheck/lang/README.md``).  A phrase is read left
to right by a small state machine (:class:`State`) that keeps the value in exact fractions:

* ``total`` holds what scale words have already multiplied (ثلاثة ملايين -> 3,000,000);
* ``group`` holds the part below the current scale (مئة وخمسة وعشرون -> 125), with *slots* for
  hundreds, tens and units, each filled at most once, so two numbers written side by side ("بين
  ثلاثة وخمسة", "five and six") are never added together;
* scales fall (million, then thousand) unless one multiplies the whole ("three thousand millions").

Word order is the language's: Arabic puts the unit first and joins with و (خمسة وعشرون), English
puts the tens first (twenty-five).  Digits join only with scale words and suffixes ("3 مليون",
"200bn", "1.2M", "25th"): two digit strings never merge.  The longest reading wins.

Each phrase records its *resolution*, the place value of the last digit or word written (1 for
"2022", 10**9 for "200 مليار", 0.1 for "1.5"), which later stages turn into a tolerance.

>>> from factcheck.lang import get_language
>>> [(p.value, p.ordinal) for p in find_number_phrases("خمسة وعشرون والرابعة", [get_language("ar")])]
[(Fraction(25, 1), False), (Fraction(4, 1), True)]
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from fractions import Fraction

from factcheck.lang import Conventions, Language
from factcheck.lang.lexicon import Entry
from factcheck.mine.grammar import STEP_ROLES, Ctx, State, digits_step, suffix_step, word_step
from factcheck.mine.items import Item, Positions, index_positions, prepare_items
from factcheck.text.normalize import normalize
from factcheck.text.offsets import NormalizedText
from factcheck.text.windows import readable

__all__ = ["NumberPhrase", "analyse", "find_number_phrases"]

_ONE = Fraction(1)


@dataclass(frozen=True, slots=True)
class NumberPhrase:
    """A number read from the normalised text ``[start, end)``."""

    start: int
    end: int
    value: Fraction
    resolution: Fraction
    ordinal: bool
    rule: str
    first: int = 0  # index of the first and one past the last item of the phrase
    last: int = 0
    scale: Fraction | None = None  # the last scale word applied (مليار in "200 مليار")
    counted: Entry | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    approx: bool = False


def _connector(items: list[Item], j: int, s: State, conn: str | None, after_article: bool) -> str | None:
    """If ``items[j]`` only joins parts of a number (و, and, a hyphen, an English comma after a
    scale, an article), the connector it stands for; else None."""
    it = items[j]
    nxt = items[j + 1] if j + 1 < len(items) else None
    if it.kind == "punct":
        if (
            it.text == "-"
            and conn is None
            and not it.space_before
            and nxt is not None
            and not nxt.space_before
            and nxt.kind == "word"
            and (items[j - 1].kind == "word" or any(e.role == "scale" for e in nxt.entries))
        ):
            return "hyphen"  # twenty-five, two-thirds, "a $2-billion loan"
        if (
            it.text == ","
            and conn is None
            and s.last == "scale"
            and s.lang is not None
            and s.lang.flag("comma_after_scale")
            and nxt is not None
            and nxt.kind == "word"
        ):
            return "comma"
        return None
    roles = {e.role for e in it.entries}
    if "conjunction" in roles and conn is None and not it.conj:
        return "and"
    if "article" in roles and conn in (None, "and") and not after_article and s.ncomp:
        return "article"
    return None


def _parse_at(items: list[Item], i: int) -> tuple[State, int] | None:
    """The longest complete phrase starting at ``items[i]``: its state and end index."""
    s = State()
    best: tuple[State, int] | None = None
    n = len(items)
    j = i
    conn: str | None = None
    after_article = False
    while j < n:
        it = items[j]
        if j > i:
            joined = _connector(items, j, s, conn, after_article)
            if joined == "article":
                after_article = True
                j += 1
                continue
            if joined is not None:
                conn = joined
                j += 1
                continue
            if it.kind == "punct":
                break
            if it.conj:  # a joined و: والعشرون
                if conn is not None:
                    break
                conn = "and"
        if it.kind == "word" and s.lang is not None and it.lang is not s.lang:
            break
        nxt = items[j + 1] if j + 1 < n else None
        new: State | None = None
        if it.kind == "num":
            new = digits_step(s, it, conn, nxt)
        elif it.kind == "word":
            if j > i and not it.space_before and items[j - 1].kind == "num" and it.lang is not None:
                for e in it.lang.suffix(it.text):
                    new = suffix_step(s, e)
                    if new is not None:
                        break
            if new is None:
                ctx = Ctx(it, conn, after_article, nxt)
                for e in it.entries:
                    new = word_step(s, e, ctx)
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


def find_number_phrases(
    text: NormalizedText | str,
    langs: list[Language],
    conventions: Conventions | None = None,
) -> list[NumberPhrase]:
    """Every number phrase in a text, left to right, without overlaps.

    Offsets are into the normalised text (``text.text``); a plain str is normalised first.
    """
    nt = text if isinstance(text, NormalizedText) else normalize(text)
    return analyse(nt, langs, conventions or Conventions())[1]


def analyse(
    nt: NormalizedText,
    langs: list[Language],
    conventions: Conventions,
    common: Language | None = None,
    window: tuple[int, int] | None = None,
) -> tuple[list[Item], list[NumberPhrase], Positions]:
    """The items of a normalised text (or of the ``window`` of it), its number phrases (which
    index into the items) and where each role may start among the items."""
    start, end = (0, None) if window is None else readable(nt.text, *window)  # no piece of a token cut
    items = prepare_items(nt, {lang.script: lang for lang in langs}, conventions, common, start, end)
    positions = index_positions(items)
    out: list[NumberPhrase] = []
    done = 0  # items before this one belong to a phrase already read
    for i in heapq.merge(positions.numbers, positions.of(STEP_ROLES)):
        it = items[i]
        if i < done or it.kind == "punct" or it.ident:
            continue
        if it.kind == "word" and not any(e.role in STEP_ROLES for e in it.entries):
            continue
        found = _parse_at(items, i)
        if found is not None:
            s, done = found
            out.append(_phrase(s, items, i, done))
    return items, out, positions


def _is_ordinal(s: State) -> bool:
    if s.ordinal:
        return True
    lang = s.lang
    if lang is None or not s.definite or s.digits:
        return False
    # الأحد عشر, الواحد والعشرون; التسعون
    if lang.flag("definite_compound_is_ordinal") and s.compound and s.total == 0:
        return True
    return bool(lang.flag("definite_tens_is_ordinal") and s.ncomp == 1 and s.last == "tens")


def _rule(s: State, ordinal: bool) -> str:
    if s.rule:
        return s.rule
    if ordinal:
        return "ordinal.words"
    if s.digits:
        return "number.digits_scale" if s.max_scale is not None else "number.digits"
    return "number.words"


def _phrase(s: State, items: list[Item], i: int, j: int) -> NumberPhrase:
    first, last = items[i], items[j - 1]
    ordinal = _is_ordinal(s)
    resolutions = [r for r in (s.res_total, s.res_group) if r is not None]
    resolution = _ONE if ordinal or not resolutions else min(resolutions)
    return NumberPhrase(
        start=first.start + (first.skip if first.kind == "word" else 0),
        end=last.end,
        value=s.value(),
        resolution=resolution,
        ordinal=ordinal,
        rule=_rule(s, ordinal),
        first=i,
        last=j,
        scale=s.min_scale,
        counted=s.counted,
        low=s.low,
        high=s.high,
        approx=s.low is not None,
    )
