"""The tolerance policy: how close is close enough, read from a documented TOML file.

The defaults live in ``policy.toml`` beside this module (every key is explained there).  A user's
file may set any subset of its keys; single keys can be overridden after that.  Every key has a
type and a range (``_KEYS``); an unknown key, a value of the wrong type or one out of its range is
an :class:`~factcheck.errors.InputError` that names the file, the line and the key.

>>> policy = load_policy(overrides={"hedge.points": "5"})
>>> policy.hedge_points, policy.precision_fraction
(Decimal('5'), Decimal('0.5'))
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

__all__ = ["Policy", "load_policy"]

# key in the file -> (attribute, type, allowed values or None, (lowest, highest) for numbers or None)
_KEYS: dict[str, tuple[str, type, tuple[str, ...] | None, tuple[int, int] | None]] = {
    "precision.fraction": ("precision_fraction", Decimal, None, (0, 1)),  # of the last digit's place value
    "precision.reference": ("reference_precision", bool, None, None),
    "hedge.relative": ("hedge_relative", Decimal, None, (0, 1)),  # a fraction of the value
    "hedge.points": ("hedge_points", Decimal, None, (0, 100)),  # percentage points
    "hedge.points_max_fraction": ("hedge_points_max_fraction", Decimal, None, (0, 1)),
    "rank.ties": ("rank_ties", str, ("shared", "strict"), None),
    "time.current_period_days": ("current_period_days", int, None, (0, 366)),  # days: at most a year
    "time.release_lag_days": ("release_lag_days", int, None, (0, 366)),
    "linking.margin": ("linking_margin", Decimal, None, (0, 10)),  # candidate scores lie between 0 and about 5
    "linking.implausible_factor": ("implausible_factor", Decimal, None, (0, 1000)),
    "close.relative": ("close_relative", Decimal, None, (0, 1)),  # a fraction of the reference value
    "close.points": ("close_points", Decimal, None, (0, 100)),  # percentage points
}


@dataclass(frozen=True)
class Policy:
    """The effective policy (see ``policy.toml`` for what each setting means).  ``sources`` says
    where it came from: "defaults", then each file and override applied."""

    precision_fraction: Decimal
    reference_precision: bool
    hedge_relative: Decimal
    hedge_points: Decimal
    hedge_points_max_fraction: Decimal
    rank_ties: str
    current_period_days: int
    release_lag_days: int
    linking_margin: Decimal
    implausible_factor: Decimal
    close_relative: Decimal
    close_points: Decimal
    sources: tuple[str, ...] = ("defaults",)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (attr, *_) in _KEYS.items():
            section, name = key.split(".")
            out.setdefault(section, {})[name] = getattr(self, attr)
        out["sources"] = list(self.sources)
        return out


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _coerce(value: Any, key: str, where: str, line: int | None = None) -> Any:
    """``value`` as the type of ``key``, checked against its range; ``where`` and ``line`` name
    where it was written (a file and its line, or ``--tolerance``)."""
    _, kind, allowed, bounds = _KEYS[key]
    at = f"line {line}: " if line is not None else ""

    def refuse(what: str) -> InputError:
        return InputError(f"{at}{key} must be {what}, not {_shown(value)}", where)

    low, high = bounds or (0, 0)
    if kind is Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise refuse("a number")
        try:
            number = Decimal(str(value).strip()) if len(str(value)) <= 100 else Decimal("NaN")
        except InvalidOperation:
            raise refuse("a number") from None
        if not number.is_finite() or not low <= number <= high:
            raise refuse(f"a number >= {low} and <= {high}")
        return number
    if kind is bool:
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise refuse("true or false")
        return value
    if kind is int:
        if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal() and len(value) <= 20:
            value = int(value.strip())  # what str.strip takes off ("\x1f" among it), int() does not
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise refuse(f"a whole number >= {low} and <= {high}")
        return value
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        raise refuse(" or ".join(allowed or ()))
    return value


def _unknown(key: str, where: str) -> InputError:
    close = difflib.get_close_matches(key, list(_KEYS), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return InputError(f"unknown policy key {key!r}{hint}", where)


def _line_of(raw: str, section: str, name: str) -> int | None:
    """The line that sets ``section.name``: ``name = ...`` under ``[section]``, or a dotted
    ``section.name = ...``; None when neither is found (an inline table, for one)."""
    head = re.search(rf"^[ \t]*\[[ \t]*{re.escape(section)}[ \t]*\][ \t]*(#.*)?$", raw, re.M)
    if head is not None:
        found = re.compile(rf"^[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*=", re.M).search(raw, head.end())
        following = re.compile(r"^[ \t]*\[", re.M).search(raw, head.end())
        if found is not None and (following is None or found.start() < following.start()):
            return raw.count("\n", 0, found.start()) + 1
    dotted = re.search(rf"^[ \t]*{re.escape(section)}[ \t]*\.[ \t]*{re.escape(name)}[ \t]*=", raw, re.M)
    return raw.count("\n", 0, dotted.start()) + 1 if dotted else None


def _flatten(data: dict[str, Any], where: str, raw: str = "") -> dict[str, Any]:
    flat = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise _unknown(section, where)
        for name, value in table.items():
            key = f"{section}.{name}"
            if key not in _KEYS:
                raise _unknown(key, where)
            flat[key] = _coerce(value, key, where, _line_of(raw, section, name))
    return flat


def _read(path: Path | str) -> dict[str, Any]:
    shown = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such policy file", shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read policy: {exc}", shown) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not valid TOML: {exc}", shown) from None
    return _flatten(data, shown, raw)


@functools.cache
def _defaults() -> dict[str, Any]:
    with resources.as_file(resources.files("factcheck.verify") / "policy.toml") as path:
        flat = _read(path)
    missing = set(_KEYS) - set(flat)
    if missing:  # pragma: no cover - the shipped file is tested
        raise InputError(f"the default policy lacks {sorted(missing)}", "policy.toml")
    return flat


def load_policy(path: Path | str | None = None, overrides: dict[str, str] | None = None) -> Policy:
    """The defaults, then the file at ``path`` (any subset of the keys), then ``overrides``
    ("hedge.points" -> "5")."""
    values = dict(_defaults())
    sources = ["defaults"]
    if path is not None:
        values.update(_read(path))
        sources.append(str(path))
    for key, value in (overrides or {}).items():
        if key not in _KEYS:
            raise _unknown(key, "--tolerance")
        values[key] = _coerce(value, key, "--tolerance")
        sources.append(f"{key}={value}")
    kwargs = {_KEYS[k][0]: v for k, v in values.items()}  # every value was checked by _coerce
    assert {f.name for f in fields(Policy)} == set(kwargs) | {"sources"}
    return Policy(**kwargs, sources=tuple(sources))
