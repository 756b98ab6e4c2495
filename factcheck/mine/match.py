"""Matching lexicon words and phrases against items, forwards and backwards.

A reading may span several tokens ("في المائة", "per cent", "US$", "ج.م", "°C"): :func:`match_at`
tries the phrases of the item's language and of the shared symbols lexicon and returns the longest
reading with one of the wanted roles.  Phrases never reach across a sentence end.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from factcheck.lang import Language
from factcheck.lang.lexicon import Entry
from factcheck.mine.items import Item

__all__ = ["can_start", "entries_with", "match_at", "match_before"]


def entries_with(it: Item, roles: Iterable[str]) -> list[Entry]:
    wanted = set(roles)
    return [e for e in it.entries if e.role in wanted]


def _phrase_langs(it: Item, common: Language) -> list[Language]:
    return [common] if it.lang is None else [it.lang, common]


@functools.cache
def _as_set(roles: tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    return frozenset(roles)


def _key(lang: Language, it: Item) -> str:
    return it.text if lang.case_sensitive else it.key


def can_start(it: Item, roles: frozenset[str], common: Language) -> bool:
    """Could a reading with one of ``roles`` start at ``it``?  A cheap test before match_at."""
    return not it.roles.isdisjoint(roles)


def match_at(
    items: list[Item], k: int, roles: Iterable[str], common: Language, limit: int | None = None
) -> tuple[Entry, int] | None:
    """The longest reading starting at ``items[k]`` with a role in ``roles``: ``(entry, end)``.

    ``end`` is one past the last item read.  ``limit`` bounds ``end``.
    """
    n = len(items) if limit is None else min(limit, len(items))
    if k >= n:
        return None
    it = items[k]
    wanted = _as_set(roles if isinstance(roles, tuple | frozenset) else tuple(roles))
    if it.kind == "num" or it.roles.isdisjoint(wanted):
        return None
    best: tuple[Entry, int] | None = None
    starts = [(lang, lang.phrases.get(_key(lang, it))) for lang in _phrase_langs(it, common)]
    if not it.entries and not any(found for _, found in starts):
        return None
    for lang, candidates in starts:
        if candidates:
            for keys, entry in candidates:
                end = k + len(keys)
                if entry.role not in wanted or end > n or (best is not None and end <= best[1]):
                    continue
                if all(items[k + m].kind != "num" and _key(lang, items[k + m]) == keys[m] for m in range(1, len(keys))):
                    best = (entry, end)
    if best is not None:
        return best
    for entry in it.entries:
        if entry.role in wanted:
            return (entry, k + 1)
    return None


def match_before(
    items: list[Item], k: int, roles: Iterable[str], common: Language, floor: int = 0
) -> tuple[Entry, int] | None:
    """The longest reading that ends right before ``items[k]``: ``(entry, start)``."""
    wanted = _as_set(roles if isinstance(roles, tuple | frozenset) else tuple(roles))
    for start in range(max(floor, k - 5), k):
        if items[start].roles.isdisjoint(wanted):
            continue  # nothing wanted starts here: no call
        found = match_at(items, start, wanted, common, limit=k)
        if found is not None and found[1] == k:
            return (found[0], start)
    return None
