"""Matching lexicon words and phrases against items, forwards and backwards.

A reading may span several tokens ("في المائة", "per cent", "US$", "ج.م", "°C"): :func:`match_at`
tries the phrases that can start at the item (found once per distinct word when the items were
prepared, from the item's language and the shared symbols lexicon) and returns the longest
reading with one of the wanted roles.  Phrases never reach across a sentence end.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from factcheck.lang.lexicon import Entry
from factcheck.mine.items import Item, Positions

__all__ = ["entries_with", "match_at", "match_before", "readings_in"]

Roles = tuple[str, ...] | frozenset[str] | set[str] | list[str]


def entries_with(it: Item, roles: Iterable[str]) -> list[Entry]:
    wanted = roles if isinstance(roles, tuple | frozenset | set) else tuple(roles)
    return [e for e in it.entries if e.role in wanted]


def match_at(items: list[Item], k: int, roles: Roles, limit: int | None = None) -> tuple[Entry, int] | None:
    """The longest reading starting at ``items[k]`` with a role in ``roles``: ``(entry, end)``.

    ``end`` is one past the last item read.  ``limit`` bounds ``end``.
    """
    n = len(items) if limit is None else min(limit, len(items))
    if k >= n:
        return None
    it = items[k]
    if it.roles.isdisjoint(roles):  # digits have no roles
        return None
    best: tuple[Entry, int] | None = None
    for case_sensitive, candidates in it.phrases:
        for keys, entry in candidates:
            end = k + len(keys)
            if entry.role not in roles or end > n or (best is not None and end <= best[1]):
                continue
            if all(_follows(items[k + m], keys[m], case_sensitive) for m in range(1, len(keys))):
                best = (entry, end)
    if best is not None:
        return best
    for entry in it.entries:
        if entry.role in roles:
            return (entry, k + 1)
    return None


def _follows(it: Item, key: str, case_sensitive: bool) -> bool:
    return it.kind != "num" and (it.text if case_sensitive else it.key) == key


def match_before(items: list[Item], k: int, roles: Roles, floor: int = 0) -> tuple[Entry, int] | None:
    """The longest reading that ends right before ``items[k]``: ``(entry, start)``."""
    for start in range(max(floor, k - 5), k):
        if items[start].roles.isdisjoint(roles):
            continue  # nothing wanted starts here: no call
        found = match_at(items, start, roles, limit=k)
        if found is not None and found[1] == k:
            return (found[0], start)
    return None


def readings_in(
    items: list[Item], positions: Positions, roles: Roles, start: int, end: int
) -> Iterator[tuple[Entry, int, int]]:
    """The readings with one of ``roles`` inside ``items[start:end]``, left to right and not
    overlapping (the longest at each place), as ``(entry, first, end)``.  Only the positions where
    such a reading may start are visited (see :class:`~factcheck.mine.items.Positions`)."""
    at = positions.of(roles)
    done = start
    for k in at[bisect.bisect_left(at, start) :]:
        if k >= end:
            break
        if k < done:
            continue
        found = match_at(items, k, roles, limit=end)
        if found is not None:
            yield found[0], k, found[1]
            done = found[1]
