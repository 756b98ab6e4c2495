"""Countries and World Bank aggregates: their names and adjectives in Arabic and English.

Names come from CLDR (through babel: روسيا, Russia), aliases and adjectives from
``factcheck/lang/data/entities.toml`` (روسيا الاتحادية, "Russian Federation", روسي, "Russian"), and
the names of institutions that belong to one country (its statistics office, its central bank) from
``factcheck/lang/data/institutions.toml``: a text that quotes CAPMAS is about Egypt.
Codes are ISO 3166-1 alpha-3 (World Bank aggregates keep the World Bank's code: WLD, ARB).

The Arabic forms a text uses are derived by grammar: the adjective in the feminine, with the
article and in the plural (روسي، روسية، الروسي، الروسية، الروسيين), and every form with the
proclitics و ف ب ل ك (والصين، بالصين، للصين).

>>> g = get_gazetteer()
>>> g.code_for("الصين"), g.code_for("الروسية"), g.code_for("Russian Federation")
('CHN', 'RUS', 'RUS')
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from factcheck.errors import LexiconError
from factcheck.text.normalize import lookup_key, normalize
from factcheck.text.tokenize import tokenize

__all__ = ["Entity", "Gazetteer", "get_gazetteer"]

_AR_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@dataclass(frozen=True, slots=True)
class Entity:
    code: str
    alpha2: str | None
    name_ar: str
    name_en: str
    aggregate: bool = False


def _keys(text: str) -> tuple[str, ...]:
    return tuple(lookup_key(tok.text) for tok in tokenize(normalize(text).text))


def _with_proclitics(first: str) -> list[str]:
    out = []
    for prefix in _AR_PROCLITICS:
        if prefix.endswith("ل") and first.startswith("ال"):
            out.append(prefix + first[1:])  # ل + الصين = للصين
        else:
            out.append(prefix + first)
    return out


def _adjective_forms(adjective: str) -> list[str]:
    """روسي -> روسي، روسية، الروسي، الروسية، روسيين، الروسيين، روسيان، الروسيان; each word of a
    compound agrees: كوري جنوبي -> كورية جنوبية، الكوري الجنوبي."""
    words = adjective.split()
    out = []
    for ending in ("", "ة", "ين", "ان"):
        for article in ("", "ال"):
            if ending and not all(w.endswith("ي") for w in words):
                continue
            out.append(" ".join(article + w + ending for w in words))
    return out


class Gazetteer:
    """Finds entity names in tokens: the longest name starting at a token wins."""

    def __init__(
        self, entities: dict[str, Entity], forms: dict[tuple[str, ...], str], exact: dict[tuple[str, ...], str]
    ) -> None:
        self.entities = entities
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._exact_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for table, source in ((self._by_first, forms), (self._exact_by_first, exact)):
            for keys, code in source.items():
                table.setdefault(keys[0], []).append((keys, code))
            for candidates in table.values():
                candidates.sort(key=lambda c: -len(c[0]))
        # the words a name can start with, to pass over the others without a call
        self.first_keys = frozenset(self._by_first)
        self.first_exact = frozenset(self._exact_by_first)

    def match(self, keys: list[str], k: int, raw: list[str] | None = None) -> tuple[str, int] | None:
        """``(code, end)`` of the longest name starting at ``keys[k]`` (folded token keys);
        acronyms such as US or UAE are compared with ``raw`` tokens, case and all."""
        best: tuple[str, int] | None = None
        for table, source in ((self._by_first, keys), (self._exact_by_first, raw)):
            if source is None:
                continue
            for name, code in table.get(source[k], ()):
                end = k + len(name)
                if end <= len(source) and tuple(source[k:end]) == name and (best is None or end > best[1]):
                    best = (code, end)
                    break
        return best

    def code_for(self, text: str) -> str | None:
        keys = list(_keys(text))
        raw = [tok.text for tok in tokenize(normalize(text).text)]
        found = self.match(keys, 0, raw) if keys else None
        return found[0] if found is not None and found[1] == len(keys) else None

    def name(self, code: str, lang: str = "en") -> str:
        entity = self.entities.get(code)
        if entity is None:
            return code
        return entity.name_ar if lang == "ar" else entity.name_en


def _load_data(name: str = "entities.toml") -> tuple[dict, str]:
    shown = f"factcheck/lang/data/{name}"
    raw = (resources.files("factcheck.lang") / "data" / name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(raw), shown
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"malformed TOML: {exc}", shown) from exc


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The gazetteer, built once per content of its sources (entities.toml, the lexicons'
    not_entity words, CLDR's names through babel, this module) and kept in the cache."""
    from importlib.metadata import version

    from factcheck.cache import cached, key_of

    data_dir = resources.files("factcheck.lang") / "data"
    parts = [(data_dir / name).read_bytes() for name in ("entities.toml", "institutions.toml", "ar.toml", "en.toml")]
    parts += [version("babel"), Path(__file__).read_bytes()]
    return cached(key_of("gazetteer", parts), Gazetteer, _build_gazetteer)


def _build_gazetteer() -> Gazetteer:
    from babel import Locale
    from babel.core import get_global

    from factcheck.lang import get_language

    data, shown = _load_data()
    alpha2_of = {a3: a2s[0] for a3, a2s in get_global("territory_aliases").items() if len(a3) == 3 and a3.isalpha()}
    ar_names = Locale("ar").territories
    en_names = Locale("en").territories
    entities: dict[str, Entity] = {}
    forms: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    blocked: set[tuple[str, ...]] = set()
    for entries in get_language("ar").lexicon.entries.values():
        for entry in entries:
            if entry.role == "not_entity":
                blocked.add(_keys(entry.key))
    for entries in get_language("en").lexicon.entries.values():
        for entry in entries:
            if entry.role == "not_entity":
                blocked.add(_keys(entry.key))

    def add(text: str, code: str, arabic: bool) -> None:
        keys = _keys(text)
        if not keys or keys in blocked:
            return
        if not arabic and _is_acronym(text):
            exact.setdefault(tuple(tok.text for tok in tokenize(normalize(text).text)), code)
            return
        variants = _with_proclitics(keys[0]) if arabic else [keys[0]]
        for first in variants:
            forms.setdefault((lookup_key(first), *keys[1:]), code)

    for code, fields in data.items():
        if not isinstance(fields, dict):
            raise LexiconError("expected a table", shown, code)
        aggregate = bool(fields.get("aggregate", False))
        a2 = None if aggregate else fields.get("alpha2") or alpha2_of.get(code)
        ar_list = [str(x) for x in fields.get("ar", [])]
        en_list = [str(x) for x in fields.get("en", [])]
        name_ar = ar_names.get(a2, "") if a2 else ""
        name_en = en_names.get(a2, "") if a2 else ""
        name_ar = name_ar or (ar_list[0] if ar_list else code)
        name_en = name_en or (en_list[0] if en_list else code)
        entities[code] = Entity(code, a2, name_ar, name_en, aggregate)
        for text in [name_ar, *ar_list]:
            add(text, code, arabic=True)
        for text in [name_en, *en_list]:
            add(text, code, arabic=False)
        for adjective in fields.get("ar_adjective", []):
            for form in _adjective_forms(str(adjective)):
                add(form, code, arabic=True)
        for adjective in fields.get("en_adjective", []):
            add(str(adjective), code, arabic=False)
            if str(adjective)[-1:] in ("n", "i", "o"):  # the people: Nigerians, Saudis, Filipinos
                add(str(adjective) + "s", code, arabic=False)
        for capital in fields.get("ar_capital", []):
            add(str(capital), code, arabic=True)
        for capital in fields.get("en_capital", []):
            add(str(capital), code, arabic=False)
    institutions, shown = _load_data("institutions.toml")
    for code, fields in institutions.items():  # CAPMAS, المندوبية السامية للتخطيط: their country
        if code not in entities or not isinstance(fields, dict):
            raise LexiconError("expected a table named by a country code of entities.toml", shown, code)
        for text in fields.get("ar", []):
            add(str(text), code, arabic=True)
        for text in fields.get("en", []):
            add(str(text), code, arabic=False)
    return Gazetteer(entities, forms, exact)


def _is_acronym(text: str) -> bool:
    """US, U.S., UAE, UK: matched with their capitals, so that the pronoun "us" is no country."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= 4 and all(c.isupper() for c in letters)
