"""English hooks: what the word list cannot say by itself.

* **Concatenated compounds.** "twentyfive" and "thirtyfirst" are written without the hyphen often
  enough (in headlines, URLs and speech transcripts) to read them: :func:`derived_entries` joins
  every tens word with every unit word and unit ordinal.
* **No clitics**: English number words stand alone, so :func:`prefixes` is empty.

>>> from factcheck.lang.lexicon import load_lexicon
>>> derived = derived_entries(load_lexicon("en"))
>>> [(e.role, e.value) for e in derived["ninetyeighth"]]
[('ordinal', Fraction(98, 1))]
"""

from __future__ import annotations

from typing import Any

from factcheck.lang.lexicon import Entry, Lexicon

__all__ = ["derived_entries", "prefixes"]


def prefixes(meta: dict[str, Any]) -> list[tuple[str, bool, bool, int]]:
    return []


def derived_entries(lexicon: Lexicon) -> dict[str, list[Entry]]:
    if not lexicon.meta.get("concatenated_tens"):
        return {}
    tens = []
    units = []
    for key, entries in lexicon.entries.items():
        for entry in entries:
            value = entry.value
            if entry.role == "cardinal" and value >= 20 and value % 10 == 0 and value < 100:
                tens.append((key, value))
            elif entry.role in ("cardinal", "ordinal") and 1 <= value <= 9 and not entry.compound_only:
                units.append((key, entry))
    out: dict[str, list[Entry]] = {}
    for tens_key, tens_value in tens:
        for unit_key, unit in units:
            form = tens_key + unit_key
            out.setdefault(form, []).append(Entry(unit.role, form, tens_value + unit.value))
    return {k: v for k, v in out.items() if k not in lexicon.entries}
