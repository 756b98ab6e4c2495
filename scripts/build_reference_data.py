#!/usr/bin/env python3
"""Build the shipped reference datasets in ``reference_data/`` from the cited figures.

    python scripts/build_reference_data.py [SOURCES] [--out DIR]

SOURCES is the shared folder of cited figures (default ``../shared/reference-sources`` beside the
project); DIR is where the datasets are written (default the project's ``reference_data/``).  Each
dataset is a ``<id>.toml`` catalogue entry and a data file, in the format of
``reference_data/README.md``.  The output is deterministic: the same inputs give the same bytes
(rows sorted by their key, ``\\n`` line endings, gzip with mtime 0, TOML written by hand).

Only rows the sources mark confirmed, derived or approximate, and that have a value, are shipped;
unconfirmed rows and forecasts are dropped (and listed on standard output).  Values are written as
the source writes them (as decimal strings, never through a float).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "reference-sources"
DEFAULT_OUT = PROJECT / "reference_data"

# The date the reference-sources snapshot was assembled (the World Bank extracts were copied from
# datasets/world-development-indicators at commit 4ebec5a on this date).  Used as `retrieved` for
# every dataset, so that all datasets say the same thing.
SNAPSHOT = dt.date(2026, 7, 1)
WDI_COMMIT = "4ebec5a"

SHIPPED_STATUSES = ("confirmed", "derived", "approximate")

NEWS_LICENCE = "facts, cited"
STAT_REVIEW_LICENCE = "(c) bp / Energy Institute; a few extracted figures quoted with attribution"

# Stable short keys of the web sources, by URL exactly as stored (the numbered list in the shared
# README).  A source URL that is used by a shipped row and missing here is an error.
SOURCE_KEYS = {
    "https://www.btimesonline.com/articles/124976/20200115/china-russia-relations-trade-up-record-high-2019.htm": (
        "btimesonline_124976"
    ),
    "http://www.segodnia.ru/news/223308": "segodnia_223308",
    "https://www.urdupoint.com/en/world/rpt-chinese-russian-trade-sank-by-29-to-1140433.html": "urdupoint_1140433",
    "https://www.afternoonvoice.com/chinas-trade-with-russia-us-grows-by-double-digits.html": (
        "afternoonvoice_20220713"
    ),
    "https://en.vestikavkaza.ru/material/158684": "vestikavkaza_158684",
    "https://www.globaltimes.cn/page/202112/1241690.shtml?ref=upward.news": "globaltimes_1241690",
    "https://cmio.org/mundo/831772-russia-e-china-terao-faturamento-recorde-em-2022-e-comercio-crescera-30": (
        "cmio_831772"
    ),
    "https://sputnikglobe.com/20230713/china-russia-trade-up-406-to-11454bln-in-first-half-of-2023-1111846084.html": (
        "sputnik_1111846084"
    ),
    "https://vinachem.com.vn/content/market-and-product-vnc/"
    "china-russia-trade-in-january-november-2023-up-26-7-to-record-218-17-billion.html": "vinachem_20231208",
    "https://sputnikglobe.com/20240307/china-russia-trade-in-january-february-2024-up-to-3701bln-1117180822.html": (
        "sputnik_1117180822"
    ),
    "https://themoscowtimes.com/2024/11/14/russia-china-trade-hits-record-240bln-in-2023": "moscowtimes_trade_2023",
    "https://bne.eu/russo-china-trade-turnover-rises-1-9-to-244-81bn-in-2024-361098": "bne_361098",
    "https://www.pennews.net/international/2019/03/08/"
    "russia-china-trade-up-by-17-pc-year-on-year-in-jan-feb-to-16-bln": "pennews_20190308",
    "https://www.sott.net/article/460175-Rapid-growth-Russia-China-trade-to-smash-all-time-high-this-year-"
    "despite-lockdowns-Russian-Export-Center": "sott_460175",
    "https://www.rt.com/business/525851-russia-china-trade-growth/": "rt_525851",
    "https://avto.vesti.ru/finance/article/2895657": "vesti_2895657",
    "https://www.themoscowtimes.com/2022/04/22/russia-classifies-customs-data-as-sanctions-expected-to-bite-a77457": (
        "moscowtimes_a77457"
    ),
    "https://tass.com/economy/1718051": "tass_1718051",
    "https://www.bp.com/content/dam/bp/business-sites/en/global/corporate/xlsx/energy-economics/statistical-review/"
    "bp-stats-review-2022-all-data.xlsx": "bp_stat_review_2022",
    "https://www.energyinst.org/__data/assets/excel_doc/0007/1055545/EI-stats-review-all-data.xlsx": (
        "ei_stat_review_2023"
    ),
    "https://www.energyinst.org/statistical-review": "ei_stat_review_2024",
    "https://ngv.ru:443/news/yaponiya_ustupila_mesto_kitayu_po_importu_spg/": "ngv_20220120",
    "https://tass.com/economy/1649467": "tass_1649467",
    "https://turkmenistan.gov.tm/ru/post/58811/"
    "turkmenistan-prodolzhaet-zanimat-pervoe-mesto-po-postavkam-v-kitaj-truboprovodnogo-gaza": "turkmenistan_gov_58811",
    "http://gasprocessingnews.com/news/2022/04/china-became-the-world-s-largest-lng-importer-in-2021": (
        "gasprocessingnews_eia_2022"
    ),
    "https://www.enerdata.net/publications/daily-energy-news/"
    "china-central-asia-natural-gas-pipeline-supplied-43-bcm-china-2022.html": "enerdata_cagp_2022",
    "https://en.vestikavkaza.ru/material/158072": "vestikavkaza_158072",
    "https://petroleumaustralia.com.au/news_article/japan-overtakes-china-as-the-worlds-largest-lng-importer/": (
        "petroleumaustralia_energyquest"
    ),
    "https://lngprime.com/asia/chinas-lng-imports-increased-12-6-percent-in-2023/102619": "lngprime_102619",
    "https://atavatan-turkmenistan.com/ru/%d1%82%d1%83%d1%80%d0%ba%d0%bc%d0%b5%d0%bd%d0%b8%d1%81%d1%82%d0%b0%d0%bd-"
    "%d0%b2-2022-%d0%be%d0%bc-%d0%bf%d0%be-%d0%bf%d1%80%d0%b5%d0%b6%d0%bd%d0%b5%d0%bc%d1%83-%d0%be%d1%81%d1%82%d0%b0"
    "%d0%bb%d1%81": "atavatan_2022",
    "http://admin.gasprocessingnews.com/news/2023/05/chinas-main-import-gas-pipelines": "gasprocessingnews_2023_05",
    "https://tass.com/economy/1734991": "tass_1734991",
    "https://frominsideasia.com/china-hedges-its-energy-bets-as-russia-pipeline-plan-remains-on-hold": (
        "frominsideasia_2025_01"
    ),
    "https://www.urdupoint.com/en/world/russias-gazprom-advances-to-new-level-of-gas-1619010.html": "urdupoint_1619010",
    "https://unn.ua/en/news/gazprom-sets-new-records-for-gas-supplies-to-china": "unn_gazprom_20240103",
    "https://m.ru24.pro/pics/339649849": "ru24_339649849",
    "https://tass.com/economy/1820193": "tass_1820193",
    "https://news.az/news/gazprom-boosts-gas-deliveries-to-china-beyond-initial-2024-targets": "newsaz_20241012",
    "http://eng.chinamil.com.cn/CHINA_209163/TopStories_209189/10206721.html": "chinamil_10206721",
    "http://en.people.cn/n3/2022/1228/c90000-10189186.html": "people_10189186",
    "https://tass.com/defense/1557207": "tass_1557207",
}

STAT_REVIEW_KEYS = {"bp_stat_review_2022", "ei_stat_review_2023", "ei_stat_review_2024"}

_HARAKAT_OR_TATWEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------------------------------
# Small helpers


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def decimal_text(text: str, where: str) -> str:
    """The value as the source writes it; scientific notation is written out in full (exactly)."""
    text = text.strip()
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise BuildError(f"{where}: not a decimal: {text!r}") from exc
    if not number.is_finite():
        raise BuildError(f"{where}: not a finite number: {text!r}")
    if "e" in text.lower():
        return format(number, "f")
    return text


def scaled_text(text: str, factor: int, where: str) -> str:
    """``text`` × ``factor``, exactly, without trailing zeros after the point."""
    number = Decimal(decimal_text(text, where)) * factor
    return format(number.normalize(), "f")


def source_date(text: str, where: str) -> tuple[str, dt.date]:
    """'2020-01 (undated in store)' -> ('2020-01', 2020-01-01); '2023-01-13' -> itself."""
    m = _DATE_PREFIX.match(text.strip())
    if not m:
        raise BuildError(f"{where}: no date in {text!r}")
    year, month, day = m.group(1), m.group(2), m.group(3)
    shown = f"{year}-{month}-{day}" if day else f"{year}-{month}"
    return shown, dt.date(int(year), int(month), int(day or 1))


# --------------------------------------------------------------------------------------------------
# Sources


@dataclass(frozen=True)
class Source:
    key: str
    publisher: str
    title: str
    url: str
    date: str
    licence: str | None = None

    def toml(self) -> dict[str, object]:
        out: dict[str, object] = {"publisher": self.publisher, "title": self.title, "url": self.url, "date": self.date}
        if self.licence:
            out["licence"] = self.licence
        return out


def readme_sources(sources_dir: Path) -> dict[str, tuple[str, str]]:
    """url -> (publisher, title) from the numbered "Web sources" table of the shared README."""
    out: dict[str, tuple[str, str]] = {}
    for line in (sources_dir / "README.md").read_text(encoding="utf-8").splitlines():
        if not re.match(r"^\| \d+ \|", line):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6:
            raise BuildError(f"README.md: cannot read source row {line!r}")
        _n, publisher, title, _date, url, _used = cells
        out[url] = (publisher, title)
    return out


class SourceBook:
    """The sources of one dataset, built from the rows' source_* columns."""

    def __init__(self, listed: dict[str, tuple[str, str]]) -> None:
        self.listed = listed
        self.by_key: dict[str, Source] = {}
        self.dates: list[dt.date] = []

    def cite(self, row: dict[str, str], where: str) -> str:
        url = row["source_url"].strip()
        if url not in SOURCE_KEYS:
            raise BuildError(f"{where}: no source key for {url}")
        if url not in self.listed:
            raise BuildError(f"{where}: {url} is not in the shared README's source list")
        if self.listed[url] != (row["source_publisher"], row["source_title"]):
            raise BuildError(f"{where}: publisher/title differ from the README for {url}: {self.listed[url]}")
        key = SOURCE_KEYS[url]
        shown, date = source_date(row["source_date"], where)
        licence = STAT_REVIEW_LICENCE if key in STAT_REVIEW_KEYS else NEWS_LICENCE
        source = Source(key, row["source_publisher"], row["source_title"], url, shown, licence)
        if self.by_key.setdefault(key, source) != source:
            raise BuildError(f"{where}: source {key} cited with different details")
        self.dates.append(date)
        return key

    def as_of(self) -> dt.date:
        return max(self.dates)

    def table(self) -> dict[str, dict[str, object]]:
        return {k: self.by_key[k].toml() for k in sorted(self.by_key)}

    def urls(self) -> list[str]:
        return [self.by_key[k].url for k in sorted(self.by_key)]


# --------------------------------------------------------------------------------------------------
# Entity codes


class Codes:
    """Country codes the project knows: babel's alpha-3 codes and the project's gazetteer."""

    def __init__(self) -> None:
        import babel
        from babel.core import get_global

        aliases = get_global("territory_aliases")
        gazetteer = tomllib.loads((PROJECT / "factcheck" / "lang" / "data" / "entities.toml").read_text("utf-8"))
        self.gazetteer = set(gazetteer)
        self.alpha3 = {k for k in aliases if len(k) == 3 and k.isalpha()}
        # alpha-2 -> alpha-3; where several alpha-3 codes share an alpha-2 (MMR, BUR), the one in the
        # project's gazetteer (the current ISO code) wins
        candidates: dict[str, list[str]] = {}
        for a3 in sorted(self.alpha3):
            targets = aliases[a3]
            if len(targets) == 1:
                candidates.setdefault(targets[0], []).append(a3)
        self.a3_of_a2 = {}
        for a2, a3s in candidates.items():
            current = [c for c in a3s if c in self.gazetteer]
            self.a3_of_a2[a2] = (current or a3s)[0]
        # CLDR English names -> alpha-2; a name with a parenthesis ("Myanmar (Burma)") is also
        # known by its part before the parenthesis
        self.a2_of_name: dict[str, str] = {}
        short: dict[str, str] = {}
        for a2, name in sorted(babel.Locale("en").territories.items()):
            if not (len(a2) == 2 and a2.isalpha()):
                continue
            self.a2_of_name[name] = a2
            if "(" in name:
                short[name.split("(")[0].strip()] = a2
        for name, a2 in short.items():
            self.a2_of_name.setdefault(name, a2)

    def valid(self, code: str) -> bool:
        return code in self.alpha3 or code in self.gazetteer

    def of_english_name(self, name: str) -> str | None:
        if name == "TOTAL":
            return "WLD"
        a2 = self.a2_of_name.get(name)
        return self.a3_of_a2.get(a2) if a2 else None

    def of_alpha2(self, a2: str) -> str:
        code = self.a3_of_a2.get(a2)
        if code is None:
            raise BuildError(f"unknown alpha-2 code {a2!r}")
        return code


# --------------------------------------------------------------------------------------------------
# Datasets and their output


@dataclass
class Dataset:
    id: str
    title: dict[str, str]
    description: dict[str, str]
    publisher: str
    licence: str
    unit: str
    measure: str
    aliases: dict[str, list[str]]
    columns: dict[str, str]  # column -> role, in file order
    rows: list[dict[str, str]]
    sources: dict[str, dict[str, object]]
    urls: list[str]
    as_of: dt.date
    retrieved: dt.date = SNAPSHOT
    unit_label: dict[str, str] | None = None
    categories: dict[str, list[str]] = field(default_factory=dict)
    category_aliases: dict[str, dict[str, dict[str, list[str]]]] = field(default_factory=dict)
    # for a rate of change: the phrases naming what changes (see reference_data/README.md)
    change_aliases: dict[str, list[str]] = field(default_factory=dict)
    # phrases that say whose figures a claim quotes ("Russian customs" reads the rows Russia reports)
    entity_aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # the category value a claim means when it names none ("trade" is the total, not exports)
    category_defaults: dict[str, str] = field(default_factory=dict)
    # another definition writers quote under the same name (see reference_data/README.md)
    other_definition: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    # columns that may be empty (free text and optional reported figures)
    optional: tuple[str, ...] = ("note", "yoy_pct", "rank")

    @property
    def data_name(self) -> str:
        return f"{self.id}.csv.gz" if self.gzip else f"{self.id}.csv"

    def key_columns(self) -> list[str]:
        roles = ("entity", "counterpart", "year", "period", "category")
        return [c for c, r in self.columns.items() if r in roles]

    def sort_rows(self) -> None:
        keys = self.key_columns()

        def sort_key(row: dict[str, str]) -> tuple[object, ...]:
            out: list[object] = []
            for c in keys:
                v = row[c]
                if self.columns[c] == "year":
                    out.append((int(v), ""))
                elif c in self.categories:
                    out.append((self.categories[c].index(v), v))
                else:
                    out.append((0, v))
            return tuple(out)

        self.rows.sort(key=sort_key)

    def check(self, codes: Codes) -> None:
        """The rules the loader enforces, checked before anything is written."""
        where = self.id
        roles = list(self.columns.values())
        if roles.count("value") != 1 or roles.count("source") != 1:
            raise BuildError(f"{where}: needs exactly one value and one source column")
        seen: set[tuple[str, ...]] = set()
        keys = self.key_columns()
        for i, row in enumerate(self.rows):
            if list(row) != list(self.columns):
                raise BuildError(f"{where} row {i}: columns {list(row)} != {list(self.columns)}")
            for c, role in self.columns.items():
                v = row[c]
                if v == "":
                    if c in self.optional:
                        continue
                    raise BuildError(f"{where} row {i}: empty {c}")
                if role in ("entity", "counterpart") and not codes.valid(v):
                    raise BuildError(f"{where} row {i}: unknown code {v}")
                if role == "year" and not re.fullmatch(r"\d{4}", v):
                    raise BuildError(f"{where} row {i}: bad year {v}")
                if role in ("value", "reported_change", "reported_rank"):
                    decimal_text(v, f"{where} row {i} column {c}")
                if role == "status" and v not in SHIPPED_STATUSES:
                    raise BuildError(f"{where} row {i}: status {v}")
                if role == "source" and v not in self.sources:
                    raise BuildError(f"{where} row {i}: unknown source {v}")
                if role in ("start_date", "end_date"):
                    dt.date.fromisoformat(v)
                if c in self.categories and v not in self.categories[c]:
                    raise BuildError(f"{where} row {i}: {c}={v} not in categories")
            key = tuple(row[c] for c in keys)
            if key in seen:
                raise BuildError(f"{where}: duplicate key {key}")
            seen.add(key)
        for text in iter_strings(
            [
                self.title,
                self.description,
                self.aliases,
                self.change_aliases,
                self.entity_aliases,
                self.unit_label,
                self.category_aliases,
                self.other_definition,
            ]
        ):
            if _HARAKAT_OR_TATWEEL.search(text):
                raise BuildError(f"{where}: harakat or tatweel in {text!r}")

    def catalogue(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "data": self.data_name,
            "title": self.title,
            "description": self.description,
            "publisher": self.publisher,
            "licence": self.licence,
            "urls": self.urls,
            "retrieved": self.retrieved,
            "as_of": self.as_of,
            "unit": self.unit,
        }
        if self.unit_label:
            out["unit_label"] = self.unit_label
        out["measure"] = self.measure
        out["aliases"] = self.aliases
        if self.change_aliases:
            out["change_aliases"] = self.change_aliases
        if self.other_definition:
            out["other_definition"] = self.other_definition
        out["columns"] = self.columns
        if self.categories:
            out["categories"] = self.categories
        if self.category_defaults:
            out["category_defaults"] = self.category_defaults
        if self.entity_aliases:
            out["entity_aliases"] = self.entity_aliases
        if self.category_aliases:
            out["category_aliases"] = self.category_aliases
        out["sources"] = self.sources
        return out

    def write(self, out_dir: Path) -> None:
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(list(self.columns))
        for row in self.rows:
            writer.writerow([row[c] for c in self.columns])
        data = buf.getvalue().encode("utf-8")
        if self.gzip:
            data = gzip.compress(data, compresslevel=9, mtime=0)
        write_bytes(out_dir / self.data_name, data)
        catalogue = self.catalogue()
        text = toml_document(catalogue)
        if tomllib.loads(text) != catalogue:  # the hand-written TOML says exactly what was meant
            raise BuildError(f"{self.id}: TOML emitter round trip failed")
        write_bytes(out_dir / f"{self.id}.toml", text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)


def iter_strings(obj: object) -> Iterable[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from iter_strings(k)
            yield from iter_strings(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from iter_strings(v)


# --------------------------------------------------------------------------------------------------
# A small TOML emitter (the stdlib reads TOML but does not write it)

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_string(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_key(k: str) -> str:
    return k if _BARE_KEY.match(k) else toml_string(k)


def toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return toml_string(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise BuildError(f"cannot write {v!r} as TOML")


def toml_document(doc: dict[str, object]) -> str:
    """Top-level keys first (inline tables allowed), then the tables, then two-level tables."""
    lines: list[str] = []
    tables = ("columns", "categories", "category_defaults", "entity_aliases", "category_aliases", "sources")
    for k, v in doc.items():
        if k not in tables:
            lines.append(f"{toml_key(k)} = {toml_value(v)}")
    for name in ("columns", "categories", "category_defaults"):
        if name in doc:
            lines.append("")
            lines.append(f"[{name}]")
            for k, v in doc[name].items():  # type: ignore[attr-defined]
                lines.append(f"{toml_key(k)} = {toml_value(v)}")
    for name in ("entity_aliases", "category_aliases", "sources"):
        for sub, table in doc.get(name, {}).items():  # type: ignore[attr-defined]
            lines.append("")
            lines.append(f"[{name}.{toml_key(sub)}]")
            for k, v in table.items():
                lines.append(f"{toml_key(k)} = {toml_value(v)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# Shared words

RETRIEVED_EN = (
    " retrieved is the date of the reference-sources snapshot the figures were taken from (2026-07-01);"
    " as_of is the newest publication date among the rows (a month-only date counts as its first day)."
)
RETRIEVED_AR = (
    " تاريخ retrieved هو تاريخ لقطة المصادر المرجعية التي أخذت منها الأرقام (2026-07-01)، وتاريخ as_of"
    " هو أحدث تاريخ نشر بين الصفوف (والتاريخ المحدد بالشهر وحده يحسب من أول يوم فيه)."
)
DROPPED_EN = " Rows the sources mark unconfirmed (no value found) or forecast are not shipped."
DROPPED_AR = " لا تدرج الصفوف التي تصفها المصادر بأنها غير مؤكدة (لم يعثر على قيمتها) أو توقعات."

USD_LABEL = {"en": "US dollars", "ar": "دولار أمريكي"}
BCM_LABEL = {"en": "billion cubic metres", "ar": "مليار متر مكعب"}

Dropped = list[str]


def status_ok(row: dict[str, str], value: str) -> bool:
    return row["status"] in SHIPPED_STATUSES and value.strip() != ""


# --------------------------------------------------------------------------------------------------
# 1. Russia-China trade


# the columns of both trade tables, with their roles (reference_data/README.md)
TRADE_COLUMNS = {
    "reporter": "entity",
    "partner": "counterpart",
    "year": "year",
    "period": "period",
    "flow": "category",
    "value": "value",
    "yoy_pct": "reported_change",
    "status": "status",
    "source": "source",
    "note": "note",
}

TRADE_ALIASES: dict = {
    "en": [
        "trade",
        "trade volume",
        "trade turnover",
        "turnover",
        "bilateral trade",
        "goods trade",
        "trade in goods",
        "volume of trade",
        "trade exchange",
        "Russia-China trade",
        "China-Russia trade",
        "trade between Russia and China",
        "trade between China and Russia",
    ],
    "ar": [
        "حجم التبادل التجاري",
        "التبادل التجاري",
        "حجم التجارة",
        "التجارة",
        "التجارة الثنائية",
        "التبادل التجاري الثنائي",
        "التجارة السلعية",
        "حجم المبادلات التجارية",
        "المبادلات التجارية",
        "التبادلات التجارية",
        "قيمة التبادل التجاري",
        "التجارة بين روسيا والصين",
        "التجارة بين الصين وروسيا",
        "التبادل التجاري بين البلدين",
        "حجم التداول التجاري",
        "التداول التجاري",
        "حجم التداول التجاري السنوي",
    ],
}

TRADE_REPORTER_ALIASES: dict = {
    "CHN": {
        "en": [
            "China's customs",
            "Chinese customs",
            "China's General Administration of Customs",
            "GACC",
            "Chinese data",
            "Chinese figures",
            "Chinese statistics",
            "Beijing's figures",
            "Chinese officials",
        ],
        "ar": [
            "الجمارك الصينية",
            "الإدارة العامة للجمارك في الصين",
            "الإدارة العامة للجمارك الصينية",
            "الأرقام الصينية",
            "البيانات الصينية",
            "الإحصاءات الصينية",
            "مسؤولون صينيون",
            "المسؤولون الصينيون",
        ],
    },
    "RUS": {
        "en": [
            "Russia's customs",
            "Russian customs",
            "Russia's Federal Customs Service",
            "Federal Customs Service",
            "Russian data",
            "Russian figures",
            "Russian statistics",
            "Moscow's figures",
            "Russian officials",
        ],
        "ar": [
            "الجمارك الروسية",
            "دائرة الجمارك الاتحادية الروسية",
            "هيئة الجمارك الروسية",
            "الأرقام الروسية",
            "البيانات الروسية",
            "الإحصاءات الروسية",
            "مسؤولون روس",
            "المسؤولون الروس",
        ],
    },
}

TRADE_FLOW_ALIASES: dict = {
    "flow": {
        "export": {"en": ["exports", "export"], "ar": ["الصادرات", "صادرات", "التصدير"]},
        "import": {"en": ["imports", "import"], "ar": ["الواردات", "واردات", "الاستيراد"]},
    }
}


def build_trade(src: Path, listed: dict[str, tuple[str, str]], codes: Codes, dropped: Dropped) -> Dataset:
    book = SourceBook(listed)
    rows = []
    for i, r in enumerate(read_csv(src / "russia_china_trade.csv"), start=2):
        where = f"russia_china_trade.csv line {i}"
        if not status_ok(r, r["value_usd"]):
            dropped.append(
                f"ru_cn_trade: {r['reporter']}->{r['partner']} {r['year']} {r['period']} {r['flow']}: "
                f"status {r['status']}, value {r['value_usd'] or 'empty'}"
            )
            continue
        rows.append(
            {
                "reporter": codes.of_alpha2(r["reporter"]),
                "partner": codes.of_alpha2(r["partner"]),
                "year": r["year"],
                "period": r["period"],
                "flow": r["flow"],
                "value": decimal_text(r["value_usd"], where),
                "yoy_pct": decimal_text(r["yoy_pct"], where) if r["yoy_pct"].strip() else "",
                "status": r["status"],
                "source": book.cite(r, where),
                "note": r["notes"].strip(),
            }
        )
    return Dataset(
        id="ru_cn_trade",
        title={"en": "Russia-China goods trade", "ar": "التجارة السلعية بين روسيا والصين"},
        description={
            "en": (
                "Goods trade between China and Russia in US dollars, 2018-2024, as reported in the news. Rows with"
                " reporter CHN are China's customs (GACC) figures; rows with reporter RUS are Russia's Federal"
                " Customs Service (FCS) or Russian officials. flow is total trade (turnover), the reporter's exports"
                " or its imports; period is FY or the months covered (Jan-Oct, Jan-Nov); yoy_pct is the"
                " year-on-year change the source itself reports. The two customs services differ by method (CIF/FOB,"
                " country attribution): the FCS had $186bn for Jan-Oct 2023 where GACC had $196.48bn, so compare"
                " within one reporter. GACC revises prior-year levels, so growth recomputed from first-published"
                " levels can differ from the growth GACC reports by about 0.5 percentage points (2021: 35.8%"
                " reported, 36.3% recomputed). Russia suspended publication of customs data in April 2022, so there"
                " is no Russian-side figure for 2022; the Russian-side 2019-2021 values are officials' round numbers"
                " (status approximate). China's 2021 export/import split is derived from the 2022 levels and growth"
                " rates (status derived, formula in note); China's 2023 split (growth +46.9% exports, +13% imports"
                " confirmed, levels not found) and exact FCS figures for 2019-2024 are not shipped."
                + DROPPED_EN
                + RETRIEVED_EN
            ),
            "ar": (
                "التجارة السلعية بين الصين وروسيا بالدولار الأمريكي، 2018-2024، كما أوردتها وسائل الإعلام. الصفوف"
                " التي جهتها المبلغة CHN أرقام الجمارك الصينية (الإدارة العامة للجمارك)، والصفوف التي جهتها المبلغة"
                " RUS أرقام دائرة الجمارك الاتحادية الروسية أو تصريحات مسؤولين روس. يبين العمود flow إجمالي التبادل"
                " التجاري (total) أو صادرات الجهة المبلغة (export) أو وارداتها (import)، ويبين العمود period السنة"
                " كاملة (FY) أو الأشهر المشمولة (Jan-Oct وJan-Nov)، ويبين العمود yoy_pct نسبة التغير السنوي كما"
                " ذكرها المصدر نفسه. تختلف أرقام الجمارك في البلدين باختلاف المنهجية (سيف وفوب، ونسبة السلع إلى"
                " البلد): فقد سجلت الجمارك الروسية 186 مليار دولار للأشهر العشرة الأولى من 2023 مقابل 196.48 مليار"
                " دولار لدى الجمارك الصينية، لذا تكون المقارنة ضمن جهة مبلغة واحدة. تراجع الجمارك الصينية أرقام"
                " العام السابق، فقد يختلف النمو المحسوب من الأرقام المنشورة أولا عن النمو المعلن بنحو نصف نقطة"
                " مئوية (2021: 35.8% معلنة و36.3% محسوبة). علقت روسيا نشر بيانات الجمارك في أبريل 2022، فلا يوجد"
                " رقم روسي لعام 2022، وأرقام الجانب الروسي للأعوام 2019-2021 أرقام مقربة صرح بها مسؤولون (الحالة"
                " approximate). توزيع تجارة الصين لعام 2021 بين صادرات وواردات مشتق من أرقام 2022 ونسب نموها"
                " (الحالة derived، والمعادلة في الملاحظة)، أما توزيع 2023 (نسبتا النمو مؤكدتان: 46.9% للصادرات"
                " و13% للواردات، دون القيم) والأرقام الدقيقة للجمارك الروسية للأعوام 2019-2024 فلا تدرج."
                + DROPPED_AR
                + RETRIEVED_AR
            ),
        },
        publisher=(
            "General Administration of Customs of China (GACC) and Russia's Federal Customs Service and officials,"
            " as reported in the news"
        ),
        licence="Facts; cite the outlets",
        unit="USD",
        unit_label=USD_LABEL,
        measure="level",
        aliases=TRADE_ALIASES,
        columns=dict(TRADE_COLUMNS),
        categories={"flow": ["total", "export", "import"]},
        category_defaults={"flow": "total"},
        entity_aliases=TRADE_REPORTER_ALIASES,
        category_aliases=TRADE_FLOW_ALIASES,
        rows=rows,
        sources=book.table(),
        urls=book.urls(),
        as_of=book.as_of(),
    )


# --------------------------------------------------------------------------------------------------
# 1b. Russia-China trade, year to date and by month (China's customs)

YTD_FLOWS = {"total": "total", "exports_cn_to_ru": "export", "imports_cn_from_ru": "import"}
# Customs publish a month's figures about the 7th-10th of the next month; an undated page is taken
# to be published no earlier than this many days after the last period it reports.
RELEASE_LAG_DAYS = 10
_YTD_PERIOD = re.compile(r"^(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?$")
_MONTH_CODES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ytd_period(text: str, year: str, where: str) -> tuple[str, dt.date]:
    """'2022-01..2022-11' -> ('Jan-Nov', 2022-11-30); '2022-03' -> ('Mar', 2022-03-31)."""
    m = _YTD_PERIOD.match(text.strip())
    if not m or m.group(1) != year or (m.group(3) and m.group(3) != year):
        raise BuildError(f"{where}: cannot read the period {text!r} of year {year}")
    first = int(m.group(2))
    last = int(m.group(4) or first)
    end = dt.date(int(year), last, 1) + dt.timedelta(days=31)
    end = end.replace(day=1) - dt.timedelta(days=1)
    if m.group(4) is None:
        return _MONTH_CODES[first - 1], end
    if first != 1:
        raise BuildError(f"{where}: a cumulative period must start in January: {text!r}")
    return f"Jan-{_MONTH_CODES[last - 1]}", end


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def _agrees(precise: Decimal, other: str) -> bool:
    """Whether ``other`` is ``precise`` rounded or cut to fewer decimals (146.887 -> 146.88, 146.9)."""
    places = Decimal(1).scaleb(-_decimals(other))
    value = Decimal(other)
    return value in (
        precise.quantize(places, rounding="ROUND_HALF_UP"),
        precise.quantize(places, rounding="ROUND_DOWN"),
    )


def _ytd_source_key(url: str) -> str:
    """A stable short key for a page: its host's main name and the page's own last path part."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    host = [
        h for h in (parts.hostname or "").split(".") if h not in ("www", "en", "m", "com", "ru", "net", "org", "cn")
    ]
    ascii_parts = [re.sub(r"[^a-z0-9]+", "_", unquote(t).lower()).strip("_") for t in parts.path.split("/")]
    tail = [t for t in ascii_parts if t][-1:] or ["page"]
    slug = re.sub(r"[^a-z0-9]+", "_", (host[0] if host else "site").lower() + "_" + tail[0].lower()).strip("_")
    return slug[:40].rstrip("_") + "_" + f"{sum(url.encode()) % 997:03d}"


def build_trade_ytd(src: Path, dropped: Dropped) -> Dataset:
    """One row per figure of China's customs for its trade with Russia, year to date or for one month.

    The shared table holds one row per source and figure.  A figure's value is the most precise one
    its sources give in US dollars (a value converted from yuan only when no source gives dollars);
    other values that are that one rounded or cut are variants, and values that differ otherwise
    are named in the row's note.  The growth is the one most sources give in dollar terms.  The row
    cites the earliest dated source that gives the value.  Full-year (January-December) figures are
    in ru_cn_trade and are not repeated here; figures with a growth rate but no level are left out."""
    figures: dict[tuple[str, str, str], list[tuple[int, dict[str, str]]]] = {}
    for i, r in enumerate(read_csv(src / "russia_china_trade_ytd.csv"), start=2):
        figures.setdefault((r["year"], r["period"].strip(), r["measure"]), []).append((i, r))
    # when an undated page was published at the earliest: after the last period it reports
    page_floor: dict[str, dt.date] = {}
    for (year, period, _), group in figures.items():
        _, end = _ytd_period(period, year, f"russia_china_trade_ytd.csv line {group[0][0]}")
        for _, r in group:
            url = r["source_url"].strip()
            page_floor[url] = max(page_floor.get(url, end), end + dt.timedelta(days=RELEASE_LAG_DAYS))
    sources: dict[str, dict[str, object]] = {}
    keys_by_url: dict[str, str] = {}

    def cite(r: dict[str, str], where: str) -> tuple[str, dt.date]:
        url = r["source_url"].strip()
        entry: dict[str, object]
        if r["source_date"].strip():
            shown, date = source_date(r["source_date"], where)
            entry = {"publisher": r["source_publisher"], "title": r["source_title"], "url": url, "date": shown}
        else:
            date = page_floor[url]
            entry = {"publisher": r["source_publisher"], "title": r["source_title"], "url": url}
            entry["date"] = date.isoformat()
            entry["date_note"] = "estimated: the page shows no date; customs release lag after its last figure"
        key = keys_by_url.get(url) or _ytd_source_key(url)
        entry["licence"] = NEWS_LICENCE
        if keys_by_url.setdefault(url, key) != key or sources.setdefault(key, entry)["url"] != url:
            raise BuildError(f"{where}: source key {key} is used by two pages")
        return key, date

    rows = []
    for (year, period, measure), group in sorted(figures.items()):
        where = f"russia_china_trade_ytd.csv line {group[0][0]}"
        code, _ = _ytd_period(period, year, where)
        if code == "Jan-Dec":
            continue  # the full year: ru_cn_trade
        if measure not in YTD_FLOWS:
            raise BuildError(f"{where}: unknown measure {measure!r}")
        if any(r["unit"].strip() != "USD bn" for _, r in group):
            raise BuildError(f"{where}: unit is not USD bn")
        valued = [(i, r) for i, r in group if r["value"].strip()]
        direct = [(i, r) for i, r in valued if "[value converted from yuan]" not in r["note"]]
        valued = direct or valued
        if not valued:
            dropped.append(f"ru_cn_trade_ytd: {period} {measure}: a growth rate without a level")
            continue
        texts = [decimal_text(r["value"], f"russia_china_trade_ytd.csv line {i}") for i, r in valued]
        precise = max(texts, key=lambda t: (_decimals(t), texts.count(t)))
        variants = sorted({t for t in texts if t != precise and _agrees(Decimal(precise), t)})
        differ = sorted({t for t in texts if t != precise and t not in variants}, key=Decimal)
        growths = [
            r["yoy_growth_pct"].strip()
            for _, r in group
            if r["yoy_growth_pct"].strip() and "[growth in yuan terms]" not in r["note"]
        ]
        growth = max(growths, key=lambda g: (growths.count(g), _decimals(g))) if growths else ""
        other_growths = sorted(set(growths) - {growth}, key=Decimal)
        cited = sorted(
            (
                cite(r, f"russia_china_trade_ytd.csv line {i}")
                for i, r in valued
                if decimal_text(r["value"], "") == precise
            ),
            key=lambda kd: (kd[1], kd[0]),
        )
        pages = len({r["source_url"] for _, r in group})
        notes = [f"{pages} source{'s' if pages > 1 else ''}"]
        if variants:
            notes.append("also reported rounded as " + ", ".join(variants))
        if differ:
            notes.append("other sources give " + ", ".join(differ))
        if other_growths:
            notes.append("other sources give growth " + ", ".join(f"{g}%" for g in other_growths))
        if any("[value converted from yuan]" in r["note"] for _, r in valued):
            notes.append("converted from yuan by the source")
        rows.append(
            {
                "reporter": "CHN",
                "partner": "RUS",
                "year": year,
                "period": code,
                "flow": YTD_FLOWS[measure],
                "value": scaled_text(precise, 1_000_000_000, where),
                "yoy_pct": decimal_text(growth, where) if growth else "",
                "status": "confirmed",
                "source": cited[0][0],
                "note": "; ".join(notes),
            }
        )
    for (_year, _period, _measure), group in figures.items():
        for i, r in group:
            cite(r, f"russia_china_trade_ytd.csv line {i}")
    used = {row["source"] for row in rows}
    table = {k: sources[k] for k in sorted(used)}
    dates = [source_date(str(v["date"]), k)[1] for k, v in table.items()]
    return Dataset(
        id="ru_cn_trade_ytd",
        title={
            "en": "Russia-China goods trade, year to date and by month (China's customs)",
            "ar": "التجارة السلعية بين روسيا والصين منذ بداية العام وشهريا (الجمارك الصينية)",
        },
        description={
            "en": (
                "China's customs (GACC) figures for its goods trade with Russia in US dollars, 2021-2024, as"
                " first reported in the news: year to date (period Jan-Feb to Jan-Nov) and single months (period"
                " Mar, Apr ...). flow is total trade (turnover), China's exports to Russia or China's imports"
                " from Russia; yoy_pct is the year-on-year change in dollar terms the sources report. One row per"
                " figure: where several pages report it, the most precise value is kept, rounded variants and"
                " disagreeing figures are named in the note, and the row cites the earliest dated page. A page"
                " without a date is taken as published ten days after the last period it reports (customs"
                " release their figures about the 7th-10th of the next month), and its date says so. Full-year"
                " figures are in ru_cn_trade; figures reported only as a growth rate are not shipped." + RETRIEVED_EN
            ),
            "ar": (
                "أرقام الجمارك الصينية لتجارة الصين السلعية مع روسيا بالدولار الأمريكي، 2021-2024، كما نشرت أول مرة"
                " في وسائل الإعلام: منذ بداية العام (الفترة من Jan-Feb إلى Jan-Nov) وللشهر الواحد (الفترة Mar وApr"
                " ...). يبين العمود flow إجمالي التبادل التجاري (total) أو صادرات الصين إلى روسيا (export) أو"
                " وارداتها منها (import)، ويبين العمود yoy_pct نسبة التغير السنوي بالدولار كما ذكرتها المصادر. لكل"
                " رقم صف واحد: إذا أوردته عدة صفحات أخذت القيمة الأدق، وذكرت في الملاحظة القيم المقربة والأرقام"
                " المخالفة، ويستشهد الصف بأقدم صفحة مؤرخة. الصفحة غير المؤرخة تعد منشورة بعد عشرة أيام من نهاية آخر"
                " فترة تذكرها (تنشر الجمارك أرقامها بين السابع والعاشر من الشهر التالي)، ويذكر تاريخها ذلك. أرقام"
                " السنة كاملة في ru_cn_trade، ولا تدرج الأرقام التي نشرت نسبة نمو فقط." + RETRIEVED_AR
            ),
        },
        publisher="General Administration of Customs of China (GACC), as reported in the news",
        licence="Facts; cite the outlets",
        unit="USD",
        unit_label=USD_LABEL,
        measure="level",
        aliases=TRADE_ALIASES,
        columns=dict(TRADE_COLUMNS),
        categories={"flow": ["total", "export", "import"]},
        category_defaults={"flow": "total"},
        entity_aliases={"CHN": TRADE_REPORTER_ALIASES["CHN"]},
        category_aliases=TRADE_FLOW_ALIASES,
        rows=rows,
        sources=table,
        urls=[str(table[k]["url"]) for k in sorted(table)],
        as_of=max(dates),
    )


# --------------------------------------------------------------------------------------------------
# 2. China's gas imports, one dataset per unit

GAS_ALIASES = {
    "en": [
        "gas imports",
        "natural gas imports",
        "gas supplies",
        "natural gas supplies",
        "gas supplies to China",
        "pipeline gas supplies",
        "pipeline gas imports",
        "LNG imports",
        "LNG supplies",
        "gas exports to China",
        "China's gas imports",
        "gas supplier",
        "LNG supplier",
    ],
    "ar": [
        "إمدادات الغاز",
        "واردات الغاز",
        "واردات الغاز الطبيعي",
        "إمدادات الغاز الطبيعي",
        "إمدادات الغاز إلى الصين",
        "إمدادات الغاز عبر خطوط الأنابيب",
        "إمدادات الغاز عبر خطوط الأنابيب إلى الصين",
        "إمدادات الغاز الطبيعي المسال",
        "واردات الغاز الطبيعي المسال",
        "واردات الغاز المسال",
        "صادرات الغاز إلى الصين",
        "موردي الغاز",
        "مورد للغاز",
        "مورد للغاز الطبيعي المسال",
    ],
}

MODE_ALIASES = {
    "pipeline": {
        "en": ["pipeline", "pipeline gas", "piped gas", "by pipeline", "via pipeline"],
        "ar": ["عبر خطوط الأنابيب", "خطوط الأنابيب", "عبر الأنابيب", "الغاز عبر الأنابيب", "غاز الأنابيب"],
    },
    "LNG": {
        "en": ["LNG", "liquefied natural gas", "liquefied gas"],
        "ar": ["الغاز الطبيعي المسال", "المسال", "الغاز المسال"],
    },
}

BASIS_ALIASES = {
    "EI": {
        "en": ["Energy Institute", "Statistical Review of World Energy", "Statistical Review", "BP Statistical Review"],
        "ar": ["معهد الطاقة", "المراجعة الإحصائية للطاقة العالمية"],
    },
    "Enerdata": {"en": ["Enerdata"], "ar": ["إنرداتا"]},
    "GACC": {
        "en": ["China's customs", "Chinese customs", "GACC", "General Administration of Customs"],
        "ar": ["الجمارك الصينية", "الإدارة العامة للجمارك"],
    },
    "EnergyQuest": {"en": ["EnergyQuest"], "ar": ["إنرجي كويست"]},
}

# the source's `basis` column -> the short basis value
BASIS = {
    "BP/EI Statistical Review (standard m3 at 15C, GCV 40 MJ/m3)": "EI",
    "Enerdata": "Enerdata",
    "GACC customs": "GACC",
    "GACC customs (via Reuters)": "GACC",
    "GACC customs (via TASS)": "GACC",
    "GACC customs by value": "GACC",
    "EIA analysis of GACC + Global Trade Tracker": "EIA",
    "EnergyQuest": "EnergyQuest",
}

GAS_COMMON_EN = (
    " importer is China (CHN) and exporter the supplying country; exporter WLD marks China's total imports by that"
    " mode. mode is pipeline or LNG. reported_rank is the supplier's rank as the source gives it for that year,"
    " period and mode (Russia in China's LNG: 6th in 2021, 4th in 2022, 3rd in 2023 and 2024; in pipeline gas"
    " 2nd in 2021-2024; single months differ)."
)
GAS_COMMON_AR = (
    " الجهة المستوردة هي الصين (CHN) والجهة المصدرة هي البلد المورد، والرمز WLD للجهة المصدرة يعني إجمالي"
    " واردات الصين بتلك الوسيلة. يبين العمود mode النقل عبر خطوط الأنابيب (pipeline) أو الغاز الطبيعي المسال"
    " (LNG)، ويبين العمود reported_rank ترتيب المورد كما ذكره المصدر لتلك السنة والفترة والوسيلة (ترتيب روسيا"
    " بين موردي الغاز المسال إلى الصين: السادسة في 2021، والرابعة في 2022، والثالثة في 2023 و2024؛ وفي الغاز"
    " عبر الأنابيب الثانية من 2021 إلى 2024؛ وقد يختلف الترتيب في شهر بعينه)."
)


def build_gas(src: Path, listed: dict[str, tuple[str, str]], codes: Codes, dropped: Dropped) -> list[Dataset]:
    units = {"bcm": "bcm", "Mt": "mt", "USD bn": "usd", "bcf/d": "bcfd"}
    books = {u: SourceBook(listed) for u in units.values()}
    rows: dict[str, list[dict[str, str]]] = {u: [] for u in units.values()}
    for i, r in enumerate(read_csv(src / "china_gas_imports.csv"), start=2):
        where = f"china_gas_imports.csv line {i}"
        what = f"{r['exporter']} {r['year']} {r['period']} {r['mode']} {r['unit']} ({r['source_publisher']})"
        if not status_ok(r, r["volume"]):
            dropped.append(f"cn_gas_imports: {what}: status {r['status']}, value {r['volume'] or 'empty'}")
            continue
        exporter = codes.of_english_name(r["exporter"])
        if exporter is None:
            dropped.append(f"cn_gas_imports: {what} {r['volume']}: {r['exporter']!r} is not a country or a known code")
            continue
        kind = units[r["unit"]]
        note = r["notes"].strip()
        if kind == "usd":
            value = scaled_text(r["volume"], 10**9, where)
            note = f"source gives USD {r['volume']} bn" + (f"; {note}" if note else "")
        else:
            value = decimal_text(r["volume"], where)
        row = {
            "importer": codes.of_alpha2(r["importer"]),
            "exporter": exporter,
            "year": r["year"],
            "period": r["period"],
            "mode": r["mode"],
            "basis": BASIS[r["basis"]],
            "value": value,
            "rank": r["rank"].strip(),
            "status": r["status"],
            "source": books[kind].cite(r, where),
            "note": note,
        }
        if kind in ("usd", "bcfd"):  # one basis each: no column needed
            del row["basis"]
        rows[kind].append(row)

    def columns(with_basis: bool) -> dict[str, str]:
        out = {
            "importer": "entity",
            "exporter": "counterpart",
            "year": "year",
            "period": "period",
            "mode": "category",
            "basis": "category",
            "value": "value",
            "rank": "reported_rank",
            "status": "status",
            "source": "source",
            "note": "note",
        }
        if not with_basis:
            del out["basis"]
        return out

    def categories(kind: str, with_basis: bool) -> dict[str, list[str]]:
        out = {"mode": ["pipeline", "LNG"]}
        if with_basis:
            used = {row["basis"] for row in rows[kind]}
            out["basis"] = [b for b in BASIS_ALIASES if b in used]
        return out

    def aliases_for(kind: str, with_basis: bool) -> dict[str, dict[str, dict[str, list[str]]]]:
        out: dict[str, dict[str, dict[str, list[str]]]] = {"mode": MODE_ALIASES}
        if with_basis:
            out["basis"] = {b: BASIS_ALIASES[b] for b in categories(kind, True)["basis"]}
        return out

    def dataset(kind: str, **kw: object) -> Dataset:
        with_basis = kind in ("bcm", "mt")
        return Dataset(
            id=f"cn_gas_imports_{kind}",
            columns=columns(with_basis),
            categories=categories(kind, with_basis),
            category_aliases=aliases_for(kind, with_basis),
            rows=rows[kind],
            sources=books[kind].table(),
            urls=books[kind].urls(),
            as_of=books[kind].as_of(),
            measure="level",
            **kw,  # type: ignore[arg-type]
        )

    bcm = dataset(
        "bcm",
        title={
            "en": "China's natural gas imports by supplier and mode, billion cubic metres",
            "ar": "واردات الصين من الغاز الطبيعي حسب المورد ووسيلة النقل، بالمليار متر مكعب",
        },
        description={
            "en": (
                "China's natural gas imports by supplying country and mode, 2021-2023, in billion cubic metres."
                " basis EI: the Statistical Review of World Energy (bp's 2022 edition for 2021, the Energy"
                " Institute's 2023 and 2024 editions for 2022 and 2023), in standard cubic metres at 15 C and a"
                " gross calorific value of 40 MJ/m3; basis Enerdata: Enerdata's 2021 pipeline figures. Volumes"
                " depend on the standard: for Russia's pipeline gas to China the Statistical Review has 7.58 /"
                " 14.67 / 21.29 bcm (2021/2022/2023) where Gazprom reports 10.4 / 15.4 / 22.7 bcm"
                " (power_of_siberia); rankings agree, volumes do not, so compare within one basis."
                + GAS_COMMON_EN
                + " The Statistical Review's 'Other Africa' LNG row (2022, 1.46 bcm) names no country and is not"
                " shipped. Statistical Review figures are (c) bp / Energy Institute, quoted with attribution."
                + RETRIEVED_EN
            ),
            "ar": (
                "واردات الصين من الغاز الطبيعي حسب البلد المورد ووسيلة النقل، 2021-2023، بالمليار متر مكعب."
                " الأساس EI: المراجعة الإحصائية للطاقة العالمية (إصدار بي بي لعام 2022 لأرقام 2021، وإصدارا"
                " معهد الطاقة لعامي 2023 و2024 لأرقام 2022 و2023)، بالمتر المكعب القياسي عند 15 درجة مئوية وقيمة"
                " حرارية إجمالية 40 ميغاجول للمتر المكعب؛ والأساس Enerdata: أرقام إنرداتا لواردات 2021 عبر"
                " الأنابيب. تختلف الأحجام باختلاف المعيار: فلواردات الصين من الغاز الروسي عبر الأنابيب تذكر المراجعة"
                " الإحصائية 7.58 و14.67 و21.29 مليار متر مكعب (2021 و2022 و2023) بينما تذكر غازبروم 10.4 و15.4"
                " و22.7 مليار متر مكعب (power_of_siberia)؛ يتفق الترتيب وتختلف الأحجام، لذا تكون المقارنة ضمن أساس"
                " واحد." + GAS_COMMON_AR + " لا يدرج صف 'بقية أفريقيا' (Other Africa) من المراجعة الإحصائية"
                " (2022، 1.46 مليار متر مكعب) لأنه لا يسمي بلدا. أرقام المراجعة الإحصائية محفوظة الحقوق لبي بي"
                " ومعهد الطاقة، وتقتبس مع نسبتها إلى مصدرها." + RETRIEVED_AR
            ),
        },
        publisher="bp / Energy Institute Statistical Review of World Energy; Enerdata",
        licence=(
            "Statistical Review figures (c) bp / Energy Institute, a few extracted China rows quoted with"
            " attribution; Enerdata: facts, cite the outlet"
        ),
        unit="billion_cubic_meter",
        unit_label=BCM_LABEL,
        aliases=GAS_ALIASES,
    )
    mt = dataset(
        "mt",
        title={
            "en": "China's natural gas imports by supplier and mode, million tonnes (China's customs)",
            "ar": "واردات الصين من الغاز الطبيعي حسب المورد ووسيلة النقل، بالمليون طن (الجمارك الصينية)",
        },
        description={
            "en": (
                "China's natural gas imports by supplying country and mode, 2021-2024, in million tonnes, from"
                " China's customs (GACC) as reported by Reuters, TASS, Vestnik Kavkaza, LNG Prime and others"
                " (basis GACC), and one EnergyQuest figure (basis EnergyQuest: Australia's LNG to China in 2022,"
                " 22 Mt; IGU gives 22.8 Mt). period is FY or the months covered (Jan-Oct, Jan-Nov). Russia's 2021"
                " LNG volume (4.5 Mt) is derived from the 2022 value (6.5 Mt) and its +44% growth (status derived)."
                + GAS_COMMON_EN
                + " GACC stopped publishing pipeline-gas volumes by country in H2 2022; for 2022 by supplier see"
                " cn_gas_imports_usd. Qatar's full-year 2022 volume was not found (Jan-Nov: 13.9 Mt) and is not"
                " shipped; traders quoted by Upstream said Qatar overtook Australia in 2022, which the Statistical"
                " Review and EnergyQuest contradict. 1 Mt of LNG is roughly 1.36-1.38 bcm (a rule of thumb)."
                + DROPPED_EN
                + RETRIEVED_EN
            ),
            "ar": (
                "واردات الصين من الغاز الطبيعي حسب البلد المورد ووسيلة النقل، 2021-2024، بالمليون طن، من بيانات"
                " الجمارك الصينية (الإدارة العامة للجمارك) كما نقلتها رويترز وتاس وفستنيك كافكازا وإل إن جي برايم"
                " وغيرها (الأساس GACC)، ورقم واحد من إنرجي كويست (الأساس EnergyQuest: الغاز المسال الأسترالي إلى"
                " الصين في 2022، 22 مليون طن؛ ويذكر الاتحاد الدولي للغاز 22.8 مليون طن). يبين العمود period السنة"
                " كاملة (FY) أو الأشهر المشمولة (Jan-Oct وJan-Nov). حجم الغاز المسال الروسي لعام 2021 (4.5 مليون"
                " طن) مشتق من قيمة 2022 (6.5 مليون طن) ونموها البالغ 44% (الحالة derived)."
                + GAS_COMMON_AR
                + " توقفت الجمارك الصينية عن نشر أحجام الغاز عبر الأنابيب حسب البلد في النصف الثاني من 2022؛"
                " ولأرقام 2022 حسب المورد انظر cn_gas_imports_usd. لم يعثر على حجم واردات الغاز المسال القطري لعام"
                " 2022 كاملا (يناير-نوفمبر: 13.9 مليون طن) فلا يدرج؛ ونقلت أبستريم عن تجار أن قطر تجاوزت أستراليا"
                " في 2022، وهو ما تنقضه المراجعة الإحصائية وإنرجي كويست. المليون طن من الغاز المسال يعادل نحو"
                " 1.36-1.38 مليار متر مكعب (قاعدة تقريبية)." + DROPPED_AR + RETRIEVED_AR
            ),
        },
        publisher="General Administration of Customs of China (GACC), as reported in the news; EnergyQuest",
        licence="Facts; cite the outlets",
        unit="megatonne",
        unit_label={"en": "million tonnes", "ar": "مليون طن"},
        aliases=GAS_ALIASES,
    )
    usd = dataset(
        "usd",
        title={
            "en": "China's pipeline gas imports by supplier, value in US dollars (China's customs)",
            "ar": "قيمة واردات الصين من الغاز عبر خطوط الأنابيب حسب المورد بالدولار الأمريكي (الجمارك الصينية)",
        },
        description={
            "en": (
                "The value of China's pipeline gas imports by supplying country in 2022, in US dollars, from"
                " China's customs (GACC) as reported by TASS (via atavatan-turkmenistan.com). The source gives US"
                " dollar billions; value is that figure times 10^9 (the note keeps the source's figure). GACC"
                " stopped publishing pipeline-gas volumes by country in H2 2022, so for 2022 suppliers are ranked"
                " by value." + GAS_COMMON_EN + RETRIEVED_EN
            ),
            "ar": (
                "قيمة واردات الصين من الغاز عبر خطوط الأنابيب حسب البلد المورد في 2022، بالدولار الأمريكي، من"
                " بيانات الجمارك الصينية (الإدارة العامة للجمارك) كما نقلتها تاس (عبر موقع atavatan-turkmenistan.com)."
                " يذكر المصدر القيم بمليارات الدولارات، والقيمة هنا هي ذلك الرقم مضروبا في 10^9 (وتحفظ الملاحظة"
                " رقم المصدر). توقفت الجمارك الصينية عن نشر أحجام الغاز عبر الأنابيب حسب البلد في النصف الثاني من"
                " 2022، فترتيب الموردين لعام 2022 بحسب القيمة." + GAS_COMMON_AR + RETRIEVED_AR
            ),
        },
        publisher="General Administration of Customs of China (GACC), as reported by TASS",
        licence="Facts; cite the outlets",
        unit="USD",
        unit_label=USD_LABEL,
        aliases={
            "en": [*GAS_ALIASES["en"], "value of gas imports", "gas import bill"],
            "ar": [*GAS_ALIASES["ar"], "قيمة واردات الغاز", "قيمة إمدادات الغاز", "فاتورة واردات الغاز"],
        },
    )
    bcfd = dataset(
        "bcfd",
        title={
            "en": "China's pipeline gas imports by supplier, billion cubic feet per day (US EIA)",
            "ar": (
                "واردات الصين من الغاز عبر خطوط الأنابيب حسب المورد، بالمليار قدم مكعب يوميا"
                " (إدارة معلومات الطاقة الأمريكية)"
            ),
        },
        description={
            "en": (
                "China's pipeline gas imports by supplying country in 2021, in billion cubic feet per day, from the"
                " US Energy Information Administration's analysis of China's customs data and Global Trade Tracker"
                " (as published by Gas Processing News). 1 bcf/d is about 10.3 bcm a year."
                + GAS_COMMON_EN
                + RETRIEVED_EN
            ),
            "ar": (
                "واردات الصين من الغاز عبر خطوط الأنابيب حسب البلد المورد في 2021، بالمليار قدم مكعب يوميا، من"
                " تحليل إدارة معلومات الطاقة الأمريكية لبيانات الجمارك الصينية وبيانات Global Trade Tracker (كما"
                " نشرها موقع Gas Processing News). المليار قدم مكعب يوميا يعادل نحو 10.3 مليار متر مكعب في السنة."
                + GAS_COMMON_AR
                + RETRIEVED_AR
            ),
        },
        publisher="US Energy Information Administration (EIA), as reported by Gas Processing News",
        licence="Facts; cite the outlets",
        unit="billion_cubic_foot/day",
        unit_label={"en": "billion cubic feet per day", "ar": "مليار قدم مكعب يوميا"},
        aliases=GAS_ALIASES,
    )
    return [bcm, mt, usd, bcfd]


# --------------------------------------------------------------------------------------------------
# 3. Power of Siberia

# who gave each figure, by (year, source key): keeps the two 2022 figures apart
POS_REPORTED_BY = {
    ("2020", "urdupoint_1619010"): "Gazprom",
    ("2021", "urdupoint_1619010"): "Gazprom",
    ("2022", "unn_gazprom_20240103"): "Gazprom",
    ("2022", "ru24_339649849"): "Novak",
    ("2023", "tass_1820193"): "Gazprom",
}


def build_power_of_siberia(src: Path, listed: dict[str, tuple[str, str]], codes: Codes, dropped: Dropped) -> Dataset:
    book = SourceBook(listed)
    rows = []
    for i, r in enumerate(read_csv(src / "power_of_siberia.csv"), start=2):
        where = f"power_of_siberia.csv line {i}"
        if not status_ok(r, r["volume"]):
            dropped.append(f"power_of_siberia: {r['year']}: status {r['status']}, value {r['volume'] or 'empty'}")
            continue
        if r["unit"] != "bcm":
            raise BuildError(f"{where}: unit {r['unit']}")
        key = book.cite(r, where)
        if (r["year"], key) not in POS_REPORTED_BY:
            raise BuildError(f"{where}: who reported {r['year']} in {key}?")
        rows.append(
            {
                "exporter": "RUS",
                "importer": "CHN",
                "year": r["year"],
                "reported_by": POS_REPORTED_BY[(r["year"], key)],
                "value": decimal_text(r["volume"], where),
                "status": r["status"],
                "source": key,
                "note": r["notes"].strip(),
            }
        )
    return Dataset(
        id="power_of_siberia",
        title={
            "en": "Russian gas supplies to China through the Power of Siberia pipeline",
            "ar": "إمدادات الغاز الروسي إلى الصين عبر خط أنابيب قوة سيبيريا",
        },
        description={
            "en": (
                "Yearly gas flows from Russia to China through the Power of Siberia pipeline, 2020-2023, in billion"
                " cubic metres, as reported by Gazprom (CEO Alexey Miller, Gazprom's Telegram channel) and by Deputy"
                " Prime Minister Alexander Novak. reported_by keeps the two 2022 figures apart (Gazprom 15.4, Novak"
                " 15.5; RT also gave 15.1). Gazprom measures in its own standard: the Statistical Review"
                " (cn_gas_imports_bcm, basis EI) has 7.58 / 14.67 / 21.29 bcm for Russia's pipeline gas to China in"
                " 2021-2023, so compare within one basis. The final 2024 figure was not found (the plan was about 30"
                " bcm) and is not shipped." + RETRIEVED_EN
            ),
            "ar": (
                "تدفقات الغاز السنوية من روسيا إلى الصين عبر خط أنابيب قوة سيبيريا، 2020-2023، بالمليار متر مكعب،"
                " كما أعلنتها غازبروم (رئيسها التنفيذي أليكسي ميلر وقناة الشركة على تيليغرام) ونائب رئيس الوزراء"
                " ألكسندر نوفاك. يفصل العمود reported_by بين رقمي 2022 (غازبروم 15.4، ونوفاك 15.5؛ وذكرت آر تي"
                " 15.1). تقيس غازبروم بمعيارها الخاص: فالمراجعة الإحصائية للطاقة العالمية (cn_gas_imports_bcm،"
                " الأساس EI) تذكر 7.58 و14.67 و21.29 مليار متر مكعب لصادرات الغاز الروسي إلى الصين عبر الأنابيب في"
                " 2021-2023، لذا تكون المقارنة ضمن أساس واحد. لم يعثر على الرقم النهائي لعام 2024 (كانت الخطة نحو"
                " 30 مليار متر مكعب) فلا يدرج." + RETRIEVED_AR
            ),
        },
        publisher="Gazprom and Russian officials, as reported in the news",
        licence="Facts; cite the outlets",
        unit="billion_cubic_meter",
        unit_label=BCM_LABEL,
        measure="level",
        aliases={
            "en": [
                "Power of Siberia",
                "Power of Siberia pipeline",
                "Power of Siberia gas pipeline",
                "gas supplies via Power of Siberia",
                "gas deliveries via Power of Siberia",
                "Russian gas supplies to China",
                "Russian gas exports to China",
                "Russian pipeline gas",
                "gas supplies to China",
                "gas exports to China",
            ],
            "ar": [
                "قوة سيبيريا",
                "خط قوة سيبيريا",
                "خط أنابيب قوة سيبيريا",
                "خط أنابيب الغاز قوة سيبيريا",
                "باور أوف سيبيريا",
                "إمدادات الغاز عبر قوة سيبيريا",
                "إمدادات الغاز الروسي إلى الصين",
                "صادرات الغاز الروسي إلى الصين",
                "إمدادات الغاز إلى الصين",
                "صادرات الغاز إلى الصين",
            ],
        },
        columns={
            "exporter": "entity",
            "importer": "counterpart",
            "year": "year",
            "reported_by": "category",
            "value": "value",
            "status": "status",
            "source": "source",
            "note": "note",
        },
        categories={"reported_by": ["Gazprom", "Novak"]},
        category_aliases={
            "reported_by": {
                "Gazprom": {"en": ["Gazprom", "Miller", "Alexey Miller"], "ar": ["غازبروم", "ميلر", "أليكسي ميلر"]},
                "Novak": {"en": ["Novak", "Alexander Novak"], "ar": ["نوفاك", "ألكسندر نوفاك"]},
            }
        },
        rows=rows,
        sources=book.table(),
        urls=book.urls(),
        as_of=book.as_of(),
    )


# --------------------------------------------------------------------------------------------------
# 4. Joint Sea-2022

EVENT_REPORTED_BY = {
    "chinamil_10206721": "China MND",
    "people_10189186": "Xinhua",
    "tass_1557207": "TASS",
}


def build_joint_sea(src: Path, listed: dict[str, tuple[str, str]], codes: Codes, dropped: Dropped) -> Dataset:
    book = SourceBook(listed)
    rows = []
    for i, r in enumerate(read_csv(src / "events.csv"), start=2):
        where = f"events.csv line {i}"
        if r["event"] != "Joint Sea-2022":
            raise BuildError(f"{where}: unexpected event {r['event']}")
        if r["status"] not in SHIPPED_STATUSES:
            dropped.append(f"joint_sea_2022: {r['source_publisher']}: status {r['status']}")
            continue
        start, end = dt.date.fromisoformat(r["start_date"]), dt.date.fromisoformat(r["end_date"])
        days = (end - start).days + 1  # both ends count: 21..27 December is 7 days
        key = book.cite(r, where)
        note = r["location"].strip() + (f"; {r['notes'].strip()}" if r["notes"].strip() else "")
        for party in r["parties"].split(";"):
            rows.append(
                {
                    "party": codes.of_alpha2(party.strip()),
                    "year": str(start.year),
                    "event": r["event"],
                    "reported_by": EVENT_REPORTED_BY[key],
                    "start_date": start.isoformat(),
                    "end_date": end.isoformat(),
                    "value": str(days),
                    "status": r["status"],
                    "source": key,
                    "note": note,
                }
            )
    return Dataset(
        id="joint_sea_2022",
        title={
            "en": "Joint Sea-2022 China-Russia naval exercise: dates and length",
            "ar": "مناورات البحر المشترك 2022 البحرية بين الصين وروسيا: مواعيدها ومدتها",
        },
        description={
            "en": (
                "The Joint Sea-2022 naval exercise of China and Russia, 21-27 December 2022, in the East China Sea"
                " (waters east of Zhoushan-Taizhou, Zhejiang), the 11th Joint Sea exercise since 2012. One row per"
                " party (CHN, RUS) and per report: China's Ministry of National Defense (China Military Online,"
                " announcing the planned dates), Xinhua (People's Daily Online, on its conclusion) and TASS."
                " value is the exercise's length in days counting both ends (21 to 27 December is 7 days);"
                " start_date and end_date are its first and last days." + RETRIEVED_EN
            ),
            "ar": (
                "مناورات البحر المشترك 2022 البحرية بين الصين وروسيا، من 21 إلى 27 ديسمبر 2022، في بحر الصين الشرقي"
                " (المياه الواقعة شرق تشوشان وتايتشو في مقاطعة تشجيانغ)، وهي الحادية عشرة من مناورات البحر المشترك"
                " منذ 2012. صف لكل طرف (CHN وRUS) ولكل مصدر: وزارة الدفاع الوطني الصينية (موقع China Military"
                " Online، عند إعلان المواعيد المقررة)، ووكالة شينخوا (صحيفة الشعب اليومية أونلاين، عند اختتامها)،"
                " ووكالة تاس. القيمة مدة المناورات بالأيام محسوبة بيومي البداية والنهاية (من 21 إلى 27 ديسمبر 7"
                " أيام)، ويبين العمودان start_date وend_date يومها الأول والأخير." + RETRIEVED_AR
            ),
        },
        publisher="China's Ministry of National Defense, Xinhua and TASS",
        licence="Facts; cite the outlets",
        unit="day",
        unit_label={"en": "days", "ar": "يوم"},
        measure="level",
        aliases={
            "en": [
                "Joint Sea-2022",
                "Joint Sea 2022",
                "joint naval exercise",
                "joint naval exercises",
                "joint naval drills",
                "naval exercise",
                "naval drills",
                "joint exercise",
                "joint drills",
                "drills",
                "exercise",
                "maneuvers",
                "manoeuvres",
            ],
            "ar": [
                "البحر المشترك 2022",
                "المناورات البحرية المشتركة",
                "مناورات بحرية مشتركة",
                "المناورات البحرية",
                "التدريبات البحرية المشتركة",
                "التدريبات البحرية",
                "التمرين البحري المشترك",
                "المناورات المشتركة",
                "التدريبات المشتركة",
                "المناورات",
                "التدريبات",
            ],
        },
        columns={
            "party": "entity",
            "year": "year",
            "event": "category",
            "reported_by": "category",
            "start_date": "start_date",
            "end_date": "end_date",
            "value": "value",
            "status": "status",
            "source": "source",
            "note": "note",
        },
        categories={"event": ["Joint Sea-2022"], "reported_by": ["China MND", "Xinhua", "TASS"]},
        category_aliases={
            "event": {
                "Joint Sea-2022": {
                    "en": ["Joint Sea-2022", "Joint Sea 2022", "Joint Sea"],
                    "ar": ["البحر المشترك-2022", "البحر المشترك 2022", "البحر المشترك"],
                }
            },
            "reported_by": {
                "China MND": {
                    "en": ["China's Ministry of National Defense", "Chinese Defense Ministry", "China Military Online"],
                    "ar": ["وزارة الدفاع الصينية", "وزارة الدفاع الوطني الصينية"],
                },
                "Xinhua": {"en": ["Xinhua"], "ar": ["شينخوا", "وكالة شينخوا"]},
                "TASS": {"en": ["TASS"], "ar": ["تاس", "وكالة تاس"]},
            },
        },
        rows=rows,
        sources=book.table(),
        urls=book.urls(),
        as_of=book.as_of(),
    )


# --------------------------------------------------------------------------------------------------
# 5. World Bank World Development Indicators


@dataclass(frozen=True)
class Indicator:
    unit: str
    measure: str
    title_ar: str
    description_ar: str
    aliases_en: tuple[str, ...]
    aliases_ar: tuple[str, ...]
    label_en: str
    label_ar: str
    # for a rate of change: the phrases naming what changes ("the economy grew 3%" reads GDP growth)
    change_en: tuple[str, ...] = ()
    change_ar: tuple[str, ...] = ()
    # (en, ar): another definition of the measure that writers quote under the same name
    other_definition: tuple[str, str] | None = None


CURRENT_USD = ("current US dollars", "دولار أمريكي بالأسعار الجارية")
PCT_GDP = ("% of GDP", "% من إجمالي الناتج المحلي")
PCT_YEAR = ("% a year", "% سنويا")

WDI: dict[str, Indicator] = {
    "bn.cab.xoka.cd": Indicator(
        "USD",
        "level",
        "رصيد الحساب الجاري (ميزان المدفوعات، بالأسعار الجارية للدولار الأمريكي)",
        "رصيد المعاملات الجارية (السلع والخدمات والدخل الأولي والتحويلات الجارية) بين المقيمين وغير المقيمين،"
        " بالدولار الأمريكي بالأسعار الجارية؛ القيمة السالبة عجز والموجبة فائض.",
        (
            "current account balance",
            "current account",
            "current-account balance",
            "current account deficit",
            "current account surplus",
        ),
        ("رصيد الحساب الجاري", "الحساب الجاري", "ميزان الحساب الجاري", "عجز الحساب الجاري", "فائض الحساب الجاري"),
        *CURRENT_USD,
    ),
    "bx.klt.dinv.cd.wd": Indicator(
        "USD",
        "level",
        "الاستثمار الأجنبي المباشر، صافي التدفقات الوافدة (ميزان المدفوعات، بالأسعار الجارية للدولار الأمريكي)",
        "صافي تدفقات الاستثمار الأجنبي المباشر الوافدة إلى الاقتصاد المبلغ (رأس المال السهمي والأرباح المعاد"
        " استثمارها ورؤوس الأموال الأخرى)، وفق ميزان المدفوعات، بالدولار الأمريكي بالأسعار الجارية. يعد الاستثمار"
        " مباشرا إذا بلغت الملكية 10 في المائة أو أكثر من الأسهم ذات حق التصويت.",
        (
            "foreign direct investment",
            "FDI",
            "FDI inflows",
            "net FDI inflows",
            "foreign direct investment inflows",
            "inward FDI",
            "inward foreign direct investment",
            "foreign investment inflows",
        ),
        (
            "الاستثمار الأجنبي المباشر",
            "الاستثمارات الأجنبية المباشرة",
            "تدفقات الاستثمار الأجنبي المباشر",
            "صافي تدفقات الاستثمار الأجنبي المباشر",
            "تدفقات الاستثمارات الأجنبية المباشرة",
            "الاستثمارات الأجنبية",
            "الاستثمار الأجنبي",
        ),
        *CURRENT_USD,
    ),
    "bx.trf.pwkr.cd.dt": Indicator(
        "USD",
        "level",
        "التحويلات الشخصية المتلقاة (بالأسعار الجارية للدولار الأمريكي)",
        "التحويلات الشخصية المتلقاة: التحويلات الجارية بين الأسر المقيمة وغير المقيمة وتعويضات العاملين غير"
        " المقيمين، بالدولار الأمريكي بالأسعار الجارية.",
        (
            "remittances",
            "personal remittances",
            "remittances received",
            "remittance inflows",
            "workers' remittances",
            "remittances from abroad",
            "money sent home",
            "sent home",
            "sent back home",
            "remitted",
        ),
        (
            "التحويلات",
            "التحويلات المالية",
            "التحويلات الشخصية",
            "تحويلات العاملين في الخارج",
            "تحويلات العاملين بالخارج",
            "تحويلات المغتربين",
            "تحويلات المهاجرين",
            "التحويلات من الخارج",
            "تحويلات",
            "حوالات المغتربين",
            "تحويلات المصريين بالخارج",
        ),
        *CURRENT_USD,
    ),
    "dt.dod.dect.cd": Indicator(
        "USD",
        "level",
        "أرصدة الدين الخارجي، الإجمالي (بالأسعار الجارية للدولار الأمريكي)",
        "إجمالي الدين الخارجي المستحق لغير المقيمين: الدين العام والمضمون من الحكومة والدين الخاص غير المضمون"
        " طويل الأجل، واستخدام ائتمان صندوق النقد الدولي، والدين قصير الأجل، بالدولار الأمريكي بالأسعار الجارية.",
        (
            "external debt",
            "foreign debt",
            "total external debt",
            "external debt stocks",
            "external debt stock",
            "overseas debt",
        ),
        (
            "الدين الخارجي",
            "الديون الخارجية",
            "إجمالي الدين الخارجي",
            "رصيد الدين الخارجي",
            "المديونية الخارجية",
            "حجم الدين الخارجي",
        ),
        *CURRENT_USD,
    ),
    "eg.elc.accs.zs": Indicator(
        "%",
        "share",
        "الحصول على الكهرباء (% من السكان)",
        "نسبة السكان الذين يحصلون على الكهرباء، من بيانات القطاع والمسوح الوطنية والمصادر الدولية.",
        (
            "access to electricity",
            "electricity access",
            "electrification rate",
            "electrification",
            "share of the population with electricity",
            "people with access to electricity",
        ),
        (
            "الحصول على الكهرباء",
            "الوصول إلى الكهرباء",
            "نسبة الحصول على الكهرباء",
            "معدل الكهربة",
            "التغطية الكهربائية",
            "نسبة التغطية بالكهرباء",
            "نسبة السكان الذين يحصلون على الكهرباء",
        ),
        "% of population",
        "% من السكان",
    ),
    "fi.res.totl.cd": Indicator(
        "USD",
        "level",
        "إجمالي الاحتياطيات (بما فيها الذهب، بالأسعار الجارية للدولار الأمريكي)",
        "إجمالي الاحتياطيات: الأصول الخارجية المتاحة للسلطات النقدية والخاضعة لسيطرتها لتمويل ميزان المدفوعات"
        " والتدخل في أسواق الصرف، بما فيها الذهب النقدي، بالدولار الأمريكي بالأسعار الجارية.",
        (
            "foreign reserves",
            "foreign exchange reserves",
            "forex reserves",
            "FX reserves",
            "international reserves",
            "total reserves",
            "foreign currency reserves",
            "reserves",
            "reserves including gold",
        ),
        (
            "الاحتياطيات الأجنبية",
            "الاحتياطي الأجنبي",
            "احتياطيات النقد الأجنبي",
            "احتياطي النقد الأجنبي",
            "الاحتياطي النقدي",
            "الاحتياطيات الدولية",
            "إجمالي الاحتياطيات",
            "الاحتياطيات",
            "احتياطيات العملات الأجنبية",
            "الاحتياطي من العملات الأجنبية",
        ),
        *CURRENT_USD,
    ),
    "fp.cpi.totl.zg": Indicator(
        "%",
        "change",
        "التضخم، أسعار المستهلكين (% سنويا)",
        "التضخم مقيسا بمؤشر أسعار المستهلكين: نسبة التغير السنوي في تكلفة سلة من السلع والخدمات يشتريها"
        " المستهلك المتوسط.",
        (
            "inflation",
            "inflation rate",
            "annual inflation",
            "consumer price inflation",
            "consumer prices",
            "CPI inflation",
            "headline inflation",
        ),
        (
            "التضخم",
            "معدل التضخم",
            "نسبة التضخم",
            "التضخم السنوي",
            "معدل التضخم السنوي",
            "تضخم أسعار المستهلكين",
            "أسعار المستهلكين",
            "مؤشر أسعار المستهلكين",
            "معدل ارتفاع الأسعار",
        ),
        *PCT_YEAR,
        change_en=("consumer prices", "prices", "the cost of living", "cost of living", "CPI", "consumer price index"),
        change_ar=(
            "أسعار المستهلكين",
            "الأسعار",
            "أسعار المستهلك",
            "مؤشر أسعار المستهلكين",
            "مؤشر أسعار المستهلك",
            "تكاليف المعيشة",
            "تكلفة المعيشة",
        ),
        # statistics offices and the press quote "annual inflation" as the rise over the twelve months
        # to the latest month (December for a year); the World Bank's figure is the yearly average,
        # and the two differ by many points where prices move fast (Turkey 2023: 64.8% and 53.9%)
        other_definition=(
            "the rise in consumer prices over the twelve months to a month (December for a whole year),"
            " where this table gives the yearly average",
            "ارتفاع أسعار المستهلكين خلال الاثني عشر شهرا حتى شهر بعينه (ديسمبر لسنة كاملة)، بينما يعطي هذا الجدول"
            " المتوسط السنوي",
        ),
    ),
    "gc.dod.totl.gd.zs": Indicator(
        "%",
        "share",
        "دين الحكومة المركزية، الإجمالي (% من إجمالي الناتج المحلي)",
        "إجمالي رصيد الالتزامات التعاقدية محددة الأجل على الحكومة المركزية (المحلية والخارجية) في تاريخ معين،"
        " عادة آخر يوم من السنة المالية، نسبة إلى إجمالي الناتج المحلي. لا يشمل الحكومات المحلية، فقد يختلف عن"
        " دين الحكومة العامة الذي ينشره صندوق النقد الدولي.",
        (
            "government debt",
            "public debt",
            "central government debt",
            "debt-to-GDP ratio",
            "debt to GDP",
            "government debt to GDP",
            "national debt",
            "sovereign debt",
        ),
        (
            "الدين العام",
            "الدين الحكومي",
            "دين الحكومة المركزية",
            "نسبة الدين العام إلى الناتج المحلي الإجمالي",
            "نسبة الدين إلى الناتج المحلي الإجمالي",
            "نسبة الدين العام",
            "الدين السيادي",
            "المديونية العامة",
        ),
        *PCT_GDP,
    ),
    "it.cel.sets.p2": Indicator(
        "dimensionless",
        "level",
        "اشتراكات الهاتف المحمول (لكل 100 شخص)",
        "عدد اشتراكات الهاتف المحمول (الخلوي) التي تتيح الاتصال الصوتي، المدفوعة مسبقا واللاحقة الدفع، لكل 100 شخص.",
        (
            "mobile subscriptions",
            "mobile phone subscriptions",
            "mobile cellular subscriptions",
            "cellphone subscriptions",
            "mobile penetration",
            "mobile phone penetration",
            "mobile lines",
        ),
        (
            "اشتراكات الهاتف المحمول",
            "اشتراكات الهواتف المحمولة",
            "اشتراكات الهاتف الجوال",
            "اشتراكات الجوال",
            "انتشار الهاتف المحمول",
            "معدل انتشار الهاتف المحمول",
            "خطوط الهاتف المحمول",
        ),
        "subscriptions per 100 people",
        "اشتراك لكل 100 شخص",
    ),
    "ms.mil.xpnd.gd.zs": Indicator(
        "%",
        "share",
        "الإنفاق العسكري (% من إجمالي الناتج المحلي)",
        "الإنفاق العسكري نسبة إلى إجمالي الناتج المحلي.",
        (
            "military spending",
            "military expenditure",
            "defence spending",
            "defense spending",
            "defence budget",
            "defense budget",
            "military budget",
        ),
        (
            "الإنفاق العسكري",
            "الإنفاق الدفاعي",
            "النفقات العسكرية",
            "الإنفاق على الدفاع",
            "ميزانية الدفاع",
            "الميزانية العسكرية",
        ),
        *PCT_GDP,
    ),
    "ne.exp.gnfs.zs": Indicator(
        "%",
        "share",
        "صادرات السلع والخدمات (% من إجمالي الناتج المحلي)",
        "صادرات السلع والخدمات من المقيمين إلى غير المقيمين نسبة إلى إجمالي الناتج المحلي.",
        (
            "exports of goods and services",
            "exports as a share of GDP",
            "exports to GDP",
            "export share of GDP",
        ),
        (
            "صادرات السلع والخدمات",
            "الصادرات من السلع والخدمات",
            "نسبة الصادرات إلى الناتج المحلي الإجمالي",
            "حصة الصادرات من الناتج المحلي",
        ),
        *PCT_GDP,
    ),
    "ne.imp.gnfs.zs": Indicator(
        "%",
        "share",
        "واردات السلع والخدمات (% من إجمالي الناتج المحلي)",
        "واردات السلع والخدمات من غير المقيمين إلى المقيمين نسبة إلى إجمالي الناتج المحلي.",
        (
            "imports of goods and services",
            "imports as a share of GDP",
            "imports to GDP",
            "import share of GDP",
        ),
        (
            "واردات السلع والخدمات",
            "الواردات من السلع والخدمات",
            "نسبة الواردات إلى الناتج المحلي الإجمالي",
            "حصة الواردات من الناتج المحلي",
        ),
        *PCT_GDP,
    ),
    "ny.gdp.mktp.cd": Indicator(
        "USD",
        "level",
        "إجمالي الناتج المحلي (بالأسعار الجارية للدولار الأمريكي)",
        "إجمالي الناتج المحلي: مجموع الدخل المتحقق من إنتاج السلع والخدمات في اقتصاد ما خلال فترة محاسبية،"
        " بالدولار الأمريكي بالأسعار الجارية (دون تعديل لتغير الأسعار).",
        (
            "GDP",
            "gross domestic product",
            "nominal GDP",
            "GDP in current dollars",
            "size of the economy",
            "economic output",
        ),
        (
            "الناتج المحلي الإجمالي",
            "إجمالي الناتج المحلي",
            "الناتج المحلي",
            "الناتج الإجمالي",
            "الناتج المحلي الإجمالي الاسمي",
            "الناتج الداخلي الخام",
            "الناتج الداخلي الإجمالي",
            "قيمة الناتج المحلي الإجمالي",
            "حجم الاقتصاد",
            "الناتج الاقتصادي",
        ),
        *CURRENT_USD,
    ),
    "ny.gdp.mktp.kd.zg": Indicator(
        "%",
        "change",
        "نمو إجمالي الناتج المحلي (% سنويا)",
        "معدل النمو السنوي لإجمالي الناتج المحلي بالأسعار الثابتة (سنة الأساس 2015)، نسبة مئوية إلى العام السابق.",
        (
            "GDP growth",
            "GDP growth rate",
            "economic growth",
            "economic growth rate",
            "real GDP growth",
            "growth",
            "growth rate",
        ),
        (
            "النمو الاقتصادي",
            "نمو الاقتصاد",
            "معدل النمو",
            "معدل النمو الاقتصادي",
            "نمو الناتج المحلي الإجمالي",
            "نمو إجمالي الناتج المحلي",
            "نمو الناتج المحلي",
            "معدل نمو الناتج المحلي الإجمالي",
            "النمو",
            "نسبة النمو",
        ),
        *PCT_YEAR,
        change_en=("GDP", "gross domestic product", "real GDP", "the economy", "economy", "economic output", "output"),
        change_ar=(
            "الناتج المحلي الإجمالي",
            "إجمالي الناتج المحلي",
            "الناتج المحلي",
            "الناتج الإجمالي",
            "الاقتصاد",
            "اقتصاد",
            "الناتج الاقتصادي",
            "الناتج الداخلي الخام",
        ),
    ),
    "ny.gdp.pcap.cd": Indicator(
        "USD",
        "level",
        "نصيب الفرد من إجمالي الناتج المحلي (بالأسعار الجارية للدولار الأمريكي)",
        "إجمالي الناتج المحلي مقسوما على عدد السكان في منتصف العام، بالدولار الأمريكي بالأسعار الجارية.",
        (
            "GDP per capita",
            "per capita GDP",
            "GDP per head",
            "GDP per person",
            "per capita income",
            "income per person",
        ),
        (
            "نصيب الفرد من الناتج المحلي الإجمالي",
            "نصيب الفرد من إجمالي الناتج المحلي",
            "نصيب الفرد من الناتج المحلي",
            "الناتج المحلي الإجمالي للفرد",
            "دخل الفرد",
            "متوسط دخل الفرد",
            "نصيب الفرد من الدخل",
        ),
        *CURRENT_USD,
    ),
    "ny.gdp.pcap.kd.zg": Indicator(
        "%",
        "change",
        "نمو نصيب الفرد من إجمالي الناتج المحلي (% سنويا)",
        "معدل النمو السنوي لنصيب الفرد من إجمالي الناتج المحلي بالأسعار الثابتة (سنة الأساس 2015)، نسبة مئوية"
        " إلى العام السابق.",
        (
            "GDP per capita growth",
            "per capita GDP growth",
            "growth in GDP per capita",
            "per capita income growth",
            "real GDP per capita growth",
        ),
        (
            "نمو نصيب الفرد من الناتج المحلي الإجمالي الحقيقي",
            "نمو نصيب الفرد من الناتج المحلي الإجمالي",
            "نمو نصيب الفرد من إجمالي الناتج المحلي",
            "نمو الناتج المحلي الإجمالي للفرد",
            "نمو دخل الفرد",
        ),
        *PCT_YEAR,
        change_en=("GDP per capita", "per capita GDP", "GDP per head", "per capita income", "income per person"),
        change_ar=(
            "نصيب الفرد من الناتج المحلي الإجمالي",
            "نصيب الفرد من الناتج المحلي",
            "الناتج المحلي الإجمالي للفرد",
            "دخل الفرد",
            "متوسط دخل الفرد",
            "نصيب الفرد من الناتج المحلي الحقيقي",
            "نصيب الفرد من الناتج المحلي الإجمالي الحقيقي",
        ),
    ),
    "pa.nus.fcrf": Indicator(
        "dimensionless",
        "level",
        "سعر الصرف الرسمي (وحدات العملة المحلية مقابل الدولار الأمريكي، متوسط الفترة)",
        "سعر الصرف الرسمي الذي تحدده السلطات الوطنية أو سوق الصرف المرخصة قانونا: عدد وحدات العملة المحلية"
        " مقابل الدولار الأمريكي، متوسط الفترة.",
        (
            "exchange rate",
            "official exchange rate",
            "exchange rate against the dollar",
            "dollar exchange rate",
            "rate against the US dollar",
            "local currency per dollar",
        ),
        (
            "سعر الصرف",
            "سعر الصرف الرسمي",
            "سعر صرف الدولار",
            "سعر الصرف مقابل الدولار",
            "سعر العملة مقابل الدولار",
            "سعر صرف العملة المحلية",
            "قيمة العملة",
        ),
        "local currency units per US dollar (period average)",
        "وحدة عملة محلية لكل دولار أمريكي (متوسط الفترة)",
    ),
    "sh.dyn.mort": Indicator(
        "dimensionless",
        "level",
        "معدل وفيات الأطفال دون سن الخامسة (لكل 1000 مولود حي)",
        "احتمال وفاة المولود قبل بلوغه سن الخامسة، لكل 1000 مولود حي، وفق معدلات الوفيات حسب العمر في تلك السنة.",
        (
            "under-five mortality",
            "under-five mortality rate",
            "under-5 mortality",
            "under-5 mortality rate",
            "child mortality",
            "child mortality rate",
        ),
        (
            "وفيات الأطفال دون سن الخامسة",
            "معدل وفيات الأطفال دون سن الخامسة",
            "وفيات الأطفال دون الخامسة",
            "معدل وفيات الأطفال دون الخامسة",
            "وفيات الأطفال",
            "معدل وفيات الأطفال",
        ),
        "deaths per 1,000 live births",
        "وفاة لكل 1000 مولود حي",
    ),
    "sl.uem.totl.zs": Indicator(
        "%",
        "share",
        "البطالة، الإجمالي (% من إجمالي القوى العاملة) (تقديرات منظمة العمل الدولية)",
        "نسبة القوى العاملة التي لا تعمل لكنها متاحة للعمل وتبحث عنه، بحسب تقديرات منظمة العمل الدولية المنمذجة.",
        ("unemployment", "unemployment rate", "jobless rate", "joblessness", "rate of unemployment"),
        ("البطالة", "معدل البطالة", "نسبة البطالة", "معدلات البطالة", "نسبة العاطلين عن العمل"),
        "% of total labour force",
        "% من إجمالي القوى العاملة",
    ),
    "sp.dyn.le00.in": Indicator(
        "year",
        "level",
        "العمر المتوقع عند الولادة، الإجمالي (بالسنوات)",
        "عدد السنوات التي يتوقع أن يعيشها المولود لو بقيت أنماط الوفيات السائدة عند ولادته على حالها طوال حياته.",
        ("life expectancy", "life expectancy at birth", "average life expectancy", "average lifespan", "lifespan"),
        (
            "متوسط العمر المتوقع",
            "العمر المتوقع",
            "العمر المتوقع عند الولادة",
            "متوسط العمر المتوقع عند الولادة",
            "متوسط العمر",
            "متوسط الأعمار",
            "معدل الأعمار",
            "متوسط عمر الفرد",
            "أمد الحياة المتوقع",
        ),
        "years",
        "سنة",
    ),
    "sp.dyn.tfrt.in": Indicator(
        "dimensionless",
        "level",
        "معدل الخصوبة، الإجمالي (مولود لكل امرأة)",
        "عدد الأطفال الذين ستنجبهم المرأة لو عاشت حتى نهاية سنوات الإنجاب وأنجبت وفق معدلات الخصوبة حسب العمر"
        " في تلك السنة.",
        ("fertility rate", "total fertility rate", "fertility", "births per woman", "children per woman"),
        (
            "معدل الخصوبة",
            "معدل الخصوبة الإجمالي",
            "الخصوبة",
            "معدل الإنجاب",
            "عدد المواليد لكل امرأة",
            "عدد الأطفال لكل امرأة",
        ),
        "births per woman",
        "مولود لكل امرأة",
    ),
    "sp.pop.grow": Indicator(
        "%",
        "change",
        "النمو السكاني (% سنويا)",
        "معدل النمو السنوي (الأسي) لعدد السكان في منتصف العام من السنة السابقة إلى السنة المعنية، نسبة مئوية.",
        ("population growth", "population growth rate", "growth of the population"),
        ("النمو السكاني", "معدل النمو السكاني", "نمو السكان", "الزيادة السكانية", "معدل الزيادة السكانية"),
        *PCT_YEAR,
        change_en=("population", "the population", "total population", "number of inhabitants"),
        change_ar=("عدد السكان", "السكان", "تعداد السكان", "إجمالي السكان", "عدد سكان"),
    ),
    "sp.pop.totl": Indicator(
        "person",
        "level",
        "السكان، الإجمالي",
        "إجمالي عدد السكان في منتصف العام، ويشمل جميع المقيمين بصرف النظر عن وضعهم القانوني أو جنسيتهم.",
        ("population", "total population", "inhabitants", "number of inhabitants", "population size"),
        ("عدد السكان", "السكان", "تعداد السكان", "إجمالي السكان", "عدد سكان", "سكان"),
        "people",
        "نسمة",
    ),
    "sp.urb.totl.in.zs": Indicator(
        "%",
        "share",
        "سكان الحضر (% من إجمالي السكان)",
        "نسبة السكان المقيمين في المناطق الحضرية كما تعرفها مكاتب الإحصاء الوطنية إلى إجمالي السكان.",
        (
            "urban population",
            "urbanization",
            "urbanisation",
            "urbanization rate",
            "urbanisation rate",
            "share of the urban population",
        ),
        ("سكان الحضر", "سكان المدن", "نسبة سكان الحضر", "نسبة سكان المدن", "التحضر", "معدل التحضر"),
        "% of total population",
        "% من إجمالي السكان",
    ),
    "tm.val.mrch.cd.wt": Indicator(
        "USD",
        "level",
        "الواردات السلعية (بالأسعار الجارية للدولار الأمريكي)",
        "الواردات السلعية: السلع التي تنتقل ملكيتها الاقتصادية من غير مقيم إلى مقيم، بالدولار الأمريكي بالأسعار"
        " الجارية.",
        (
            "merchandise imports",
            "goods imports",
            "imports of goods",
            "commodity imports",
            "imports",
            "total imports",
            "import bill",
        ),
        (
            "الواردات السلعية",
            "واردات السلع",
            "الواردات",
            "إجمالي الواردات",
            "قيمة الواردات",
            "واردات البضائع",
            "حجم الواردات",
            "فاتورة الواردات",
        ),
        *CURRENT_USD,
    ),
    "tx.val.mrch.cd.wt": Indicator(
        "USD",
        "level",
        "الصادرات السلعية (بالأسعار الجارية للدولار الأمريكي)",
        "الصادرات السلعية: السلع التي تنتقل ملكيتها الاقتصادية من مقيم إلى غير مقيم، بالدولار الأمريكي بالأسعار"
        " الجارية.",
        ("merchandise exports", "goods exports", "exports of goods", "commodity exports", "exports", "total exports"),
        (
            "الصادرات السلعية",
            "صادرات السلع",
            "الصادرات",
            "إجمالي الصادرات",
            "قيمة الصادرات",
            "صادرات البضائع",
            "حجم الصادرات",
        ),
        *CURRENT_USD,
    ),
}

WDI_NOTE_EN = (
    " Data: World Bank, World Development Indicators (CC BY 4.0), copied from the public"
    f" datasets/world-development-indicators repository at commit {WDI_COMMIT} on 2026-07-01. entity is the World"
    " Bank country code: ISO 3166-1 alpha-3, or a World Bank aggregate such as WLD (world) or ARB (Arab World)."
    " Years with no value are omitted."
)
WDI_NOTE_AR = (
    " المصدر: البنك الدولي، مؤشرات التنمية العالمية (رخصة CC BY 4.0)، منسوخة من المستودع العام"
    f" datasets/world-development-indicators عند الإيداع {WDI_COMMIT} بتاريخ 2026-07-01. العمود entity هو رمز"
    " البلد لدى البنك الدولي: رمز ISO 3166-1 الثلاثي، أو رمز مجموعة من مجموعات البنك الدولي مثل WLD (العالم)"
    " وARB (العالم العربي). حذفت السنوات التي لا قيمة لها."
)


def build_wdi(src: Path, codes: Codes, dropped: Dropped, invalid: set[str]) -> list[Dataset]:
    base = src / "world-bank-wdi"
    found = sorted(p.name for p in base.iterdir() if p.is_dir())
    if found != sorted(WDI):
        raise BuildError(f"world-bank-wdi: indicators {found} != {sorted(WDI)}")
    out = []
    for indicator in found:
        spec = WDI[indicator]
        package = json.loads((base / indicator / "datapackage.json").read_text(encoding="utf-8"))
        title = package["title"]
        readme = " ".join(package["readme"].split())
        licences = [x["name"] for x in package.get("licenses", [])]
        if licences != ["CC-BY-4.0"]:
            raise BuildError(f"{indicator}: licence {licences}")
        ds_id = "wb_" + indicator.replace(".", "_")
        source = {
            "publisher": "World Bank",
            "title": f"World Development Indicators: {title}",
            "url": f"https://data.worldbank.org/indicator/{indicator.upper()}",
            "date": SNAPSHOT.isoformat(),
            "licence": "CC BY 4.0",
        }
        rows = []
        empty = 0
        for i, r in enumerate(read_csv(base / indicator / "data.csv"), start=2):
            if r["Value"].strip() == "":
                empty += 1
                continue
            code = r["Country Code"].strip()
            if not codes.valid(code):
                invalid.add(f"{code} ({r['Country Name']})")
                continue
            rows.append(
                {
                    "entity": code,
                    "year": r["Year"].strip(),
                    "value": decimal_text(r["Value"], f"{indicator}/data.csv line {i}"),
                    "source": "wdi",
                }
            )
        if empty:
            dropped.append(f"{ds_id}: {empty} rows with an empty Value")
        label = {"en": spec.label_en, "ar": spec.label_ar}
        out.append(
            Dataset(
                id=ds_id,
                title={"en": title, "ar": spec.title_ar},
                description={"en": readme + WDI_NOTE_EN, "ar": spec.description_ar + WDI_NOTE_AR},
                publisher="World Bank",
                licence="CC BY 4.0 (attribute: World Bank, World Development Indicators)",
                unit=spec.unit,
                unit_label=label,
                measure=spec.measure,
                aliases={"en": list(spec.aliases_en), "ar": list(spec.aliases_ar)},
                change_aliases={"en": list(spec.change_en), "ar": list(spec.change_ar)} if spec.change_en else {},
                other_definition=(
                    {"en": spec.other_definition[0], "ar": spec.other_definition[1]} if spec.other_definition else {}
                ),
                columns={"entity": "entity", "year": "year", "value": "value", "source": "source"},
                rows=rows,
                sources={"wdi": source},
                urls=[source["url"]],
                as_of=SNAPSHOT,
                gzip=True,
            )
        )
    return out


# --------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="?", type=Path, default=DEFAULT_SOURCES, help="the shared reference-sources")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write (default reference_data/)")
    args = parser.parse_args(argv)
    src: Path = args.sources
    if not (src / "README.md").is_file():
        print(f"error: {src} is not the reference-sources folder (no README.md)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    codes = Codes()
    listed = readme_sources(src)
    dropped: Dropped = []
    invalid: set[str] = set()
    try:
        datasets = [
            build_trade(src, listed, codes, dropped),
            build_trade_ytd(src, dropped),
            *build_gas(src, listed, codes, dropped),
            build_power_of_siberia(src, listed, codes, dropped),
            build_joint_sea(src, listed, codes, dropped),
            *build_wdi(src, codes, dropped, invalid),
        ]
        ids = [d.id for d in datasets]
        if len(set(ids)) != len(ids):
            raise BuildError(f"duplicate dataset ids: {ids}")
        for d in datasets:
            d.sort_rows()
            d.check(codes)
        for d in datasets:
            d.write(args.out)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1

    for d in datasets:
        print(f"{d.id:28} {len(d.rows):6} rows  {d.unit:24} {d.measure}")
    for line in dropped:
        print(f"dropped: {line}")
    for code in sorted(invalid):
        print(f"dropped: unknown entity code {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
