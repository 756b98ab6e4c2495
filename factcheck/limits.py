"""How long a pattern may run over untrusted text before the text is given up on.

Every regular expression that reads article text is given a timeout from :func:`budget`: a
second, plus ``SECONDS_PER_MB`` for each megabyte it reads.  The patterns are linear, so a
normal text never comes near it (bench/hostile.py prints seconds per megabyte for inputs built
to be slow); a text that reaches it raises :class:`~factcheck.errors.TextTimeout`, which the CLI
and :func:`factcheck.check_text` turn into a reported problem for that document.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from factcheck.errors import TextTimeout

__all__ = ["SECONDS_PER_MB", "budget", "collection_paused", "guarded"]

BASE_SECONDS = 1.0
SECONDS_PER_MB = 10.0


def budget(characters: int) -> float:
    """Seconds a pattern may take over a text of ``characters`` code points."""
    return BASE_SECONDS + SECONDS_PER_MB * characters / 1_000_000


@contextlib.contextmanager
def guarded(characters: int, what: str = "reading the text") -> Iterator[float]:
    """Run patterns over a text of ``characters`` with its budget (yielded, to pass as ``timeout=``);
    a pattern that runs out raises :class:`~factcheck.errors.TextTimeout` instead of TimeoutError."""
    seconds = budget(characters)
    try:
        yield seconds
    except TimeoutError:
        raise TextTimeout(seconds, what) from None


_pause_lock = threading.Lock()
_pause_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a text is read.

    Reading a text makes an object per token and per reading, none of them in reference cycles,
    and the collector scanned them over and over: a fifth of the time of mining claims.  Objects
    are still freed when their last reference goes; only the cycle search waits until the
    outermost pause ends.  Nested and concurrent pauses are counted, so the collector comes back
    exactly as it was once the last of them ends.
    """
    global _pause_depth, _was_enabled
    with _pause_lock:
        if _pause_depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pause_depth += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause_depth -= 1
            if _pause_depth == 0 and _was_enabled:
                gc.enable()
