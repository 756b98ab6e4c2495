"""tokenize(normalised text) -> tokens: runs of digits, words and single punctuation marks.

Tokens carry spans in NORMALISED coordinates (``NormalizedText.to_original`` maps them back) and
whether whitespace separates them from the token before.  A digit run keeps its separators
(``1,234.5``, ``1 234 567``): :mod:`factcheck.text.numerals` decides what it means.  An ordinary
space is kept inside a run only before exactly three digits.

>>> [(t.kind, t.text) for t in tokenize("نمو 25.5% في 2022")]
[('word', 'نمو'), ('num', '25.5'), ('punct', '%'), ('word', 'في'), ('num', '2022')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from factcheck.limits import guarded

__all__ = ["Token", "token_spans", "tokenize"]

_TOKEN = (
    r"(?:(?<![0-9\p{L}.,])\.(?=[0-9]))?[0-9]+"
    r"(?:(?:[.,،'’\u00a0\u202f\u2009]|\x20(?=[0-9]{3}(?![0-9])))[0-9]+)*"
    r"|[\p{L}\p{M}]+"
    r"|[^\s\p{L}\p{M}0-9]"
)
# up to _RUN tokens per match, read from the captures of the repeated group: a pattern with a
# timeout looks at the clock once per match, and once per token was a third of tokenising
_RUN = 1024
_RUNS = regex.compile(r"(?:\s*(" + _TOKEN + r")){1," + str(_RUN) + "}")
_DIGITS = frozenset("0123456789")


def _kind(text: str, s: int, e: int) -> str:
    ch = text[s]
    if ch in _DIGITS or (ch == "." and e - s > 1):
        return "num"
    if e - s > 1 or ch.isalpha() or unicodedata.category(ch)[0] == "M":
        return "word"
    return "punct"


def token_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[str, int, int]]:
    """``(kind, start, end)`` of each token of ``text[start:end]``, in order; kind is "num",
    "word" or "punct".  Raises :class:`~factcheck.errors.TextTimeout` past the text's budget."""
    stop = len(text) if end is None else end
    with guarded(stop - start, "tokenizing") as seconds:
        for m in _RUNS.finditer(text, start, stop, timeout=seconds):
            for s, e in m.spans(1):
                ch = text[s]  # _kind, written out: this runs once per token of every text
                if ch in _DIGITS or (ch == "." and e - s > 1):
                    yield "num", s, e
                elif e - s > 1 or ch.isalpha():
                    yield "word", s, e
                else:
                    yield _kind(text, s, e), s, e


class Token:
    """One token.  ``start``/``end`` are normalised offsets; ``space_before`` is True when
    whitespace (or the start of the text) comes right before it."""

    __slots__ = ("end", "kind", "space_before", "start", "text")

    def __init__(self, kind: str, start: int, end: int, text: str, space_before: bool) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.space_before = space_before

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` (already normalised), with offsets into ``text``."""
    out: list[Token] = []
    prev_end = -1
    for kind, s, e in token_spans(text, start, end):
        out.append(Token(kind, s, e, text[s:e], s != prev_end))
        prev_end = e
    return out
