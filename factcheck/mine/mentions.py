"""find_mentions(text, lang) -> the numbers in a text, with exact spans into the original.

This is the public entry point of the mention layer: it normalises the text, reads every number
phrase (:mod:`factcheck.mine.numbers`), reads the units, currencies, ranges and hedges around them
(:mod:`factcheck.mine.quantities`) and maps each back to the original string, so that
``mention.text == text[mention.span.start:mention.span.end]`` always holds.

It never raises because of what the text contains; it raises only for bad arguments (a language it
does not know, a value that is not a str).

>>> [(m.text, m.value, m.kind.value) for m in find_mentions("نمو بنسبة ٢٥٪ والمرتبة الثانية", lang="ar")]
[('٢٥٪', Decimal('25'), 'percent'), ('الثانية', Decimal('2'), 'ordinal')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from decimal import Decimal, localcontext
from fractions import Fraction

from factcheck.errors import InputError, NumeralError, UnitError
from factcheck.lang import SUPPORTED, Conventions, Language, get_common, get_conventions, get_language, split_tag
from factcheck.limits import collection_paused, with_figures
from factcheck.mine.items import Item
from factcheck.mine.numbers import analyse
from factcheck.mine.quantities import Quantity, find_quantities
from factcheck.model import Mention, MentionKind
from factcheck.text.normalize import normalize
from factcheck.text.offsets import NormalizedText
from factcheck.text.windows import windows
from factcheck.units import canonical

__all__ = [
    "checked_original",
    "find_mentions",
    "iter_mentions",
    "languages_for",
    "make_mention",
    "parse_numeral",
    "parse_ordinal",
    "to_decimal",
]


@functools.lru_cache(maxsize=4096)  # Decimals are immutable: a figure repeated is one object
@with_figures
def to_decimal(value: Fraction) -> Decimal:
    """A Fraction as a Decimal: exact when it terminates (1/4), else to 28 significant digits (1/3)."""
    num, den = value.numerator, value.denominator
    if den == 1:
        return Decimal(num)
    rest = den
    for p in (2, 5):
        while rest % p == 0:
            rest //= p
    with localcontext() as ctx:
        if rest == 1:
            ctx.prec = len(str(abs(num))) + 4 * len(str(den)) + 5
            return _plain(Decimal(num) / Decimal(den))
        ctx.prec = 28
        return Decimal(num) / Decimal(den)


def _plain(d: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1.50 -> 1.5, 100 stays 100)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def languages_for(lang: str) -> list[Language]:
    """The languages a ``lang`` argument turns on: "auto" is every supported language, each
    reading the words of its own script; "ar", "en" or a regional tag ("ar-EG") one of them."""
    if not isinstance(lang, str):
        raise InputError(f"lang must be a str, not {type(lang).__name__}")
    if lang == "auto":
        return [get_language(code) for code in SUPPORTED]
    base, _ = split_tag(lang)
    return [get_language(base)]


def _span_bounds(q: Quantity, items: list[Item]) -> tuple[int, int]:
    first = items[q.first]
    start = first.start + (first.skip if first.kind == "word" else 0)
    return start, items[q.last - 1].end


def _decimal_or_none(value: Fraction | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _canonical(q: Quantity) -> tuple[Decimal, str] | None:
    if q.kind not in ("quantity", "duration", "temperature") or q.unit is None or q.value is None or q.per:
        return None
    try:
        return canonical(q.value, q.unit)
    except UnitError:
        return None


def _original_words(items: list[Item], nt: NormalizedText, first: int, last: int) -> str:
    span = nt.to_original(items[first].start, items[last - 1].end)
    return nt.original[span.start : span.end]


def make_mention(q: Quantity, items: list[Item], nt: NormalizedText, source: str | None = None) -> Mention:
    """The mention of a quantity; its text is sliced from ``source`` (by default the text that
    ``nt`` normalises)."""
    start, end = _span_bounds(q, items)
    span = nt.to_original(start, end)
    unit = q.unit if q.per is None or q.unit is None else f"{q.unit}/{q.per}"
    return Mention(
        kind=MentionKind(q.kind),
        span=span,
        text=(nt.original if source is None else source)[span.start : span.end],
        value=_decimal_or_none(q.value),
        low=_decimal_or_none(q.low),
        high=_decimal_or_none(q.high),
        unit=unit,
        approx=q.approx,
        comparator=q.comparator,
        rule=q.rule,
        resolution=to_decimal(q.resolution),
        hedge=tuple(_original_words(items, nt, start, end) for start, end in q.hedge),
        canonical=_canonical(q),
    )


def find_mentions(text: str, lang: str = "auto", *, original: str | None = None) -> list[Mention]:
    """Every number in ``text``, in order of position, as :class:`~factcheck.model.Mention`
    (``original``: see :func:`~factcheck.mine.claims.mine_claims`)."""
    return list(iter_mentions(text, lang, original=original))


def iter_mentions(text: str, lang: str = "auto", *, original: str | None = None) -> Iterator[Mention]:
    """The mentions of :func:`find_mentions` one window of the text at a time."""
    if not isinstance(text, str):
        raise InputError(f"find_mentions() needs a str, not {type(text).__name__}")
    langs = languages_for(lang)
    conventions = get_conventions(lang)
    region = None if lang == "auto" else split_tag(lang)[1]
    source = checked_original(text, original)
    return _iter_mentions(normalize(text), source, langs, conventions, region)


def _iter_mentions(
    nt: NormalizedText, source: str, langs: list[Language], conventions: Conventions, region: str | None
) -> Iterator[Mention]:
    common = get_common()
    for window in windows(nt.text):  # a window at a time: memory stays bounded
        with collection_paused():
            items, phrases, positions = analyse(nt, langs, conventions, common, window)
            qs = find_quantities(items, phrases, region, positions)
            found = [make_mention(q, items, nt, source) for q in qs]
        yield from found


def checked_original(text: str, original: str | None) -> str:
    """The string the spans of ``text`` slice for what they report: ``original`` when given (a
    document's text, of which ``text`` is the body: the same length, so every offset is the same
    offset into it), else ``text``.  Words the miner describes (a metric, a criterion) stay as
    the body reads them."""
    if original is None:
        return text
    if not isinstance(original, str) or len(original) != len(text):
        raise InputError("original must be a str as long as the text (a document's text for its body)")
    return original


def _whole(text: str, lang: str, function: str) -> Mention:
    """The one mention that covers all of ``text`` (outer whitespace and format marks aside)."""
    if not isinstance(text, str):
        raise InputError(f"{function}() needs a str, not {type(text).__name__}")
    nt = normalize(text)
    stripped = nt.text.strip()
    if not stripped:
        raise NumeralError(text, "empty", function)
    first = len(nt.text) - len(nt.text.lstrip())
    whole = nt.to_original(first, first + len(stripped))
    mentions = find_mentions(text, lang)
    if len(mentions) != 1 or mentions[0].span != whole:
        reason = "several numbers" if len(mentions) > 1 else None
        raise NumeralError(text, reason, function)
    return mentions[0]


def parse_numeral(text: str, lang: str = "auto") -> Decimal:
    """The value of a string that is one cardinal number, in digits or words, in any script.

    Raises :class:`~factcheck.errors.NumeralError` (a ValueError) for anything else, like ``int()``.

    >>> parse_numeral("١٬٢٣٤٫٥")
    Decimal('1234.5')
    >>> parse_numeral("مائة وخمسة وعشرون")
    Decimal('125')
    >>> parse_numeral("1.234,5", lang="ar-MA")
    Decimal('1234.5')
    >>> parse_numeral("twenty-five apples")
    Traceback (most recent call last):
    ...
    factcheck.errors.NumeralError: invalid literal for parse_numeral(): 'twenty-five apples'
    """
    mention = _whole(text, lang, "parse_numeral")
    if mention.kind is MentionKind.ORDINAL:
        raise NumeralError(text, "an ordinal: use parse_ordinal()", "parse_numeral")
    if mention.kind not in (MentionKind.NUMBER, MentionKind.YEAR):
        raise NumeralError(text, f"a {mention.kind.value} amount, not a bare number", "parse_numeral")
    if mention.approx:
        raise NumeralError(text, "a vague count", "parse_numeral")
    if mention.value is None:
        raise NumeralError(text, "a range, not one number", "parse_numeral")
    return mention.value


def parse_ordinal(text: str, lang: str = "auto") -> int:
    """The value of a string that is one ordinal: "الحادي والعشرون" -> 21, "25th" -> 25.

    >>> parse_ordinal("الحادي والعشرون"), parse_ordinal("twenty-first")
    (21, 21)
    """
    mention = _whole(text, lang, "parse_ordinal")
    if mention.kind is not MentionKind.ORDINAL:
        raise NumeralError(text, "a cardinal: use parse_numeral()", "parse_ordinal")
    if mention.value is None or mention.value != mention.value.to_integral_value():
        raise NumeralError(text, "not one whole ordinal", "parse_ordinal")
    return int(mention.value)
