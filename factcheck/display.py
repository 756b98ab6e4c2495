"""Numbers for people: one place that writes a value with its unit for explanations and reports.

>>> from decimal import Decimal
>>> show(Decimal("190271000000"), "USD"), show(Decimal("29.3"), "%"), show(Decimal("-4.3"), "percentage_point")
('190.271 billion USD', '29.3%', '-4.3 points')
>>> show(Decimal("14.67"), "billion_cubic_meter"), show(Decimal(2), None), show(Decimal("1234567"), "person")
('14.67 billion cubic metres', '2', '1.235 million people')
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.limits import with_figures

__all__ = ["number", "ordinal", "show", "unit_name"]

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
_UNIT_NAMES = {
    "billion_cubic_meter": "billion cubic metres",
    "billion_cubic_foot/day": "billion cubic feet a day",
    "cubic_meter": "cubic metres",
    "megatonne": "million tonnes",
    "tonne": "tonnes",
    "person": "people",
    "dimensionless": "",
    "percentage_point": "points",
    "times": "times",
    "day": "days",
    "year": "years",
}


@with_figures
def number(value: Decimal, places: int = 6) -> str:
    """A decimal with at most ``places`` decimals, no exponent, no trailing zeros, grouped by
    thousands (1,234.5)."""
    q = value.quantize(Decimal(1).scaleb(-places)) if value.as_tuple().exponent < -places else value
    text = format(q.normalize() if q != q.to_integral_value() else q.quantize(Decimal(1)), ",f")
    return "0" if text == "-0" else text


def unit_name(unit: str | None) -> str:
    if unit is None:
        return ""
    return _UNIT_NAMES.get(unit, unit.replace("_", " "))


@with_figures
def show(value: Decimal | None, unit: str | None, places: int = 3) -> str:
    """``value`` with its unit, large amounts in millions, billions or trillions."""
    if value is None:
        return "-"
    if unit == "%":
        return number(value, places) + "%"
    name = unit_name(unit)
    for size, word in _SCALES:
        if abs(value) >= size and unit not in ("percentage_point", "times"):
            return f"{number(value / size, places)} {word} {name}".rstrip()
    return f"{number(value, places)} {name}".rstrip()


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
