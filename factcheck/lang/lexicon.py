"""Loading and validating a language's word list (``factcheck/lang/data/<lang>.toml``).

A lexicon is a closed set of tables; each table gives its words one *role* in the number grammar
(see ``factcheck/lang/README.md``).  The loader checks every table, every value and every key and
raises :class:`~factcheck.errors.LexiconError` naming the file, table, key and line of the first
problem.  Keys are stored under :func:`~factcheck.text.normalize.lookup_key`, the same function
applied to words of the text.

>>> lex = load_lexicon("en")
>>> [e.role for e in lex.entries["dozen"]]
['multiplier']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.errors import LexiconError
from factcheck.text.normalize import lookup_key, normalize

__all__ = ["ROLES", "Entry", "Lexicon", "load_lexicon", "parse_lexicon"]

# table name -> role given to its words ("meta", "not_number" and "ambiguous" are special)
ROLES = (
    "cardinal",
    "teen_suffix",
    "hundred",
    "hundreds",
    "scale",
    "scale_plural",
    "scale_suffix",
    "multiplier",
    "fraction",
    "fraction_denominator",
    "decimal_point",
    "conjunction",
    "negative",
    "article",
    "pair",
    "vague",
    "ordinal",
    "ordinal_suffix",
    "counted_noun",
)
_SPECIAL = ("meta", "not_number", "ambiguous")
# tables whose keys are matched exactly (case-sensitive), not through lookup_key
_CASE_SENSITIVE = ("scale_suffix", "ordinal_suffix")
_FLAGS = ("compound_only", "plural", "needs_count", "singular")
_META_KEYS = {
    "lang": str,
    "name": str,
    "script": str,
    "tens_order": str,
    "conjunction_clitics": list,
    "preposition_clitics": list,
    "definite_article": str,
    "definite_compound_is_ordinal": bool,
    "definite_tens_is_ordinal": bool,
    "dual": bool,
    "hundreds_shorthand": bool,
    "teen_hundreds": bool,
    "comma_after_scale": bool,
    "concatenated_tens": bool,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of a word.  ``value`` is a Fraction for numeric roles, a str for the others.

    Flags: ``compound_only`` (a number only inside a compound: أحد عشر), ``plural`` (a scale or
    multiplier in the plural: a number only after a count), ``needs_count`` ("quarter"),
    ``singular`` (a singular denominator: "one third"), ``after_count`` (the accusative ألفاً: a
    scale only after a count), ``dual`` (a generated dual: مليونين = 2 x 10**6).
    """

    role: str
    key: str
    value: Any
    compound_only: bool = False
    plural: bool = False
    needs_count: bool = False
    singular: bool = False
    after_count: bool = False
    dual: bool = False
    low: Fraction | None = None
    high: Fraction | None = None


@dataclass(frozen=True)
class Lexicon:
    lang: str
    path: str
    meta: dict[str, Any]
    entries: dict[str, tuple[Entry, ...]]  # lookup_key -> readings
    suffixes: dict[str, tuple[Entry, ...]]  # exact key -> readings (scale and ordinal suffixes)
    not_number: dict[str, str] = field(default_factory=dict)  # lookup_key -> why not


def _line_of(raw: str, table: str, key: str | None) -> int | None:
    """Best-effort line number of ``key`` in ``[table]`` (tomllib does not report positions)."""
    lines = raw.splitlines()
    in_table = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.strip("[] ") == table
            if in_table and key is None:
                return number
            continue
        if in_table and key is not None and stripped.startswith((f'"{key}"', f"{key} ")):
            return number
    return None


def _fraction(value: Any) -> Fraction:
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        return Fraction(value)
    raise ValueError(f'expected an integer or a fraction such as "1/4", got {type(value).__name__}')


def _entry(role: str, key: str, raw_value: Any) -> Entry:
    flags: dict[str, Any] = {}
    value = raw_value
    if isinstance(raw_value, dict):
        unknown = set(raw_value) - {"value", "low", "high", *_FLAGS}
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
        if "value" not in raw_value:
            raise ValueError("an inline table needs a 'value'")
        value = raw_value["value"]
        for flag in _FLAGS:
            if flag in raw_value:
                if not isinstance(raw_value[flag], bool):
                    raise ValueError(f"{flag} must be true or false")
                flags[flag] = raw_value[flag]
        for bound in ("low", "high"):
            if bound in raw_value:
                flags[bound] = _fraction(raw_value[bound])
    if role == "scale_plural":  # a table of its own for readability; to the grammar a plural scale
        role = "scale"
        flags["plural"] = True
    if role in ("decimal_point", "conjunction", "negative", "ordinal_suffix", "counted_noun"):
        if not isinstance(value, str) or not value:
            raise ValueError("expected a non-empty string")
    elif role == "vague":
        if "low" not in flags or "high" not in flags:
            raise ValueError("a vague count needs low and high")
        value = _fraction(value)
        if not flags["low"] <= value <= flags["high"]:
            raise ValueError("value must lie between low and high")
    else:
        value = _fraction(value)
        if value < 0:
            raise ValueError("values are not negative")
    return Entry(role, key, value, **flags)


def parse_lexicon(raw: str, path: str, lang: str) -> Lexicon:
    """Validate the text of a lexicon file; the pure core of :func:`load_lexicon`."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            found = re.search(r"at line (\d+)", str(exc))
            line = int(found.group(1)) if found else None
        raise LexiconError(f"malformed TOML: {exc}", path, line=line) from exc
    for table in data:
        if table not in ROLES and table not in _SPECIAL:
            raise LexiconError(
                f"unknown table (valid: {', '.join(_SPECIAL + ROLES)})",
                path,
                table,
                line=_line_of(raw, table, None),
            )
        if not isinstance(data[table], dict):
            raise LexiconError("expected a table", path, table)
    meta = data.get("meta", {})
    for key, value in meta.items():
        expected = _META_KEYS.get(key)
        if expected is None:
            raise LexiconError("unknown meta key", path, "meta", key, _line_of(raw, "meta", key))
        if not isinstance(value, expected):
            raise LexiconError(f"expected {expected.__name__}", path, "meta", key, _line_of(raw, "meta", key))
    if meta.get("lang") != lang:
        raise LexiconError(f"meta.lang must be {lang!r}", path, "meta", "lang", _line_of(raw, "meta", "lang"))

    ambiguous: dict[str, set[str]] = {}
    for key, tables in data.get("ambiguous", {}).items():
        if not isinstance(tables, list) or not all(t in ROLES for t in tables):
            raise LexiconError(
                "expected a list of table names", path, "ambiguous", key, _line_of(raw, "ambiguous", key)
            )
        ambiguous[lookup_key(key)] = set(tables)

    entries: dict[str, list[Entry]] = {}
    suffixes: dict[str, list[Entry]] = {}
    where: dict[str, set[str]] = {}
    for role in ROLES:
        seen_in_table: dict[str, str] = {}
        for key, raw_value in data.get(role, {}).items():
            line = _line_of(raw, role, key)
            if not key or key != key.strip() or normalize(key).text != key:
                raise LexiconError(
                    "key must be written normalised (no harakat, tatweel, bidi marks or outer spaces)",
                    path,
                    role,
                    key,
                    line,
                )
            try:
                entry = _entry(role, key, raw_value)
            except (ValueError, ZeroDivisionError) as exc:
                raise LexiconError(str(exc), path, role, key, line) from exc
            if role in _CASE_SENSITIVE:
                suffixes.setdefault(key, []).append(entry)
                if role == "scale_suffix":
                    continue
            folded = lookup_key(key)
            if folded in seen_in_table:
                raise LexiconError(f"same lookup key as {seen_in_table[folded]!r} in this table", path, role, key, line)
            seen_in_table[folded] = key
            if role == "ordinal_suffix":
                continue
            where.setdefault(folded, set()).add(role)
            if len(where[folded]) > 1 and not where[folded] <= ambiguous.get(folded, set()):
                raise LexiconError(
                    f"key is in tables {', '.join(sorted(where[folded]))}; list it in [ambiguous] if meant",
                    path,
                    role,
                    key,
                    line,
                )
            entries.setdefault(folded, []).append(entry)
    not_number = {}
    for key, reason in data.get("not_number", {}).items():
        if not isinstance(reason, str):
            raise LexiconError("expected a reason string", path, "not_number", key, _line_of(raw, "not_number", key))
        not_number[lookup_key(key)] = reason
    return Lexicon(
        lang,
        path,
        dict(meta),
        {k: tuple(v) for k, v in entries.items()},
        {k: tuple(v) for k, v in suffixes.items()},
        not_number,
    )


def load_lexicon(lang: str, path: str | Path | None = None) -> Lexicon:
    """Load ``factcheck/lang/data/<lang>.toml`` (or ``path``) and validate it."""
    if path is None:
        resource = resources.files("factcheck.lang") / "data" / f"{lang}.toml"
        raw = resource.read_text(encoding="utf-8")
        shown = f"factcheck/lang/data/{lang}.toml"
    else:
        shown = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"cannot read: {exc}", shown) from exc
    return parse_lexicon(raw, shown, lang)
