"""Articles as read from a file: the original text, the part of it that is prose, and its metadata.

A :class:`Document` keeps the text exactly as read, and a ``body`` of the same length in which
everything that is not prose is blanked out: YAML front matter, fenced and indented code blocks,
inline code, HTML comments and tags, and link targets in Markdown.  Blanking replaces each
character by a space (line breaks are kept), so an offset into ``body`` is the same offset into
``text``: the claim miner reads ``body`` and every span it reports slices the original file.

Front matter is a block between two ``---`` lines at the very start of the file, in plain text
and Markdown alike.  Its ``date:`` gives the article's date, ``lang:`` (or ``language:``) its
language, ``title:`` its title and ``url:`` where it was published.  A date that cannot be read is
an error naming the file and line, not a silent "date unknown".

>>> doc = parse_document("---\\ndate: 2022-12-30\\n---\\nGrew 25% in 2022.\\n", "a.md")
>>> doc.date, doc.body.strip(), doc.position(doc.text.index("25%"))
(datetime.date(2022, 12, 30), 'Grew 25% in 2022.', (4, 6))
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, field

import regex as re

from factcheck.errors import InputError
from factcheck.limits import budget, guarded

__all__ = ["Document", "parse_document"]

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*$", re.M)
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TARGET = re.compile(r"(?<=\])\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.M)
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>")


@dataclass(frozen=True)
class Document:
    """An article: ``text`` as read, ``body`` with only its prose left (same length), its metadata."""

    name: str
    text: str
    body: str
    format: str  # "text" or "markdown"
    date: dt.date | None = None
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    _lines: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in code points) of an offset into ``text``."""
        starts = self._lines or _line_starts(self.text)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _NEWLINE.finditer(text, timeout=budget(len(text)))))


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _front_matter(text: str, chars: list[str]) -> dict[str, tuple[str, int]]:
    """The fields of the front matter (value, line), with the block blanked out of ``chars``."""
    found = _FRONT.match(text, timeout=budget(len(text)))
    if found is None:
        return {}
    fields: dict[str, tuple[str, int]] = {}
    first_line = text.count("\n", 0, found.start(1)) + 1
    for k, line in enumerate(found.group(1).splitlines()):
        m = _FIELD.match(line)
        if m is not None:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            fields.setdefault(m.group(1).lower(), (value, first_line + k))
    _blank(chars, 0, found.end())
    return fields


def _date(value: str, name: str, line: int) -> dt.date:
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(f"line {line}: front matter date {value!r} is not a date such as 2022-12-30", name) from None


def _markdown(text: str, chars: list[str]) -> None:
    """Blank what Markdown does not show as prose: code, comments, tags and link targets."""
    seconds = budget(len(text))
    fences = list(_FENCE.finditer(text, timeout=seconds))
    open_at: re.Match[str] | None = None
    for m in fences:
        if open_at is None:
            open_at = m
        elif _closes(open_at, m):
            _blank(chars, open_at.start(), m.end())
            open_at = None
    if open_at is not None:  # an unclosed fence runs to the end of the document
        _blank(chars, open_at.start(), len(text))
    _indented_code(text, chars)
    masked = "".join(chars)
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _AUTOLINK, _HTML_TAG, _LINK_TARGET, _REF_DEFINITION):
        for m in pattern.finditer(masked, timeout=seconds):
            _blank(chars, m.start(), m.end())
        masked = "".join(chars)


_BLOCK_START = re.compile(r" {0,3}(?:#|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|\||```|~~~|<)")


def _join_soft_breaks(chars: list[str]) -> None:
    """A line break inside a Markdown paragraph is a space to a reader: so it becomes one in the
    body (a sentence wrapped over two lines is one sentence).  Breaks before a blank line, a
    heading, a list item, a quote or a table stay."""
    body = "".join(chars)
    lines = body.split("\n")
    offset = 0
    for this, following in itertools.pairwise(lines):
        offset += len(this)
        inside = this.strip() and following.strip() and not this.lstrip().startswith("#")
        if inside and not _BLOCK_START.match(following):
            chars[offset] = " "
        offset += 1


def _closes(opening: re.Match[str], fence: re.Match[str]) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    mark, other = opening.group(2), fence.group(2)
    rest = fence.group(0)[len(fence.group(1)) + len(other) :]
    return other[0] == mark[0] and len(other) >= len(mark) and not rest.strip()


def _indented_code(text: str, chars: list[str]) -> None:
    """Blank indented code blocks: lines indented by 4 spaces or a tab after a blank line."""
    offset = 0
    previous_blank = True
    in_code = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        shown = "".join(chars[offset : offset + len(line)]).strip()
        indented = line.startswith(("    ", "\t")) and not _LIST_ITEM.match(stripped)
        if shown and indented and (in_code or previous_blank):
            _blank(chars, offset, offset + len(line))
            in_code = True
        elif stripped:
            in_code = False
        previous_blank = not stripped
        offset += len(line)


def parse_document(text: str, name: str = "<text>", format: str | None = None) -> Document:
    """Read ``text`` as an article named ``name``: plain text, or Markdown when ``format`` says so
    or ``name`` ends in ``.md``.  Raises :class:`~factcheck.errors.InputError` for front matter
    whose date cannot be read."""
    if not isinstance(text, str):
        raise InputError(f"parse_document() needs a str, not {type(text).__name__}")
    if format is None:
        format = "markdown" if name.lower().endswith(_MARKDOWN_SUFFIXES) else "text"
    if format not in ("text", "markdown"):
        raise InputError(f"unknown document format {format!r}: text or markdown")
    chars = list(text)
    with guarded(len(text), "reading the Markdown"):
        fields = _front_matter(text, chars)
        if format == "markdown":
            _markdown(text, chars)
            _join_soft_breaks(chars)
        lines = _line_starts(text)
    date = _date(fields["date"][0], name, fields["date"][1]) if fields.get("date", ("",))[0] else None
    lang_field = fields.get("lang") or fields.get("language")
    lang = lang_field[0].strip() or None if lang_field else None
    title = fields["title"][0] if "title" in fields else None
    url = fields["url"][0] if fields.get("url", ("",))[0] else None
    return Document(name, text, "".join(chars), format, date, lang, title, url, lines)
