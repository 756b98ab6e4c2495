"""Words that narrow what a figure measures: "food" inflation, "non-oil" GDP, "LNG" imports,
"women's" life expectancy (the ``[qualifier]`` table of each language's lexicon).

The miner reads them around each claim (:func:`qualifiers_at`); the verifier reads them in the
catalogue's titles and aliases with :func:`qualifiers_in`, so that a dataset answers a claim only
when it covers every narrowing the claim makes.  Both go through the same lexicon.
"""

from __future__ import annotations

from factcheck.lang import get_common, get_conventions
from factcheck.mine.items import Item, Positions
from factcheck.mine.match import readings_in
from factcheck.mine.mentions import languages_for
from factcheck.mine.numbers import analyse
from factcheck.text.normalize import normalize

__all__ = ["qualifiers_at", "qualifiers_in"]

_ROLE = ("qualifier",)


def qualifiers_at(items: list[Item], positions: Positions, start: int, end: int) -> list[tuple[str, int, int]]:
    """The qualifiers among ``items[start:end]``, as (id, first item, end item), longest first
    at each place ("non-oil" is non_oil, not oil)."""
    return [(str(entry.value), k, stop) for entry, k, stop in readings_in(items, positions, _ROLE, start, end)]


def qualifiers_in(text: str, lang: str = "auto") -> frozenset[str]:
    """The qualifier ids a phrase names ("Urban population (% of total population)" -> urban)."""
    nt = normalize(text)
    items, _, positions = analyse(nt, languages_for(lang), get_conventions(lang), get_common())
    return frozenset(q for q, _, _ in qualifiers_at(items, positions, 0, len(items)))
