"""The tolerance policy: how close is close enough, read from a documented TOML file.

The defaults live in ``policy.toml`` beside this module (every key is explained there).  A user's
file may set any subset of its keys; single keys can be overridden after that.  Unknown keys and
values of the wrong type are errors that name the file and key.

>>> policy = load_policy(overrides={"hedge.points": "5"})
>>> policy.hedge_points, policy.precision_fraction
(Decimal('5'), Decimal('0.5'))
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

from factcheck.errors import InputError

__all__ = ["Policy", "load_policy"]

# key in the file -> (attribute, type, allowed values or None)
_KEYS: dict[str, tuple[str, type, tuple[str, ...] | None]] = {
    "precision.fraction": ("precision_fraction", Decimal, None),
    "precision.reference": ("reference_precision", bool, None),
    "hedge.relative": ("hedge_relative", Decimal, None),
    "hedge.points": ("hedge_points", Decimal, None),
    "hedge.points_max_fraction": ("hedge_points_max_fraction", Decimal, None),
    "rank.ties": ("rank_ties", str, ("shared", "strict")),
    "time.current_period_days": ("current_period_days", int, None),
    "linking.margin": ("linking_margin", Decimal, None),
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
    linking_margin: Decimal
    sources: tuple[str, ...] = ("defaults",)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (attr, _, _) in _KEYS.items():
            section, name = key.split(".")
            out.setdefault(section, {})[name] = getattr(self, attr)
        out["sources"] = list(self.sources)
        return out


def _coerce(value: Any, key: str, where: str) -> Any:
    _, kind, allowed = _KEYS[key]
    if kind is Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
            raise InputError(f"{key} must be a number, not {value!r}", where)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise InputError(f"{key} must be a number, not {value!r}", where) from None
        if not number.is_finite() or number < 0:
            raise InputError(f"{key} must be a number >= 0, not {value!r}", where)
        return number
    if kind is bool:
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise InputError(f"{key} must be true or false, not {value!r}", where)
        return value
    if kind is int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{key} must be a whole number >= 0, not {value!r}", where)
        return value
    if not isinstance(value, str) or (allowed is not None and value not in allowed):
        choices = " or ".join(allowed or ())
        raise InputError(f"{key} must be {choices}, not {value!r}", where)
    return value


def _unknown(key: str, where: str) -> InputError:
    close = difflib.get_close_matches(key, list(_KEYS), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return InputError(f"unknown policy key {key!r}{hint}", where)


def _flatten(data: dict[str, Any], where: str) -> dict[str, Any]:
    flat = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise _unknown(section, where)
        for name, value in table.items():
            key = f"{section}.{name}"
            if key not in _KEYS:
                raise _unknown(key, where)
            flat[key] = _coerce(value, key, where)
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
    return _flatten(data, shown)


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
    kwargs = {_KEYS[k][0]: v for k, v in values.items()}
    assert {f.name for f in fields(Policy)} == set(kwargs) | {"sources"}
    return Policy(**kwargs, sources=tuple(sources))
