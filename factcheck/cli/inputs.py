"""Reading the CLI's input files: whatever is there, a clear message or the text, never a traceback.

* An article is read whole, up to ``MAX_DOCUMENT_MB`` (news articles are kilobytes; a bigger
  file is refused with its size, before it is read).  UTF-8 is the norm; a byte-order mark says
  UTF-16 or UTF-32 and is honoured; a file with NUL bytes and no mark is refused as binary data or
  as UTF-16 without a mark, which is the usual accident.
* A JSON-lines corpus is streamed a line at a time (:func:`iter_lines`), so memory stays flat
  however large it is; a line that is not UTF-8 is reported with its line and byte offset and the
  rest of the corpus is still read.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from typing import BinaryIO

from factcheck.errors import InputError

__all__ = ["MAX_DOCUMENT_MB", "iter_lines", "read_text", "shown_name"]

MAX_DOCUMENT_MB = 10
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def shown_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _open(path: str) -> BinaryIO:
    shown = shown_name(path)
    if path == "-":
        return sys.stdin.buffer
    try:
        if os.path.isdir(path):
            raise InputError("is a directory, not a file", shown)
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", shown) from None
    except PermissionError:
        raise InputError("permission denied", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None


def _decode(data: bytes, shown: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {codec.upper()} at byte {exc.start} ({exc.reason})", shown) from None
    nul = data.find(b"\0", 0, 65536)
    if nul >= 0:
        sample = data[:4096]
        if sample and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4):
            raise InputError("looks like UTF-16 without a byte-order mark: save it as UTF-8", shown, offset=nul)
        raise InputError(f"binary data, not text (a NUL byte at byte {nul})", shown, offset=nul)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 at byte {exc.start} ({exc.reason} 0x{data[exc.start]:02x})", shown, offset=exc.start
        ) from None


def read_text(path: str, max_mb: float = MAX_DOCUMENT_MB) -> str:
    """The text of a file (or of standard input for "-"), whole; refused with a reason when it
    is missing, a directory, unreadable, larger than ``max_mb`` megabytes or not text."""
    shown = shown_name(path)
    limit = int(max_mb * 2**20)
    handle = _open(path)
    try:
        if path != "-":
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise InputError(f"too large: {size / 2**20:.1f} MB (the limit is {max_mb:g} MB; see --max-mb)", shown)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:  # vanished, or a device that fails mid-read
            raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
        if len(data) > limit:
            raise InputError(f"too large: more than {max_mb:g} MB (see --max-mb)", shown)
    finally:
        if path != "-":
            handle.close()
    return _decode(data, shown)


def iter_lines(path: str) -> Iterator[tuple[int, int, str | None, str | None]]:
    """The lines of a file one at a time: ``(line number, byte offset, text, problem)``; a line
    that is not UTF-8 has no text and says why."""
    shown = shown_name(path)
    handle = _open(path)
    offset = 0
    try:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip(b"\r\n")
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            try:
                yield number, offset, line.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield number, offset, None, f"not valid UTF-8 at byte {offset + exc.start} ({exc.reason})"
            offset += len(raw)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None
    finally:
        if path != "-":
            handle.close()
