"""Units: the one pint registry, conversions, and what kind of quantity a unit measures.

pint is imported only when a conversion is needed (it costs about 0.2 s), and it only ever sees the
unit ids factcheck's lexicons name, never text from an article.  The registry works in Decimal
(``non_int_type=Decimal``) and refuses redefinitions.  Units factcheck adds to pint's own are in
``factcheck/lang/data/units.txt``.

Durations are converted by their *nominal* length (``[duration_seconds]`` in the shared lexicon):
a month is 30 days and a year 365 days, and a year is also 12 months, the way people add "2 years
and 3 months"; pint's Julian year would make that 27.0007 months.

>>> unit_kind("minute"), unit_kind("degree_Celsius"), unit_kind("kilogram")
('duration', 'temperature', 'quantity')
>>> convert(Decimal("7"), "foot", "inch")
Decimal('84')
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext
from fractions import Fraction
from importlib import resources
from typing import Any

from factcheck.errors import UnitError
from factcheck.limits import with_figures

__all__ = ["canonical", "convert", "is_known_unit", "registry", "same_dimension", "unit_kind"]

# the unit each kind of physical quantity is reported in, by pint dimensionality
_CANONICAL = {
    "[mass]": "kilogram",
    "[length]": "meter",
    "[length] ** 2": "square_meter",
    "[length] ** 3": "cubic_meter",
    "[mass] * [length] ** 2 / [time] ** 2": "kilowatt_hour",
    "[mass] * [length] ** 2 / [time] ** 3": "watt",
    "[length] ** 3 / [time]": "cubic_meter / day",
    "[length] / [time]": "kilometer / hour",
}


@functools.cache
def _common_tables() -> tuple[dict[str, Fraction], frozenset[str]]:
    from factcheck.lang import get_common

    lexicon = get_common().lexicon
    durations: dict[str, Fraction] = {}
    temperatures: set[str] = set()
    for entries in lexicon.entries.values():
        for entry in entries:
            if entry.role == "duration_seconds":
                durations[entry.key] = entry.value
            elif entry.role == "temperature_unit":
                temperatures.add(entry.key)
    return durations, frozenset(temperatures)


@functools.cache
def _known_names() -> frozenset[str]:
    """Unit ids known without starting pint: those factcheck defines and those its lexicons use
    (a test checks that pint knows every one of them)."""
    from factcheck.lang import get_common, get_language

    names = {"dimensionless"}
    text = (resources.files("factcheck.lang") / "data" / "units.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            names.add(line.split("=", 1)[0].strip())
    for language in (get_language("ar"), get_language("en"), get_common()):
        for entries in language.lexicon.entries.values():
            names.update(e.value for e in entries if e.role in ("unit", "duration_seconds", "temperature_unit"))
        for found in language.lexicon.phrases.values():
            names.update(e.value for _, e in found if e.role == "unit")
    return frozenset(names)


def is_known_unit(unit: str) -> bool:
    """True when ``unit`` is a unit id pint reads: checked cheaply against factcheck's own units
    first ("billion_cubic_meter", "barrel/day"), and by pint only for others."""
    known = _known_names()
    if all(part.strip() in known for part in unit.split("/")):
        return True
    import pint

    try:
        registry().parse_units(unit)
    except (pint.errors.PintError, AttributeError, TypeError, ValueError):
        return False
    return True


def unit_kind(unit: str) -> str:
    """ "duration", "temperature" or "quantity" for a unit id."""
    durations, temperatures = _common_tables()
    if unit in durations:
        return "duration"
    if unit in temperatures:
        return "temperature"
    return "quantity"


def duration_seconds(unit: str) -> Fraction | None:
    return _common_tables()[0].get(unit)


@functools.cache
def registry() -> Any:
    """The one pint UnitRegistry, with factcheck's definitions loaded."""
    try:
        import pint
    except ImportError as exc:  # pragma: no cover - pint is a dependency
        raise UnitError(f"pint is not installed: {exc}") from exc
    ureg = pint.UnitRegistry(non_int_type=Decimal, on_redefinition="raise")
    with resources.as_file(resources.files("factcheck.lang") / "data" / "units.txt") as path:
        ureg.load_definitions(str(path))
    return ureg


def _quantity(value: Decimal, unit: str) -> Any:
    import pint

    try:
        return registry().Quantity(value, unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError) as exc:
        raise UnitError(f"unknown unit {unit!r}: {exc}") from exc


def _decimal(value: Fraction | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    with localcontext() as ctx:
        ctx.prec = 34
        return Decimal(value.numerator) / Decimal(value.denominator)


def _nominal(value: Decimal, unit: str, target: str) -> Decimal | None:
    durations = _common_tables()[0]
    if unit not in durations or target not in durations:
        return None
    if (unit, target) == ("year", "month"):
        return value * 12
    if (unit, target) == ("month", "year"):
        return value / 12
    return _decimal(Fraction(value) * durations[unit] / durations[target])


@with_figures
def convert(value: Decimal | Fraction, unit: str, target: str) -> Decimal:
    """``value`` in ``unit`` expressed in ``target`` (a UnitError if they measure different things)."""
    value = _decimal(value)
    if unit == target:
        return value
    nominal = _nominal(value, unit, target)
    if nominal is not None:
        return _clean(nominal)
    import pint

    try:
        converted = _quantity(value, unit).to(target).magnitude
    except pint.errors.DimensionalityError as exc:
        raise UnitError(f"cannot convert {unit} to {target}: {exc}") from exc
    return _clean(Decimal(converted))


@with_figures
def _clean(d: Decimal) -> Decimal:
    """Round away the noise of binary constants (7 ft = 84.00000000000000000000000001 in)."""
    with localcontext() as ctx:
        ctx.prec = 20
        d = +d
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def same_dimension(a: str, b: str) -> bool:
    """True when the two units measure the same kind of thing (metre and foot; hour and day)."""
    if a == b:
        return True
    if duration_seconds(a) is not None or duration_seconds(b) is not None:
        return duration_seconds(a) is not None and duration_seconds(b) is not None
    if unit_kind(a) == "temperature" or unit_kind(b) == "temperature":
        return False
    try:
        return bool(_quantity(Decimal(1), a).dimensionality == _quantity(Decimal(1), b).dimensionality)
    except UnitError:
        return False


@with_figures
def canonical(value: Decimal | Fraction, unit: str) -> tuple[Decimal, str] | None:
    """The value in the canonical unit of its kind (kg, m, m³, kWh, seconds for durations, °C for
    temperatures), or None when the unit has none (counts, points, an unnamed degree)."""
    value = _decimal(value)
    kind = unit_kind(unit)
    if kind == "duration":
        return convert(value, unit, "second"), "second"
    if kind == "temperature":
        if unit == "degree":
            return None
        return convert(value, unit, "degree_Celsius"), "degree_Celsius"
    found = _canonical_factor(unit)
    if found is None:
        return None
    factor, target = found
    return _clean(value * factor), target


@functools.cache
def _canonical_factor(unit: str) -> tuple[Decimal, str] | None:
    """How many canonical units one ``unit`` is (pint is asked once per unit)."""
    try:
        dimensionality = str(_quantity(Decimal(1), unit).dimensionality)
    except UnitError:
        return None
    target = _CANONICAL.get(dimensionality)
    if target is None:
        return None
    return convert(Decimal(1), unit, target), target
