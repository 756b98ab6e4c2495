"""A corpus of news-like articles, Arabic and English, for the check benchmark and the end-to-end tests.

Usage::

    python bench/articles.py OUTDIR [--n 100] [--seed 0]

writes ``--n`` short articles (about half Arabic, half English; ``ar-0001.md``, ``en-0002.txt``
...) into OUTDIR, and ``OUTDIR/manifest.jsonl``, one JSON line per article::

    {"file": "ar-0001.md", "lang": "ar", "date": "2023-05-14" or null,
     "claims": [{"text": ..., "start": ..., "end": ..., "dataset": ..., "kind": ..., "key": {...},
                 "column": ..., "unit": ..., "hedge": ..., "true_value": ..., "written_value": ...,
                 "wrong": ...}],
     "uncovered": [{"text": ..., "start": ..., "end": ...}]}

so that a test can hold the checker's verdicts against what the generator meant.

Every check-worthy figure comes from the shipped reference data (``reference_data/``): the data
files are read with csv/gzip and the catalogue entries with tomllib (aliases in ar/en, unit,
measure).  ``true_value`` is the cell exactly as the data file has it (``key`` names the row by the
data file's own columns, ``column`` the cell: ``value``, ``yoy_pct`` or ``rank``);
``written_value`` is the figure as the article states it, in the dataset's unit (``unit``; ``rank``
for a rank) and signed (a contraction of 3.6 % is ``-3.6``; "$476.7 billion" is ``476700000000``).
``kind`` is the catalogue's measure (level, change, share) or ``rank``; ``hedge`` is null,
``approx`` (about, نحو), ``nearly`` (nearly, قرابة) or ``more_than`` (more than, أكثر من).  A written
value that is not ``wrong`` is the true value rounded the way newspapers round it (within 5 %, 3 %
after "about"), downwards after "more than" and upwards after "nearly"; a ``wrong`` one is 10-40 %
off (12 % or more after "about"; above the true value after "more than", below it after "nearly"),
and a wrong rank is another rank.  ``text`` is the number phrase with its hedge or comparator and
unit, exactly as it appears at ``text[start:end]`` of the article.

Besides the claims, each article has numbers that are not claims (dates, durations, ages, phone
numbers, list and agenda numbers, names with years such as Vision 2030), sentences without any
number, and sometimes a check-worthy figure the reference data does not cover (listed under
``uncovered``).  ``.md`` files may start with YAML front matter and may have a heading, a bullet
list and a fenced code block with numbers in it; about 30 % of the articles carry a ``date:``
(2019-2024) in their front matter, and their figures are from years before that date.

The corpus is deterministic: the same ``--n`` and ``--seed`` always give the same files
(``random.Random(seed)``; no clock, no network).  The prose is generated from templates written for
this module; it reports the reference figures, it does not quote any outlet.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_DIR = ROOT / "reference_data"

WRONG_RATE = 0.25  # share of claims written with a deliberately wrong figure
DATED_RATE = 0.3  # share of articles with a date in their front matter
FIRST_YEAR, LAST_YEAR = 2015, 2024  # the years figures are taken from (undated articles)
FIRST_DATE, LAST_DATE = date(2019, 1, 1), date(2024, 12, 31)
MIN_CHARS, MAX_CHARS = 250, 2000
MIN_SENTENCES, MAX_SENTENCES = 4, 12


# ---------------------------------------------------------------------------------------------
# reference data


@cache
def catalogue(dataset: str) -> dict[str, Any]:
    """The catalogue entry (``reference_data/<dataset>.toml``) of a dataset."""
    with (REFERENCE_DIR / f"{dataset}.toml").open("rb") as f:
        return tomllib.load(f)


def _read(dataset: str) -> Iterable[dict[str, str]]:
    path = REFERENCE_DIR / catalogue(dataset)["data"]
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


@cache
def table(dataset: str) -> tuple[dict[str, str], ...]:
    """Every row of a (small) dataset's data file, as read by csv."""
    return tuple(_read(dataset))


@cache
def wb_series(dataset: str) -> dict[tuple[str, int], str]:
    """A World Bank indicator for the economies this corpus writes about: (entity, year) -> value."""
    wanted = {c.code for c in ECONOMIES}
    return {
        (row["entity"], int(row["year"])): row["value"]
        for row in _read(dataset)
        if row["entity"] in wanted and FIRST_YEAR - 1 <= int(row["year"]) <= LAST_YEAR
    }


def aliases(dataset: str, lang: str, preferred: Iterable[str]) -> list[str]:
    """The names of a dataset's metric that fit this module's sentences: those of ``preferred`` the
    catalogue lists (in that order), else the catalogue's first alias."""
    listed = catalogue(dataset)["aliases"][lang]
    return [a for a in preferred if a in listed] or listed[:1]


def _kind(dataset: str) -> str:
    return str(catalogue(dataset).get("measure", "level"))


def _unit(dataset: str) -> str:
    return str(catalogue(dataset)["unit"])


# ---------------------------------------------------------------------------------------------
# countries


@dataclass(frozen=True)
class Country:
    code: str
    ar: str
    en: str
    en_poss: str = ""  # possessive, when it is not en + "'s"

    def name(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en

    @property
    def poss(self) -> str:
        return self.en_poss or f"{self.en}'s"

    @property
    def ar_li(self) -> str:
        """The name after the preposition لـ (ل + ال is written لل)."""
        return "لل" + self.ar[2:] if self.ar.startswith("ال") else "ل" + self.ar


ECONOMIES = (
    Country("EGY", "مصر", "Egypt"),
    Country("SAU", "السعودية", "Saudi Arabia"),
    Country("TUR", "تركيا", "Turkey"),
    Country("IND", "الهند", "India"),
    Country("RUS", "روسيا", "Russia"),
    Country("CHN", "الصين", "China"),
    Country("BRA", "البرازيل", "Brazil"),
    Country("MAR", "المغرب", "Morocco"),
    Country("DZA", "الجزائر", "Algeria"),
    Country("TUN", "تونس", "Tunisia"),
    Country("JOR", "الأردن", "Jordan"),
    Country("IRQ", "العراق", "Iraq"),
    Country("ARE", "الإمارات", "the UAE"),
    Country("KWT", "الكويت", "Kuwait"),
    Country("QAT", "قطر", "Qatar"),
    Country("NGA", "نيجيريا", "Nigeria"),
    Country("ZAF", "جنوب أفريقيا", "South Africa"),
    Country("IDN", "إندونيسيا", "Indonesia"),
    Country("MEX", "المكسيك", "Mexico"),
    Country("DEU", "ألمانيا", "Germany"),
    Country("FRA", "فرنسا", "France"),
    Country("GBR", "بريطانيا", "Britain"),
    Country("USA", "الولايات المتحدة", "the United States", "America's"),
    Country("JPN", "اليابان", "Japan"),
    Country("PAK", "باكستان", "Pakistan"),
    Country("ARG", "الأرجنتين", "Argentina"),
    Country("IRN", "إيران", "Iran"),
)
GAS_SUPPLIERS = (
    Country("AUS", "أستراليا", "Australia"),
    Country("IDN", "إندونيسيا", "Indonesia"),
    Country("KAZ", "كازاخستان", "Kazakhstan"),
    Country("MMR", "ميانمار", "Myanmar"),
    Country("MYS", "ماليزيا", "Malaysia"),
    Country("NGA", "نيجيريا", "Nigeria"),
    Country("OMN", "سلطنة عمان", "Oman"),
    Country("PNG", "بابوا غينيا الجديدة", "Papua New Guinea"),
    Country("QAT", "قطر", "Qatar"),
    Country("RUS", "روسيا", "Russia"),
    Country("TKM", "تركمانستان", "Turkmenistan"),
    Country("USA", "الولايات المتحدة", "the United States", "America's"),
    Country("UZB", "أوزبكستان", "Uzbekistan"),
)
COUNTRY = {c.code: c for c in (*ECONOMIES, *GAS_SUPPLIERS)}
RUSSIA, CHINA = COUNTRY["RUS"], COUNTRY["CHN"]


# ---------------------------------------------------------------------------------------------
# numbers as newspapers write them

ARABIC_INDIC = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")
HEDGE_WORDS = {
    "en": {
        "approx": ("about", "around", "roughly", "approximately", "some"),
        "nearly": ("nearly", "almost"),
        "more_than": ("more than", "over"),
    },
    "ar": {
        "approx": ("نحو", "حوالي", "ما يقارب"),
        "nearly": ("قرابة", "ما يقرب من"),
        "more_than": ("أكثر من", "ما يزيد على"),
    },
}
ORDINAL_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
ORDINAL_AR_F = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة")
ORDINAL_AR_M = ("", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن")
DAYS_EN = {5: "five days", 7: "seven days", 9: "nine days"}
DAYS_AR = {5: "خمسة أيام", 7: "سبعة أيام", 9: "تسعة أيام"}
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_AR = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)


def to_arabic_indic(text: str) -> str:
    """Western digits to Arabic-Indic ones, with the Arabic decimal and thousands separators."""
    text = re.sub(r"(?<=\d)\.(?=\d)", "٫", text)
    text = re.sub(r"(?<=\d),(?=\d)", "٬", text)
    return text.translate(ARABIC_INDIC)


def _dec(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 4.767E+11 -> '476700000000'."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _round(x: Decimal, decimals: int, hedge: str | None) -> Decimal:
    """``x`` rounded to ``decimals`` places (negative: to tens, hundreds); after "more than" strictly
    below ``x``, after "nearly" strictly above it."""
    step = Decimal(1).scaleb(-decimals)
    mode = {"more_than": ROUND_FLOOR, "nearly": ROUND_CEILING}.get(hedge or "", ROUND_HALF_UP)
    rounded = (x / step).quantize(Decimal(1), rounding=mode) * step
    if hedge == "more_than" and rounded >= x:
        rounded -= step
    if hedge == "nearly" and rounded <= x:
        rounded += step
    return rounded


def _decimals(rng: random.Random, mantissa: Decimal, hedged: bool, kind: str) -> list[int]:
    """The precisions to try, coarsest first for a hedged figure."""
    if kind == "money_unit":
        return [-2, -1, 0] if hedged else [0]
    if kind in ("percent", "years"):
        return [0, 1] if hedged else [1]
    if mantissa >= 100:
        return [-1, 0] if hedged else [rng.choice((1, 0))]
    if mantissa >= 10:
        return [0, 1] if hedged else [rng.choice((1, 1, 2))]
    return [1, 2] if hedged else [rng.choice((1, 2))]


def _scale(kind: str, magnitude: Decimal) -> Decimal:
    if kind in ("money", "people"):
        for power in (12, 9, 6) if kind == "money" else (9, 6):
            if magnitude >= Decimal(10) ** power:
                return Decimal(10) ** power
    return Decimal(1)


def _pick(rng: random.Random, true: Decimal, hedge: str | None, wrong: bool, kind: str):
    """(mantissa, scale) of the figure to write for the magnitude ``true`` (> 0), or None when no
    wrong figure fits."""
    for _ in range(40):
        up = hedge == "more_than" or (hedge != "nearly" and rng.random() < 0.5)
        target = true
        if wrong:
            factor = rng.uniform(1.12, 1.4) if up else rng.uniform(0.62, 0.88)
            target = true * Decimal(repr(round(factor, 3)))
        scale = _scale(kind, target)
        mantissa = target / scale
        for decimals in _decimals(rng, mantissa, hedge is not None, kind):
            written = _round(mantissa, decimals, None if wrong else hedge)
            if written <= 0:
                continue
            deviation = abs(written * scale - true) / true
            if not wrong and deviation <= (Decimal("0.03") if hedge == "approx" else Decimal("0.05")):
                return written, scale
            least = Decimal("0.12") if hedge else Decimal("0.1")
            if wrong and least <= deviation <= Decimal("0.4") and (written * scale > true) == up:
                return written, scale
        if not wrong:
            finer = max(_decimals(rng, mantissa, hedge is not None, kind)) + 1
            return _round(mantissa, max(finer, 2), hedge), scale
    return None


def _mantissa_text(rng: random.Random, mantissa: Decimal, lang: str, kind: str) -> str:
    text = _dec(mantissa)
    if kind == "money_unit" and mantissa >= 1000 and (lang == "en" or rng.random() < 0.4):
        text = f"{int(mantissa):,}"
    return text


def _core(rng: random.Random, lang: str, kind: str, m: str, scale: Decimal) -> str:
    """The figure with its scale word and unit, in one of the forms journalists use."""
    power = scale.adjusted()
    if lang == "en":
        forms = {
            "money": {
                12: (f"${m} trillion", f"${m}tn", f"US${m} trillion"),
                9: (f"${m} billion", f"${m}bn", f"US${m} billion", f"{m} billion dollars"),
                6: (f"${m} million", f"US${m} million"),
                0: (f"${m}",),
            },
            "money_unit": {0: (f"${m}", f"US${m}")},
            "people": {
                9: (f"{m} billion", f"{m} billion people"),
                6: (f"{m} million", f"{m} million people", f"{m} million inhabitants"),
                0: (f"{m} people",),
            },
            "percent": {0: (f"{m}%", f"{m}%", f"{m} percent", f"{m} per cent")},
            "years": {0: (f"{m} years",)},
            "bcm": {0: (f"{m} billion cubic metres", f"{m} bcm", f"{m} billion cubic meters")},
        }
    else:
        forms = {
            "money": {
                12: (f"{m} تريليون دولار",),
                9: (f"{m} مليار دولار", f"{m} مليار دولار أمريكي"),
                6: (f"{m} مليون دولار",),
                0: (f"{m} دولار",),
            },
            "money_unit": {0: (f"{m} دولار", f"{m} دولاراً", f"{m} دولار أمريكي")},
            "people": {9: (f"{m} مليار نسمة",), 6: (f"{m} مليون نسمة",), 0: (f"{m} نسمة",)},
            "percent": {0: (f"{m} في المائة", f"{m} في المئة", f"{m}%")},
            "years": {0: (f"{m} عاماً", f"{m} سنة")},
            "bcm": {0: (f"{m} مليار متر مكعب",)},
        }
    return rng.choice(forms[kind][power])


def _hedge(rng: random.Random) -> str | None:
    return rng.choices((None, "approx", "nearly", "more_than"), weights=(50, 30, 8, 12))[0]


def _hedged(rng: random.Random, lang: str, core: str, hedge: str | None) -> str:
    if hedge is None:
        return core
    if lang == "ar" and hedge == "approx" and rng.random() < 0.3:
        return f"{core} تقريباً"
    return f"{rng.choice(HEDGE_WORDS[lang][hedge])} {core}"


# ---------------------------------------------------------------------------------------------
# claims, sentences, articles


@dataclass
class Claim:
    text: str
    dataset: str
    kind: str
    key: dict[str, Any]
    column: str
    unit: str
    hedge: str | None
    true_value: str
    written_value: str
    wrong: bool


@dataclass
class Sentence:
    text: str
    role: str  # claim, number (numbers that are not claims), uncovered, filler
    claims: list[Claim] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    wa: bool = False  # Arabic: joined to what precedes it by و when it is not the first sentence


@dataclass
class Article:
    filename: str
    text: str
    record: dict[str, Any]


@dataclass
class Ctx:
    """What the sentences of one article share."""

    rng: random.Random
    lang: str
    date: date | None
    country: Country
    other: Country
    focus_year: int
    used: set[tuple[Any, ...]] = field(default_factory=set)

    @property
    def max_year(self) -> int:
        """Figures are from years before the article's date (the latest year published by then)."""
        return min(LAST_YEAR, self.date.year - 1) if self.date else LAST_YEAR

    def year(self, year: int) -> str:
        """The year as a sentence ends with it: "in 2022", "last year", "في عام 2022"."""
        rng = self.rng
        if self.date and year == self.date.year - 1 and rng.random() < 0.25:
            return "last year" if self.lang == "en" else rng.choice(("العام الماضي", "خلال العام الماضي"))
        if self.lang == "en":
            return f"in {year}"
        return rng.choice((f"في عام {year}", f"عام {year}", f"في {year}", f"خلال عام {year}"))

    def year_lead(self, year: int) -> str:
        """The year opening a sentence: "In 2022", "Last year", "في عام 2022"."""
        if self.date and year == self.date.year - 1 and self.rng.random() < 0.25:
            return "Last year" if self.lang == "en" else "خلال العام الماضي"
        return f"In {year}" if self.lang == "en" else self.rng.choice((f"في عام {year}", f"خلال عام {year}"))

    def figure(self, kind: str, true: Decimal, wrong: bool) -> tuple[str, Decimal, str | None, bool]:
        """(phrase, signed written value, hedge, wrong) for a true value; falls back to a right
        figure when no wrong one fits."""
        hedge = _hedge(self.rng)
        picked = _pick(self.rng, abs(true), hedge, wrong, kind)
        if picked is None:
            wrong = False
            picked = _pick(self.rng, abs(true), hedge, False, kind)
            assert picked is not None
        mantissa, scale = picked
        core = _core(self.rng, self.lang, kind, _mantissa_text(self.rng, mantissa, self.lang, kind), scale)
        written = mantissa * scale
        return _hedged(self.rng, self.lang, core, hedge), (-written if true < 0 else written), hedge, wrong


def _fill(template: str, feminine: bool = False, **fields: str) -> str:
    """A template with {V:masculine|feminine} verb forms and {name} fields filled in."""
    template = re.sub(r"\{V:([^|{}]*)\|([^{}]*)\}", lambda m: m.group(2 if feminine else 1), template)
    text = template.format(**fields)
    return text[:1].upper() + text[1:]


def _feminine(alias: str) -> bool:
    """Arabic: does the metric's name take a feminine verb (الصادرات، نسبة البطالة)?"""
    return alias.split()[0].endswith(("ة", "ات"))


def _sentence(ctx: Ctx, text: str, claims: list[Claim], role: str = "claim") -> Sentence:
    if ctx.lang == "ar" and ctx.rng.random() < 0.15:
        text = to_arabic_indic(text)
        for claim in claims:
            claim.text = to_arabic_indic(claim.text)
    return Sentence(text, role, claims)


def _claim(
    ctx: Ctx, dataset: str, key: dict[str, Any], column: str, raw: str, kind: str, number_kind: str
) -> tuple[Claim, str]:
    """A claim on one cell of the reference data, and its number phrase."""
    wrong = ctx.rng.random() < WRONG_RATE
    phrase, written, hedge, wrong = ctx.figure(number_kind, Decimal(raw), wrong)
    unit = "%" if column == "yoy_pct" else _unit(dataset)
    claim = Claim(phrase, dataset, kind, key, column, unit, hedge, raw, _dec(written), wrong)
    ctx.used.add((dataset, tuple(sorted(key.items())), column))
    return claim, phrase


def _unused(ctx: Ctx, dataset: str, key: dict[str, Any], column: str = "value") -> bool:
    return (dataset, tuple(sorted(key.items())), column) not in ctx.used


# World Bank indicators ------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    dataset: str
    number_kind: str  # money, money_unit, people, percent, years
    style: str  # level, growth, rate
    ar: tuple[str, ...]  # preferred aliases (those the catalogue lists are used)
    en: tuple[str, ...]
    ar_li: bool = True  # "الناتج المحلي الإجمالي لمصر" reads well
    en_the: bool = False  # "the population of ..."
    min_abs: float = 0.0
    positive: bool = False


INDICATORS = (
    Indicator(
        "wb_ny_gdp_mktp_cd",
        "money",
        "level",
        ("الناتج المحلي الإجمالي", "إجمالي الناتج المحلي", "الناتج المحلي", "حجم الاقتصاد"),
        ("GDP", "gross domestic product", "nominal GDP", "economic output"),
    ),
    Indicator(
        "wb_ny_gdp_mktp_kd_zg",
        "percent",
        "growth",
        ("النمو الاقتصادي", "معدل النمو الاقتصادي", "نمو الناتج المحلي الإجمالي"),
        ("GDP growth", "economic growth", "real GDP growth"),
        min_abs=0.5,
    ),
    Indicator(
        "wb_fp_cpi_totl_zg",
        "percent",
        "rate",
        ("معدل التضخم", "التضخم", "التضخم السنوي", "نسبة التضخم"),
        ("inflation", "annual inflation", "consumer price inflation", "headline inflation"),
        min_abs=1.0,
        positive=True,
    ),
    Indicator(
        "wb_sl_uem_totl_zs",
        "percent",
        "rate",
        ("معدل البطالة", "نسبة البطالة", "البطالة"),
        ("unemployment rate", "jobless rate", "unemployment"),
        min_abs=1.0,
        positive=True,
    ),
    Indicator(
        "wb_sp_pop_totl",
        "people",
        "level",
        ("عدد السكان", "إجمالي السكان", "تعداد السكان"),
        ("population", "total population"),
        ar_li=False,
        en_the=True,
    ),
    Indicator(
        "wb_tx_val_mrch_cd_wt",
        "money",
        "level",
        ("الصادرات السلعية", "صادرات السلع", "قيمة الصادرات"),
        ("merchandise exports", "goods exports", "exports of goods"),
    ),
    Indicator(
        "wb_fi_res_totl_cd",
        "money",
        "level",
        ("الاحتياطيات الأجنبية", "احتياطيات النقد الأجنبي", "الاحتياطي الأجنبي"),
        ("foreign reserves", "foreign exchange reserves", "forex reserves"),
    ),
    Indicator(
        "wb_bx_trf_pwkr_cd_dt",
        "money",
        "level",
        ("التحويلات المالية", "تحويلات العاملين في الخارج", "التحويلات الشخصية"),
        ("remittance inflows", "personal remittances", "remittances"),
    ),
    Indicator(
        "wb_ny_gdp_pcap_cd",
        "money_unit",
        "level",
        ("نصيب الفرد من الناتج المحلي الإجمالي", "الناتج المحلي الإجمالي للفرد", "متوسط دخل الفرد"),
        ("GDP per capita", "per capita GDP", "GDP per head"),
        ar_li=False,
    ),
    Indicator(
        "wb_sp_dyn_le00_in",
        "years",
        "level",
        ("متوسط العمر المتوقع", "العمر المتوقع عند الولادة", "متوسط العمر المتوقع عند الولادة"),
        ("life expectancy", "life expectancy at birth", "average life expectancy"),
        ar_li=False,
    ),
)

WB_SOURCE = {
    "en": ("according to World Bank data", "World Bank figures show", "the World Bank says"),
    "ar": ("بحسب بيانات البنك الدولي", "وفق أرقام البنك الدولي", "بحسب البنك الدولي"),
}
WB_SOURCE_LEAD = {
    "en": ("According to World Bank data", "According to the World Bank", "Based on World Bank figures"),
    "ar": ("بحسب بيانات البنك الدولي", "وفق أرقام البنك الدولي", "استناداً إلى بيانات البنك الدولي"),
}

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "level": (
            "{cp} {alias} {verb} {v} {y}, {src}.",
            "{The_alias} in {c} stood at {v} {y}.",
            "{src_lead}, {cp} {alias} {verb} {v} {y}.",
            "{Y}, {cp} {alias} {was} {v}, {src}.",
            "{cp} {alias} {verb} {v} {y}.",
        ),
        "growth+": (
            "{cp} economy grew {v} {y}, {src}.",
            "{cp} economy expanded by {v} {y}.",
            "{The_alias} in {c} came in at {v} {y}.",
            "{src_lead}, {c} posted {alias} of {v} {y}.",
        ),
        "growth-": (
            "{cp} economy contracted by {v} {y}, {src}.",
            "{cp} economy shrank {v} {y}.",
            "{Y}, {cp} output fell by {v}, {src}.",
        ),
        "rate~": (
            "{cp} {alias} stood at {v} {y}, {src}.",
            "{src_lead}, {the_alias} in {c} averaged {v} {y}.",
            "{Y}, {the_alias} in {c} was {v}.",
        ),
        "rate^": ("{The_alias} in {c} {dir} to {v} {y}, {src}.", "{cp} {alias} {dir} to {v} {y}."),
        "trade": (
            "{The_alias} reached {v} {y}, according to Chinese customs data.",
            "Chinese customs data show that {the_alias} came to {v} {y}.",
            "{Y}, {the_alias} totalled {v}, China's customs administration said.",
        ),
        "trade%": (
            "{The_alias} {dir} {p} year on year to {v} {y}, Chinese customs said.",
            "According to China's customs, {the_alias} reached {v} {y}, {updown} {p} on the previous year.",
        ),
        "trade_export": (
            "China's exports to Russia reached {v} {y}{yoy}, customs data showed.",
            "{Y}, Chinese shipments to Russia were worth {v}{yoy}.",
        ),
        "trade_import": (
            "China's imports from Russia totalled {v} {y}{yoy}, customs data showed.",
            "{Y}, China bought goods worth {v} from Russia{yoy}.",
        ),
        "trade_rus": (
            "Russian customs put trade with China at {v} {y}.",
            "Russian officials said trade with China reached {v} {y}.",
        ),
        "gas_rank": (
            "{c} ranked {o} among suppliers of {mode} to China {y}, {src}.",
            "{Y}, {c} came {o} among the suppliers of {mode} to China.",
        ),
        "gas_rank2": ("{c} was China's {o}-largest supplier of {mode} {y}, {src}.",),
        "gas_value": (
            "China imported {v} of {mode} from {c} {y}, {src}.",
            "{cp} {mode} exports to China reached {v} {y}, {src}.",
        ),
        "gas_total": ("China's total {mode} imports came to {v} {y}, {src}.", "{Y}, China imported {v} of {mode}."),
        "pos_Gazprom": (
            "Gazprom said it pumped {v} of gas to China through the Power of Siberia pipeline {y}.",
            "Russian gas supplies to China via Power of Siberia reached {v} {y}, according to Gazprom.",
        ),
        "pos_Novak": ("Deputy Prime Minister Alexander Novak said deliveries via Power of Siberia reached {v} {y}.",),
        "joint_sea": (
            "The two navies held the Joint Sea-2022 drills in the East China Sea for {v}, {src} reported.",
            "According to {src}, the joint naval exercise lasted {v}.",
        ),
    },
    "ar": {
        "level": (
            "{V:بلغ|بلغت} {alias} {li} {v} {y}، {src}.",
            "{V:سجل|سجلت} {alias} في {c} {v} {y}.",
            "{src_lead}، {V:وصل|وصلت} {alias} في {c} إلى {v} {y}.",
            "{Y}، {V:بلغ|بلغت} {alias} {li} {v}.",
            "تشير أرقام البنك الدولي إلى أن {alias} في {c} {V:بلغ|بلغت} {v} {y}.",
        ),
        "growth+": (
            "نما اقتصاد {c} بنسبة {v} {y}، {src}.",
            "{V:بلغ|بلغت} {alias} في {c} {v} {y}.",
            "حقق اقتصاد {c} نمواً بنسبة {v} {y}.",
            "{src_lead}، سجل الاقتصاد في {c} نمواً نسبته {v} {y}.",
        ),
        "growth-": (
            "انكمش اقتصاد {c} بنسبة {v} {y}، {src}.",
            "سجل اقتصاد {c} انكماشاً بنسبة {v} {y}.",
            "{Y}، تراجع الناتج المحلي الإجمالي في {c} بنسبة {v}.",
        ),
        "rate~": (
            "{V:بلغ|بلغت} {alias} في {c} {v} {y}، {src}.",
            "{src_lead}، {V:سجل|سجلت} {alias} في {c} {v} {y}.",
            "{Y}، {V:بلغ|بلغت} {alias} في {c} {v}.",
        ),
        "rate^": ("{dir} {alias} في {c} إلى {v} {y}، {src}.", "{Y}، {dir} {alias} في {c} إلى {v}."),
        "trade": (
            "{V:بلغ|بلغت} {alias} {v} {y}، بحسب بيانات الإدارة العامة للجمارك الصينية.",
            "أظهرت بيانات الجمارك الصينية أن {alias} {V:بلغ|بلغت} {v} {y}.",
            "{Y}، {V:وصل|وصلت} {alias} إلى {v}، وفق الأرقام الصينية.",
        ),
        "trade%": (
            "{dir} {alias} بنسبة {p} على أساس سنوي {y} {V:ليصل|لتصل} إلى {v}، بحسب الجمارك الصينية.",
            "{V:بلغ|بلغت} {alias} {v} {y}، {updown} {p} مقارنة بالعام السابق، وفق الجمارك الصينية.",
        ),
        "trade_export": (
            "بلغت صادرات الصين إلى روسيا {v} {y}{yoy}، بحسب الجمارك الصينية.",
            "{Y}، سجلت الصادرات الصينية إلى روسيا {v}{yoy}.",
        ),
        "trade_import": (
            "بلغت واردات الصين من روسيا {v} {y}{yoy}، بحسب الجمارك الصينية.",
            "{Y}، استوردت الصين من روسيا سلعاً بقيمة {v}{yoy}.",
        ),
        "trade_rus": (
            "بحسب دائرة الجمارك الاتحادية الروسية، بلغ حجم التبادل التجاري مع الصين {v} {y}.",
            "قال مسؤولون روس إن حجم التجارة مع الصين بلغ {v} {y}.",
        ),
        "gas_rank": (
            "احتلت {c} المرتبة {o} بين موردي {mode} إلى الصين {y}، {src}.",
            "جاءت {c} في المرتبة {o} بين أكبر موردي {mode} إلى الصين {y}.",
        ),
        "gas_rank2": ("{Y}، كانت {c} {o} أكبر مورد {mode_li} إلى الصين، {src}.",),
        "gas_value": (
            "استوردت الصين {v} من {mode} من {c} {y}، {src}.",
            "بلغت واردات الصين من {mode} القادم من {c} {v} {y}، {src}.",
        ),
        "gas_total": ("بلغت واردات الصين من {mode} {v} {y}، {src}.", "{Y}، استوردت الصين {v} من {mode}."),
        "pos_Gazprom": (
            "قالت شركة غازبروم إنها ضخت {v} من الغاز إلى الصين عبر خط أنابيب قوة سيبيريا {y}.",
            "بحسب غازبروم، بلغت إمدادات الغاز الروسي إلى الصين عبر قوة سيبيريا {v} {y}.",
        ),
        "pos_Novak": ("قال نائب رئيس الوزراء الروسي ألكسندر نوفاك إن إمدادات الغاز عبر قوة سيبيريا بلغت {v} {y}.",),
        "joint_sea": (
            "أجرت القوات البحرية للبلدين مناورات «البحر المشترك 2022» في بحر الصين الشرقي على مدى {v}، بحسب {src}.",
            "استمرت المناورات البحرية المشتركة بين البلدين {v}، وفق {src}.",
        ),
    },
}

DIRECTIONS = {
    "en": {"up": ("rose", "climbed", "accelerated"), "down": ("eased", "fell", "slowed")},
    "ar": {
        "up": (("ارتفع", "ارتفعت"), ("قفز", "قفزت"), ("صعد", "صعدت")),
        "down": (("تراجع", "تراجعت"), ("انخفض", "انخفضت"), ("تباطأ", "تباطأت")),
    },
}


def _en_alias(alias: str, the: bool) -> dict[str, str]:
    the_alias = f"the {alias}" if the or alias.endswith("rate") else alias
    return {"alias": alias, "the_alias": the_alias, "The_alias": the_alias[:1].upper() + the_alias[1:]}


def _indicator_sentence(ctx: Ctx, ind: Indicator, country: Country) -> Sentence | None:
    rng, lang = ctx.rng, ctx.lang
    series = wb_series(ind.dataset)
    years = [
        y
        for y in range(FIRST_YEAR, ctx.max_year + 1)
        if (country.code, y) in series
        and abs(float(series[country.code, y])) >= ind.min_abs
        and (not ind.positive or float(series[country.code, y]) > 0)
        and _unused(ctx, ind.dataset, {"entity": country.code, "year": y})
    ]
    if not years:
        return None
    year = ctx.focus_year if ctx.focus_year in years and rng.random() < 0.6 else rng.choice(years)
    raw = series[country.code, year]
    key = {"entity": country.code, "year": year}
    claim, phrase = _claim(ctx, ind.dataset, key, "value", raw, _kind(ind.dataset), ind.number_kind)
    style = ind.style
    value = Decimal(raw)
    if style == "growth":
        style = "growth+" if value > 0 else "growth-"
    direction = ""
    if style == "rate":
        previous = series.get((country.code, year - 1))
        style = "rate~"
        if previous is not None and abs(value - Decimal(previous)) >= Decimal("0.3") and rng.random() < 0.6:
            style = "rate^"
            direction = "up" if value > Decimal(previous) else "down"
    alias = rng.choice(aliases(ind.dataset, lang, getattr(ind, lang)))
    fields = {
        "c": country.name(lang),
        "v": phrase,
        "y": ctx.year(year),
        "Y": ctx.year_lead(year),
        "src": rng.choice(WB_SOURCE[lang]),
        "src_lead": rng.choice(WB_SOURCE_LEAD[lang]),
    }
    feminine = lang == "ar" and _feminine(alias)
    inflation = ind.dataset == "wb_fp_cpi_totl_zg"  # "inflation slowed to", not "unemployment slowed to"
    if lang == "en":
        verbs = ("reached", "totalled", "came to", "stood at") if ind.number_kind == "money" else ("reached", "was")
        plural = any(w in alias.split() for w in ("reserves", "exports", "remittances", "inflows"))
        fields |= {
            "cp": country.poss,
            "verb": rng.choice(verbs),
            "was": "were" if plural else "was",
            **_en_alias(alias, ind.en_the),
        }
        if direction:
            fields["dir"] = rng.choice(DIRECTIONS["en"][direction][: 3 if inflation else 2])
    else:
        fields |= {"alias": alias, "li": country.ar_li if ind.ar_li else f"في {country.ar}"}
        if direction:
            fields["dir"] = rng.choice(DIRECTIONS["ar"][direction][: 3 if inflation else 2])[int(feminine)]
    text = _fill(rng.choice(TEMPLATES[lang][style]), feminine, **fields)
    return _sentence(ctx, text, [claim])


# Russia-China trade ---------------------------------------------------------------------------

TRADE_ALIASES = {
    "en": (
        "trade between China and Russia",
        "China-Russia trade",
        "Russia-China trade",
        "trade between Russia and China",
        "trade turnover",
        "bilateral trade",
    ),
    "ar": (
        "حجم التبادل التجاري",
        "التبادل التجاري",
        "حجم التجارة",
        "التجارة بين روسيا والصين",
        "التجارة بين الصين وروسيا",
        "حجم المبادلات التجارية",
    ),
}


def _period(ctx: Ctx, year: int, period: str, lead: bool) -> str:
    if period == "FY":
        return ctx.year_lead(year) if lead else ctx.year(year)
    months = {
        "Jan-Nov": ("the first 11 months", "الأشهر الأحد عشر الأولى"),
        "Jan-Oct": ("the first ten months", "الأشهر العشرة الأولى"),
    }
    en, ar = months.get(period, (period, period))
    text = f"in {en} of {year}" if ctx.lang == "en" else f"خلال {ar} من عام {year}"
    return text[:1].upper() + text[1:] if lead else text


def _trade_sentence(ctx: Ctx) -> Sentence | None:
    rng, lang = ctx.rng, ctx.lang
    rows = [
        r for r in table("ru_cn_trade") if int(r["year"]) <= ctx.max_year and _unused(ctx, "ru_cn_trade", _trade_key(r))
    ]
    if not rows:
        return None
    row = rng.choice(rows)
    key = _trade_key(row)
    year, period = int(row["year"]), row["period"]
    level, phrase = _claim(ctx, "ru_cn_trade", key, "value", row["value"], _kind("ru_cn_trade"), "money")
    claims = [level]
    fields = {"v": phrase, "y": _period(ctx, year, period, False), "Y": _period(ctx, year, period, True)}
    with_change = bool(row["yoy_pct"]) and abs(float(row["yoy_pct"])) >= 1 and row["reporter"] == "CHN"
    with_change = with_change and rng.random() < 0.6
    up = with_change and float(row["yoy_pct"]) > 0
    if with_change:
        change, p = _claim(ctx, "ru_cn_trade", key, "yoy_pct", row["yoy_pct"], "change", "percent")
        claims.append(change)
        fields["p"] = p
    feminine = False
    if row["reporter"] == "RUS":
        style = "trade_rus"
    elif row["flow"] == "total":
        style = "trade%" if with_change else "trade"
        alias = rng.choice(aliases("ru_cn_trade", lang, TRADE_ALIASES[lang]))
        if lang == "en":
            if "Russia" not in alias:
                alias += rng.choice((" between China and Russia", " between Russia and China"))
            fields |= _en_alias(alias, False)
            fields["dir"] = "rose" if up else "fell"
            fields["updown"] = "up" if up else "down"
        else:
            if "روسيا" not in alias:
                alias += rng.choice((" بين الصين وروسيا", " بين روسيا والصين"))
            feminine = _feminine(alias)
            fields["alias"] = alias
            verbs = DIRECTIONS["ar"]["up" if up else "down"][:2]
            if up and abs(float(row["yoy_pct"])) < 10:
                verbs = verbs[:1]  # not قفز for a small rise
            fields["dir"] = rng.choice(verbs)[int(feminine)]
            fields["updown"] = "بزيادة" if up else "بتراجع"
    else:
        style = f"trade_{row['flow']}"
        yoy = ""
        if with_change:
            if lang == "en":
                yoy = f", {'up' if up else 'down'} {fields['p']} year on year"
            else:
                yoy = f"، {'بزيادة' if up else 'بانخفاض'} {fields['p']} على أساس سنوي"
        fields["yoy"] = yoy
    text = _fill(rng.choice(TEMPLATES[lang][style]), feminine, **fields)
    return _sentence(ctx, text, claims)


def _trade_key(row: dict[str, str]) -> dict[str, Any]:
    return {
        "reporter": row["reporter"],
        "partner": row["partner"],
        "year": int(row["year"]),
        "period": row["period"],
        "flow": row["flow"],
    }


# China's gas imports, Power of Siberia, Joint Sea-2022 ------------------------------------------

GAS_MODE = {
    "en": {"pipeline": ("pipeline gas", "piped gas"), "LNG": ("liquefied natural gas", "LNG")},
    "ar": {"pipeline": ("الغاز عبر خطوط الأنابيب",), "LNG": ("الغاز الطبيعي المسال",)},
}
GAS_MODE_LI = {"pipeline": "للغاز عبر خطوط الأنابيب", "LNG": "للغاز الطبيعي المسال"}
GAS_SOURCE = {
    "EI": {
        "en": (
            "according to the Energy Institute's Statistical Review of World Energy",
            "the Statistical Review of World Energy shows",
        ),
        "ar": ("بحسب المراجعة الإحصائية للطاقة العالمية", "وفق المراجعة الإحصائية للطاقة العالمية"),
    },
    "Enerdata": {"en": ("according to Enerdata",), "ar": ("بحسب إنرداتا",)},
}


def _gas_key(row: dict[str, str]) -> dict[str, Any]:
    return {
        "importer": row["importer"],
        "exporter": row["exporter"],
        "year": int(row["year"]),
        "period": row["period"],
        "mode": row["mode"],
        "basis": row["basis"],
    }


def _gas_sentence(ctx: Ctx, rank: bool) -> Sentence | None:
    rng, lang = ctx.rng, ctx.lang
    column = "rank" if rank else "value"
    rows = [
        r
        for r in table("cn_gas_imports_bcm")
        if int(r["year"]) <= ctx.max_year
        and _unused(ctx, "cn_gas_imports_bcm", _gas_key(r), column)
        and (r["rank"] and r["basis"] == "EI" and r["exporter"] in COUNTRY if rank else True)
    ]
    if not rows:
        return None
    row = rng.choice(rows)
    key, year = _gas_key(row), int(row["year"])
    fields = {
        "y": ctx.year(year),
        "Y": ctx.year_lead(year),
        "mode": rng.choice(GAS_MODE[lang][row["mode"]]),
        "mode_li": GAS_MODE_LI[row["mode"]],
        "src": rng.choice(GAS_SOURCE[row["basis"]][lang]),
    }
    if row["exporter"] in COUNTRY:
        supplier = COUNTRY[row["exporter"]]
        fields |= {"c": supplier.name(lang), "cp": supplier.poss}
    if rank:
        true = int(row["rank"])
        wrong = rng.random() < WRONG_RATE
        written = true
        if wrong:
            written = rng.choice([r for r in (true - 2, true - 1, true + 1, true + 2) if 1 <= r <= 8])
        second = written >= 2 and rng.random() < 0.4
        if lang == "en":
            ordinal = ORDINAL_EN[written - 1]
        else:
            ordinal = ORDINAL_AR_M[written - 1] if second else ORDINAL_AR_F[written - 1]
        fields["o"] = ordinal
        claim = Claim(
            ordinal, "cn_gas_imports_bcm", "rank", key, "rank", "rank", None, row["rank"], str(written), wrong
        )
        ctx.used.add(("cn_gas_imports_bcm", tuple(sorted(key.items())), "rank"))
        style = "gas_rank2" if second else "gas_rank"
    else:
        claim, fields["v"] = _claim(
            ctx, "cn_gas_imports_bcm", key, "value", row["value"], _kind("cn_gas_imports_bcm"), "bcm"
        )
        style = "gas_total" if row["exporter"] == "WLD" else "gas_value"
    text = _fill(rng.choice(TEMPLATES[lang][style]), **fields)
    return _sentence(ctx, text, [claim])


def _siberia_sentence(ctx: Ctx) -> Sentence | None:
    rng = ctx.rng
    rows = [
        r
        for r in table("power_of_siberia")
        if int(r["year"]) <= ctx.max_year and _unused(ctx, "power_of_siberia", _siberia_key(r))
    ]
    if not rows:
        return None
    row = rng.choice(rows)
    year = int(row["year"])
    claim, phrase = _claim(
        ctx, "power_of_siberia", _siberia_key(row), "value", row["value"], _kind("power_of_siberia"), "bcm"
    )
    text = _fill(rng.choice(TEMPLATES[ctx.lang][f"pos_{row['reported_by']}"]), v=phrase, y=ctx.year(year))
    return _sentence(ctx, text, [claim])


def _siberia_key(row: dict[str, str]) -> dict[str, Any]:
    return {
        "exporter": row["exporter"],
        "importer": row["importer"],
        "year": int(row["year"]),
        "reported_by": row["reported_by"],
    }


JOINT_SEA_SOURCE = {
    "China MND": {"en": "China's Ministry of National Defense", "ar": "وزارة الدفاع الوطني الصينية"},
    "Xinhua": {"en": "Xinhua", "ar": "وكالة شينخوا"},
    "TASS": {"en": "TASS", "ar": "وكالة تاس"},
}


def _joint_sea_sentence(ctx: Ctx) -> Sentence | None:
    rng, lang = ctx.rng, ctx.lang
    if ctx.date and ctx.date < date(2023, 1, 1):
        return None
    rows = [r for r in table("joint_sea_2022") if r["reported_by"] in JOINT_SEA_SOURCE]
    row = rng.choice(rows)
    key = {"party": row["party"], "year": int(row["year"]), "event": row["event"], "reported_by": row["reported_by"]}
    if any(u[0] == "joint_sea_2022" for u in ctx.used):
        return None
    true = int(row["value"])
    wrong = rng.random() < WRONG_RATE and true == 7
    written = rng.choice((5, 9)) if wrong else true
    words = DAYS_EN if lang == "en" else DAYS_AR
    if written in words and rng.random() < 0.6:
        phrase = words[written]
    else:
        phrase = f"{written} days" if lang == "en" else f"{written} أيام"
    claim = Claim(
        phrase,
        "joint_sea_2022",
        _kind("joint_sea_2022"),
        key,
        "value",
        _unit("joint_sea_2022"),
        None,
        row["value"],
        str(written),
        wrong,
    )
    ctx.used.add(("joint_sea_2022", tuple(sorted(key.items())), "value"))
    text = _fill(rng.choice(TEMPLATES[lang]["joint_sea"]), v=phrase, src=JOINT_SEA_SOURCE[row["reported_by"]][lang])
    return _sentence(ctx, text, [claim])


# numbers that are not claims, uncovered figures, filler ------------------------------------------

CITIES = {
    "en": ("Cairo", "Riyadh", "Ankara", "New Delhi", "Moscow", "Beijing", "Rabat", "Algiers", "Dubai", "Amman"),
    "ar": ("القاهرة", "الرياض", "أنقرة", "نيودلهي", "موسكو", "بكين", "الرباط", "الجزائر العاصمة", "دبي", "عمّان"),
}

NUMBER_TEMPLATES = {
    "en": (
        "The minister, {age}, made the remarks at a news conference in {city} on {month} {day}.",
        "Talks between the two delegations lasted for {dur}.",
        "The delegation is expected to return home after {ndays} of meetings.",
        "Readers with questions can reach the newsroom on {phone}.",
        "The next round of talks is scheduled for {month} {day} at {hh}:{mm} local time.",
        "Officials presented the plan as part of the country's Vision 2030 strategy.",
        "The agreement was signed on the sidelines of Expo 2020 Dubai.",
        "The {age}-year-old economist, born in {birth}, has advised the central bank since {since}.",
        "The report, released on {month} {day}, runs to {pages} pages.",
        "Item {item} on the agenda covered energy cooperation.",
        "The session opened at {hh}:{mm} and ran for {dur}.",
    ),
    "ar": (
        "أدلى الوزير البالغ من العمر {age} عاماً بهذه التصريحات خلال مؤتمر صحافي في {city} يوم {day} {month}.",
        "استمرت المباحثات بين الوفدين {dur}.",
        "من المقرر أن يعود الوفد بعد {ndays} من الاجتماعات.",
        "للاستفسار يمكن الاتصال بغرفة الأخبار على الرقم {phone}.",
        "من المقرر أن تعقد الجولة المقبلة من المحادثات يوم {day} {month} في الساعة {hh}:{mm}.",
        "قدم المسؤولون الخطة باعتبارها جزءاً من رؤية 2030.",
        "جرى توقيع الاتفاق على هامش معرض إكسبو 2020 دبي.",
        "يعمل الخبير الاقتصادي، وهو من مواليد عام {birth}، مستشاراً للبنك المركزي منذ عام {since}.",
        "صدر التقرير يوم {day} {month}، ويقع في {pages} صفحة.",
        "تناول البند {item} من جدول الأعمال ملف التعاون في مجال الطاقة.",
        "افتتحت الجلسة في الساعة {hh}:{mm} بالتوقيت المحلي واستمرت {dur}.",
    ),
}
DURATIONS = {
    "en": ("two hours", "three hours", "45 minutes", "90 minutes", "an hour and a half"),
    "ar": ("ساعتين", "ثلاث ساعات", "45 دقيقة", "نحو ساعة ونصف الساعة", "قرابة ساعتين"),
}
DAY_SPANS = {"en": ("two days", "three days", "four days"), "ar": ("يومين", "ثلاثة أيام", "أربعة أيام")}

UNCOVERED_TEMPLATES = {
    "en": (
        ("The new refinery on the coast is designed to process {x}.", "{k},000 barrels a day"),
        ("Officials hope to lift crude output to {x} by the end of the decade.", "{m} million barrels a day"),
        ("The first phase of the project is expected to cost {x}.", "about ${b} billion"),
        ("The port handled {x} last year, its operator said.", "{c} million containers"),
    ),
    "ar": (
        ("تبلغ الطاقة التكريرية للمصفاة الجديدة {x}.", "{k} ألف برميل يومياً"),
        ("يأمل المسؤولون في رفع إنتاج النفط الخام إلى {x} بحلول نهاية العقد.", "{m} ملايين برميل يومياً"),
        ("من المتوقع أن تبلغ تكلفة المرحلة الأولى من المشروع {x}.", "نحو {b} مليار دولار"),
        ("تعامل الميناء مع {x} العام الماضي، بحسب الشركة المشغلة.", "{c} مليون حاوية"),
    ),
}

FILLER = {
    "en": (
        "Analysts said the figures point to a slow but steady recovery.",
        "The government has promised to publish a detailed plan in the coming weeks.",
        "Business groups welcomed the announcement but called for clearer rules.",
        "Economists warned that the outlook remains clouded by uncertainty abroad.",
        "The central bank did not respond to a request for comment.",
        "Opposition lawmakers questioned whether the targets were realistic.",
        "Traders said markets had largely priced in the news.",
        "The ministry said it would keep a close eye on prices.",
        "Officials stressed that cooperation would continue despite outside pressure.",
        "Several projects have been delayed by higher borrowing costs.",
        "Independent observers described the talks as constructive.",
        "Residents say the rising cost of living is their main worry.",
        "Critics argue that the gains have yet to reach ordinary households.",
        "Markets are watching closely for any sign of a shift in monetary policy.",
    ),
    "ar": (
        "قال محللون إن الأرقام تشير إلى تعاف بطيء لكنه ثابت.",
        "وعدت الحكومة بنشر خطة مفصلة خلال الأسابيع المقبلة.",
        "رحبت أوساط الأعمال بالإعلان لكنها طالبت بقواعد أوضح.",
        "حذر اقتصاديون من أن الآفاق لا تزال ضبابية بسبب الغموض في الخارج.",
        "لم يرد البنك المركزي على طلب للتعليق.",
        "تساءل نواب معارضون عما إذا كانت الأهداف واقعية.",
        "قال متعاملون إن الأسواق استوعبت الخبر إلى حد كبير.",
        "أكدت الوزارة أنها ستواصل مراقبة الأسعار عن كثب.",
        "شدد المسؤولون على أن التعاون سيستمر رغم الضغوط الخارجية.",
        "تأخرت مشروعات عدة بسبب ارتفاع تكاليف الاقتراض.",
        "وصف مراقبون مستقلون المحادثات بأنها بناءة.",
        "يقول السكان إن ارتفاع تكاليف المعيشة هو همهم الأول.",
        "يرى منتقدون أن ثمار النمو لم تصل بعد إلى الأسر العادية.",
        "تتابع الأسواق عن كثب أي إشارة إلى تغيير في السياسة النقدية.",
    ),
}

HEADLINES = {
    "en": {
        "economy": (
            "{c} economy: what the latest figures show",
            "Prices, jobs and growth: {c} by the numbers",
            "{c} bets on exports to revive growth",
            "Investors weigh {cp} growth prospects",
        ),
        "russia_china": (
            "Moscow and Beijing deepen trade ties",
            "Russia and China: trade, gas and naval drills",
            "Record trade binds Russia and China closer",
        ),
        "gas": (
            "Who supplies China's gas?",
            "China's gas import map is shifting",
            "Pipelines and tankers: the race to supply China",
        ),
    },
    "ar": {
        "economy": (
            "اقتصاد {c} بين التضخم والنمو",
            "ماذا تقول الأرقام عن اقتصاد {c}؟",
            "{c} تراهن على الصادرات لإنعاش النمو",
            "المستثمرون يترقبون آفاق النمو في {c}",
        ),
        "russia_china": (
            "موسكو وبكين تعمقان شراكتهما التجارية",
            "روسيا والصين: تجارة وغاز ومناورات",
            "تجارة قياسية تقرب بين روسيا والصين",
        ),
        "gas": (
            "من يزود الصين بالغاز؟",
            "تحولات في خريطة واردات الصين من الغاز",
            "أنابيب وناقلات: السباق على السوق الصينية",
        ),
    },
}
SUBHEADINGS = {
    "en": ("Background", "Key figures", "Outlook", "What comes next"),
    "ar": ("خلفية", "أبرز الأرقام", "التوقعات", "الخطوات المقبلة"),
}


def _phone(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(7))
    return rng.choice(
        (
            f"+20 2 2{digits[:3]} {digits[3:]}",
            f"+971 4 {digits[:3]} {digits[3:]}",
            f"00966 11 {digits[:3]} {digits[3:]}",
            f"+7 495 {digits[:3]}-{digits[3:5]}-{digits[5:]}",
        )
    )


def _number_fields(rng: random.Random, lang: str, year: int) -> dict[str, str]:
    age = rng.randint(45, 72)
    months = MONTHS_EN if lang == "en" else MONTHS_AR
    return {
        "age": str(age),
        "city": rng.choice(CITIES[lang]),
        "month": rng.choice(months),
        "day": str(rng.randint(1, 28)),
        "dur": rng.choice(DURATIONS[lang]),
        "ndays": rng.choice(DAY_SPANS[lang]),
        "phone": _phone(rng),
        "hh": f"{rng.randint(8, 18):02d}",
        "mm": rng.choice(("00", "15", "30", "45")),
        "birth": str(year - age),
        "since": str(rng.randint(2008, 2018)),
        "pages": str(rng.randint(24, 180)),
        "item": str(rng.randint(2, 9)),
    }


def _number_sentence(ctx: Ctx, template: str) -> Sentence:
    year = ctx.date.year if ctx.date else LAST_YEAR
    text = _fill(template, **_number_fields(ctx.rng, ctx.lang, year))
    return _sentence(ctx, text, [], "number")


def _uncovered_sentence(ctx: Ctx) -> Sentence:
    rng = ctx.rng
    template, number = rng.choice(UNCOVERED_TEMPLATES[ctx.lang])
    values = {
        "k": str(rng.randrange(150, 650, 50)),
        "m": str(rng.randint(3, 9)),
        "b": _dec(Decimal(rng.randint(15, 95)) / 10),
        "c": _dec(Decimal(rng.randint(12, 90)) / 10),
    }
    phrase = number.format(**values)
    sentence = _sentence(ctx, template.format(x=phrase), [], "uncovered")
    sentence.uncovered.append(to_arabic_indic(phrase) if phrase not in sentence.text else phrase)
    return sentence


# ---------------------------------------------------------------------------------------------
# assembling an article

TOPICS = ("economy", "russia_china", "gas")


def _families(ctx: Ctx, topic: str) -> list[tuple[int, Callable[[], Sentence | None]]]:
    """(weight, make a claim sentence) for a topic."""
    rng = ctx.rng

    def indicator(countries: tuple[Country, ...]) -> Callable[[], Sentence | None]:
        return lambda: _indicator_sentence(ctx, rng.choice(INDICATORS), rng.choice(countries))

    if topic == "economy":
        return [(4, indicator((ctx.country,))), (1, indicator((ctx.other,)))]
    if topic == "russia_china":
        return [
            (4, lambda: _trade_sentence(ctx)),
            (1, lambda: _gas_sentence(ctx, rank=True)),
            (1, lambda: _siberia_sentence(ctx)),
            (1, lambda: _joint_sea_sentence(ctx)),
            (1, indicator((RUSSIA, CHINA))),
        ]
    return [
        (3, lambda: _gas_sentence(ctx, rank=True)),
        (3, lambda: _gas_sentence(ctx, rank=False)),
        (1, lambda: _siberia_sentence(ctx)),
    ]


def _claim_sentences(ctx: Ctx, topic: str, count: int) -> list[Sentence]:
    rng = ctx.rng
    families = _families(ctx, topic)
    fallback = [(1, fn) for _, fn in _families(ctx, "economy")]
    found: list[Sentence] = []
    for attempt in range(60):
        if len(found) == count:
            break
        pool = families if attempt < 30 else fallback
        make = rng.choices([fn for _, fn in pool], weights=[w for w, _ in pool])[0]
        sentence = make()
        if sentence is not None:
            found.append(sentence)
    return found


def _random_date(rng: random.Random) -> date:
    return FIRST_DATE + timedelta(days=rng.randint(0, (LAST_DATE - FIRST_DATE).days))


def _code_block(rng: random.Random) -> str:
    year = rng.randint(2019, 2024)
    options = (
        f"```text\nsource: World Bank WDI\nindicator: NY.GDP.MKTP.CD\nrows: {rng.randint(150, 266)}\n"
        f"retrieved: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n```",
        f"```csv\nyear,value\n{year - 1},{rng.randint(100, 999)}.{rng.randint(0, 9)}\n"
        f"{year},{rng.randint(100, 999)}.{rng.randint(0, 9)}\n```",
        f'```json\n{{"id": {rng.randint(1000, 9999)}, "pages": {rng.randint(10, 90)}, '
        f'"version": "{rng.randint(1, 4)}.{rng.randint(0, 9)}"}}\n```',
    )
    return rng.choice(options)


def _bullets(rng: random.Random, lang: str) -> str:
    f = _number_fields(rng, lang, 2024)
    if lang == "en":
        items = [
            f"Press conference: {f['month']} {f['day']}, {f['hh']}:{f['mm']}",
            f"Contact: {f['phone']}",
            f"Report length: {f['pages']} pages",
            f"Next meeting: {rng.choice(MONTHS_EN)} {rng.randint(1, 28)}",
        ]
    else:
        items = [
            f"المؤتمر الصحافي: {f['day']} {f['month']}، الساعة {f['hh']}:{f['mm']}",
            f"للتواصل: {f['phone']}",
            f"عدد صفحات التقرير: {f['pages']}",
            f"الاجتماع المقبل: {rng.randint(1, 28)} {rng.choice(MONTHS_AR)}",
        ]
    items = rng.sample(items, rng.randint(2, 4))
    numbered = rng.random() < 0.4
    lines = [f"{i}. {item}" if numbered else f"- {item}" for i, item in enumerate(items, 1)]
    return f"## {rng.choice(SUBHEADINGS[lang])}\n\n" + "\n".join(lines)


@dataclass
class _Layout:
    """Everything of an article but its sentences, drawn once so that trimming keeps it."""

    lang: str
    ext: str
    title: str
    date: date | None
    front: bool
    heading: bool
    groups: list[int]  # sentences per paragraph, in order
    bullets: str | None
    bullets_after: int
    code: str | None
    code_after: int


def _compose(layout: _Layout, sentences: list[Sentence]) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """The article's text, its claims and its uncovered figures with their offsets."""
    blocks: list[str | list[Sentence]] = []
    if layout.front:
        lines = ["---", f'title: "{layout.title}"']
        if layout.date:
            lines.append(f"date: {layout.date.isoformat()}")
        lines += [f"lang: {layout.lang}", "---"]
        blocks.append("\n".join(lines))
    if layout.heading:
        blocks.append(f"# {layout.title}" if layout.ext == "md" else layout.title)
    rest = list(sentences)
    paragraphs: list[list[Sentence]] = []
    for size in layout.groups:
        if not rest:
            break
        paragraphs.append(rest[:size])
        rest = rest[size:]
    if rest:
        paragraphs.append(rest)
    for i, paragraph in enumerate(paragraphs, 1):
        blocks.append(paragraph)
        if layout.bullets and i == min(layout.bullets_after, len(paragraphs)):
            blocks.append(layout.bullets)
        if layout.code and i == min(layout.code_after, len(paragraphs)):
            blocks.append(layout.code)
    text, claims, uncovered = "", [], []
    first = True
    for block in blocks:
        if text:
            text += "\n\n"
        if isinstance(block, str):
            text += block
            continue
        for j, sentence in enumerate(block):
            if j:
                text += " "
            body = sentence.text
            if layout.lang == "ar" and sentence.wa and not first:
                body = "و" + body
            first = False
            for claim in sentence.claims:
                start = len(text) + _locate(body, claim.text)
                claims.append(
                    {
                        "text": claim.text,
                        "start": start,
                        "end": start + len(claim.text),
                        "dataset": claim.dataset,
                        "kind": claim.kind,
                        "key": claim.key,
                        "column": claim.column,
                        "unit": claim.unit,
                        "hedge": claim.hedge,
                        "true_value": claim.true_value,
                        "written_value": claim.written_value,
                        "wrong": claim.wrong,
                    }
                )
            for phrase in sentence.uncovered:
                start = len(text) + _locate(body, phrase)
                uncovered.append({"text": phrase, "start": start, "end": start + len(phrase)})
            text += body
    return text + "\n", claims, uncovered


def _locate(sentence: str, phrase: str) -> int:
    """Where a number phrase starts in its sentence (not inside a longer number or word)."""
    match = re.search(r"(?<![\w.,٫٬])" + re.escape(phrase) + r"(?![\w%٪])", sentence)
    index = match.start() if match else sentence.find(phrase)
    if index < 0:
        raise ValueError(f"{phrase!r} is not in {sentence!r}")
    return index


def _droppable(sentences: list[Sentence]) -> Sentence | None:
    """The sentence to drop from an article that is too long: a spare filler or number sentence, an
    uncovered figure, then a claim (not the lede) while more than two remain."""
    by_role: dict[str, list[Sentence]] = {"filler": [], "number": [], "uncovered": [], "claim": []}
    for sentence in sentences[1:]:
        by_role[sentence.role].append(sentence)
    for role, keep in (("filler", 1), ("number", 1), ("uncovered", 0), ("claim", 1)):
        if len(by_role[role]) > keep:
            return by_role[role][-1]
    return None


def _article(rng: random.Random, index: int, lang: str) -> Article:
    dated = rng.random() < DATED_RATE
    when = _random_date(rng) if dated else None
    ext = "md" if dated else rng.choice(("txt", "txt", "md"))
    front = dated or (ext == "md" and rng.random() < 0.3)
    topic = rng.choices(TOPICS, weights=(60, 25, 15))[0]
    country, other = rng.sample(ECONOMIES, 2)
    if topic != "economy":
        country, other = (RUSSIA, CHINA) if rng.random() < 0.5 else (CHINA, RUSSIA)
    max_year = min(LAST_YEAR, when.year - 1) if when else LAST_YEAR
    ctx = Ctx(rng, lang, when, country, other, rng.randint(max_year - 3, max_year))

    n_sentences = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
    n_claims = rng.randint(max(2, (n_sentences + 1) // 3), max(2, min(6, n_sentences - 3)))
    n_uncovered = int(n_sentences - n_claims >= 4 and rng.random() < 0.4)
    n_numbers = rng.randint(1, min(2, n_sentences - n_claims - n_uncovered - 1))
    claims = _claim_sentences(ctx, topic, n_claims)
    numbers = [_number_sentence(ctx, t) for t in rng.sample(NUMBER_TEMPLATES[lang], n_numbers)]
    uncovered = [_uncovered_sentence(ctx) for _ in range(n_uncovered)]
    fillers = [Sentence(t, "filler") for t in rng.sample(FILLER[lang], len(FILLER[lang]))]
    n_fillers = max(1, n_sentences - len(claims) - n_numbers - n_uncovered)
    spare, fillers = fillers[n_fillers:], fillers[:n_fillers]

    # the lede is a claim, about the article's country when there is one
    claims.sort(key=lambda s: s.claims[0].key.get("entity") != country.code)
    lede, others = claims[:1], claims[1:] + numbers + uncovered + fillers
    rng.shuffle(others)
    sentences = lede + others
    for sentence in sentences:
        sentence.wa = rng.random() < 0.7

    title = rng.choice(HEADLINES[lang][topic]).format(c=country.name(lang), cp=country.poss)
    title = title[:1].upper() + title[1:]
    groups = [rng.randint(1, 3) for _ in range(MAX_SENTENCES)]
    md = ext == "md"
    layout = _Layout(
        lang,
        ext,
        title,
        when,
        front,
        heading=(rng.random() < 0.6) if md else (rng.random() < 0.8),
        groups=groups,
        bullets=_bullets(rng, lang) if md and rng.random() < 0.5 else None,
        bullets_after=rng.randint(1, 3),
        code=_code_block(rng) if md and rng.random() < 0.4 else None,
        code_after=rng.randint(1, 4),
    )

    text, claim_records, uncovered_records = _compose(layout, sentences)
    while len(text) > MAX_CHARS:
        if layout.code or layout.bullets:
            layout.code, layout.bullets = (None, layout.bullets) if layout.code else (None, None)
        else:
            drop = _droppable(sentences)
            if len(sentences) <= MIN_SENTENCES or drop is None:
                break
            sentences.remove(drop)
        text, claim_records, uncovered_records = _compose(layout, sentences)
    while len(text) < MIN_CHARS and spare and len(sentences) < MAX_SENTENCES:
        sentences.append(spare.pop())
        text, claim_records, uncovered_records = _compose(layout, sentences)

    filename = f"{lang}-{index:04d}.{ext}"
    record = {
        "file": filename,
        "lang": lang,
        "date": when.isoformat() if when else None,
        "claims": claim_records,
        "uncovered": uncovered_records,
    }
    return Article(filename, text, record)


def make_corpus(n: int = 100, seed: int = 0) -> list[Article]:
    """``n`` articles with their manifest records; the same seed gives the same corpus."""
    rng = random.Random(seed)
    langs = ["ar"] * (n - n // 2) + ["en"] * (n // 2)
    rng.shuffle(langs)
    return [_article(random.Random(rng.getrandbits(64)), i, lang) for i, lang in enumerate(langs, 1)]


def make_articles(n: int = 100, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (filename, text) pairs, about half Arabic and half English, the same for the same seed."""
    return [(a.filename, a.text) for a in make_corpus(n, seed)]


def template_counts() -> dict[str, dict[str, int]]:
    """How many sentence templates each language has, by role."""
    counts = {}
    for lang in ("ar", "en"):
        counts[lang] = {
            "claim": sum(len(v) for v in TEMPLATES[lang].values()),
            "number": len(NUMBER_TEMPLATES[lang]),
            "uncovered": len(UNCOVERED_TEMPLATES[lang]),
            "filler": len(FILLER[lang]),
        }
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="where to write the articles and manifest.jsonl")
    parser.add_argument("--n", type=int, default=100, help="how many articles (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("--n must be 0 or more")
    corpus = make_corpus(args.n, args.seed)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for article in corpus:
        (args.outdir / article.filename).write_text(article.text, encoding="utf-8")
    with (args.outdir / "manifest.jsonl").open("w", encoding="utf-8") as f:
        for article in corpus:
            f.write(json.dumps(article.record, ensure_ascii=False) + "\n")
    claims = sum(len(a.record["claims"]) for a in corpus)
    print(f"wrote {len(corpus)} articles with {claims} claims and manifest.jsonl to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
