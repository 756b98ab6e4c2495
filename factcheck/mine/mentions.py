"""find_mentions(text, lang) -> the numbers in a text, with exact spans into the original.

This is the public entry point of the number layer: it normalises the text, reads every number
phrase (:mod:`factcheck.mine.numbers`) and maps each back to the original string, so that
``mention.text == text[mention.span.start:mention.span.end]`` always holds.

It never raises because of what the text contains; it raises only for bad arguments (a language it
does not know, a value that is not a str).

>>> [(m.text, m.value, m.kind.value) for m in find_mentions("نمو بنسبة ٢٥٪ والمرتبة الثانية", lang="ar")]
[('٢٥', Decimal('25'), 'number'), ('الثانية', Decimal('2'), 'ordinal')]
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from factcheck.errors import InputError, NumeralError
from factcheck.lang import SUPPORTED, Language, get_conventions, get_language, split_tag
from factcheck.mine.numbers import NumberPhrase, find_number_phrases
from factcheck.model import Mention, MentionKind
from factcheck.text.normalize import normalize

__all__ = ["find_mentions", "languages_for", "parse_numeral", "parse_ordinal", "to_decimal"]


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


def _kind(phrase: NumberPhrase) -> MentionKind:
    return MentionKind.ORDINAL if phrase.ordinal else MentionKind.NUMBER


def find_mentions(text: str, lang: str = "auto") -> list[Mention]:
    """Every number in ``text``, in order of position, as :class:`~factcheck.model.Mention`."""
    if not isinstance(text, str):
        raise InputError(f"find_mentions() needs a str, not {type(text).__name__}")
    langs = languages_for(lang)
    conventions = get_conventions(lang)
    nt = normalize(text)
    out = []
    for phrase in find_number_phrases(nt, langs, conventions):
        span = nt.to_original(phrase.start, phrase.end)
        out.append(
            Mention(
                kind=_kind(phrase),
                span=span,
                text=text[span.start : span.end],
                value=to_decimal(phrase.value),
                low=to_decimal(phrase.low) if phrase.low is not None else None,
                high=to_decimal(phrase.high) if phrase.high is not None else None,
                unit=None,
                approx=phrase.approx,
                comparator="=",
                rule=phrase.rule,
                resolution=to_decimal(phrase.resolution),
                counted=phrase.counted,
            )
        )
    return out


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
    if mention.counted is not None:
        raise NumeralError(text, f"a counted noun: 2 {mention.counted}", "parse_numeral")
    if mention.approx:
        raise NumeralError(text, "a vague count", "parse_numeral")
    assert mention.value is not None
    return mention.value


def parse_ordinal(text: str, lang: str = "auto") -> int:
    """The value of a string that is one ordinal: "الحادي والعشرون" -> 21, "25th" -> 25.

    >>> parse_ordinal("الحادي والعشرون"), parse_ordinal("twenty-first")
    (21, 21)
    """
    mention = _whole(text, lang, "parse_ordinal")
    if mention.kind is not MentionKind.ORDINAL:
        raise NumeralError(text, "a cardinal: use parse_numeral()", "parse_ordinal")
    assert mention.value is not None
    return int(mention.value)
