"""Articles as read from a file: the original text, the part of it that is prose, and its metadata.

A :class:`Document` keeps the text exactly as read, and a ``body`` of the same length in which
everything that is not prose is blanked out: YAML front matter, fenced and indented code blocks,
inline code, HTML comments and tags, and link targets in Markdown.  Blanking replaces each
character by a space (line breaks are kept), so an offset into ``body`` is the same offset into
``text``: the claim miner reads ``body`` and every span it reports slices the original file
(the miner is given both: what it reports as written, a claim's text, is sliced from ``text``,
never from the body, where a soft line break of Markdown reads as a space).

A byte-order mark belongs to the encoding, not to the text: the command line decodes it away, so
the offsets, lines and columns of a file with a mark are those of the same file without one.  A
string given to the API is the text as it stands: a U+FEFF in it is one more character that
every offset counts (normalisation skips it).

Front matter is a block between two ``---`` lines at the very start of the file, in plain text
and Markdown alike.  Its ``date:`` gives the article's date, ``lang:`` (or ``language:``) its
language, ``title:`` its title, ``url:`` where it was published and ``country:`` the country it is
about (a claim that names no country is about it).  A date that cannot be read is
an error naming the file and line, not a silent "date unknown".

>>> doc = parse_document("---\\ndate: 2022-12-30\\n---\\nGrew 25% in 2022.\\n", "a.md")
>>> doc.date, doc.body.strip(), doc.position(doc.text.index("25%"))
(datetime.date(2022, 12, 30), 'Grew 25% in 2022.', (4, 6))
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
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
    country: str | None = None  # front matter ``country:``, as an ISO 3166-1 alpha-3 code

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in code points) of an offset into ``text``."""
        starts = self._lines or _line_starts(self.text)
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in _NEWLINE.finditer(text, timeout=budget(len(text)))))


_NOT_BREAK = re.compile(r"[^\r\n]+")


def _spaces(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _blank(text: str, spans: Iterable[tuple[int, int]], fill: str | None = None) -> str:
    """``text`` with the characters of ``spans`` (in order; overlaps allowed) made spaces, line
    breaks kept (or each replaced by ``fill``).  The same length, built from slices joined a
    few thousand at a time: a megabyte of text costs a few megabytes, not a list of a million
    characters."""
    chunks: list[str] = []
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        start = max(start, done)
        if start >= end:
            continue
        pieces += (text[done:start], fill * (end - start) if fill else _NOT_BREAK.sub(_spaces, text[start:end]))
        done = end
        if len(pieces) >= 4096:
            chunks.append("".join(pieces))
            pieces = []
    if not chunks and not pieces:
        return text
    pieces.append(text[done:])
    chunks.append("".join(pieces))
    return "".join(chunks)


def _front_matter(text: str) -> tuple[dict[str, tuple[str, int]], int]:
    """The fields of the front matter (value, line), and where the block ends (0: none)."""
    found = _FRONT.match(text, timeout=budget(len(text)))
    if found is None:
        return {}, 0
    fields: dict[str, tuple[str, int]] = {}
    first_line = text.count("\n", 0, found.start(1)) + 1
    for k, line in enumerate(found.group(1).splitlines()):
        m = _FIELD.match(line)
        if m is not None:
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            fields.setdefault(m.group(1).lower(), (value, first_line + k))
    return fields, found.end()


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


def _markdown(text: str, body: str) -> str:
    """``body`` (the text, front matter blanked) with what Markdown does not show as prose
    blanked too: code, comments, tags and link targets (each pattern reads the text as the ones
    before it left it)."""
    seconds = budget(len(text))
    fenced: list[tuple[int, int]] = []
    open_at: re.Match[str] | None = None
    for m in _FENCE.finditer(text, timeout=seconds):
        if open_at is None:
            open_at = m
        elif _closes(open_at, m):
            fenced.append((open_at.start(), m.end()))
            open_at = None
    if open_at is not None:  # an unclosed fence runs to the end of the document
        fenced.append((open_at.start(), len(text)))
    masked = _blank(body, fenced)
    masked = _blank(masked, _indented_code(text, masked))
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _AUTOLINK, _HTML_TAG, _LINK_TARGET, _REF_DEFINITION):
        masked = _blank(masked, ((m.start(), m.end()) for m in pattern.finditer(masked, timeout=seconds)))
    return masked


_BLOCK_START = re.compile(r" {0,3}(?:#|>|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|\||```|~~~|<)")


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines() breaks
_LINE = re.compile(f"[^{_BREAKS}]*(?:\r\n|[{_BREAKS}])|[^{_BREAKS}]+")


def _lines(text: str) -> Iterator[str]:
    """``text.split("\\n")``, one line at a time."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _soft_breaks(body: str) -> Iterator[tuple[int, int]]:
    """A line break inside a Markdown paragraph is a space to a reader: so it becomes one in the
    body (a sentence wrapped over two lines is one sentence).  Breaks before a blank line, a
    heading, a list item, a quote or a table stay.  The spans of the breaks to make spaces."""
    offset = 0
    for this, following in itertools.pairwise(_lines(body)):
        offset += len(this)
        inside = this.strip() and following.strip() and not this.lstrip().startswith("#")
        if inside and not _BLOCK_START.match(following):
            yield offset, offset + 1
        offset += 1


def _closes(opening: re.Match[str], fence: re.Match[str]) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    mark, other = opening.group(2), fence.group(2)
    rest = fence.group(0)[len(fence.group(1)) + len(other) :]
    return other[0] == mark[0] and len(other) >= len(mark) and not rest.strip()


def _indented_code(text: str, masked: str) -> Iterator[tuple[int, int]]:
    """The indented code blocks: lines indented by 4 spaces or a tab after a blank line
    (``masked`` is the text with the fenced code already blanked)."""
    offset = 0
    previous_blank = True
    in_code = False
    for m in _LINE.finditer(text, timeout=budget(len(text))):  # text.splitlines(keepends=True), one at a time
        line = m.group()
        stripped = line.strip()
        shown = not masked[offset : offset + len(line)].isspace() and bool(line)
        indented = line.startswith(("    ", "\t")) and not _LIST_ITEM.match(stripped)
        if shown and indented and (in_code or previous_blank):
            yield offset, offset + len(line)
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
    with guarded(len(text), "reading the Markdown"):
        fields, front = _front_matter(text)
        body = _blank(text, [(0, front)])
        if format == "markdown":
            body = _markdown(text, body)
            body = _blank(body, _soft_breaks(body), " ")
        lines = _line_starts(text)
    date = _date(fields["date"][0], name, fields["date"][1]) if fields.get("date", ("",))[0] else None
    lang_field = fields.get("lang") or fields.get("language")
    lang = lang_field[0].strip() or None if lang_field else None
    title = fields["title"][0] if "title" in fields else None
    url = fields["url"][0] if fields.get("url", ("",))[0] else None
    country = None
    if fields.get("country", ("",))[0].strip():
        value, line = fields["country"]
        country = country_code(value, f"line {line}: front matter country", name)
    return Document(name, text, body, format, date, lang, title, url, lines, country)


def country_code(value: str, what: str, name: str | None = None) -> str:
    """The ISO 3166-1 alpha-3 code of a country given by name in English or Arabic, or by code
    ("Egypt", "مصر", "EGY", "eg"); raises :class:`~factcheck.errors.InputError` naming ``what``."""
    from factcheck.entities import get_gazetteer

    text = value.strip()
    gazetteer = get_gazetteer()
    code = text.upper() if len(text) == 3 and text.upper() in gazetteer.entities else gazetteer.code_for(text)
    if code is None:
        example = "a name such as Egypt or مصر, or EGY"
        raise InputError(f"{what} {value!r} is not a country factcheck knows ({example})", name)
    return code
