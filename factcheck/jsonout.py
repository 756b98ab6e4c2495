"""JSON text for factcheck's records: Decimals become JSON numbers written exactly.

The standard ``json`` module turns Decimal into a string or, through float, into a rounded number;
neither keeps "0.1" as 0.1 and 200000000000 as an integer.  :func:`dumps` writes each Decimal with
its exact digits and no exponent.  Strings keep their characters (``ensure_ascii=False``); a lone
surrogate is escaped, so the output is always valid UTF-8.

>>> from decimal import Decimal
>>> dumps({"value": Decimal("2E+11"), "low": None, "text": "٢٥"})
'{"value": 200000000000, "low": null, "text": "٢٥"}'
"""

from __future__ import annotations

import json
from decimal import Decimal, localcontext
from typing import Any

__all__ = ["decimal_text", "dumps"]


def decimal_text(d: Decimal) -> str:
    """A finite Decimal as plain JSON number text, without exponent or trailing zeros."""
    if not d.is_finite():
        raise ValueError(f"cannot write {d} as a JSON number")
    with localcontext() as ctx:
        # as many digits as the number has before and after its point: 40-digit amounts stay whole
        ctx.prec = max(ctx.prec, abs(d.adjusted()) + len(d.as_tuple().digits) + 2)
        whole = d == d.to_integral_value()
        text = format(d.quantize(Decimal(1)) if whole else d.normalize(), "f")
    return "0" if text == "-0" else text


def _string(s: str) -> str:
    text = json.dumps(s, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(s, ensure_ascii=True)
    return text


def dumps(obj: Any) -> str:
    """One JSON value on one line, keys in the order given."""
    if isinstance(obj, Decimal):
        return decimal_text(obj)
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{_string(str(k))}: {dumps(v)}" for k, v in obj.items()) + "}"
    if isinstance(obj, list | tuple):
        return "[" + ", ".join(dumps(v) for v in obj) + "]"
    if isinstance(obj, str):
        return _string(obj)
    return json.dumps(obj)
