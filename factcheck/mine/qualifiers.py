"""Words that narrow what a figure measures: "food" inflation, "non-oil" GDP, "LNG" imports,
"women's" life expectancy (the ``[qualifier]`` table of each language's lexicon).

The miner reads them around each claim (:func:`qualifiers_at`); the verifier reads them in the
catalogue's titles and aliases with :func:`qualifiers_in`, so that a dataset answers a claim only
when it covers every narrowing the claim makes.  Both go through the same lexicon.
"""

from __future__ import annotations

from factcheck.lang import get_common, get_conventions
from factcheck.mine.items import Item
from factcheck.mine.match import match_at
from factcheck.mine.mentions import languages_for
from factcheck.mine.numbers import analyse
from factcheck.text.normalize import normalize

__all__ = ["qualifiers_at", "qualifiers_in"]

_ROLE = ("qualifier",)


def qualifiers_at(
    items: list[Item], start: int, end: int, skip: set[int] | frozenset[int] = frozenset()
) -> list[tuple[str, int, int]]:
    """The qualifiers among ``items[start:end]``, as (id, first item, end item), longest first
    at each place ("non-oil" is non_oil, not oil); items in ``skip`` (a number) start none."""
    out: list[tuple[str, int, int]] = []
    k = start
    while k < end:
        found = None if k in skip or "qualifier" not in items[k].roles else match_at(items, k, _ROLE, limit=end)
        if found is None:
            k += 1
            continue
        out.append((str(found[0].value), k, found[1]))
        k = found[1]
    return out


def qualifiers_in(text: str, lang: str = "auto") -> frozenset[str]:
    """The qualifier ids a phrase names ("Urban population (% of total population)" -> urban)."""
    nt = normalize(text)
    items, _, _ = analyse(nt, languages_for(lang), get_conventions(lang), get_common())
    return frozenset(q for q, _, _ in qualifiers_at(items, 0, len(items)))
