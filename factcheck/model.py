"""Types shared by every stage: spans into the original text and the mentions found there.

All are frozen, slotted dataclasses.  Values are :class:`~decimal.Decimal`, never float.

>>> from decimal import Decimal
>>> m = Mention(MentionKind.NUMBER, Span(0, 2), "25", Decimal(25), rule="number.digits")
>>> m.to_json()["value"]
Decimal('25')
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

__all__ = ["Mention", "MentionKind", "Span"]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in the ORIGINAL text (Python slice meaning)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"invalid span [{self.start}, {self.end}): spans are non-empty and non-negative")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


class MentionKind(StrEnum):
    """What a mention is: a bare number, an ordinal, a year, or a number with its unit."""

    NUMBER = "number"
    ORDINAL = "ordinal"
    YEAR = "year"
    PERCENT = "percent"
    MONEY = "money"
    QUANTITY = "quantity"
    DURATION = "duration"
    TEMPERATURE = "temperature"


@dataclass(frozen=True, slots=True)
class Mention:
    """A number found in a text, with its unit and how sure the writer is of it.

    ``value`` is exact and in ``unit`` as written (None for a range: then ``low`` and ``high``).
    A comparator ("أكثر من 7", "at least 7") sets ``comparator`` and the bound it gives (``low``
    for > and >=, ``high`` for < and <=).  ``approx`` is true after a hedge (نحو, "about").
    ``hedge`` holds the hedge and comparator words as written (they are not part of the span).
    ``resolution`` is the place value of the last digit or word the writer used ("200 مليار" has
    10**9, "1.5" has 0.1), the precision later stages turn into a tolerance.  ``canonical`` is
    the value in the canonical unit of its kind (kg, m, m³, seconds, °C) when there is one.
    ``rule`` names the grammar rule that produced it.
    """

    kind: MentionKind
    span: Span
    text: str
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    approx: bool = False
    comparator: str = "="
    rule: str = ""
    resolution: Decimal | None = None
    hedge: tuple[str, ...] = ()
    canonical: tuple[Decimal, str] | None = None

    def to_json(self) -> dict[str, Any]:
        """The public mention record (see README, "Mention schema"); Decimals are left as Decimal."""
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "kind": str(self.kind),
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "approx": self.approx,
            "comparator": self.comparator,
            "rule": self.rule,
            "canonical": None if self.canonical is None else {"value": self.canonical[0], "unit": self.canonical[1]},
        }
