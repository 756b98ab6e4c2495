"""Reading runs of digits: grouping and decimal conventions.

A *digit run* is what the tokenizer sees as one stretch of digits and the separators between them:
``1,234.5``, ``1.234.567``, ``0,08``, ``1 234 567``, ``1'234``, ``١،٢٣٤،٥٦٧`` (after normalisation
the Arabic separators ٫ and ٬ are already ``.`` and ``,``).  :func:`read_digit_run` decides whether
the run is one number, and which separator is the decimal point, or several numbers written next to
each other ("1,2,3", "30.12.2022"), in which case each is returned on its own.

Rules, for the default convention (decimal point ``.``, group separator ``,``):

* a valid grouping is 1-3 digits (not starting with 0) then groups of exactly 3 digits, or the
  Indian grouping 1-2 digits, groups of 2, a last group of 3 (``12,34,567``);
* one kind of separator only: ``,`` ``،`` and the thin, no-break and apostrophe separators group
  when the grouping is valid; otherwise a single ``,`` or ``،`` is a decimal comma (``0,08``,
  ``3,5``); a single ``.`` is the decimal point; several ``.`` group when valid;
* an ordinary space groups only with at least two groups (``1 234 567``), because "in 2021 500
  people" and "5 100" are two numbers;
* two kinds of separator: the last one, written once, is the decimal separator, the others group
  (``1.234,5``, ``1,234.5``).

Under a decimal-comma convention (``ar-MA``, ``fr``) ``,`` and ``.`` swap roles.

>>> [str(v) for _, _, v, _ in read_digit_run("1,234.5")]
['2469/2']
>>> [(s, e, str(v)) for s, e, v, _ in read_digit_run("1,2,3")]
[(0, 1, '1'), (2, 3, '2'), (4, 5, '3')]
"""

from __future__ import annotations

import re
from fractions import Fraction

from factcheck.limits import FIGURE_DIGITS

__all__ = ["read_digit_run"]

_SEP = re.compile(r"[^0-9]")
MAX_DIGITS = FIGURE_DIGITS  # more digits than the largest figure in any news text (10**40)
_GROUP_ONLY = {"\u00a0", "\u202f", "\u2009", "'", "’"}
_COMMAS = {",", "،"}


def _valid_grouping(groups: list[str]) -> bool:
    first, rest = groups[0], groups[1:]
    if not rest or not first or first.startswith("0"):
        return False
    if 1 <= len(first) <= 3 and all(len(g) == 3 for g in rest):
        return True
    # Indian grouping: 12,34,56,789
    return len(rest) >= 2 and len(first) <= 2 and all(len(g) == 2 for g in rest[:-1]) and len(rest[-1]) == 3


def _number(int_part: str, frac_part: str | None) -> tuple[Fraction, Fraction]:
    whole = int(int_part) if int_part else 0
    if frac_part is None:
        return Fraction(whole), Fraction(1)
    scale = 10 ** len(frac_part)
    return Fraction(whole * scale + int(frac_part), scale), Fraction(1, scale)


def read_digit_run(raw: str, decimal: str = ".", group: str = ",") -> list[tuple[int, int, Fraction, Fraction]]:
    """Numbers in a run of digits and separators, as ``(start, end, value, resolution)``.

    ``start``/``end`` index ``raw``; ``resolution`` is the place value of the last digit (0.1 for
    "1.5").  ``decimal`` and ``group`` give the locale's convention (``","`` and ``"."`` in ar-MA).
    A run with more than ``MAX_DIGITS`` digits is no number anyone writes (a serial, a hash, a line
    of noise): it reads as nothing, and costs nothing.
    """
    if sum(ch.isdigit() for ch in raw) > MAX_DIGITS:
        return []
    digits = _SEP.split(raw)
    seps = _SEP.findall(raw)
    if not seps:
        return [(0, len(raw), Fraction(int(raw)), Fraction(1))]
    decimal_comma = decimal in _COMMAS
    kinds = set(seps)
    whole: tuple[Fraction, Fraction] | None = None
    if len(kinds) == 1:
        sep = seps[0]
        groups_ok = _valid_grouping(digits)
        if sep in _GROUP_ONLY:
            if groups_ok:
                whole = _number("".join(digits), None)
        elif sep == " ":
            if groups_ok and len(seps) >= 2:
                whole = _number("".join(digits), None)
        elif sep == ".":
            if decimal_comma:
                if groups_ok:
                    whole = _number("".join(digits), None)
                elif len(seps) == 1:
                    whole = _number(digits[0], digits[1])
            elif len(seps) == 1:
                whole = _number(digits[0], digits[1])
            elif groups_ok:
                whole = _number("".join(digits), None)
        elif sep in _COMMAS:
            if decimal_comma:
                if len(seps) == 1:
                    whole = _number(digits[0], digits[1])
            elif groups_ok:
                whole = _number("".join(digits), None)
            elif len(seps) == 1 and digits[0]:
                whole = _number(digits[0], digits[1])
    elif len(kinds) == 2:
        last = seps[-1]
        head = seps[:-1]
        if (
            seps.count(last) == 1
            and (last == "." or last in _COMMAS)
            and len(set(head)) == 1
            and head[0] != last
            and not (head[0] in _COMMAS and last in _COMMAS)
            and _valid_grouping(digits[:-1])
        ):
            whole = _number("".join(digits[:-1]), digits[-1])
    if whole is not None:
        return [(0, len(raw), whole[0], whole[1])]
    out = []
    pos = 0
    for part in digits:
        if part:
            out.append((pos, pos + len(part), Fraction(int(part)), Fraction(1)))
        pos += len(part) + 1
    return out
