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
    """What a mention is.  Later stages add units (percent, money, quantity ...) on top of these."""

    NUMBER = "number"
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class Mention:
    """A number found in a text.

    ``value`` is exact.  ``resolution`` is the place value of the last digit or word the writer
    used ("200 مليار" has resolution 10**9, "1.5" has 0.1): the precision later stages use for
    tolerance.  ``counted`` is the unit of a counted noun read as a number (the Arabic dual
    "يومين" is 2 with ``counted="day"``).  ``rule`` names the grammar rule that produced it.
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
    counted: str | None = None

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
        }
