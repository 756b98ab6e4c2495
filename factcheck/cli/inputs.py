"""Reading the CLI's input files: whatever is there, a clear message or the text, never a traceback.

* An article is read whole, up to ``MAX_DOCUMENT_MB`` (news articles are kilobytes; a bigger
  file is refused with its size, before it is read).  UTF-8 is the norm; a byte-order mark says
  UTF-16 or UTF-32 and is honoured; a file with NUL bytes and no mark is refused as binary data or
  as UTF-16 without a mark, which is the usual accident.
* Only a regular file (or standard input, "-") is read: a directory, FIFO, device or socket is
  refused before it can block (:func:`factcheck.files.open_input`).
* ``--max-mb`` is a finite number of megabytes above 0 and at most ``MAX_MB_LIMIT``
  (:data:`MEGABYTES` checks the option, :func:`read_text` the argument).
* A JSON-lines corpus is streamed a line at a time (:func:`iter_lines`), so memory stays flat
  however large it is; a line that is not UTF-8 is reported with its line and byte offset and the
  rest of the corpus is still read.
"""

from __future__ import annotations

import codecs
import math
import os
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

import click

from factcheck.errors import InputError
from factcheck.files import open_input

__all__ = ["MAX_DOCUMENT_MB", "MAX_MB_LIMIT", "MEGABYTES", "iter_lines", "read_text", "shown_name"]

MAX_DOCUMENT_MB = 10
MAX_MB_LIMIT = 1024  # an article of a gigabyte is no article; and the limit must stay a real number
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
    if path == "-":
        return sys.stdin.buffer
    return open_input(path, shown_name(path))


def check_megabytes(max_mb: Any) -> float:
    """``max_mb`` as a float, if it is a finite number above 0 and at most ``MAX_MB_LIMIT``."""
    try:
        value = float(max_mb)
    except (TypeError, ValueError):
        raise InputError(f"--max-mb must be a number of megabytes, not {max_mb!r}") from None
    if not math.isfinite(value) or not 0 < value <= MAX_MB_LIMIT:
        raise InputError(f"--max-mb must be a number above 0 and at most {MAX_MB_LIMIT}, not {max_mb!r}")
    return value


class _Megabytes(click.ParamType):
    """A ``--max-mb`` value: finite, above 0, at most ``MAX_MB_LIMIT`` (``inf``, ``nan`` and
    ``1e308`` are usage errors)."""

    name = "megabytes"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        try:
            return check_megabytes(value)
        except InputError:
            self.fail(f"{value!r} is not a number above 0 and at most {MAX_MB_LIMIT}", param, ctx)

    def __repr__(self) -> str:
        return "MEGABYTES"


MEGABYTES = _Megabytes()


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
    is missing, not a regular file, unreadable, larger than ``max_mb`` megabytes or not text."""
    shown = shown_name(path)
    max_mb = check_megabytes(max_mb)
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


def iter_lines(path: str, max_bytes: int | None = None) -> Iterator[tuple[int, int, str | None, str | None]]:
    """The lines of a file one at a time: ``(line number, byte offset, text, problem)``; a line
    that is not UTF-8, or longer than ``max_bytes``, has no text and says why.  An over-long line
    is skipped a block at a time, so it is never held in memory whole."""
    shown = shown_name(path)
    handle = _open(path)
    offset = 0
    number = 0
    limit = None if max_bytes is None else max(1, int(max_bytes))
    try:
        while True:
            raw = handle.readline() if limit is None else handle.readline(limit + 1)
            if not raw:
                break
            number += 1
            if limit is not None and len(raw.rstrip(b"\r\n")) > limit:
                size = len(raw)
                while not raw.endswith(b"\n"):  # the rest of the line, a block at a time
                    raw = handle.readline(1 << 20)
                    if not raw:
                        break
                    size += len(raw)
                yield number, offset, None, f"larger than {limit / 2**20:.3g} MB (see --max-mb)"
                offset += size
                continue
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
