"""Loading and validating a language's word list (``factcheck/lang/data/<lang>.toml``).

A lexicon is a closed set of tables; each table gives its words one *role* in the grammar (see
``factcheck/lang/README.md``).  The loader checks every table, every value and every key and
raises :class:`~factcheck.errors.LexiconError` naming the file, table, key and line of the first
problem.  Keys are stored under :func:`~factcheck.text.normalize.lookup_key`, the same function
applied to words of the text (or exactly as written, in a case-sensitive lexicon).  A key of
several tokens ("في المائة", "per cent", "US$", "ج.م") is a *phrase*, matched token by token.

>>> lex = load_lexicon("en")
>>> [e.role for e in lex.entries["dozen"]]
['multiplier']
>>> [(keys, e.value) for keys, e in lex.phrases["per"] if keys == ("per", "cent")]
[(('per', 'cent'), '%')]
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
from factcheck.text.tokenize import tokenize

__all__ = ["ROLES", "Entry", "Lexicon", "load_lexicon", "parse_lexicon", "token_key"]

# table name -> role given to its words ("meta", "not_number" and "ambiguous" are special)
_NUMERIC_ROLES = (
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
    "article",
    "pair",
    "vague",
    "ordinal",
    "duration_seconds",
    "multiple",
    "month",
    "quarter",
    "half_year",
    "months_to_date",
    "month_of_year",
    "entity_group",
)
_TEXT_ROLES = (
    "decimal_point",
    "conjunction",
    "negative",
    "ordinal_suffix",
    "counted_noun",
    "unit",
    "currency",
    "currency_qualifier",
    "percent",
    "rate",
    "hedge",
    "comparator",
    "range_open",
    "range_join",
    "below_zero",
    "unit_modifier",
    "of",
    "preposition",
    "temperature_unit",
    "change",
    "change_by",
    "change_to",
    "change_from",
    "level_word",
    "name_number",
    "period_letter",
    "overtake",
    "rank_cue",
    "superlative",
    "region_scope",
    "year_cue",
    "modality",
    "not_future",
    "share_cue",
    "threshold",
    "duration_measure",
    "first_months",
    "abbreviation",
    "stopword",
    "not_entity",
    "time_relation",
    "base_cue",
    "period_average",
    "fiscal_year",
    "qualifier",
    "period_anaphor",
    "unitless_measure",
    "respectively",
    "comparator_verb",
    "year_to_date",
    "only",
    "trade_flow",
    "partner_cue",
)
# signed integers (a year offset: العام الماضي is -1)
_SIGNED_ROLES = ("relative_year", "relative_month", "month_relation", "previous_year")
ROLES = _NUMERIC_ROLES + _TEXT_ROLES + _SIGNED_ROLES
_SPECIAL = ("meta", "not_number", "ambiguous")
# tables whose keys are matched exactly (case-sensitive), not through lookup_key
_CASE_SENSITIVE = ("scale_suffix", "ordinal_suffix")
# tables keyed by unit ids, not by words of a text: stored as written, never tokenized
_ID_TABLES = ("duration_seconds", "temperature_unit")
_BOOL_FLAGS = (
    "compound_only",
    "plural",
    "needs_count",
    "singular",
    "post",
    "anywhere",
    "final",
    "dual",
    "rate",
    "ordinal_only",
    "glued",
    "level",
)
_INT_FLAGS = ("minor",)
_CHOICES = {
    "comparator": {">", ">=", "<", "<=", "="},  # "=": a longer phrase that is no bound ("added up to")
    "hedge": {"approx", "exact"},
    "change": {"increase", "decrease"},
    "modality": {"forecast", "target"},
    "superlative": {"max", "min"},
    "percent": {"%", "percentage_point", "basis_point"},
}
_META_KEYS = {
    "lang": str,
    "name": str,
    "script": str,
    "case_sensitive": bool,
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
    "one_two_follow_noun": bool,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One reading of a word.  ``value`` is a Fraction for numeric roles, a str for the others.

    Flags: ``compound_only`` (a number only inside a compound: أحد عشر), ``plural`` (a scale, unit
    or currency in the plural: only after a count), ``needs_count`` (no "one" is implied when the
    word stands alone: "quarter", عقد), ``singular`` (a singular denominator: "one third"),
    ``after_count`` (the accusative ألفاً: a scale only after a count), ``dual`` (a dual: مليونين
    = 2 x 10**6), ``post`` (a hedge or comparator written after the number), ``anywhere`` (before
    or after it: على الأقل, "at least"), ``final`` (a unit
    only at the end of a phrase: "5 in"), ``rate`` (a change word that names the rate itself:
    نمو, "growth": "نمو ... إلى 1.9%" is a growth of 1.9%, not a level), ``minor`` (a subunit:
    a cent is 1/100 of a dollar), ``ordinal_only`` (a rank cue only before an ordinal: "came
    fourth" is a rank, "came 5 years later" is not), ``glued`` (a unit only when written
    against the digits: "48C", not "48 C"), ``level`` (a comparator that places a level, not
    the size of a change: "climbed above $60,000" is a level, "rose more than 5%" a change).
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
    post: bool = False
    anywhere: bool = False
    final: bool = False
    rate: bool = False
    ordinal_only: bool = False
    glued: bool = False
    level: bool = False
    minor: int = 0
    low: Fraction | None = None
    high: Fraction | None = None


@dataclass(frozen=True)
class Lexicon:
    lang: str
    path: str
    meta: dict[str, Any]
    entries: dict[str, tuple[Entry, ...]]  # lookup key -> readings
    suffixes: dict[str, tuple[Entry, ...]]  # exact key -> readings (scale and ordinal suffixes)
    not_number: dict[str, str] = field(default_factory=dict)  # lookup key -> why not
    # first token key -> (token keys, reading), longest first
    phrases: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)


def token_key(text: str, case_sensitive: bool = False) -> str:
    """How a token is compared with lexicon keys."""
    return text if case_sensitive else lookup_key(text)


def _line_of(raw: str, table: str, key: str | None) -> int | None:
    """Best-effort line number of ``key`` in ``[table]`` (tomllib does not report positions)."""
    in_table = False
    quoted = None if key is None else '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.strip("[] ") == table
            if in_table and key is None:
                return number
            continue
        if in_table and key is not None and quoted is not None and stripped.startswith((quoted, f"{key} ")):
            return number
    return None


def _fraction(value: Any) -> Fraction:
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    if isinstance(value, int | str):
        return Fraction(value)
    raise ValueError(f'expected an integer or a fraction such as "1/4", got {type(value).__name__}')


def _entry(role: str, key: str, raw_value: Any) -> Entry:
    flags: dict[str, Any] = {}
    value = raw_value
    if isinstance(raw_value, dict):
        unknown = set(raw_value) - {"value", "low", "high", *_BOOL_FLAGS, *_INT_FLAGS}
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
        if "value" not in raw_value:
            raise ValueError("an inline table needs a 'value'")
        value = raw_value["value"]
        for flag in _BOOL_FLAGS:
            if flag in raw_value:
                if not isinstance(raw_value[flag], bool):
                    raise ValueError(f"{flag} must be true or false")
                flags[flag] = raw_value[flag]
        for flag in _INT_FLAGS:
            if flag in raw_value:
                if not isinstance(raw_value[flag], int) or isinstance(raw_value[flag], bool) or raw_value[flag] < 2:
                    raise ValueError(f"{flag} must be an integer above 1")
                flags[flag] = raw_value[flag]
        for bound in ("low", "high"):
            if bound in raw_value:
                flags[bound] = _fraction(raw_value[bound])
    if role == "scale_plural":  # a table of its own for readability; to the grammar a plural scale
        role = "scale"
        flags["plural"] = True
    if role in _TEXT_ROLES:
        if not isinstance(value, str) or not value:
            raise ValueError("expected a non-empty string")
        choices = _CHOICES.get(role)
        if choices is not None and value not in choices:
            raise ValueError(f"expected one of {', '.join(sorted(choices))}")
        if role == "currency" and not (re.fullmatch(r"[A-Z]{3}", value) or re.fullmatch(r"[a-z]+", value)):
            raise ValueError("expected an ISO 4217 code (USD) or a lower-case currency family (riyal)")
        if role == "currency_qualifier" and not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("expected an ISO 3166 alpha-2 country code")
    elif role in _SIGNED_ROLES:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError("expected an integer")
        value = Fraction(value)
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


def _key_tokens(key: str, case_sensitive: bool) -> tuple[str, ...]:
    return tuple(token_key(tok.text, case_sensitive) for tok in tokenize(key))


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
                f"unknown table (valid: {', '.join(_SPECIAL + ROLES)})", path, table, line=_line_of(raw, table, None)
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
    case_sensitive = bool(meta.get("case_sensitive", False))

    ambiguous: dict[str, set[str]] = {}
    for key, tables in data.get("ambiguous", {}).items():
        if not isinstance(tables, list) or not all(t in ROLES for t in tables):
            raise LexiconError(
                "expected a list of table names", path, "ambiguous", key, _line_of(raw, "ambiguous", key)
            )
        ambiguous[token_key(key, case_sensitive)] = set(tables)

    entries: dict[str, list[Entry]] = {}
    suffixes: dict[str, list[Entry]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    where: dict[str, set[str]] = {}
    for role in ROLES:
        seen_in_table: dict[str, str] = {}
        exact = case_sensitive or role in _CASE_SENSITIVE
        for key, raw_value in data.get(role, {}).items():
            if not key or key != key.strip() or normalize(key).text != key:
                raise LexiconError(
                    "key must be written normalised (no harakat, tatweel, bidi marks or outer spaces)",
                    path,
                    role,
                    key,
                    _line_of(raw, role, key),
                )
            try:
                entry = _entry(role, key, raw_value)
            except (ValueError, ZeroDivisionError) as exc:
                raise LexiconError(str(exc), path, role, key, _line_of(raw, role, key)) from exc
            folded = token_key(key, exact)
            if folded in seen_in_table:
                raise LexiconError(
                    f"same lookup key as {seen_in_table[folded]!r} in this table",
                    path,
                    role,
                    key,
                    _line_of(raw, role, key),
                )
            seen_in_table[folded] = key
            if role in _CASE_SENSITIVE:
                suffixes.setdefault(key if role == "scale_suffix" else key.lower(), []).append(entry)
                continue
            if role in _ID_TABLES:
                entries.setdefault(key, []).append(entry)
                continue
            keys = _key_tokens(key, exact)
            if not keys:
                raise LexiconError("key has no token", path, role, key, _line_of(raw, role, key))
            where.setdefault(folded, set()).add(role)
            if len(where[folded]) > 1 and not where[folded] <= ambiguous.get(folded, set()):
                raise LexiconError(
                    f"key is in tables {', '.join(sorted(where[folded]))}; list it in [ambiguous] if meant",
                    path,
                    role,
                    key,
                    _line_of(raw, role, key),
                )
            if len(keys) == 1:
                entries.setdefault(keys[0], []).append(entry)
            else:
                phrases.setdefault(keys[0], []).append((keys, entry))
    not_number = {}
    for key, reason in data.get("not_number", {}).items():
        if not isinstance(reason, str):
            raise LexiconError("expected a reason string", path, "not_number", key, _line_of(raw, "not_number", key))
        not_number[token_key(key, case_sensitive)] = reason
    return Lexicon(
        lang,
        path,
        dict(meta),
        {k: tuple(v) for k, v in entries.items()},
        {k: tuple(v) for k, v in suffixes.items()},
        not_number,
        {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
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
