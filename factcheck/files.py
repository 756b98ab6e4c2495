"""Every file factcheck opens for reading or writing goes through here: the rules in one place.

Reading (:func:`open_input`):

* only a regular file is read; a directory, FIFO, device or socket is refused with an
  :class:`~factcheck.errors.InputError` before anything blocks on it.  The type is checked with
  ``os.stat`` before the file is opened, the file is opened with ``O_NONBLOCK`` (a FIFO swapped
  in between cannot block the open) and checked again with ``os.fstat`` on the open descriptor.

Writing (:func:`check_target`, :func:`write_atomic`, :func:`write_set`, :func:`temp_path`):

* the target must be absent or a regular file: a directory, FIFO, device (``/dev/null``) or socket
  is refused;
* the caller says what may be replaced: a file that is one of the run's inputs (same device and
  inode) is never replaced, and ``is_ours`` decides whether an existing file is one we wrote;
* a file is written to a temporary file in the same directory (named ``.factcheck-*.tmp``), flushed
  with ``fsync`` and renamed over the target, so a reader sees the old file or the new one, never
  half of one.  The temporary file is created with mode 0666 less the umask, like any file the
  user makes (``mkstemp`` would give 0600);
* temporary files of ours older than :data:`STALE_SECONDS` (left by a run that was killed) are
  removed from each directory written to;
* a set of files that belong together (a report as NAME.md, NAME.json and NAME.html) is written
  by :func:`write_set`: every temporary file first, then every rename, under an advisory lock
  (``fcntl.flock`` on the directory itself, so no lock file is left beside the reports).  Two
  runs writing the same names are serialised, so the set left behind comes from one run.  A
  lock was chosen over a per-run directory that is swapped in, because reports from several
  runs share one output directory and only the names a run writes should change.  Without
  ``fcntl`` (Windows) the set is written in the same order with no lock.

Naming (:func:`unique_stems`): each input gets a report name that no other input of the run can
share.  A stem used by one input stays as it is (``a.txt`` gives ``a``); stems shared by different
inputs get a short hash of the input's absolute path (``x/a.txt`` and ``y/a.txt`` give
``a-3f2c9e1b`` and ``a-9d01c7aa``), and every name is checked against every other name of the
run, ignoring case.

>>> unique_stems([("a", "x/a.txt"), ("a", "y/a.txt"), ("b", "b.txt")])[2]
'b'
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import InputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: sets are written without a lock
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "STALE_SECONDS",
    "TEMP_PREFIX",
    "check_target",
    "clean_stale",
    "ensure_directory",
    "open_input",
    "require_regular",
    "temp_path",
    "unique_stems",
    "write_atomic",
    "write_set",
]

TEMP_PREFIX = ".factcheck-"
STALE_SECONDS = 15 * 60  # longer than any run; a run's own temporary files live for seconds
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse(mode: int, shown: str, doing: str) -> InputError:
    kind = _kind(mode)
    if kind == "not a regular file":
        return InputError(f"not a regular file; refusing to {doing} it", shown)
    return InputError(f"is {kind}, not a regular file; refusing to {doing} it", shown)


def _stat_error(exc: OSError, shown: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", shown)
    if isinstance(exc, NotADirectoryError):
        return InputError("a part of the path is not a directory", shown)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", shown)
    return InputError(f"cannot use: {exc.strerror or exc}", shown)


def _check_name(path: str | Path, shown: str) -> None:
    """A name the system cannot take at all is an input error, not a crash (``ValueError``)."""
    if "\0" in str(path):
        raise InputError("the name contains a NUL character", shown.replace("\0", "\\0"))


def open_input(path: str | Path, shown: str | None = None) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file; never blocks on a FIFO."""
    if not str(path):
        raise InputError("an empty name is not a file name")
    shown = shown or str(path)
    _check_name(path, shown)
    try:
        before = os.stat(path)
    except OSError as exc:
        raise _stat_error(exc, shown) from None
    if not stat.S_ISREG(before.st_mode):
        if stat.S_ISDIR(before.st_mode):
            raise InputError("is a directory, not a file", shown)
        raise _refuse(before.st_mode, shown, "read")
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError as exc:
        raise _stat_error(exc, shown) from None
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode):  # swapped for something else since the stat
            raise _refuse(after.st_mode, shown, "read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def require_regular(path: str | Path, shown: str | None = None, *, missing_ok: bool = False) -> None:
    """Refuse ``path`` unless it is a regular file (for inputs that other code reads); with
    ``missing_ok``, a missing file is left for that code to report."""
    _check_name(path, shown or str(path))
    if missing_ok and not os.path.lexists(path):
        return
    open_input(path, shown).close()


def check_target(path: str | Path, shown: str | None = None) -> bool:
    """Whether a file is already at ``path``; refused unless that is a regular file."""
    shown = shown or str(path)
    _check_name(path, shown)
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise _stat_error(exc, shown) from None
    if not stat.S_ISREG(found.st_mode):
        raise _refuse(found.st_mode, shown, "write to")
    return True


def ensure_directory(path: str | Path, shown: str | None = None, what: str = "directory") -> Path:
    """The directory ``path``, made if absent; refused when something else is there."""
    shown = shown or str(path)
    _check_name(path, shown)
    if not str(path):
        raise InputError(f"the {what} must be named: an empty name is not a directory")
    target = Path(path)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"cannot create the {what}: something that is not a directory is there", shown) from None
    except OSError as exc:
        raise InputError(f"cannot create the {what}: {exc.strerror or exc}", shown) from None
    return target


def temp_path(directory: Path) -> Path:
    """A fresh name for a temporary file of ours in ``directory`` (not created: for writers such
    as DuckDB that create their own file).  :func:`clean_stale` removes it if it is left behind."""
    return directory / f"{TEMP_PREFIX}{secrets.token_hex(8)}.tmp"


def clean_stale(directory: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove our temporary files (and a DuckDB journal beside one) left in ``directory`` by a run
    that was killed; anything else, and anything recent, is left alone."""
    limit = time.time() - older_than
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not name.startswith(TEMP_PREFIX) or not name.endswith((".tmp", ".tmp.wal")):
            continue
        with contextlib.suppress(OSError):
            found = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(found.st_mode) and found.st_mtime < limit:
                os.unlink(entry.path)


def _write_temp(directory: Path, data: str | bytes) -> Path:
    """``data`` in a new temporary file in ``directory``, flushed to disk; mode 0666 less the umask."""
    temp = temp_path(directory)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8", "backslashreplace") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _sync_directory(directory: Path) -> None:
    """Make the renames in ``directory`` durable (POSIX; a no-op where a directory cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _same_file(path: Path, protected: list[os.stat_result]) -> bool:
    try:
        found = os.stat(path)
    except OSError:
        return False
    return any(found.st_dev == p.st_dev and found.st_ino == p.st_ino for p in protected)


def _protected(paths: Iterable[str | Path]) -> list[os.stat_result]:
    out = []
    for path in paths:
        with contextlib.suppress(OSError, ValueError):
            out.append(os.stat(path))
    return out


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``directory`` itself for the duration (``flock`` on the
    directory's descriptor: no lock file is left beside the reports)."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    try:
        fd = os.open(directory, os.O_RDONLY | _CLOEXEC | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise InputError(f"cannot open the directory: {exc.strerror or exc}", str(directory)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_set(
    directory: str | Path,
    files: dict[str, str | bytes],
    *,
    protect: Iterable[str | Path] = (),
    is_ours: Callable[[Path], bool] | None = None,
) -> list[Path]:
    """Write ``files`` (name -> content) into ``directory`` as one set: checked, then every
    temporary file written, then every rename, under the directory's lock.

    Refused with an :class:`~factcheck.errors.InputError`, before anything is written, when a
    target is not a regular file, is one of the files in ``protect`` (the run's inputs), or
    exists and ``is_ours`` says it is not a file we would write.
    """
    folder = ensure_directory(directory)
    guarded = _protected(protect)
    targets = [folder / name for name in files]
    clean_stale(folder)
    with _locked(folder):
        for target in targets:
            if not check_target(target):
                continue
            if _same_file(target, guarded):
                raise InputError("is one of the input files; refusing to replace it with a report", str(target))
            if is_ours is not None and not is_ours(target):
                raise InputError("exists and was not written by factcheck; refusing to replace it", str(target))
        temps: list[Path] = []
        try:
            for data in files.values():
                temps.append(_write_temp(folder, data))
            for temp, target in zip(temps, targets, strict=True):
                os.replace(temp, target)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", str(folder)) from None
        finally:
            for temp in temps:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
        _sync_directory(folder)
    return targets


def write_atomic(
    path: str | Path,
    data: str | bytes,
    *,
    protect: Iterable[str | Path] = (),
    is_ours: Callable[[Path], bool] | None = None,
) -> Path:
    """Write one file whole (see :func:`write_set`)."""
    target = Path(path)
    if not str(path):
        raise InputError("an empty name is not a file")
    return write_set(target.parent, {target.name: data}, protect=protect, is_ours=is_ours)[0]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def unique_stems(items: list[tuple[str, str]]) -> list[str]:
    """A report name for each ``(stem, input path)``, no two alike (ignoring case) unless they
    are the same input: a stem shared by different inputs gets a hash of the absolute path."""
    keys = [os.path.normcase(os.path.abspath(path)) if path != "<stdin>" else path for _, path in items]
    distinct = dict.fromkeys(zip((s for s, _ in items), keys, strict=True))
    counts = Counter(stem.casefold() for stem, _ in distinct)
    length = 8
    while True:
        names = [
            stem if counts[stem.casefold()] == 1 else f"{stem}-{_digest(key)[:length]}"
            for (stem, _), key in zip(items, keys, strict=True)
        ]
        owner: dict[str, str] = {}
        if all(owner.setdefault(name.casefold(), key) == key for name, key in zip(names, keys, strict=True)):
            return names
        if length >= 64:  # pragma: no cover - a SHA-256 collision
            raise InputError("two inputs would get the same report name")
        length *= 2
