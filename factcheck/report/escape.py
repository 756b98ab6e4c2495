"""The one escaping layer of the reports: a function per output context, and the URL policy.

Every string a renderer takes from an article, its front matter, the options or the reference
catalogue goes through one of these before it is written:

* :func:`html_text` and :func:`html_attr`: HTML text and quoted attribute values;
* :func:`html_marked`: article text shown so that what a reader sees is what was checked (each
  bidi control becomes a visible marker);
* :func:`md_text`: Markdown inline text and table cells (no markup, no raw HTML, one line);
* :func:`md_code` and :func:`md_fence`: a code span and a fenced code block that nothing can close early;
* :func:`md_link`: a Markdown autolink for an http(s) URL, else the URL as plain text;
* :func:`script_json`: JSON text safe inside ``<script type="application/ld+json">``;
* :func:`plain` and :func:`plain_data`: text for SARIF, GitHub annotations and JSON-LD values,
  whose writers escape their own syntax;
* :func:`terminal_text`: text for a terminal (no control sequences).

Each of them returns text that encodes as strict UTF-8: a lone surrogate (possible in text given
to the API) becomes U+FFFD.  Bidi embedding, override and isolate controls never reach these
outputs raw: they are shown as markers or ``\\u202e``-style escapes, so they cannot reorder what a
reader sees (see :mod:`factcheck.text.bidi`).  The JSON report is data, not a display: it keeps
the text exactly, as JSON strings.

The URL policy (:func:`safe_url`): only ``http://`` and ``https://`` URLs with a host are ever
written as links; anything else (``javascript:``, ``data:``, relative paths, URLs with spaces or
control characters such as ``"java\\tscript:"``) is written as plain text or left out.
:func:`check_url` is the same rule for an option, raising :class:`~factcheck.errors.InputError`.

>>> html_text('<b a="1">')
'&lt;b a=&quot;1&quot;&gt;'
>>> md_text("[x](javascript:alert(1))")
'\\\\[x\\\\](javascript:alert(1))'
>>> safe_url(" JAVASCRIPT:alert(1)") is None, safe_url("https://example.org/a b") is None
(True, True)
>>> script_json({"t": "</script>"})
'{"t": "\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

from factcheck.errors import InputError
from factcheck.text.bidi import CONTROLS, EXPLICIT, describe

__all__ = [
    "check_url",
    "clean",
    "html_attr",
    "html_marked",
    "html_text",
    "md_code",
    "md_fence",
    "md_link",
    "md_text",
    "plain",
    "plain_data",
    "reveal",
    "safe_url",
    "script_json",
    "terminal_text",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_EXPLICIT = re.compile("[" + "".join(sorted(EXPLICIT)) + "]")
_ANY_BIDI = re.compile("[" + "".join(sorted(CONTROLS)) + "]")
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_URL_SAFE = "/:@!$&'()*+,;=?#[]%~-._"


def clean(value: Any) -> str:
    """``str(value)`` with each lone surrogate (and NUL) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", str(value)).replace("\x00", "\ufffd")


def reveal(text: str) -> str:
    """Text with each bidi embedding, override or isolate control written as a ``\\u202e`` escape."""
    return _EXPLICIT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def plain(value: Any) -> str:
    """Text for a writer that escapes its own syntax (SARIF, GitHub, JSON-LD): cleaned, controls revealed."""
    return reveal(clean(value))


def plain_data(value: Any) -> Any:
    """:func:`plain` applied to every string (keys too) of a JSON-like structure."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {plain(k): plain_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_data(v) for v in value]
    return value


def terminal_text(value: Any) -> str:
    """Text for a terminal: control characters (escape sequences) and bidi controls as escapes."""
    text = _SURROGATE.sub("\ufffd", str(value))
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return reveal(text)


def _marker_text(ch: str) -> str:
    return f"\u27e8{CONTROLS[ch][0]}\u27e9"


def html_attr(value: Any) -> str:
    """Text for a quoted HTML attribute value (and for HTML text): escaped, quotes included,
    bidi embedding, override and isolate controls shown as ⟨RLO⟩-style markers."""
    text = escape(clean(value), quote=True)
    return _EXPLICIT.sub(lambda m: _marker_text(m.group()), text)


html_text = html_attr


def html_marked(value: Any) -> str:
    """Article text as HTML: escaped, and every bidi control (marks too) shown as a visible marker
    (``<span class="bidi" title="U+202E RIGHT-TO-LEFT OVERRIDE">⟨RLO⟩</span>``) instead of acting."""
    text = escape(clean(value), quote=True)
    return _ANY_BIDI.sub(
        lambda m: f'<span class="bidi" title="{describe(m.group())}">{_marker_text(m.group())}</span>', text
    )


def md_text(value: Any) -> str:
    """Text safe inline in Markdown, table cells included: markup characters are backslash-escaped
    (so no emphasis, link, autolink, raw HTML or cell break), line breaks become spaces."""
    out = reveal(clean(value)).replace("\\", "\\\\")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return _SPACE.sub(" ", out)


def md_code(value: Any) -> str:
    """Text as a Markdown code span: fenced by more backticks than it holds in a row, on one line."""
    text = _SPACE.sub(" ", reveal(clean(value)))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_fence(value: Any, info: str = "") -> list[str]:
    """Text as the lines of a fenced Markdown code block, fenced by more backticks than any run in it."""
    text = reveal(clean(value))
    fence = "`" * max(3, max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    return [fence + info, *text.splitlines(), fence]


def md_link(url: Any) -> str:
    """An http(s) URL as a Markdown autolink ``<https://...>``; any other as escaped plain text."""
    safe = safe_url(url)
    return f"<{safe}>" if safe is not None else md_text(url)


def safe_url(value: Any) -> str | None:
    """``value`` as a URL fit to be written as a link, or None.

    Only ``http://`` and ``https://`` URLs with a host qualify; a URL holding whitespace, a control
    character, a backslash or a lone surrogate does not (browsers drop tabs and newlines, which
    turns ``"java\\tscript:"`` into ``javascript:``).  Characters that could end an autolink or an
    attribute (``<``, ``>``, ``"``, ``\\```, ``{``, ``}``, ``|``, ``^``, non-ASCII) are percent-encoded."""
    if not isinstance(value, str) or not value or len(value) > 4096:
        return None
    if _SURROGATE.search(value) or _ANY_BIDI.search(value) or any(c.isspace() or c in "\\\x7f" for c in value):
        return None
    if _CONTROL.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:  # an unbalanced IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if not value.lower().startswith(("http://", "https://")):
        return None
    return quote(value, safe=_URL_SAFE)


def check_url(value: str, option: str) -> str:
    """The URL given for ``option`` (e.g. ``--author-url``), or :class:`InputError` when it is not
    an http:// or https:// address."""
    safe = safe_url(value)
    if safe is None:
        shown = clean(value if len(value) <= 80 else value[:80] + "...")
        raise InputError(f"{option} must be an http:// or https:// address, not {reveal(shown)!r}")
    return safe


def script_json(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON text that can sit inside ``<script type="application/ld+json">``: ``<``,
    ``>`` and ``&`` (so no ``</script>`` or ``<!--``) and U+2028/U+2029 are written as ``\\u``
    escapes, lone surrogates as U+FFFD and bidi controls revealed.  ``json.loads`` reads back the
    same strings."""
    text = json.dumps(plain_data(data), ensure_ascii=False, indent=indent)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text
