"""Arabic hooks: what the word list cannot say by itself.

* **Clitics.** A number word can carry a conjunction (و ف), a preposition (ب ل ك) and the article
  (ال) written joined to it: والرابعة, بمليار, للمرة.  :func:`prefixes` lists every combination the
  grammar accepts, with ل + ال written لل.
* **Duals.** The dual of a scale word is a number (مليونين = 2,000,000) and so is the dual of a
  unit, a currency or a counted noun (يومين = 2 days, دولارين = 2 dollars).
  :func:`derived_entries` generates them: nominative -ان, oblique -ين and, for scale words, the
  construct forms -ا and -ي (ملياري دولار); a final ة becomes ت (دقيقة -> دقيقتين).
* **Accusatives.** After 11-99 a noun is accusative and its tanween, once normalisation has
  deleted the mark, leaves an alif: ألفاً -> ألفا, دولاراً -> دولارا, يوماً -> يوما.  These are
  generated too; ألفا is then both "thousand" (after a count) and "two thousand" (alone).
* **Feminine qualifiers.** مصري -> مصرية, for ليرة لبنانية and for plurals (جنيهات مصرية).
* **Words of change in the accusative.** As the object of a verb a word of change takes tanween,
  which leaves an alif: سجلت الصادرات نمواً (ارتفاعاً، تراجعاً) بنسبة 12%.

>>> dual_forms("مليون", construct=True)
['مليونان', 'مليونين', 'مليونا', 'مليوني']
>>> dual_forms("دقيقة", construct=False)
['دقيقتان', 'دقيقتين']
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from factcheck.lang.lexicon import Entry, Lexicon
from factcheck.text.normalize import lookup_key

__all__ = ["derived_entries", "dual_forms", "prefixes"]


def prefixes(meta: dict[str, Any]) -> list[tuple[str, bool, bool, int]]:
    """Every proclitic sequence, as ``(surface, conj, definite, skip)``.

    ``skip`` is how many characters precede the number in a span: the conjunction and preposition
    are not part of it, the article is ("الثانية"), except in the contracted لل where the span starts
    after it.  Longer sequences come first so that the longest reading wins.
    """
    conjs = ["", *meta.get("conjunction_clitics", [])]
    preps = ["", *meta.get("preposition_clitics", [])]
    article = meta.get("definite_article", "")
    out: list[tuple[str, bool, bool, int]] = []
    for conj in conjs:
        for prep in preps:
            for definite in (True, False):
                if not conj and not prep and not definite:
                    continue
                if definite and not article:
                    continue
                head = conj + prep
                if definite and prep == "ل":
                    # ل + ال is written لل: the article's alif drops
                    surface = conj + "لل"
                    skip = len(surface)
                elif definite:
                    surface = head + article
                    skip = len(head)
                else:
                    surface = head
                    skip = len(head)
                out.append((surface, bool(conj), definite, skip))
    out.sort(key=lambda p: -len(p[0]))
    return out


def dual_forms(singular: str, construct: bool) -> list[str]:
    """The dual of a noun: ``يوم`` -> يومان, يومين (and يوما, يومي in construct)."""
    stem = singular[:-1] + "ت" if singular.endswith("ة") else singular
    endings = ["ان", "ين"] + (["ا", "ي"] if construct else [])
    return [stem + ending for ending in endings]


def derived_entries(lexicon: Lexicon) -> dict[str, list[Entry]]:
    """Duals and accusatives of scale words, units, currencies and counted nouns; feminine
    currency qualifiers."""
    if not lexicon.meta.get("dual"):
        return {}
    out: dict[str, list[Entry]] = {}

    def add(form: str, entry: Entry, first: bool = False) -> None:
        bucket = out.setdefault(lookup_key(form), [])
        if first:
            bucket.insert(0, entry)
        else:
            bucket.append(entry)

    for entries in lexicon.entries.values():
        for entry in entries:
            if entry.role == "scale" and not entry.plural:
                scale = Fraction(entry.value)
                for form in dual_forms(entry.key, construct=True):
                    add(form, Entry("scale", form, scale, dual=True))
                # the accusative singular after a count: خمسة وعشرون ألفاً
                add(entry.key + "ا", Entry("scale", entry.key + "ا", scale, after_count=True), first=True)
            elif entry.role in ("unit", "currency", "counted_noun") and not entry.plural:
                for form in dual_forms(entry.key, construct=False):
                    add(form, replace(entry, key=form, dual=True, needs_count=False))
                if entry.key[-1] not in _NO_ACCUSATIVE_ALIF and entry.role != "counted_noun":
                    # the accusative after 11-99: خمسون دولاراً, ثلاثون يوماً
                    add(entry.key + "ا", replace(entry, key=entry.key + "ا", needs_count=True))
            elif entry.role == "currency_qualifier" and entry.key.endswith("ي"):
                add(entry.key + "ة", replace(entry, key=entry.key + "ة"))  # ليرة لبنانية
            imperfect = entry.key[:1] in "ينأ" or (
                entry.key[:1] == "ت" and "ي" + entry.key[1:] in lexicon.entries  # ترتفع (يرتفع), not تراجع
            )
            if entry.role == "change" and " " not in entry.key and entry.key[-1] not in _NO_TANWEEN_ALIF:
                # a word of change as the object of a verb: سجلت الصادرات نمواً (ارتفاعاً، تراجعاً) بنسبة 12%
                add(entry.key + "ا", replace(entry, key=entry.key + "ا"))
            if entry.role in _VERB_ROLES and imperfect and " " not in entry.key:
                # the future prefix on an imperfect verb: سيرتفع, ستنخفض, ستتجاوز
                add("س" + entry.key, replace(entry, key="س" + entry.key))
    # a derived form never shadows a word the lexicon lists itself
    return {k: v for k, v in out.items() if k not in lexicon.entries}


# roles whose imperfect verbs take the future prefix سـ
_VERB_ROLES = ("change", "change_to", "comparator")

# letters after which the accusative takes no alif (ساعةً, كيلو) or already has one
_NO_ACCUSATIVE_ALIF = set("اةىويءأ")
# the same for words of change, which are Arabic nouns (نمواً takes its alif after و)
_NO_TANWEEN_ALIF = set("اةىءأ")
