"""NormalizedText: a normalised view of a text plus the map back to the original.

The map is stored compactly as segments, because almost every character maps to exactly one
character: a *copy* segment maps ``n`` normalised characters one-to-one onto ``n`` original ones; an
*expand* segment maps ``k`` normalised characters (a ligature such as U+FEFB read as "لا") onto a
single original character.  Deleted characters (tatweel, harakat, bidi marks) fall between segments.

>>> from factcheck.text.normalize import normalize
>>> nt = normalize("٢٥\u200f٪")
>>> nt.text
'25%'
>>> nt.to_original(0, 3)
Span(start=0, end=4)
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.model import Span

__all__ = ["NormalizedText"]


def _attached(ch: str) -> bool:
    """A character that normalisation deletes but that belongs to the letter before it."""
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """``text`` is the normalised string; ``original`` the string it came from.

    ``_nstarts[k]`` is the normalised index where segment ``k`` begins, ``_ostarts[k]`` the original
    index it maps to and ``_expand[k]`` whether the segment is a one-to-many expansion.
    """

    original: str
    text: str
    _nstarts: tuple[int, ...]
    _ostarts: tuple[int, ...]
    _expand: tuple[bool, ...]

    def _segment(self, i: int) -> int:
        if not 0 <= i < len(self.text):
            raise IndexError(f"normalised index {i} out of range 0..{len(self.text) - 1}")
        return bisect_right(self._nstarts, i) - 1

    def start_of(self, i: int) -> int:
        """Original index of the first original character behind normalised character ``i``."""
        k = self._segment(i)
        if self._expand[k]:
            return self._ostarts[k]
        return self._ostarts[k] + (i - self._nstarts[k])

    def end_of(self, i: int) -> int:
        """Original index just past the original character behind normalised character ``i``.

        Marks that normalisation deleted right after it (harakat, tatweel) belong to that
        character, so they are included; deleted format controls (a trailing RLM) are not.
        """
        k = self._segment(i)
        nstarts, ostarts = self._nstarts, self._ostarts
        end = (ostarts[k] if self._expand[k] else ostarts[k] + (i - nstarts[k])) + 1
        if i + 1 >= len(self.text):
            limit = len(self.original)
        elif k + 1 < len(nstarts) and i + 1 >= nstarts[k + 1]:
            limit = self.start_of(i + 1)  # the next character opens another segment
        else:
            limit = ostarts[k] if self._expand[k] else end  # the same one-to-one (or expanded) segment
        original = self.original
        while end < limit and _attached(original[end]):
            end += 1
        return end

    def to_original(self, start: int, end: int) -> Span:
        """The original span behind the normalised range ``[start, end)`` (non-empty)."""
        if not 0 <= start < end <= len(self.text):
            raise IndexError(f"normalised range [{start}, {end}) out of range 0..{len(self.text)}")
        return Span(self.start_of(start), self.end_of(end - 1))

    @property
    def is_identity(self) -> bool:
        return self.text == self.original and len(self._nstarts) <= 1

    def __len__(self) -> int:
        return len(self.text)
