"""The on-disk cache: what is slow to build and fully determined by files, kept between runs.

The cache lives in ``$FACTCHECK_CACHE``, else ``~/.cache/factcheck``.  Every entry is named by a
SHA-256 of everything it was built from (the input files' bytes, the code that builds it, the
versions of the libraries it reads), so a stale entry is never read: a change makes a new name.
A cache that cannot be read or written, or that is not safe to trust, is skipped, never an error:
the value is then built again.

Why the entries cannot run code.  The cached values are factcheck's own frozen objects (the
parsed languages, the gazetteer, the reference catalogue).  Turning them into plain data and back
would need a converter for every class and would slow a cached start, which is most of the time
of a short ``factcheck check``; so they stay pickles, with two locks that are each enough alone
for the usual case and together cover a cache folder that others can write (a shared CI cache):

1. **Only data can be built.**  Entries are read with an unpickler whose ``find_class`` allows
   only factcheck's dataclasses and enums, two listed classes whose state is plain data
   (``Language``, ``Gazetteer``) and a few value types of the standard library
   (``Decimal``, ``Fraction``, ``date``, paths, sets).  A file that names any other callable,
   such as ``os.system``, is refused before anything is called, whatever else the file holds.
2. **Only our own entries are read.**  Each entry ends with an HMAC-SHA256 of its name and bytes
   under a per-user secret key (``secret.key`` in the cache folder, 32 random bytes, created
   with mode 0600).  The tag is checked before unpickling.  The key is used only when it is a
   regular file owned by the user and readable by nobody else, and the cache folder only when it
   is owned by the user and writable by nobody else (on POSIX systems); otherwise caching is off
   for the run.

A copy of someone else's cache folder, key included, passes the second lock but not the first.
A new kind of cached value must be a dataclass (or enum) of factcheck, or be added to ``_PLAIN``
after checking that its state is plain data; otherwise it is simply never read back (a test
checks every kind the CLI caches).  Measured on the languages, the gazetteer and the catalogue,
the checks cost nothing noticeable: reading stays one C-speed unpickling plus one HMAC.

>>> key_of("language", [b"the lexicon's bytes", "the code's version"])
'language-...'
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached", "key_of", "trusted_cache_dir"]

T = TypeVar("T")

_MAGIC = b"factcheck-cache-2\n"
_TAG = hashlib.sha256().digest_size
_KEY_FILE = "secret.key"
_KEY_SIZE = 32
# value types of the standard library a cache entry may contain, besides factcheck's dataclasses
_ALLOWED = {
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("decimal", "Decimal"),
    ("fractions", "Fraction"),
    ("pathlib", "Path"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "PureWindowsPath"),
}
# factcheck's classes that are not dataclasses and may be cached (their state is plain data)
_PLAIN = {("factcheck.lang", "Language"), ("factcheck.entities", "Gazetteer")}


def cache_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_CACHE") or Path.home() / ".cache" / "factcheck")


def trusted_cache_dir() -> Path | None:
    """The cache folder, made (mode 0700) if it is missing, when only this user can write it;
    None when it cannot be made or others can write it (then nothing should be cached there)."""
    directory = cache_dir()
    return directory if _safe_dir(directory, create=True) else None


def key_of(kind: str, parts: Iterable[bytes | str]) -> str:
    """A name for a cache entry of ``kind`` built from ``parts``."""
    digest = hashlib.sha256(kind.encode() + b"\0")
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"{kind}-{digest.hexdigest()[:32]}"


class _DataUnpickler(pickle.Unpickler):
    """An unpickler that can build data objects only (see the module docstring)."""

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in _ALLOWED or (module, name) in _PLAIN:
            return super().find_class(module, name)  # type: ignore[no-any-return]
        if (module == "factcheck" or module.startswith("factcheck.")) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found  # type: ignore[no-any-return]
        raise pickle.UnpicklingError(f"a cache entry may not name {module}.{name}")


def _posix() -> bool:
    return hasattr(os, "getuid")


def _trusted(info: os.stat_result, *, secret: bool) -> bool:
    """Owned by this user and writable (for the key: readable) by nobody else."""
    if not _posix():
        return True
    forbidden = 0o077 if secret else 0o022
    return info.st_uid == os.getuid() and not info.st_mode & forbidden


def _safe_dir(directory: Path, create: bool) -> bool:
    """The cache folder exists (or was made, mode 0700), is a folder, and only this user can write it."""
    if create:
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return False
    try:
        info = directory.stat()
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(info.st_mode) and _trusted(info, secret=False)


def _nofollow() -> int:
    return getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | _nofollow())
    except (OSError, ValueError):
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or not _trusted(info, secret=True) or info.st_size != _KEY_SIZE:
            return None
        key = handle.read(_KEY_SIZE + 1)
    return key if len(key) == _KEY_SIZE else None


def _secret(directory: Path, create: bool) -> bytes | None:
    """The user's cache key, made on first use when ``create``; None when it is not safe to use."""
    path = directory / _KEY_FILE
    key = _read_key(path)
    if key is not None or not create:
        return key
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _nofollow(), 0o600)
    except FileExistsError:
        return _read_key(path)  # another process made it first, or it is unsafe and stays unused
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(secrets.token_bytes(_KEY_SIZE))
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return _read_key(path)


def _tag(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def _read(path: Path, kind: type) -> object | None:
    directory = path.parent
    if not _safe_dir(directory, create=False):
        return None
    key = _secret(directory, create=False)
    if key is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | _nofollow())
    except (OSError, ValueError):
        return None
    blob = b""
    with os.fdopen(fd, "rb") as handle, contextlib.suppress(OSError):
        if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            blob = handle.read()
    # the pickle first, then the marker and the tag (a pickle reader ignores what follows it)
    payload, marker, tag = blob[: -len(_MAGIC) - _TAG], blob[-len(_MAGIC) - _TAG : -_TAG], blob[-_TAG:]
    if len(blob) < len(_MAGIC) + _TAG or marker != _MAGIC:
        return None
    if not hmac.compare_digest(tag, _tag(key, path.name, payload)):
        return None
    with contextlib.suppress(pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        found = _DataUnpickler(io.BytesIO(payload)).load()
        if isinstance(found, kind):
            return found
    return None


def _write(target: Path, value: object) -> None:
    """Write ``value`` to ``target`` atomically; a cache that cannot be written is simply skipped."""
    directory = target.parent
    if not _safe_dir(directory, create=True):
        return
    key = _secret(directory, create=True)
    if key is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    try:
        handle, temp_name = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload + _MAGIC + _tag(key, target.name, payload))
        os.replace(temp_name, target)
    except OSError:
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
