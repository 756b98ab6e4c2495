"""Hypothesis strategies for Arabic and English numeric claims, for your own tests.

Each strategy draws a :class:`Drawn`: the text as a writer would put it, and what factcheck should
read from it (value, unit, kind).  Build test inputs from them and assert that factcheck reads
what was drawn::

    from hypothesis import given
    from factcheck import find_mentions
    from factcheck.testing.strategies import money_phrases

    @given(money_phrases(languages=("ar",)))
    def test_amounts_are_read(drawn):
        [mention] = find_mentions(drawn.text)
        assert (mention.value, mention.unit) == (drawn.value, drawn.unit)

Following hypothesis' own style: names are plural, options are keyword-only and checked when the
strategy is made (a bad option raises :class:`hypothesis.errors.InvalidArgument`), and choices are
listed simplest first, so failures shrink towards English and ASCII digits.  Needs the ``test``
extra (hypothesis is imported only here).

* :func:`numerals`: numbers in any digit script, grouped or not, or in Arabic or English words;
* :func:`percentages`, :func:`money_phrases`, :func:`quantity_phrases`, :func:`rank_phrases`;
* :func:`claim_sentences`: whole sentences with the claim factcheck should mine from them;
* :func:`reference_tables`: random reference datasets, written to a folder as a CSV file and
  its catalogue entry, ready for :func:`factcheck.reference.store.open_store`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

__all__ = [
    "DIGIT_SCRIPTS",
    "Drawn",
    "ReferenceTable",
    "claim_sentences",
    "money_phrases",
    "numerals",
    "percentages",
    "quantity_phrases",
    "rank_phrases",
    "reference_tables",
    "with_digits",
]

LANGUAGES = ("en", "ar")
DIGIT_SCRIPTS = ("ascii", "arabic-indic", "persian")
_DIGITS = {
    "ascii": "0123456789",
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
}
_SEPARATORS = {"ascii": (",", "."), "arabic-indic": ("٬", "٫"), "persian": ("٬", "٫")}


@dataclass(frozen=True)
class Drawn:
    """A drawn piece of text and what it says: ``value`` in ``unit`` (None for a bare number),
    ``kind`` (number, percent, money, quantity, rank) and, for whole sentences, the ``claim``
    fields factcheck should mine (kind, direction, entities, period year)."""

    text: str
    value: Decimal
    unit: str | None
    kind: str
    lang: str
    claim: dict[str, Any] = field(default_factory=dict)


def _check_choice(name: str, given: tuple[str, ...], allowed: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(given, str) or not given:
        raise InvalidArgument(f"{name}={given!r} must be a non-empty tuple drawn from {allowed}")
    unknown = [g for g in given if g not in allowed]
    if unknown:
        raise InvalidArgument(f"{name}: unknown {unknown}; choose from {allowed}")
    return tuple(g for g in allowed if g in given)  # simplest first, whatever order was asked


def with_digits(text: str, script: str) -> str:
    """``text`` with its ASCII digits (and their separators) written in another script."""
    if script not in DIGIT_SCRIPTS:
        raise InvalidArgument(f"script={script!r}; choose from {DIGIT_SCRIPTS}")
    group, decimal = _SEPARATORS[script]
    table = {ord(a): b for a, b in zip(_DIGITS["ascii"], _DIGITS[script], strict=True)}
    out = []
    for i, ch in enumerate(text):
        between = 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if ch == "," and between:
            out.append(group)
        elif ch == "." and between:
            out.append(decimal)
        else:
            out.append(ch.translate(table))
    return "".join(out)


# ---- number words (our own writers: an independent reading of the grammar) ----------------------------

_EN_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
_EN_UNITS += "seventeen eighteen nineteen"
_EN = _EN_UNITS.split()
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_AR = ["صفر", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"]
_AR_TEENS = {11: "أحد عشر", 12: "اثنا عشر"}
_AR_TENS = ["_", "_", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_AR_HUNDREDS = ["_", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]


def _en_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_EN[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, ones = divmod(rest, 10)
        part = _EN[rest] if rest < 20 else _EN_TENS[tens] + (f"-{_EN[ones]}" if ones else "")
        words.append(("and " if hundreds else "") + part)
    return " ".join(words)


def english_words(n: int) -> str:
    """``n`` (0..999,999,999) in English words: "two hundred and five thousand"."""
    if n == 0:
        return "zero"
    parts = []
    for size, name in ((10**6, "million"), (1000, "thousand"), (1, "")):
        count, n = divmod(n, size)
        if count:
            parts.append(f"{_en_below_thousand(count)} {name}".strip())
    return " ".join(parts)


def _ar_below_hundred(n: int) -> str:
    if n <= 10:
        return _AR[n]
    if n in _AR_TEENS:
        return _AR_TEENS[n]
    if n < 20:
        return f"{_AR[n - 10]} عشر"
    tens, ones = divmod(n, 10)
    return _AR_TENS[tens] if not ones else f"{_AR[ones]} و{_AR_TENS[tens]}"


def _ar_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [_AR_HUNDREDS[hundreds]] if hundreds else []
    if rest:
        words.append(_ar_below_hundred(rest))
    return " و".join(words)


def arabic_words(n: int) -> str:
    """``n`` (0..999,999,999) in Arabic words, nominative: "مئة وخمسة وعشرون ألفاً" is written
    "مئة وخمسة وعشرون ألف" (the case ending is optional in news text)."""
    if n == 0:
        return _AR[0]
    parts = []
    for size, one, two, few, many in (
        (10**6, "مليون", "مليونان", "ملايين", "مليون"),
        (1000, "ألف", "ألفان", "آلاف", "ألف"),
    ):
        count, n = divmod(n, size)
        if count == 1:
            parts.append(one)
        elif count == 2:
            parts.append(two)
        elif 3 <= count <= 10:
            parts.append(f"{_AR[count]} {few}")
        elif count:
            parts.append(f"{_ar_below_thousand(count)} {many}")
    if n:
        parts.append(_ar_below_thousand(n))
    return " و".join(parts)


# ---- the strategies ---------------------------------------------------------------------------------


def numerals(
    *,
    languages: tuple[str, ...] = LANGUAGES,
    scripts: tuple[str, ...] = DIGIT_SCRIPTS,
    words: bool = True,
    grouped: bool = True,
    min_value: int = 0,
    max_value: int = 999_999_999,
) -> st.SearchStrategy[Drawn]:
    """Whole numbers from ``min_value`` to ``max_value``: digits in one of ``scripts`` (grouped by
    thousands when ``grouped``), or, when ``words``, Arabic or English number words."""
    languages = _check_choice("languages", languages, LANGUAGES)
    scripts = _check_choice("scripts", scripts, DIGIT_SCRIPTS)
    if not 0 <= min_value <= max_value <= 999_999_999:
        raise InvalidArgument(f"need 0 <= min_value <= max_value <= 999,999,999, not {min_value}..{max_value}")

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        n = data(st.integers(min_value, max_value))
        lang = data(st.sampled_from(languages))
        if words and data(st.booleans()):
            text = english_words(n) if lang == "en" else arabic_words(n)
        else:
            digits = f"{n:,}" if grouped and data(st.booleans()) else str(n)
            text = with_digits(digits, data(st.sampled_from(scripts)))
        return Drawn(text, Decimal(n), None, "number", lang)

    return draw()


_AMOUNT = st.tuples(st.integers(1, 999), st.sampled_from([0, 1, 2])).map(
    lambda t: Decimal(t[0]) if not t[1] else Decimal(t[0] * 10 + t[1]) / 10
)
_PERCENT_WORDS = {"en": ("%", " percent", " per cent"), "ar": ("%", " في المائة", " في المئة", " بالمائة")}


def percentages(
    *, languages: tuple[str, ...] = LANGUAGES, scripts: tuple[str, ...] = DIGIT_SCRIPTS
) -> st.SearchStrategy[Drawn]:
    """Percentages: "25%", "٢٥٪", "25.5 في المائة", "25 per cent"."""
    languages = _check_choice("languages", languages, LANGUAGES)
    scripts = _check_choice("scripts", scripts, DIGIT_SCRIPTS)

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        value = data(_AMOUNT)
        lang = data(st.sampled_from(languages))
        word = data(st.sampled_from(_PERCENT_WORDS[lang]))
        script = data(st.sampled_from(scripts))
        number = with_digits(str(value), script)
        if word == "%" and script != "ascii":
            word = "٪"
        return Drawn(number + word, value, "%", "percent", lang)

    return draw()


_CURRENCIES = {
    "USD": {"en": ("dollars", "$"), "ar": ("دولار",)},
    "EUR": {"en": ("euros", "€"), "ar": ("يورو",)},
    "SAR": {"en": ("Saudi riyals",), "ar": ("ريال سعودي",)},
    "EGP": {"en": ("Egyptian pounds",), "ar": ("جنيه مصري",)},
}
_SCALES = {
    "en": ((10**6, ("million", "m")), (10**9, ("billion", "bn"))),
    "ar": ((10**6, ("مليون",)), (10**9, ("مليار",))),
}


def money_phrases(
    *,
    languages: tuple[str, ...] = LANGUAGES,
    currencies: tuple[str, ...] = ("USD", "EUR", "SAR", "EGP"),
    scripts: tuple[str, ...] = ("ascii",),
) -> st.SearchStrategy[Drawn]:
    """Amounts with a scale word and a currency: "$200bn", "3.5 billion euros", "200 مليار دولار"."""
    languages = _check_choice("languages", languages, LANGUAGES)
    currencies = _check_choice("currencies", currencies, tuple(_CURRENCIES))
    scripts = _check_choice("scripts", scripts, DIGIT_SCRIPTS)

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        lang = data(st.sampled_from(languages))
        code = data(st.sampled_from(currencies))
        amount = data(_AMOUNT)
        size, names = data(st.sampled_from(_SCALES[lang]))
        scale = data(st.sampled_from(names))
        word = data(st.sampled_from(_CURRENCIES[code][lang]))
        number = with_digits(str(amount), data(st.sampled_from(scripts)))
        if word in ("$", "€"):
            text = f"{word}{number}{scale}" if len(scale) <= 2 else f"{word}{number} {scale}"
        elif len(scale) <= 2:  # "bn" and "m" only straight after a currency sign
            text = f"{number} {dict(_SCALES['en'])[size][0]} {word}"
        else:
            text = f"{number} {scale} {word}"
        return Drawn(text, amount * size, code, "money", lang)

    return draw()


_QUANTITIES = {
    "en": (("kilometres", "kilometer"), ("tonnes", "tonne"), ("billion cubic metres", "billion_cubic_meter")),
    "ar": (("كيلومتر", "kilometer"), ("طن", "tonne"), ("مليار متر مكعب", "billion_cubic_meter")),
}


def quantity_phrases(*, languages: tuple[str, ...] = LANGUAGES) -> st.SearchStrategy[Drawn]:
    """Measured quantities: "15.5 billion cubic metres", "120 كيلومتر", "3 tonnes"."""
    languages = _check_choice("languages", languages, LANGUAGES)

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        lang = data(st.sampled_from(languages))
        amount = data(_AMOUNT)
        word, unit = data(st.sampled_from(_QUANTITIES[lang]))
        if unit == "billion_cubic_meter":  # the scale word is read as a scale: 15.5 * 10**9 cubic metres
            return Drawn(f"{amount} {word}", amount * 10**9, "cubic_meter", "quantity", lang)
        return Drawn(f"{amount} {word}", amount, unit, "quantity", lang)

    return draw()


_ORDINALS = {
    "en": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    "ar": ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"),
}


def rank_phrases(*, languages: tuple[str, ...] = LANGUAGES, max_rank: int = 10) -> st.SearchStrategy[Drawn]:
    """Ranks: "ranked fourth", "the second-largest", "المرتبة الثانية"."""
    languages = _check_choice("languages", languages, LANGUAGES)
    if not 1 <= max_rank <= 10:
        raise InvalidArgument(f"max_rank={max_rank} must be 1..10")

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        lang = data(st.sampled_from(languages))
        rank = data(st.integers(1, max_rank))
        word = _ORDINALS[lang][rank - 1]
        forms = (f"ranked {word}", f"the {word}-largest") if lang == "en" else (f"المرتبة {word}",)
        return Drawn(data(st.sampled_from(forms)), Decimal(rank), None, "rank", lang)

    return draw()


_COUNTRIES = {
    "EGY": {"en": "Egypt", "ar": "مصر"},
    "SAU": {"en": "Saudi Arabia", "ar": "السعودية"},
    "TUR": {"en": "Turkey", "ar": "تركيا"},
    "IND": {"en": "India", "ar": "الهند"},
    "BRA": {"en": "Brazil", "ar": "البرازيل"},
}
_TEMPLATES = {
    ("en", "level"): "{country}'s GDP reached {amount} in {year}.",
    ("ar", "level"): "بلغ الناتج المحلي الإجمالي في {country} {amount} في عام {year}.",
    ("en", "change"): "Inflation in {country} rose by {amount} in {year}.",
    ("ar", "change"): "ارتفع معدل التضخم في {country} بنسبة {amount} في عام {year}.",
}


def claim_sentences(
    *,
    languages: tuple[str, ...] = LANGUAGES,
    kinds: tuple[str, ...] = ("level", "change"),
    years: tuple[int, int] = (2000, 2024),
) -> st.SearchStrategy[Drawn]:
    """Whole sentences making one claim, with the claim factcheck should mine: ``claim`` holds its
    kind, direction, entities and period year.  A level is an amount of money, a change a
    percentage ("rose by 5.5%")."""
    languages = _check_choice("languages", languages, LANGUAGES)
    kinds = _check_choice("kinds", kinds, ("level", "change"))
    if not 1900 <= years[0] <= years[1] <= 2100:
        raise InvalidArgument(f"years={years} must be an increasing pair within 1900..2100")

    @st.composite
    def draw(data: st.DrawFn) -> Drawn:
        lang = data(st.sampled_from(languages))
        kind = data(st.sampled_from(kinds))
        code = data(st.sampled_from(sorted(_COUNTRIES)))
        year = data(st.integers(*years))
        amount = data(
            money_phrases(languages=(lang,), currencies=("USD",))
            if kind == "level"
            else percentages(languages=(lang,), scripts=("ascii",))
        )
        text = _TEMPLATES[(lang, kind)].format(country=_COUNTRIES[code][lang], amount=amount.text, year=year)
        claim = {"kind": kind, "entities": (code,), "year": year, "direction": "increase" if kind == "change" else None}
        return Drawn(text, amount.value, amount.unit, amount.kind, lang, claim)

    return draw()


# ---- reference tables ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceTable:
    """A random dataset: ``rows`` of (entity, year, value); :meth:`write` makes it a folder that
    :func:`factcheck.reference.store.open_store` loads."""

    id: str
    unit: str
    rows: tuple[tuple[str, int, Decimal], ...]
    aliases: tuple[str, ...] = ("widget exports",)
    aliases_ar: tuple[str, ...] = ("صادرات الأدوات",)

    def write(self, folder: Path | str) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        lines = ["entity,year,value,source", *(f"{e},{y},{v},s1" for e, y, v in self.rows)]
        (folder / f"{self.id}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        aliases = ", ".join(f'"{a}"' for a in self.aliases)
        aliases_ar = ", ".join(f'"{a}"' for a in self.aliases_ar)
        (folder / f"{self.id}.toml").write_text(
            f'id = "{self.id}"\ndata = "{self.id}.csv"\ntitle = {{ en = "A generated table" }}\n'
            f'publisher = "hypothesis"\nretrieved = 2026-01-01\nas_of = 2026-01-01\nunit = "{self.unit}"\n'
            f'aliases = {{ en = [{aliases}], ar = [{aliases_ar}] }}\n\n[columns]\nentity = "entity"\nyear = "year"\n'
            'value = "value"\nsource = "source"\n\n[sources.s1]\npublisher = "hypothesis"\n'
            'title = "Generated figures"\nurl = "https://hypothesis.works"\ndate = "2026-01-01"\n',
            encoding="utf-8",
        )
        return folder


def reference_tables(
    *,
    entities: tuple[str, ...] = ("EGY", "SAU", "TUR", "IND", "BRA", "RUS", "CHN"),
    years: tuple[int, int] = (2018, 2023),
    unit: str = "USD",
    min_rows: int = 1,
    max_rows: int = 20,
) -> st.SearchStrategy[ReferenceTable]:
    """Random reference tables: distinct (entity, year) keys, positive values with two decimals."""
    if not entities or len(set(entities)) != len(entities):
        raise InvalidArgument("entities must be distinct ISO 3166-1 alpha-3 codes")
    if not 1 <= min_rows <= max_rows:
        raise InvalidArgument(f"need 1 <= min_rows <= max_rows, not {min_rows}..{max_rows}")
    keys = st.tuples(st.sampled_from(entities), st.integers(*years))
    values = st.integers(1, 10**9).map(lambda n: Decimal(n) / 100)
    rows = st.dictionaries(keys, values, min_size=min_rows, max_size=max_rows)
    return rows.map(lambda d: ReferenceTable("generated", unit, tuple((e, y, v) for (e, y), v in sorted(d.items()))))
