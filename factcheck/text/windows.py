"""Cutting a long text into windows read one after another, so memory stays bounded.

Everything the miner builds for a text (an object per token, the context of every sentence) is
proportional to the text; a document of several megabytes, or of text built to be hostile (a
million brackets), would hold all of it at once.  :func:`windows` cuts the normalised text into
pieces of at most ``size`` characters, at the last paragraph break before the limit, else the last
line break, else the last space: a claim never reaches across a paragraph, so reading the
windows one by one finds what reading the whole would.  A text with no space at all in a whole
window (only hostile input) is cut between two characters that are not both letters or digits
when one is near, else at the limit.

A cut that is not after a space may split a token (a run of 300,000 digits, a word with no end):
:func:`readable` leaves out of a window the stretch without spaces that touches such a cut, on
both sides, so no piece of a token is ever read as if it were the whole (the tail of a digit run
as a number).  A stretch that long without a space is no text.

>>> list(windows("one\\n\\ntwo\\n\\nthree", size=10))
[(0, 10), (10, 15)]
>>> text = "12345678 9"
>>> [readable(text, a, b) for a, b in windows(text, size=4)]
[(0, 0), (8, 8), (8, 10)]
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["WINDOW_CHARS", "readable", "windows"]

WINDOW_CHARS = 100_000  # about 200 KB of Arabic; an article is a tenth of it (and the miner's objects for a
# window of text made only of numbers, "1 2 3 ...", take about 100 MB)
_BREAKS = ("\n\n", "\n", " ")
_NEAR = 64  # how far back a cut in text without spaces looks for a boundary between tokens


def windows(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces of ``text`` covering all of it, each at most
    ``size`` characters (``size`` >= 2; :data:`WINDOW_CHARS` by default), cut where no token and
    no paragraph is split."""
    size = WINDOW_CHARS if size is None else size
    if size < 2:
        raise ValueError(f"a window needs at least 2 characters, not {size}")
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        cut = -1
        for mark in _BREAKS:
            found = text.rfind(mark, start + size // 2, limit)
            if found != -1:
                cut = found + len(mark)
                break
        if cut == -1:
            cut = _between_tokens(text, limit, max(start + 1, limit - _NEAR))
        yield start, cut
        start = cut
    if start < n or n == 0:
        yield start, n


def _between_tokens(text: str, limit: int, floor: int) -> int:
    for cut in range(limit, floor - 1, -1):
        if not (text[cut - 1].isalnum() and text[cut].isalnum()):
            return cut
    return limit


def readable(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of the window ``[start, end)`` of ``text`` to read: without the stretch of
    non-space characters that a cut inside it splits, at either end (a cut after a space, the
    only kind in real text, leaves the window whole)."""
    if 0 < start < end and not text[start - 1].isspace() and not text[start].isspace():
        while start < end and not text[start].isspace():
            start += 1
    if start < end < len(text) and not text[end - 1].isspace() and not text[end].isspace():
        while end > start and not text[end - 1].isspace():
            end -= 1
    return start, end
