"""The catalogue of reference datasets: what each table measures, in which unit, from whom.

Each dataset is a catalogue entry ``<id>.toml`` beside its data file (see
``reference_data/README.md`` for the format).  :func:`load_catalogue` reads every entry of one or
more directories and checks its structure; the rows themselves are checked when they are loaded
into DuckDB (:mod:`factcheck.reference.store`).  Errors name the file and line.

>>> from factcheck.reference.catalogue import load_catalogue, default_reference_dirs
>>> cat = load_catalogue(default_reference_dirs())
>>> cat["ru_cn_trade"].unit
'USD'
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import ReferenceDataError

__all__ = [
    "ROLES",
    "Catalogue",
    "Dataset",
    "Source",
    "default_reference_dirs",
    "load_catalogue",
    "parse_entry",
]

ROLES = (
    "entity",
    "counterpart",
    "year",
    "period",
    "category",
    "value",
    "reported_change",
    "reported_rank",
    "status",
    "source",
    "note",
    "start_date",
    "end_date",
)
_SINGLE = ("entity", "counterpart", "year", "period", "value", "reported_change", "reported_rank", "status", "source")
_REQUIRED = ("entity", "year", "value", "source")
_MEASURES = ("level", "change", "share")
_ID = re.compile(r"[a-z][a-z0-9_]{0,62}")
_COLUMN = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_KEYS = {
    "id",
    "data",
    "title",
    "description",
    "publisher",
    "licence",
    "urls",
    "retrieved",
    "as_of",
    "unit",
    "unit_label",
    "measure",
    "aliases",
    "columns",
    "categories",
    "category_aliases",
    "category_defaults",
    "change_aliases",
    "entity_aliases",
    "sources",
}


@dataclass(frozen=True, slots=True)
class Source:
    key: str
    publisher: str
    title: str
    url: str
    date: str
    licence: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "publisher": self.publisher,
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "licence": self.licence,
        }


@dataclass(frozen=True)
class Dataset:
    """One catalogue entry.  ``columns`` maps each column of the data file to its role."""

    id: str
    path: Path  # the catalogue entry
    data_path: Path
    title: dict[str, str]
    description: dict[str, str]
    publisher: str
    licence: str
    urls: tuple[str, ...]
    retrieved: dt.date
    as_of: dt.date
    unit: str
    unit_label: dict[str, str]
    measure: str
    aliases: dict[str, tuple[str, ...]]
    columns: dict[str, str]
    categories: dict[str, tuple[str, ...]]
    category_aliases: dict[str, dict[str, dict[str, tuple[str, ...]]]]
    sources: dict[str, Source]
    category_defaults: dict[str, str] = field(default_factory=dict)
    change_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    entity_aliases: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)

    def column(self, role: str) -> str | None:
        """The column with a role that occurs once (None when the dataset has none)."""
        for name, r in self.columns.items():
            if r == role:
                return name
        return None

    @property
    def category_columns(self) -> tuple[str, ...]:
        return tuple(name for name, r in self.columns.items() if r == "category")

    @property
    def key_columns(self) -> tuple[str, ...]:
        """The columns that identify a row: entity, counterpart, year, period and categories."""
        roles = ("entity", "counterpart", "year", "period")
        return tuple(c for r in roles if (c := self.column(r)) is not None) + self.category_columns


@dataclass
class Catalogue:
    datasets: dict[str, Dataset] = field(default_factory=dict)

    def __getitem__(self, dataset_id: str) -> Dataset:
        found = self.datasets.get(dataset_id)
        if found is None:
            close = difflib.get_close_matches(dataset_id, list(self.datasets), n=3, cutoff=0.4)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KeyError(f"no dataset {dataset_id!r}{hint}")
        return found

    def __contains__(self, dataset_id: object) -> bool:
        return dataset_id in self.datasets

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self.datasets.values(), key=lambda d: d.id))

    def __len__(self) -> int:
        return len(self.datasets)


def default_reference_dirs() -> list[Path]:
    """The shipped data, then the user's directory (``$FACTCHECK_REFERENCE_DIR``) if set."""
    dirs = []
    shipped = os.environ.get("FACTCHECK_SHIPPED_DATA")
    if shipped:
        dirs.append(Path(shipped))
    else:
        here = Path(__file__).resolve().parents[2] / "reference_data"
        installed = Path(sys.prefix) / "share" / "factcheck" / "reference_data"
        dirs.append(here if here.is_dir() else installed)
    user = os.environ.get("FACTCHECK_REFERENCE_DIR")
    if user:
        dirs.extend(Path(p) for p in user.split(os.pathsep) if p)
    return dirs


def _line_of(raw: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(\[{re.escape(key)}\]|{re.escape(key)}\s*=)", re.M)
    found = pattern.search(raw)
    return raw.count("\n", 0, found.start()) + 1 if found else None


def _line_in(raw: str, section: str, key: str) -> int | None:
    """The line of ``key = ...`` inside the table ``[section]``."""
    head = re.search(rf"^\s*\[{re.escape(section)}\]\s*$", raw, re.M)
    if head is None:
        return None
    found = re.compile(rf"^\s*{re.escape(key)}\s*=", re.M).search(raw, head.end())
    return raw.count("\n", 0, found.start()) + 1 if found else _line_of(raw, section)


def _text_pair(value: Any, what: str, shown: str, raw: str, key: str) -> dict[str, str]:
    if not isinstance(value, dict) or not isinstance(value.get("en"), str) or not value.get("en"):
        raise ReferenceDataError(
            f'{what} needs an English text: {key} = {{ en = "...", ar = "..." }}', shown, _line_of(raw, key)
        )
    return {k: str(v) for k, v in value.items() if isinstance(v, str)}


def _date(value: Any, shown: str, raw: str, key: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ReferenceDataError(
        f"{key} must be a date such as 2026-07-01", shown, _line_of(raw, key), expected="a date", actual=str(value)
    )


def parse_entry(raw: str, path: Path) -> Dataset:
    """Check one catalogue entry (its text) and return the dataset it describes."""
    shown = str(path)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+)", str(exc))
        raise ReferenceDataError(f"malformed TOML: {exc}", shown, int(found.group(1)) if found else None) from exc
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ReferenceDataError(
            f"unknown key {unknown[0]!r} (valid: {', '.join(sorted(_KEYS))})", shown, _line_of(raw, unknown[0])
        )
    for key in ("id", "data", "publisher", "unit", "columns", "sources", "title", "retrieved", "as_of"):
        if key not in data:
            raise ReferenceDataError(f"missing {key!r}", shown)
    dataset_id = data["id"]
    if not isinstance(dataset_id, str) or not _ID.fullmatch(dataset_id):
        raise ReferenceDataError(
            "id must be lower-case letters, digits and _ (a-z first)",
            shown,
            _line_of(raw, "id"),
            expected="[a-z][a-z0-9_]*",
            actual=str(dataset_id),
        )
    if path.stem != dataset_id:
        raise ReferenceDataError(f"the file must be named {dataset_id}.toml", shown, _line_of(raw, "id"))
    measure = data.get("measure", "level")
    if measure not in _MEASURES:
        raise ReferenceDataError(
            f"measure must be one of {', '.join(_MEASURES)}", shown, _line_of(raw, "measure"), actual=str(measure)
        )
    columns = data["columns"]
    if not isinstance(columns, dict) or not columns:
        raise ReferenceDataError(
            "[columns] must give each column of the data file its role", shown, _line_of(raw, "columns")
        )
    for name, role in columns.items():
        if not _COLUMN.fullmatch(name):
            raise ReferenceDataError("a column name is letters, digits and _", shown, _line_of(raw, name), column=name)
        if role not in ROLES:
            raise ReferenceDataError(
                f"unknown role {role!r} (valid: {', '.join(ROLES)})", shown, _line_of(raw, name), column=name
            )
    for role in _SINGLE:
        if list(columns.values()).count(role) > 1:
            raise ReferenceDataError(f"more than one column has the role {role!r}", shown, _line_of(raw, "columns"))
    for role in _REQUIRED:
        if role not in columns.values():
            raise ReferenceDataError(f"no column has the role {role!r}", shown, _line_of(raw, "columns"))
    sources: dict[str, Source] = {}
    raw_sources = data["sources"]
    if not isinstance(raw_sources, dict) or not raw_sources:
        raise ReferenceDataError("a dataset needs at least one [sources.<key>] citation", shown)
    for key, src in raw_sources.items():
        if not isinstance(src, dict):
            raise ReferenceDataError("a source is a table", shown, _line_of(raw, f"sources.{key}"))
        for field_name in ("publisher", "title", "url", "date"):
            if not isinstance(src.get(field_name), str) or not src[field_name].strip():
                raise ReferenceDataError(f"source {key!r} has no {field_name}", shown, _line_of(raw, f"sources.{key}"))
        sources[key] = Source(key, src["publisher"], src["title"], src["url"], src["date"], src.get("licence"))
    categories: dict[str, tuple[str, ...]] = {}
    for col, allowed in data.get("categories", {}).items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[categories] names {col!r}, which is no category column", shown, _line_of(raw, col), column=col
            )
        categories[col] = tuple(str(v) for v in allowed)
    category_aliases: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for col, values in data.get("category_aliases", {}).items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[category_aliases.{col}] names no category column",
                shown,
                _line_of(raw, f"category_aliases.{col}"),
                column=col,
            )
        category_aliases[col] = {
            str(v): {lang: tuple(words) for lang, words in langs.items()} for v, langs in values.items()
        }
    category_defaults: dict[str, str] = {}
    for col, value in data.get("category_defaults", {}).items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[category_defaults] names {col!r}, which is no category column",
                shown,
                _line_in(raw, "category_defaults", col),
                column=col,
            )
        if col in categories and str(value) not in categories[col]:
            raise ReferenceDataError(
                f"[category_defaults] {col} = {value!r} is not one of its [categories]",
                shown,
                _line_in(raw, "category_defaults", col),
                column=col,
                expected=" or ".join(categories[col]),
                actual=str(value),
            )
        category_defaults[col] = str(value)
    aliases = {lang: tuple(str(w) for w in words) for lang, words in data.get("aliases", {}).items()}
    change_aliases = {lang: tuple(str(w) for w in words) for lang, words in data.get("change_aliases", {}).items()}
    entity_aliases: dict[str, dict[str, tuple[str, ...]]] = {}
    for code, langs in data.get("entity_aliases", {}).items():
        if not re.fullmatch(r"[A-Z]{3}", code) or not isinstance(langs, dict):
            raise ReferenceDataError(
                "[entity_aliases] maps an entity code (RUS) to { en = [...], ar = [...] }",
                shown,
                _line_of(raw, "entity_aliases"),
                actual=str(code),
            )
        entity_aliases[code] = {lang: tuple(str(w) for w in words) for lang, words in langs.items()}
    if change_aliases and measure != "change":
        raise ReferenceDataError(
            'change_aliases name what a rate of change measures: only for measure = "change"',
            shown,
            _line_of(raw, "change_aliases"),
        )
    data_path = (path.parent / str(data["data"])).resolve()
    if path.parent.resolve() not in data_path.parents:
        raise ReferenceDataError("data must name a file beside the catalogue entry", shown, _line_of(raw, "data"))
    if data_path.suffix not in (".csv", ".gz", ".parquet"):
        raise ReferenceDataError("data must be a .csv, .csv.gz or .parquet file", shown, _line_of(raw, "data"))
    if not data_path.is_file():
        raise ReferenceDataError(f"data file {data['data']!r} not found", shown, _line_of(raw, "data"))
    return Dataset(
        id=dataset_id,
        path=path,
        data_path=data_path,
        title=_text_pair(data["title"], "title", shown, raw, "title"),
        description=_text_pair(data.get("description", {"en": ""}), "description", shown, raw, "description")
        if data.get("description")
        else {},
        publisher=str(data["publisher"]),
        licence=str(data.get("licence", "")),
        urls=tuple(str(u) for u in data.get("urls", [])),
        retrieved=_date(data["retrieved"], shown, raw, "retrieved"),
        as_of=_date(data["as_of"], shown, raw, "as_of"),
        unit=str(data["unit"]),
        unit_label={k: str(v) for k, v in data.get("unit_label", {}).items()},
        measure=measure,
        aliases=aliases,
        columns=dict(columns),
        categories=categories,
        category_aliases=category_aliases,
        sources=sources,
        category_defaults=category_defaults,
        change_aliases=change_aliases,
        entity_aliases=entity_aliases,
    )


def catalogue_files(dirs: list[Path] | list[str]) -> list[Path]:
    """The catalogue entries of the directories (or single ``.toml`` files), in load order."""
    files: list[Path] = []
    for entry in dirs:
        root = Path(entry)
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(sorted(root.glob("*.toml")))
        else:
            raise ReferenceDataError("no such directory or file", str(root))
    return files


def load_catalogue(dirs: list[Path] | list[str]) -> Catalogue:
    """Every catalogue entry of the directories (or single ``.toml`` files), in order."""
    catalogue = Catalogue()
    for path in catalogue_files(dirs):
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ReferenceDataError(f"cannot read: {exc}", str(path)) from exc
        dataset = parse_entry(raw, path)
        if dataset.id in catalogue.datasets:
            first = catalogue.datasets[dataset.id].path
            raise ReferenceDataError(
                f"dataset {dataset.id!r} is already defined in {first}", str(path), _line_of(raw, "id")
            )
        catalogue.datasets[dataset.id] = dataset
    return catalogue
