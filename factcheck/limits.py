"""The bounds on untrusted text: how long a pattern may run, how large a figure may be, how much a report holds.

Every regular expression that reads article text is given a timeout from :func:`budget`: a
second, plus ``SECONDS_PER_MB`` for each megabyte it reads.  The patterns are linear, so a
normal text never comes near it (bench/hostile.py prints seconds per megabyte for inputs built
to be slow); a text that reaches it raises :class:`~factcheck.errors.TextTimeout`, which the CLI
and :func:`factcheck.check_text` turn into a reported problem for that document.

The figures the miner reads are bounded too: a run of more than :data:`FIGURE_DIGITS` digits is
no number (a serial, a hash, noise), and a figure whose size is beyond ``10**FIGURE_EXPONENT``
(above, or below for fractions, as "1 trillion trillion trillion" or a ratio of such) is not read
as one.  Every computation on figures runs in :data:`FIGURES`, a Decimal context sized for any
two such figures and what is done with them (a difference, a ratio to four places, a value in
billions), so no arithmetic on a figure can raise.

A report is bounded as well: :func:`factcheck.check_text` keeps at most :data:`MAX_CLAIMS` claims
of a document and checks at most :data:`MAX_CHECKED` of them (an article has tens).  A document
with more is reported up to where the first limit is reached, and the report carries a problem
saying how far it got and how many numbers the rest holds, so nothing is left out silently; the
command line then exits with status 2, as for a text out of its time budget.

>>> from decimal import Decimal
>>> with figure_arithmetic():
...     (Decimal(10) ** 60 / Decimal("1E-60")).quantize(Decimal("0.0001")).adjusted()
120
"""

from __future__ import annotations

import contextlib
import decimal
import functools
import gc
import threading
from collections.abc import Callable, Iterator
from fractions import Fraction
from typing import ParamSpec, TypeVar

from factcheck.errors import TextTimeout

__all__ = [
    "FIGURES",
    "FIGURE_DIGITS",
    "FIGURE_EXPONENT",
    "MAX_CHECKED",
    "MAX_CLAIMS",
    "SECONDS_PER_MB",
    "budget",
    "collection_paused",
    "figure_arithmetic",
    "guarded",
    "readable_figure",
    "with_figures",
]

BASE_SECONDS = 1.0
SECONDS_PER_MB = 10.0

MAX_CLAIMS = 20_000  # claims kept in one report (an article has tens; each costs about 2 KB)
MAX_CHECKED = 1_000  # check-worthy claims verified for one report (each costs a few ms and 14 KB of JSON)

FIGURE_DIGITS = 40  # more digits than the largest figure in any news text (10**40)
FIGURE_EXPONENT = 60  # no figure read is 10**60 or more, nor below 10**-60 (other than 0)
# Twice the widest figure (a ratio of the largest to the smallest, to four places) and room to spare.
FIGURES = decimal.Context(
    prec=4 * FIGURE_EXPONENT + 16,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-16 * FIGURE_EXPONENT,
    Emax=16 * FIGURE_EXPONENT,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_TOP = 10**FIGURE_EXPONENT

_P = ParamSpec("_P")
_R = TypeVar("_R")


def readable_figure(value: Fraction | None) -> bool:
    """True when ``value`` (None for no value) is within the figures the miner reads."""
    if value is None:
        return True
    num, den = abs(value.numerator), value.denominator  # in integers: Fraction comparisons are slow
    return num == 0 or (num < _TOP * den and num * _TOP >= den)


def figure_arithmetic() -> contextlib.AbstractContextManager[decimal.Context]:
    """A block whose Decimal arithmetic runs in :data:`FIGURES`."""
    return decimal.localcontext(FIGURES)


def with_figures(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorate a function computing on figures so that it runs in :data:`FIGURES`."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(FIGURES):
            return function(*args, **kwargs)

    return wrapper


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
