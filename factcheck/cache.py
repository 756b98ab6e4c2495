"""The on-disk cache: what is slow to build and fully determined by files, kept between runs.

The cache lives in ``$FACTCHECK_CACHE``, else ``~/.cache/factcheck``.  Every entry is named by a
SHA-256 of everything it was built from (the input files' bytes, the code that builds it, the
versions of the libraries it reads), so a stale entry is never read: a change makes a new name.
It is the user's own directory and trusted as such.  A cache that cannot be read or written is
skipped, never an error: the value is then built again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "key_of"]

T = TypeVar("T")


def cache_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_CACHE") or Path.home() / ".cache" / "factcheck")


def key_of(kind: str, parts: Iterable[bytes | str]) -> str:
    """A name for a cache entry of ``kind`` built from ``parts``."""
    digest = hashlib.sha256(kind.encode() + b"\0")
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"{kind}-{digest.hexdigest()[:32]}"


def _read(path: Path, kind: type) -> object | None:
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        with open(path, "rb") as handle:
            found = pickle.load(handle)
        if isinstance(found, kind):
            return found
    return None


def _write(target: Path, value: object) -> None:
    """Write ``value`` to ``target`` atomically; a cache that cannot be written is simply skipped."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp_name, target)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            os.unlink(temp_name)


def cached(key: str | None, kind: type[T], build: Callable[[], T]) -> T:
    """The value cached under ``key`` (a :func:`key_of` name), else ``build()``, kept for next
    time.  ``kind`` is checked on the way back; None as the key builds without caching."""
    if key is None:
        return build()
    path = cache_dir() / f"{key}.pickle"
    found = _read(path, kind)
    if found is not None:
        return found  # type: ignore[return-value]
    value = build()
    _write(path, value)
    return value
