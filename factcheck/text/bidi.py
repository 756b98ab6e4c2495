"""Bidirectional-text controls that can make a number display differently from what is checked.

An override (U+202D LRO, U+202E RLO) reverses how the characters after it are shown until its
pop (U+202C PDF) or the end of the paragraph: ``"\\u202e92\\u202c%"`` is shown as 29% while the
text, and so factcheck, says 92%.  Embeddings (U+202A, U+202B) and isolates (U+2066-U+2069) move
a number and its signs relative to the words around it.  The marks U+200E, U+200F and U+061C do
nothing on their own, but inside a number they split it into pieces the reader sees rearranged.

:func:`bidi_controls_around` finds, for one span of a text, the controls that affect it: those
inside it, and those opened earlier in the same paragraph and not yet closed where it starts.
It is pure and works on the original text (normalisation deletes these characters, so the claims
never see them).

>>> text = "Exports rose \\u202e92\\u202c% last year."
>>> [(offset, CONTROLS[ch][0]) for offset, ch in bidi_controls_around(text, 13, 17)]
[(13, 'RLO'), (16, 'PDF')]
>>> bidi_controls_around("Exports rose 29% last year.", 13, 16)
()
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["CONTROLS", "EXPLICIT", "MARKS", "bidi_controls_around", "bidi_diagnostics", "describe"]

# character -> (abbreviation, Unicode name)
CONTROLS: dict[str, tuple[str, str]] = {
    "\u202a": ("LRE", "LEFT-TO-RIGHT EMBEDDING"),
    "\u202b": ("RLE", "RIGHT-TO-LEFT EMBEDDING"),
    "\u202c": ("PDF", "POP DIRECTIONAL FORMATTING"),
    "\u202d": ("LRO", "LEFT-TO-RIGHT OVERRIDE"),
    "\u202e": ("RLO", "RIGHT-TO-LEFT OVERRIDE"),
    "\u2066": ("LRI", "LEFT-TO-RIGHT ISOLATE"),
    "\u2067": ("RLI", "RIGHT-TO-LEFT ISOLATE"),
    "\u2068": ("FSI", "FIRST STRONG ISOLATE"),
    "\u2069": ("PDI", "POP DIRECTIONAL ISOLATE"),
    "\u200e": ("LRM", "LEFT-TO-RIGHT MARK"),
    "\u200f": ("RLM", "RIGHT-TO-LEFT MARK"),
    "\u061c": ("ALM", "ARABIC LETTER MARK"),
}
# embeddings, overrides, isolates and their pops: they act on the text after them
EXPLICIT = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# marks: they matter only inside a number
MARKS = frozenset("\u200e\u200f\u061c")
_OPENERS = frozenset("\u202a\u202b\u202d\u202e")  # closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # closed by PDI
# where the Unicode Bidirectional Algorithm starts a new paragraph (every control is closed there)
_PARAGRAPH = frozenset("\n\r\x1c\x1d\x1e\x85\u2029")


_EVENTS = re.compile("[" + "".join(sorted(EXPLICIT | _PARAGRAPH)) + "]")
_MAX_DEPTH = 125  # the Unicode Bidirectional Algorithm's own limit on nesting
_SHOWN = 4  # the innermost controls open at a span are the ones named
_MAX_NOTES = 20  # diagnostics per text; the rest are counted


def _open_at_each(text: str, starts: list[int]) -> dict[int, tuple[tuple[int, str], ...]]:
    """For each offset of ``starts``, the innermost embeddings, overrides and isolates still open
    there (offset, character).  One pass over the controls of the text, however many offsets."""
    wanted = sorted(set(starts))
    out: dict[int, tuple[tuple[int, str], ...]] = {}
    stack: list[tuple[int, str]] = []
    k = 0
    for m in _EVENTS.finditer(text):
        i, ch = m.start(), m.group()
        while k < len(wanted) and wanted[k] <= i:
            out[wanted[k]] = tuple(stack[-_SHOWN:])
            k += 1
        if ch in _PARAGRAPH:
            stack.clear()
        elif ch in _OPENERS or ch in _ISOLATES:
            if len(stack) < _MAX_DEPTH:
                stack.append((i, ch))
        elif ch == "\u202c":  # PDF closes the last embedding or override, never across an isolate
            if stack and stack[-1][1] in _OPENERS:
                stack.pop()
        elif ch == "\u2069":  # PDI closes the last isolate and whatever was opened inside it
            while any(c in _ISOLATES for _, c in stack):
                if stack.pop()[1] in _ISOLATES:
                    break
    for offset in wanted[k:]:
        out[offset] = tuple(stack[-_SHOWN:])
    return out


def _around(text: str, start: int, end: int, opened: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    inside = [(i, text[i]) for i in range(start, end) if text[i] in EXPLICIT or text[i] in MARKS]
    after = end
    while after < len(text) and text[after] in EXPLICIT:
        inside.append((after, text[after]))
        after += 1
    # a mark matters inside the number only, not at its ends
    inside = [(i, ch) for i, ch in inside if ch not in MARKS or start < i < end - 1]
    return tuple(sorted(set(opened) | set(inside)))


def bidi_controls_around(text: str, start: int, end: int) -> tuple[tuple[int, str], ...]:
    """The bidi controls that change how ``text[start:end]`` is displayed, as (offset, character)
    in order: the embeddings, overrides and isolates open where it starts, every explicit control
    inside it (or straight after it, before the next character that is not a control), and the
    marks inside it.  Empty when the span is shown as it is written."""
    start, end = max(start, 0), min(end, len(text))
    return _around(text, start, end, _open_at_each(text, [start])[start])


def describe(ch: str) -> str:
    """``"U+202E RIGHT-TO-LEFT OVERRIDE"`` for a bidi control."""
    return f"U+{ord(ch):04X} {CONTROLS[ch][1]}"


def _shown(text: str) -> str:
    """Text with every bidi control written as a ``\\u202e`` escape (so a message cannot be spoofed)."""
    return "".join(f"\\u{ord(ch):04x}" if ch in CONTROLS else ch for ch in text)


def bidi_diagnostics(
    text: str, spans: Iterable[tuple[int, int]], position: Callable[[int], tuple[int, int]]
) -> tuple[str, ...]:
    """A message for each span of ``text`` that bidi controls can make display differently from
    what it says; ``position`` turns an offset into a 1-based (line, column).  The first 20 are
    named, the rest counted in one last message.

    >>> bidi_diagnostics("Up \\u202e92\\u202c%.", [(4, 8)], lambda i: (1, i + 1))  # doctest: +NORMALIZE_WHITESPACE
    ('line 1, column 5: bidi control characters around “92\\\\u202c%” can make it display differently
      from what is checked (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING)',)
    """
    bounded = [(max(start, 0), min(end, len(text))) for start, end in spans]
    opened = _open_at_each(text, [start for start, _ in bounded])
    out = []
    more = 0
    for start, end in bounded:
        found = _around(text, start, end, opened[start])
        if not found:
            continue
        if len(out) == _MAX_NOTES:
            more += 1
            continue
        line, column = position(start)
        names = ", ".join(dict.fromkeys(describe(ch) for _, ch in found))
        out.append(
            f"line {line}, column {column}: bidi control characters around “{_shown(text[start:end])}” "
            f"can make it display differently from what is checked ({names})"
        )
    if more:
        out.append(f"{more} more numbers have bidi control characters around them")
    return tuple(out)
