"""tokenize(normalised text) -> tokens: runs of digits, words and single punctuation marks.

Tokens carry spans in NORMALISED coordinates (``NormalizedText.to_original`` maps them back) and
whether whitespace separates them from the token before.  A digit run keeps its separators
(``1,234.5``, ``1 234 567``): :mod:`factcheck.text.numerals` decides what it means.  An ordinary
space is kept inside a run only before exactly three digits.

>>> [(t.kind, t.text) for t in tokenize("نمو 25.5% في 2022")]
[('word', 'نمو'), ('num', '25.5'), ('punct', '%'), ('word', 'في'), ('num', '2022')]
"""

from __future__ import annotations

import regex

from factcheck.limits import guarded

__all__ = ["TOKEN_PATTERN", "Token", "tokenize"]

TOKEN_PATTERN = regex.compile(
    r"(?P<num>(?:(?<![0-9\p{L}.,])\.(?=[0-9]))?[0-9]+"
    r"(?:(?:[.,،'’\u00a0\u202f\u2009]|\x20(?=[0-9]{3}(?![0-9])))[0-9]+)*)"
    r"|(?P<word>[\p{L}\p{M}]+)"
    r"|(?P<punct>[^\s\p{L}\p{M}0-9])"
)


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
    stop = len(text) if end is None else end
    with guarded(stop - start, "tokenizing") as seconds:
        for m in TOKEN_PATTERN.finditer(text, start, stop, timeout=seconds):
            s = m.start()
            out.append(Token(m.lastgroup or "punct", s, m.end(), m.group(), s != prev_end))
            prev_end = m.end()
    return out
