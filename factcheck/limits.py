"""How long a pattern may run over untrusted text before the text is given up on.

Every regular expression that reads article text is given a timeout from :func:`budget`: a
second, plus ``SECONDS_PER_MB`` for each megabyte it reads.  The patterns are linear, so a
normal text never comes near it (bench/hostile.py prints seconds per megabyte for inputs built
to be slow); a text that reaches it raises :class:`~factcheck.errors.TextTimeout`, which the CLI
and :func:`factcheck.check_text` turn into a reported problem for that document.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from factcheck.errors import TextTimeout

__all__ = ["SECONDS_PER_MB", "budget", "guarded"]

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
