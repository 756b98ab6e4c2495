"""normalize(text) -> NormalizedText: the only code in factcheck that changes text.

Normalisation is a per-character map (a character becomes zero, one or several characters), applied
with ``str.translate`` and recorded in an offset map so that every span found in the normalised
text can be turned back into a span of the original.  In order:

1. format and bidi controls (every character of category Cf: U+200E/F, U+061C, U+202A-E, U+2066-9,
   U+FEFF, the soft hyphen ...) are deleted; U+200B ZERO WIDTH SPACE becomes a space, since it
   separates words;
2. tatweel (U+0640) and the Arabic harakat and Quranic marks are deleted;
3. every Unicode decimal digit (Arabic-Indic, Persian, Devanagari, fullwidth ...) becomes ASCII;
4. ``٫`` becomes ``.``, ``٬`` becomes ``,`` and ``٪`` becomes ``%``; ``،`` is left alone;
5. Arabic presentation forms become the letters they stand for (NFKC, per character; ``﷼`` is read
   as "ريال"); fullwidth ASCII becomes ASCII; dashes and the minus sign become ``-``.

Letter folding (أ إ آ to ا, ى to ي, ة to ه) and case folding are NOT done here: they change what a
reader sees, so they live in :func:`lookup_key`, which only builds dictionary keys.

>>> normalize("نمو بنسبة ٢٥٫٥٪").text
'نمو بنسبة 25.5%'
>>> normalize("مـلـيـار").text
'مليار'
>>> lookup_key("إثنى") == lookup_key("اثني")
True
"""

from __future__ import annotations

import unicodedata

import regex

from factcheck.errors import InputError
from factcheck.limits import guarded
from factcheck.text.offsets import NormalizedText

__all__ = ["fold", "lookup_key", "normalize"]

# Characters whose replacement can have a length other than one all match this class: format
# controls, tatweel, Arabic marks and the presentation-form blocks.  The offset map is built from
# the matches only, so text without any of them costs a single translate() call.
_CHANGING = regex.compile(
    r"[\p{Cf}\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"
)
_FORMAT = regex.compile(r"\p{Cf}")
_ARABIC_MARK_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x08D3, 0x08FF),
)
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))

_FIXED: dict[int, str | None] = {
    0x200B: " ",  # zero width space separates words
    0x0640: None,  # tatweel
    0x066B: ".",  # ARABIC DECIMAL SEPARATOR
    0x066C: ",",  # ARABIC THOUSANDS SEPARATOR
    0x066A: "%",  # ARABIC PERCENT SIGN
    0xFDFC: "ريال",  # RIAL SIGN: NFKC would give a Farsi yeh
}
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D):
    _FIXED[_cp] = "-"


def _in_ranges(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def _map_char(ch: str) -> str | None:
    """The replacement of one character; ``None`` deletes it.  Pure, cached by ``_Table``."""
    cp = ord(ch)
    if cp in _FIXED:
        return _FIXED[cp]
    if _FORMAT.match(ch):
        return None
    category = unicodedata.category(ch)
    if category == "Mn" and _in_ranges(cp, _ARABIC_MARK_RANGES):
        return None
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return str(digit)
    if _in_ranges(cp, _PRESENTATION_RANGES) or 0xFF01 <= cp <= 0xFF5E:
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:
            return ch
        # the decomposition may itself contain marks or tatweel: normalise it too (idempotence)
        return "".join(part for c in decomposed if (part := _map_char(c)) is not None)
    return ch


class _Table(dict[int, "str | int | None"]):
    """A translate() table that fills itself on first sight of each code point.

    Building the full table up front means scanning all of Unicode (~0.1 s) at start-up; this
    way only the characters a text contains are ever looked at.  Astral code points are not
    cached, so hostile text cannot grow the table past the BMP.
    """

    def __missing__(self, cp: int) -> str | int | None:
        mapped = _map_char(chr(cp))
        value: str | int | None = cp if mapped == chr(cp) else mapped
        if cp < 0x10000:
            self[cp] = value
        return value


_TABLE = _Table()


def replacement(ch: str) -> str:
    """What normalisation turns the single character ``ch`` into ("" when it is deleted)."""
    mapped = _TABLE[ord(ch)]
    if mapped is None:
        return ""
    if isinstance(mapped, int):
        return chr(mapped)
    return mapped


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` (any ``str``, lone surrogates included) and keep the map back to it."""
    if not isinstance(text, str):
        raise InputError(f"normalize() needs a str, not {type(text).__name__}")
    norm = text.translate(_TABLE)
    nstarts = [0]
    ostarts = [0]
    expand = [False]
    n = 0  # normalised length produced so far
    prev = 0  # original index up to which the current copy segment runs
    with guarded(len(text), "normalising the text") as seconds:
        for m in _CHANGING.finditer(text, timeout=seconds):
            o = m.start()
            rep = replacement(text[o])
            if len(rep) == 1:
                continue
            n += o - prev
            if rep:  # one original character becomes several normalised ones
                if nstarts[-1] == n:  # the open copy segment is still empty: reuse its slot
                    ostarts[-1], expand[-1] = o, True
                else:
                    nstarts.append(n)
                    ostarts.append(o)
                    expand.append(True)
                n += len(rep)
                nstarts.append(n)
                ostarts.append(o + 1)
                expand.append(False)
            elif nstarts[-1] == n and not expand[-1]:
                ostarts[-1] = o + 1  # deletion right at the start of the open copy segment
            else:
                nstarts.append(n)
                ostarts.append(o + 1)
                expand.append(False)
            prev = o + 1
    n += len(text) - prev
    if n != len(norm):  # pragma: no cover - guarded by the property tests
        raise AssertionError("offset map out of step with the normalised text")
    return NormalizedText(text, norm, tuple(nstarts), tuple(ostarts), tuple(expand))


_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",  # Farsi yeh, common in Arabic typed on Persian keyboards
        "ک": "ك",  # keheh
        "ۀ": "ه",
        "ە": "ه",
    }
)


def fold(word: str) -> str:
    """Fold Arabic letter variants (no case folding, same length as ``word``)."""
    return word.translate(_FOLD)


def lookup_key(word: str) -> str:
    """The dictionary key of a word: lower case and Arabic letter variants folded.

    Lexicon keys and text tokens both go through this one function, so they always agree.
    """
    return word.lower().translate(_FOLD)
