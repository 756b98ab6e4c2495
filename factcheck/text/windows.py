"""Cutting a long text into windows read one after another, so memory stays bounded.

Everything the miner builds for a text (an object per token, the context of every sentence) is
proportional to the text; a document of several megabytes, or of text built to be hostile (a
million brackets), would hold all of it at once.  :func:`windows` cuts the normalised text into
pieces of at most ``size`` characters, at the last paragraph break before the limit, else the last
line break, else the last space: a claim never reaches across a paragraph, so reading the
windows one by one finds what reading the whole would.  A text with no space at all in a whole
window (only hostile input) is cut between two characters that are not both letters or digits
when one is near, else at the limit.

>>> list(windows("one\\n\\ntwo\\n\\nthree", size=10))
[(0, 10), (10, 15)]
"""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["WINDOW_CHARS", "windows"]

WINDOW_CHARS = 250_000  # about 500 KB of Arabic; an article is a tenth of it
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
