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

__all__ = ["Claim", "ClaimKind", "Mention", "MentionKind", "Modality", "Period", "Span"]


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


class ClaimKind(StrEnum):
    """What a claim states: a level ("200 مليار دولار"), a change ("نمو بنسبة 25%"), a rank
    ("المرتبة الثانية") or a share of a whole ("حصة 30%")."""

    LEVEL = "level"
    CHANGE = "change"
    RANK = "rank"
    SHARE = "share"


class Modality(StrEnum):
    FACT = "fact"
    FORECAST = "forecast"
    TARGET = "target"


@dataclass(frozen=True, slots=True)
class Period:
    """The time a claim is about.  ``year`` is set for a year or a part of one; ``month``,
    ``quarter`` or ``half`` narrow it; ``months`` is a range of months (Jan-Nov); ``relative`` is
    the offset of a year named relative to the article's date (العام الماضي = -1), resolved into
    ``year`` when the date is known.  ``span``/``text`` point at the words that said it."""

    year: int | None = None
    month: int | None = None
    quarter: int | None = None
    half: int | None = None
    months: tuple[int, int] | None = None
    relative: int | None = None
    cue: str | None = None  # "in", "by", "since", "until"
    span: Span | None = None
    text: str | None = None
    # the year so far (منذ بداية العام, "year to date"): the months that ended before the article
    to_date: bool = False

    def label(self) -> str | None:
        """2022, 2022-Q1, 2022-H1, 2022-03, 2022-01..2022-11, "2023 to date", or None."""
        if self.year is None:
            return None
        if self.to_date:
            return f"{self.year} to date"
        if self.months is not None:
            return f"{self.year}-{self.months[0]:02d}..{self.year}-{self.months[1]:02d}"
        if self.month is not None:
            return f"{self.year}-{self.month:02d}"
        if self.quarter is not None:
            return f"{self.year}-Q{self.quarter}"
        if self.half is not None:
            return f"{self.year}-H{self.half}"
        return str(self.year)

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "label": self.label(),
            "month": self.month,
            "quarter": self.quarter,
            "half": self.half,
            "relative": self.relative,
            "cue": self.cue,
            "to_date": self.to_date,
            "text": self.text,
            "start": None if self.span is None else self.span.start,
            "end": None if self.span is None else self.span.end,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A number together with what it says about the world.

    ``value``/``low``/``high``/``unit``/``approx``/``comparator`` come from its mention;
    ``as_written`` is the number with its hedge and comparator as they stand in the text.  For a
    rank, ``value`` is the rank, ``subject`` the ranked entity and ``criterion`` what it is ranked
    by.  ``direction`` is "increase" or "decrease" for a change.  ``entities`` are ISO 3166-1
    alpha-3 codes (or World Bank aggregate codes).  ``metric`` is the phrase the number qualifies,
    as written.  ``check_worthy`` is False, with a ``reason``, for numbers that state nothing to
    check (a year used as a date, a name, an ordinal that is no rank ...).
    """

    id: str
    span: Span
    text: str
    sentence: Span
    kind: ClaimKind | None
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    as_written: str
    approx: bool
    comparator: str
    direction: str | None
    period: Period | None
    entities: tuple[str, ...]
    subject: str | None
    metric: str | None
    criterion: str | None
    modality: Modality
    check_worthy: bool
    reason: str | None
    mentions: tuple[Mention, ...]
    rule: str
    resolution: Decimal | None = None
    # where ``entities`` came from: "text" (the claim's own sentence), "document" (the country the
    # user gave: front matter ``country:`` or ``--country``), "article" (the country the article
    # names most, for a claim that names none: "the kingdom", البلاد, or nothing at all)
    entities_from: str = "text"
    # "average" for a figure averaged over several years ("averaged 4% in the decade to 2022")
    aggregate: str | None = None
    # about a fiscal year ("FY 2018-19", العام المالي 2021/2022), which calendar-year data do not give
    fiscal_year: bool = False
    # what narrows the measure, as qualifier ids of the lexicon ("food", "non_oil", "lng", "female")
    qualifiers: tuple[str, ...] = ()
    # the words of its clause before it, back to the number before it: where its subject is written
    scope: Span | None = None
    # for a change, the whole year it is measured from when its clause names one ("since 2010")
    base: Period | None = None
    # the entities a trade flow goes to or comes from, not the trader ("imports from Russia",
    # صادرات الصين إلى روسيا): a table of one country's own totals cannot answer for them
    partners: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The public claim record (README, "Claim schema"); Decimals are left as Decimal."""
        return {
            "id": self.id,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.text,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "kind": None if self.kind is None else str(self.kind),
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "as_written": self.as_written,
            "approx": self.approx,
            "comparator": self.comparator,
            "direction": self.direction,
            "period": None if self.period is None else self.period.to_json(),
            "entities": list(self.entities),
            "subject": self.subject,
            "metric": self.metric,
            "criterion": self.criterion,
            "modality": str(self.modality),
            "check_worthy": self.check_worthy,
            "reason": self.reason,
            "mentions": [{"start": m.span.start, "end": m.span.end, "kind": str(m.kind)} for m in self.mentions],
            "rule": self.rule,
            "entities_from": self.entities_from,
            "aggregate": self.aggregate,
            "fiscal_year": self.fiscal_year,
            "qualifiers": list(self.qualifiers),
            "scope": None if self.scope is None else {"start": self.scope.start, "end": self.scope.end},
            "base": None if self.base is None else self.base.to_json(),
            "partners": list(self.partners),
        }
