"""Hooks of the symbols lexicon (``data/mul.toml``): symbols take no clitics and derive nothing."""

from __future__ import annotations

from typing import Any

from factcheck.lang.lexicon import Entry, Lexicon

__all__ = ["derived_entries", "prefixes"]


def prefixes(meta: dict[str, Any]) -> list[tuple[str, bool, bool, int]]:
    return []


def derived_entries(lexicon: Lexicon) -> dict[str, list[Entry]]:
    return {}
