"""Languages: their word lists, the forms the grammar derives from them, and number conventions.

``get_language("ar")`` returns the cached :class:`Language`.  A language answers one question for
the grammar, :meth:`Language.lookup`: what can this word be?  It knows the words of its lexicon
plus the forms its hooks derive (Arabic duals and clitics, English concatenated compounds).

Language codes are BCP-47.  The region of a tag such as ``ar-MA`` selects the digit grouping and
decimal convention of that locale, read from CLDR through babel (``1.234,5`` in Morocco).

>>> ar = get_language("ar")
>>> hit = ar.lookup("والرابعة")
>>> (hit.conj, hit.definite, [e.role for e in hit.entries])
(True, True, ['ordinal'])
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import UnknownLanguageError
from factcheck.lang.lexicon import Entry, Lexicon, load_lexicon, token_key

__all__ = [
    "SUPPORTED",
    "Conventions",
    "Language",
    "Lookup",
    "canonical_tag",
    "get_common",
    "get_conventions",
    "get_language",
    "split_tag",
]

SUPPORTED = ("ar", "en")


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a word can be.  ``skip`` is how many leading characters (clitics) are not part of the
    number's span; ``conj`` is True when a conjunction clitic (و) was split off, ``definite`` when
    the article was."""

    entries: tuple[Entry, ...]
    lang: str
    conj: bool = False
    definite: bool = False
    skip: int = 0
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class Conventions:
    """How digits are grouped and where the decimal point is, for one locale."""

    decimal: str = "."
    group: str = ","


class Language:
    """A supported language: its lexicon, derived forms and grammar flags."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.code = lexicon.lang
        self.lexicon = lexicon
        self.meta: dict[str, Any] = lexicon.meta
        self.script: str = lexicon.meta.get("script", "Latin")
        self.case_sensitive = bool(lexicon.meta.get("case_sensitive", False))
        self.suffixes = lexicon.suffixes
        self._forms: dict[str, Lookup] = self._build_forms()
        self.phrases = self._build_phrases()

    def flag(self, name: str) -> Any:
        return self.meta.get(name, False)

    def _build_forms(self) -> dict[str, Lookup]:
        entries: dict[str, list[Entry]] = {k: list(v) for k, v in self.lexicon.entries.items()}
        hooks = _hooks(self.code)
        for key, extra in hooks.derived_entries(self.lexicon).items():
            entries.setdefault(key, []).extend(extra)
        forms: dict[str, Lookup] = {key: Lookup(tuple(v), self.code) for key, v in entries.items()}
        prefixes = hooks.prefixes(self.meta)
        # words that look like numbers but are not win over derived clitic readings
        blocked = set(self.lexicon.not_number)
        for prefix, _conj, definite, _skip in prefixes:
            if definite:
                continue
            for key in self.lexicon.not_number:
                blocked.add(self.key(prefix) + key)
        for prefix, conj, definite, skip in prefixes:
            folded_prefix = self.key(prefix)
            for key, found in entries.items():
                form = folded_prefix + key
                if form in forms or form in blocked or len(key) < 2:
                    continue
                forms[form] = Lookup(tuple(found), self.code, conj, definite, skip, prefix)
        for key in blocked:
            forms.pop(key, None)
        return forms

    def _build_phrases(self) -> dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]:
        """Phrases by their first key, also as written with a conjunction or preposition joined to
        their first word (بأكثر من, وما يزيد على, "بنحو"), as single words are (_build_forms)."""
        phrases = dict(self.lexicon.phrases)
        for prefix, _conj, definite, _skip in _hooks(self.code).prefixes(self.meta):
            if definite:
                continue  # الأكثر is another word
            folded_prefix = self.key(prefix)
            for key, candidates in self.lexicon.phrases.items():
                form = folded_prefix + key
                phrases[form] = phrases.get(form, ()) + candidates if form in phrases else candidates
        return phrases

    def key(self, text: str) -> str:
        """How this language compares a token with its keys (folded, or exact if case-sensitive)."""
        return token_key(text, self.case_sensitive)

    def lookup(self, word: str) -> Lookup | None:
        """The readings of a (normalised) token of this language's script, or None."""
        return self._forms.get(self.key(word))

    def lookup_folded(self, key: str) -> Lookup | None:
        """:meth:`lookup` for a token whose lookup key is already computed."""
        return self._forms.get(key)

    def suffix(self, text: str) -> tuple[Entry, ...]:
        """Readings of letters written straight after digits ("bn", "k", "st")."""
        found = self.suffixes.get(text)
        if found:
            return found
        return tuple(e for e in self.suffixes.get(text.lower(), ()) if e.role == "ordinal_suffix")

    def __repr__(self) -> str:
        return f"Language({self.code!r})"


def _hooks(code: str) -> Any:
    if code == "ar":
        from factcheck.lang import ar

        return ar
    if code == "en":
        from factcheck.lang import en

        return en
    from factcheck.lang import mul

    return mul


_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")
_MAX_TAG = 35  # BCP 47 asks every implementation to handle tags this long


@functools.lru_cache(maxsize=256)
def _parse_tag(tag: str) -> tuple[str, str | None, str | None, tuple[str, ...]]:
    """(language, script, region, variants) of a well-formed tag of a supported language."""
    from babel.core import parse_locale

    parts = tag.replace("_", "-").split("-")
    if len(tag) > _MAX_TAG or not tag.isascii() or not all(_SUBTAG.fullmatch(p) for p in parts):
        raise UnknownLanguageError(_shown(tag), SUPPORTED)
    try:  # babel knows the shape: language, then script, region and variants, in that order
        base, region, script, variant = parse_locale("-".join(parts), sep="-")[:4]
    except ValueError:
        raise UnknownLanguageError(tag, SUPPORTED) from None
    base = base.lower()
    if base not in SUPPORTED:
        raise UnknownLanguageError(tag, SUPPORTED)
    variants = tuple(v.lower() for v in variant.split("-")) if variant else ()
    return base, script.title() if script else None, region.upper() if region else None, variants


def _shown(tag: str) -> str:
    return tag if len(tag) <= 40 else tag[:40] + "..."


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"ar-EG"`` -> ``("ar", "EG")``; ``"ar_eg"`` and ``"ar-Arab-EG"`` are accepted too.

    Only a well-formed BCP 47 tag (language, then optional script, region and variants: letters
    and digits, at most 8 to a subtag, 35 in all; ``_`` read as ``-``) of a supported language is
    accepted; anything else raises :class:`~factcheck.errors.UnknownLanguageError`.

    >>> split_tag("ar_MA"), split_tag("ar-Arab-EG"), split_tag("en-001")
    (('ar', 'MA'), ('ar', 'EG'), ('en', '001'))
    >>> split_tag('ar_"><script>')
    Traceback (most recent call last):
    ...
    factcheck.errors.UnknownLanguageError: Unknown language 'ar_"><script>'; supported: ar, en.
    """
    if not isinstance(tag, str) or not tag:
        raise UnknownLanguageError(str(tag), SUPPORTED)
    base, _script, region, _variants = _parse_tag(tag)
    return base, region


def canonical_tag(tag: str) -> str:
    """The canonical form of a language tag (``"ar_eg"`` -> ``"ar-EG"``, ``"AR-arab-eg"`` ->
    ``"ar-Arab-EG"``), validated as :func:`split_tag` does; ``"auto"`` stays ``"auto"``.

    >>> canonical_tag("ar_eg"), canonical_tag("EN"), canonical_tag("auto")
    ('ar-EG', 'en', 'auto')
    """
    if tag == "auto":
        return tag
    if not isinstance(tag, str) or not tag:
        raise UnknownLanguageError(str(tag), SUPPORTED)
    base, script, region, variants = _parse_tag(tag)
    return "-".join(p for p in (base, script, region, *variants) if p)


def _built(base: str) -> Language:
    """The language ``base`` (ar, en, mul), built once per content of its lexicon and of the code
    that reads it, and kept in the cache: parsing and deriving every form is most of a start."""
    from factcheck.cache import cached, key_of

    here = Path(__file__).resolve().parent
    sources = [here / "data" / f"{base}.toml", here / "lexicon.py", here / "__init__.py"]
    sources += [here / f"{base}.py"] if (here / f"{base}.py").is_file() else []
    sources += [here.parent / "text" / "normalize.py", here.parent / "text" / "tokenize.py"]
    try:
        key = key_of("language", [p.read_bytes() for p in sources])
    except OSError:
        key = None
    return cached(key, Language, lambda: Language(load_lexicon(base)))


@functools.cache
def get_language(code: str) -> Language:
    """The :class:`Language` for a BCP-47 tag (its region is ignored here)."""
    base, _ = split_tag(code)
    return _built(base)


@functools.cache
def get_common() -> Language:
    """Symbols and abbreviations every language writes alike ($, %, km, USD): ``data/mul.toml``."""
    return _built("mul")


@functools.cache
def get_conventions(tag: str | None) -> Conventions:
    """Digit conventions of a locale.  Without a region (or for "auto"): ``1,234.5``.

    With a region, CLDR decides (through babel, imported only then): ``ar-MA`` gives ``1.234,5``.
    """
    if tag is None or tag == "auto":
        return Conventions()
    base, region = split_tag(tag)
    if region is None:
        return Conventions()
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_decimal_symbol, get_group_symbol

    try:
        locale = Locale.parse(f"{base}_{region}")
    except (UnknownLocaleError, ValueError):
        return Conventions()
    decimal = get_decimal_symbol(locale, numbering_system="latn")
    group = get_group_symbol(locale, numbering_system="latn")
    return Conventions(decimal=decimal, group=group)
