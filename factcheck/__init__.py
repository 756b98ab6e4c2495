"""factcheck: find the numbers that make claims in Arabic and English news text and read them exactly.

>>> from factcheck import find_mentions, parse_numeral
>>> [(m.text, m.value) for m in find_mentions("وسنصل إلى مستوى 200 مليار دولار")]
[('200 مليار دولار', Decimal('200000000000'))]
>>> parse_numeral("خمسة وعشرون")
Decimal('25')

Submodules are imported on first use, so ``import factcheck`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "FactcheckError",
    "InputError",
    "LexiconError",
    "Mention",
    "MentionKind",
    "NormalizedText",
    "NumeralError",
    "Span",
    "UnknownLanguageError",
    "check_text",
    "find_mentions",
    "normalize",
    "parse_numeral",
    "parse_ordinal",
]

_WHERE = {
    "FactcheckError": "factcheck.errors",
    "InputError": "factcheck.errors",
    "LexiconError": "factcheck.errors",
    "NumeralError": "factcheck.errors",
    "UnknownLanguageError": "factcheck.errors",
    "Mention": "factcheck.model",
    "MentionKind": "factcheck.model",
    "Span": "factcheck.model",
    "NormalizedText": "factcheck.text.offsets",
    "normalize": "factcheck.text.normalize",
    "check_text": "factcheck.check",
    "find_mentions": "factcheck.mine.mentions",
    "parse_numeral": "factcheck.mine.mentions",
    "parse_ordinal": "factcheck.mine.mentions",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
