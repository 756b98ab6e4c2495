"""The exception tree of factcheck.

Every error is a :class:`FactcheckError` and also subclasses the builtin it resembles, so callers
that already catch ``ValueError`` keep working.  Each keeps structured attributes, builds its
message in ``__str__`` and survives pickling (multiprocessing pipelines re-raise them).

>>> from factcheck.errors import NumeralError
>>> str(NumeralError("abc"))
"invalid literal for parse_numeral(): 'abc'"
"""

from __future__ import annotations

__all__ = [
    "FactcheckError",
    "InputError",
    "LexiconError",
    "NumeralError",
    "ReferenceDataError",
    "UnitError",
    "UnknownLanguageError",
]


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class InputError(FactcheckError, ValueError):
    """Bad input from a caller: an unreadable file, text that is not UTF-8, a bad option.

    ``path`` names the file when there is one; ``offset`` is a byte offset into it.
    """

    def __init__(self, message: str, path: str | None = None, offset: int | None = None) -> None:
        super().__init__(message, path, offset)
        self.message = message
        self.path = path
        self.offset = offset

    def __str__(self) -> str:
        if self.path is not None:
            return f"{self.path}: {self.message}"
        return self.message


class UnknownLanguageError(InputError):
    """A language code factcheck does not support, with the closest supported code."""

    def __init__(self, code: str, supported: tuple[str, ...]) -> None:
        import difflib

        self.code = code
        self.supported = tuple(supported)
        close = difflib.get_close_matches(code.lower(), self.supported, n=1, cutoff=0.3)
        hint = f" Did you mean {close[0]}?" if close else ""
        message = f"Unknown language {code!r}; supported: {', '.join(self.supported)}.{hint}"
        super().__init__(message)
        self.args = (code, self.supported)

    def __reduce__(self):  # type: ignore[override]
        return (type(self), (self.code, self.supported))


class NumeralError(FactcheckError, ValueError):
    """A string that was asked to be a number is not one (the message reads like ``int()``'s)."""

    def __init__(self, text: str, reason: str | None = None, function: str = "parse_numeral") -> None:
        super().__init__(text, reason, function)
        self.text = text
        self.reason = reason
        self.function = function

    def __str__(self) -> str:
        message = f"invalid literal for {self.function}(): {self.text!r}"
        if self.reason:
            message += f" ({self.reason})"
        return message


class LexiconError(FactcheckError, ValueError):
    """A language data file is malformed: names the file, table, key and, when known, the line."""

    def __init__(
        self,
        message: str,
        path: str,
        table: str | None = None,
        key: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message, path, table, key, line)
        self.message = message
        self.path = path
        self.table = table
        self.key = key
        self.line = line

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.table is not None:
            where += f": [{self.table}]"
        if self.key is not None:
            where += f" {self.key!r}"
        return f"{where}: {self.message}"


class UnitError(FactcheckError, ValueError):
    """A unit pint does not know, or a conversion between units of different kinds."""


class TextTimeout(FactcheckError):
    """A pattern ran out of its time budget on a text built to be slow (see factcheck.limits).

    Not a ValueError: the text is valid, only too costly; callers report it for that document.
    """

    def __init__(self, seconds: float, what: str = "reading the text") -> None:
        super().__init__(seconds, what)
        self.seconds = seconds
        self.what = what

    def __str__(self) -> str:
        return f"{self.what} took longer than {self.seconds:.1f} s (the text looks built to be slow); skipped"

    def __reduce__(self):  # type: ignore[override]
        return (type(self), (self.seconds, self.what))


class ReferenceDataError(FactcheckError):
    """Reference data that cannot be loaded: names the file, line and column and the problem.

    ``column`` is the name of a data file's column; ``col`` the 1-based character column of a
    catalogue key or of a TOML syntax error.  ``expected``/``actual`` are set where a value had
    the wrong type or form.
    """

    def __init__(
        self,
        problem: str,
        path: str,
        line: int | None = None,
        column: str | None = None,
        expected: str | None = None,
        actual: str | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(problem, path, line, column, expected, actual, col)
        self.problem = problem
        self.path = path
        self.line = line
        self.column = column
        self.expected = expected
        self.actual = actual
        self.col = col

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        if self.column is not None:
            where += f": column {self.column!r}"
        message = f"{where}: {self.problem}"
        if self.expected is not None or self.actual is not None:
            message += f" (expected {self.expected}, found {self.actual!r})"
        return message
