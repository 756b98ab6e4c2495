"""JSON text for factcheck's records: Decimals become JSON numbers written exactly.

The standard ``json`` module turns Decimal into a string or, through float, into a rounded number;
neither keeps "0.1" as 0.1 and 200000000000 as an integer.  :func:`dumps` writes each Decimal with
its exact digits and no exponent.  Strings keep their characters (``ensure_ascii=False``); a lone
surrogate is escaped, so the output is always valid UTF-8.  NaN and infinities are no JSON: a
Decimal or float that is not finite raises ValueError rather than being written as ``NaN``.

>>> from decimal import Decimal
>>> dumps({"value": Decimal("2E+11"), "low": None, "text": "٢٥"})
'{"value": 200000000000, "low": null, "text": "٢٥"}'
"""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from json.encoder import encode_basestring, encode_basestring_ascii  # type: ignore[attr-defined]
from typing import Any

__all__ = ["decimal_text", "dumps"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def decimal_text(d: Decimal) -> str:
    """A finite Decimal as plain JSON number text, without exponent or trailing zeros.

    Written from its digits (``format(d, "f")`` is exact whatever the context), so a figure of
    any length stays whole and nothing here can run out of precision."""
    if not d.is_finite():
        raise ValueError(f"cannot write {d} as a JSON number")
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _string(s: str) -> str:
    if s.isascii() or _SURROGATE.search(s) is None:
        return encode_basestring(s)
    return encode_basestring_ascii(s)  # a lone surrogate: escaped, so the text stays valid UTF-8


def _number(x: float) -> str:
    if not math.isfinite(x):
        raise ValueError(f"cannot write {x} as a JSON number")
    return float.__repr__(x)


def dumps(obj: Any) -> str:
    """One JSON value on one line, keys in the order given."""
    if isinstance(obj, str):
        return _string(obj)
    if isinstance(obj, Decimal):
        return decimal_text(obj)
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _number(obj)
    # each container is joined once from its pieces: a report of 20 MB costs about twice that to
    # write, not once more for each level of nesting
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        pieces = ["{"]
        for k, v in obj.items():
            pieces += (_string(str(k)), ": ", dumps(v), ", ")
        pieces[-1] = "}"
        return "".join(pieces)
    if isinstance(obj, list | tuple):
        if not obj:
            return "[]"
        pieces = ["["]
        for v in obj:
            pieces += (dumps(v), ", ")
        pieces[-1] = "]"
        return "".join(pieces)
    return json.dumps(obj, allow_nan=False)  # anything else json knows, or its TypeError
