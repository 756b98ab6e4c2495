"""The catalogue of reference datasets: what each table measures, in which unit, from whom.

Each dataset is a catalogue entry ``<id>.toml`` beside its data file (see
``reference_data/README.md`` for the format).  :func:`load_catalogue` reads every entry of one or
more directories and checks its structure; the rows themselves are checked when they are loaded
into DuckDB (:mod:`factcheck.reference.store`).

Every key is checked against its declared type (a text, a list of texts, a table of lists of
texts, a date ...) by ``_Entry`` before it is used, so a value of the wrong type is a
:class:`~factcheck.errors.ReferenceDataError` that names the file, the key's line, what was
expected and what was found (never an ``AttributeError``, never a text split into letters).
Files are opened through :func:`open_regular`: a symlink loop, a file or folder that cannot be
read, or a FIFO (which would block) is a ``ReferenceDataError`` naming the path.

>>> from factcheck.reference.catalogue import load_catalogue, default_reference_dirs
>>> cat = load_catalogue(default_reference_dirs())
>>> cat["ru_cn_trade"].unit
'USD'
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import errno
import os
import re
import stat
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from factcheck.errors import ReferenceDataError

__all__ = [
    "RESERVED_IDS",
    "RESERVED_PREFIXES",
    "ROLES",
    "Catalogue",
    "Dataset",
    "Source",
    "catalogue_files",
    "default_reference_dirs",
    "load_catalogue",
    "open_regular",
    "parse_entry",
    "read_regular",
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
    "other_definition",
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
    # how the date is known when the page does not show it ("estimated: ...")
    date_note: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {
            "key": self.key,
            "publisher": self.publisher,
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "licence": self.licence,
        }
        if self.date_note:
            out["date_note"] = self.date_note
        return out

    def dated(self) -> str:
        """The date as shown to people, with how it is known when the page does not say."""
        return f"{self.date} ({self.date_note})" if self.date_note else self.date


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
    # another definition of the same measure that writers quote under the same name, as the table
    # does not hold it ("inflation" as the rate over the twelve months to December, where the table
    # has the yearly average): a figure that disagrees may be of that one, so it is no contradiction
    other_definition: dict[str, str] = field(default_factory=dict)

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


def _line_at(raw: str, keys: tuple[str, ...]) -> int | None:
    """The line of the key at ``keys`` (``("aliases", "en")``): each key is looked for after the
    one before it, as a bare or quoted key followed by ``=``, ``.`` or ``]``.  The line of the
    deepest key found (None when not even the first is)."""
    return _position_at(raw, keys)[0]


def _position_at(raw: str, keys: tuple[str, ...]) -> tuple[int | None, int | None]:
    """(line, column) of the key at ``keys``, both 1-based, found as :func:`_line_at` says."""
    pos, line, col = 0, None, None
    for key in keys:
        k = re.escape(key)
        found = re.compile(rf"(?<![\w\"'-])(?:{k}|\"{k}\"|'{k}')(?=[ \t]*[=.\]])").search(raw, pos)
        if found is None:
            break
        pos = found.end()
        line = raw.count("\n", 0, found.start()) + 1
        col = found.start() - (raw.rfind("\n", 0, found.start()) + 1) + 1
    return line, col


def _kind(value: Any) -> str:
    """How a TOML value of the wrong type is named in a message."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date" if isinstance(value, dt.date | dt.time) else type(value).__name__


class _Entry:
    """One catalogue entry being checked: its file and text, to name the line of a bad key."""

    def __init__(self, raw: str, path: Path) -> None:
        self.raw = raw
        self.shown = str(path)

    def error(self, problem: str, keys: tuple[str, ...] = (), **extra: Any) -> ReferenceDataError:
        line, col = _position_at(self.raw, keys) if keys else (None, None)
        return ReferenceDataError(problem, self.shown, line, col=col, **extra)

    def wrong(self, keys: tuple[str, ...], expected: str, value: Any) -> ReferenceDataError:
        """A value of the wrong type: names the key (dotted), what it must be and what it is."""
        return self.error(
            f"{'.'.join(keys)} must be {expected}", keys, expected=expected, actual=f"{_kind(value)}: {value!r}"[:200]
        )

    # the types a catalogue key may have, each checked before the value is used

    def text(self, value: Any, keys: tuple[str, ...], empty: bool = False) -> str:
        if not isinstance(value, str) or not (empty or value.strip()):
            raise self.wrong(keys, "a text" if empty else "a non-empty text", value)
        return value

    def texts(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        """A list of non-empty texts (a single text is refused, not split into letters)."""
        if not isinstance(value, list):
            raise self.wrong(keys, 'a list of texts such as ["GDP", "output"]', value)
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.wrong(keys, "a list of non-empty texts", item)
        return tuple(value)

    def table(self, value: Any, keys: tuple[str, ...], example: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong(keys, f"a table such as {example}", value)
        return value

    def lang_texts(self, value: Any, keys: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """A table of language code -> list of texts: ``{ en = ["..."], ar = ["..."] }``."""
        table = self.table(value, keys, '{ en = ["..."], ar = ["..."] }')
        out: dict[str, tuple[str, ...]] = {}
        for lang, words in table.items():
            if not _LANG.fullmatch(lang):
                raise self.error(f"{lang!r} in {'.'.join(keys)} is not a language code such as en or ar", keys)
            out[lang] = self.texts(words, (*keys, lang))
        return out

    def date(self, value: Any, keys: tuple[str, ...]) -> dt.date:
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise self.wrong(keys, "a date such as 2026-07-01", value)
        if not _YEARS[0] <= value.year <= _YEARS[1]:
            raise self.wrong(keys, f"a date in the years {_YEARS[0]} to {_YEARS[1]}", value)
        return value

    def pair(self, value: Any, keys: tuple[str, ...]) -> dict[str, str]:
        """An English text and its translations: ``{ en = "...", ar = "..." }``."""
        table = self.table(value, keys, '{ en = "...", ar = "..." }')
        if "en" not in table:
            raise self.error(f'{".".join(keys)} needs an English text: {keys[-1]} = {{ en = "...", ar = "..." }}', keys)
        out = {}
        for lang, text in table.items():
            if not _LANG.fullmatch(lang):
                raise self.error(f"{lang!r} in {'.'.join(keys)} is not a language code such as en or ar", keys)
            out[lang] = self.text(text, (*keys, lang), empty=lang != "en")
        return out


_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_YEARS = (1000, 3000)  # a year outside these is a typo, not history or a forecast
_SOURCE_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
# Names the database uses itself.  The loader's own tables start with "_", which an id cannot;
# these names of DuckDB's databases and schemas, and its system views (duckdb_tables, sqlite_master,
# pg_class, pragma_database_list ...), which a table of the same name would hide from DuckDB's own
# queries, are refused too.  SQL keywords are fine: every table name is quoted.
RESERVED_IDS = frozenset({"main", "temp", "system", "memory", "information_schema", "pg_catalog"})
RESERVED_PREFIXES = ("duckdb_", "sqlite_", "pg_", "pragma_")


def parse_entry(raw: str, path: Path) -> Dataset:
    """Check one catalogue entry (its text) and return the dataset it describes.

    Every key is checked against its type before it is used; an error names the file and the
    line of the key, what was expected and what was found."""
    shown = str(path)
    entry = _Entry(raw, path)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"at line (\d+), column (\d+)", str(exc))
        line, col = (int(found.group(1)), int(found.group(2))) if found else (None, None)
        raise ReferenceDataError(f"malformed TOML: {exc}", shown, line, col=col) from exc
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
    if dataset_id in RESERVED_IDS or dataset_id.startswith(RESERVED_PREFIXES):
        raise entry.error(
            f"the id {dataset_id!r} is a name the database uses itself; choose another",
            ("id",),
            expected=f"an id other than {', '.join(sorted(RESERVED_IDS))} or one starting with "
            + ", ".join(RESERVED_PREFIXES),
            actual=dataset_id,
        )
    if path.stem != dataset_id:
        raise ReferenceDataError(f"the file must be named {dataset_id}.toml", shown, _line_of(raw, "id"))
    measure = entry.text(data.get("measure", "level"), ("measure",))
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
        if not isinstance(role, str):
            raise entry.wrong(("columns", name), f"a role ({', '.join(ROLES)})", role)
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
            raise entry.wrong(("sources", key), "a table [sources.<key>] with publisher, title, url and date", src)
        unknown_fields = sorted(set(src) - {"publisher", "title", "url", "date", "date_note", "licence"})
        if unknown_fields:
            raise entry.error(
                f"unknown key {unknown_fields[0]!r} in source {key!r}"
                " (valid: date, date_note, licence, publisher, title, url)",
                ("sources", key, unknown_fields[0]),
            )
        for field_name in ("publisher", "title", "url", "date"):
            if field_name not in src:
                raise ReferenceDataError(f"source {key!r} has no {field_name}", shown, _line_of(raw, f"sources.{key}"))
            entry.text(src[field_name], ("sources", key, field_name))
        _source_date(entry, src["date"], ("sources", key, "date"))
        licence = entry.text(src["licence"], ("sources", key, "licence")) if "licence" in src else None
        date_note = entry.text(src["date_note"], ("sources", key, "date_note")) if "date_note" in src else None
        sources[key] = Source(key, src["publisher"], src["title"], src["url"], src["date"], licence, date_note)
    categories: dict[str, tuple[str, ...]] = {}
    for col, allowed in entry.table(data.get("categories", {}), ("categories",), 'flow = ["export", "import"]').items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[categories] names {col!r}, which is no category column", shown, _line_of(raw, col), column=col
            )
        categories[col] = entry.texts(allowed, ("categories", col))
    category_aliases: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    example = 'export = { en = ["exports"] }'
    for col, values in entry.table(data.get("category_aliases", {}), ("category_aliases",), example).items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[category_aliases.{col}] names no category column",
                shown,
                _line_of(raw, f"category_aliases.{col}"),
                column=col,
            )
        values = entry.table(values, ("category_aliases", col), example)
        category_aliases[col] = {
            v: entry.lang_texts(langs, ("category_aliases", col, v)) for v, langs in values.items()
        }
    category_defaults: dict[str, str] = {}
    for col, value in entry.table(data.get("category_defaults", {}), ("category_defaults",), 'flow = "total"').items():
        if columns.get(col) != "category":
            raise ReferenceDataError(
                f"[category_defaults] names {col!r}, which is no category column",
                shown,
                _line_in(raw, "category_defaults", col),
                column=col,
            )
        value = entry.text(value, ("category_defaults", col))
        if col in categories and value not in categories[col]:
            raise ReferenceDataError(
                f"[category_defaults] {col} = {value!r} is not one of its [categories]",
                shown,
                _line_in(raw, "category_defaults", col),
                column=col,
                expected=" or ".join(categories[col]),
                actual=value,
            )
        category_defaults[col] = value
    aliases = entry.lang_texts(data.get("aliases", {}), ("aliases",))
    change_aliases = entry.lang_texts(data.get("change_aliases", {}), ("change_aliases",))
    entity_aliases: dict[str, dict[str, tuple[str, ...]]] = {}
    for code, langs in entry.table(data.get("entity_aliases", {}), ("entity_aliases",), "[entity_aliases.RUS]").items():
        if not re.fullmatch(r"[A-Z]{3}", code) or not isinstance(langs, dict):
            raise ReferenceDataError(
                "[entity_aliases] maps an entity code (RUS) to { en = [...], ar = [...] }",
                shown,
                _line_at(raw, ("entity_aliases", code)),
                actual=str(code),
            )
        entity_aliases[code] = entry.lang_texts(langs, ("entity_aliases", code))
    if change_aliases and measure != "change":
        raise ReferenceDataError(
            'change_aliases name what a rate of change measures: only for measure = "change"',
            shown,
            _line_of(raw, "change_aliases"),
        )
    data_name = entry.text(data["data"], ("data",))
    data_path = _data_path(entry, path, data_name)
    unit_label = entry.table(data.get("unit_label", {}), ("unit_label",), '{ en = "...", ar = "..." }')
    return Dataset(
        id=dataset_id,
        path=path,
        data_path=data_path,
        title=entry.pair(data["title"], ("title",)),
        description=entry.pair(data["description"], ("description",)) if data.get("description") else {},
        publisher=entry.text(data["publisher"], ("publisher",)),
        licence=entry.text(data.get("licence", ""), ("licence",), empty=True),
        urls=entry.texts(data.get("urls", []), ("urls",)),
        retrieved=entry.date(data["retrieved"], ("retrieved",)),
        as_of=entry.date(data["as_of"], ("as_of",)),
        unit=entry.text(data["unit"], ("unit",)),
        unit_label={k: entry.text(v, ("unit_label", k)) for k, v in unit_label.items()},
        measure=measure,
        aliases=aliases,
        columns=dict(columns),
        categories=categories,
        category_aliases=category_aliases,
        sources=sources,
        category_defaults=category_defaults,
        change_aliases=change_aliases,
        entity_aliases=entity_aliases,
        other_definition=entry.pair(data["other_definition"], ("other_definition",))
        if data.get("other_definition")
        else {},
    )


def _source_date(entry: _Entry, value: str, keys: tuple[str, ...]) -> None:
    """A source's date is a day (2023-01-13) or, for a page without one, a month (2023-01)."""
    found = _SOURCE_DATE.fullmatch(value.strip())
    ok = found is not None and _YEARS[0] <= int(found.group(1)) <= _YEARS[1]
    if found is not None and ok:
        try:
            dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3) or 1))
        except ValueError:
            ok = False
    if not ok:
        raise entry.wrong(keys, 'a date "2023-01-13" or a month "2023-01"', value)


_GLOB = re.compile(r"[*?\[\]{}]")


def _data_path(entry: _Entry, path: Path, name: str) -> Path:
    """The data file ``name``, relative to the catalogue entry at ``path`` and inside its folder
    (``toy.csv``, ``files/toy.csv``): no wildcards, which DuckDB would expand, and an existing
    regular file."""
    parts = name.split("/")
    if name.startswith("/") or "\\" in name or ":" in name or any(p in ("", ".", "..") for p in parts):
        raise entry.error(
            "data must name a file beside the catalogue entry (or in a folder below it)",
            ("data",),
            expected="a relative path such as toy.csv",
            actual=name,
        )
    if _GLOB.search(name):
        raise entry.error(
            "data must name one file, without wildcards (* ? [ ] { })",
            ("data",),
            expected="a file name such as toy.csv",
            actual=name,
        )
    if not name.endswith((".csv", ".csv.gz", ".parquet")):
        raise entry.error("data must be a .csv, .csv.gz or .parquet file", ("data",), actual=name)
    data_path = path.parent / name
    try:
        info = data_path.stat()
        data_path = data_path.resolve(strict=True)
    except FileNotFoundError:
        raise entry.error(f"data file {name!r} not found", ("data",)) from None
    except (OSError, RuntimeError) as exc:  # a symlink loop is a RuntimeError before Python 3.13
        raise entry.error(f"data file {name!r} cannot be read: {_reason(exc)}", ("data",)) from None
    if not stat.S_ISREG(info.st_mode):
        raise entry.error(f"data file {name!r} is not a regular file", ("data",))
    try:
        folder = path.parent.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise entry.error(f"the folder of the entry cannot be read: {_reason(exc)}", ()) from None
    if folder not in data_path.parents:  # a symbolic link that leads out of the folder
        raise entry.error("data must name a file beside the catalogue entry, not a link out of its folder", ("data",))
    return data_path


def _reason(exc: BaseException) -> str:
    """Why a file could not be opened, in words (not the errno and path Python puts first)."""
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return "a symbolic link that loops back on itself"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file; a FIFO, device or folder is refused
    without blocking, and any failure is a :class:`ReferenceDataError` naming the path."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise ReferenceDataError("no such file", str(path)) from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise ReferenceDataError(f"cannot read: {_reason(exc)}", str(path)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReferenceDataError("cannot read: not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file ``path`` (see :func:`open_regular`)."""
    with open_regular(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise ReferenceDataError(f"cannot read: {_reason(exc)}", str(path)) from None


def catalogue_files(dirs: list[Path] | list[str]) -> list[Path]:
    """The catalogue entries of the directories (or single ``.toml`` files), in load order.  A
    directory that cannot be listed, a symlink loop or a missing path is an error naming it."""
    files: list[Path] = []
    for entry in dirs:
        root = Path(entry)
        try:
            info = root.stat()
        except FileNotFoundError:
            raise ReferenceDataError("no such directory or file", str(root)) from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise ReferenceDataError(f"cannot read: {_reason(exc)}", str(root)) from None
        if stat.S_ISDIR(info.st_mode):
            try:
                with os.scandir(root) as listing:
                    names = sorted(e.name for e in listing if e.name.endswith(".toml"))
            except OSError as exc:
                raise ReferenceDataError(f"cannot list the directory: {_reason(exc)}", str(root)) from None
            files.extend(root / name for name in names)
        elif stat.S_ISREG(info.st_mode):
            files.append(root)
        else:
            raise ReferenceDataError("not a directory or a regular file", str(root))
    return files


def load_catalogue(dirs: list[Path] | list[str]) -> Catalogue:
    """Every catalogue entry of the directories (or single ``.toml`` files), in order."""
    catalogue = Catalogue()
    for path in catalogue_files(dirs):
        try:
            raw = read_regular(path).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReferenceDataError(f"not UTF-8 (byte {exc.start})", str(path)) from None
        dataset = parse_entry(raw, path)
        if dataset.id in catalogue.datasets:
            first = catalogue.datasets[dataset.id].path
            raise ReferenceDataError(
                f"dataset {dataset.id!r} is already defined in {first}", str(path), _line_of(raw, "id")
            )
        catalogue.datasets[dataset.id] = dataset
    return catalogue
