"""Loading reference data into DuckDB: validated, all or nothing, cached by content.

:func:`open_store` reads the catalogue (:mod:`factcheck.reference.catalogue`), loads every data
file into a DuckDB table of the same name and checks each row.  The first problem stops the load
with a :class:`~factcheck.errors.ReferenceDataError` that names the file, the line (a header row
is line 1), the column and the problem; nothing is kept.

Tables have canonical columns whatever the data file calls them: ``entity``, ``counterpart``,
``year``, ``period`` (``FY`` when the file has none), ``value`` (DECIMAL(38,12)) and ``value_text``
(the value exactly as written), ``reported_change``, ``reported_rank``, ``status``, ``source``,
``note``, ``start_date``, ``end_date``, ``line`` (its line in the data file) and one ``c_<name>``
column per category.  ``_datasets``, ``_sources`` and ``_aliases`` describe the catalogue.  A data
file is read into its own temporary table ``_load_<id>`` (a dataset id never starts with "_", so
no id can clash with the loader's tables), exactly the file named (DuckDB would expand wildcards
in a path), and rows are checked on their typed values: a year is a whole number from 1000 to 3000
written with digits, never rounded, and the key is unique as stored.

The loaded database is cached in a file named by the SHA-256 of every catalogue entry and data
file (``$FACTCHECK_CACHE``, else ``~/.cache/factcheck``), so a second run opens it at once;
``db=PATH`` keeps the database in a file of your choosing instead.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.cache import cached, key_of, trusted_cache_dir
from factcheck.errors import ReferenceDataError
from factcheck.reference.catalogue import (
    Catalogue,
    Dataset,
    catalogue_files,
    default_reference_dirs,
    load_catalogue,
    open_regular,
    read_regular,
)

__all__ = ["LOADER_VERSION", "Store", "known_entities", "open_store", "validate"]

LOADER_VERSION = "1"
_MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_PERIOD = rf"^(FY|H[12]|Q[1-4]|{_MONTH}(-{_MONTH})?)$"  # a full year, a half, a quarter, months
_STATUS = ("confirmed", "derived", "approximate")
_YEARS = (1000, 3000)  # a whole-number year in this range; anything else is refused, never rounded
_WHOLE = "[0-9]+"  # a year or a rank: digits only (no sign, decimals, exponent or 0x)
_DECIMAL = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"  # a value: a plain decimal number


@functools.cache
def known_entities() -> frozenset[str]:
    """Every code an entity column may hold: ISO 3166-1 alpha-3 (CLDR) and the World Bank's own."""
    from babel.core import get_global

    from factcheck.entities import get_gazetteer

    codes = {k for k in get_global("territory_aliases") if len(k) == 3 and k.isalpha()}
    return frozenset(codes | set(get_gazetteer().entities))


@functools.cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _check_unit(dataset: Dataset) -> None:
    unit = dataset.unit
    if unit in ("%", "percentage_point") or unit in _currencies():
        return
    from factcheck.units import is_known_unit

    if not is_known_unit(unit):
        raise ReferenceDataError(
            f"unknown unit or currency {unit!r}: not an ISO 4217 code, a percent or a unit pint knows",
            str(dataset.path),
            expected="ISO 4217, %, percentage_point or a pint unit",
            actual=unit,
        )


def _header(path: Path) -> list[str]:
    """The header row of a CSV file (a UTF-8 byte order mark before it is skipped)."""
    import gzip  # data files are read on a cold load only
    import io

    try:
        with contextlib.ExitStack() as stack:
            binary: Any = stack.enter_context(open_regular(path))
            if path.suffix == ".gz":
                binary = stack.enter_context(gzip.open(binary))
            handle = stack.enter_context(io.TextIOWrapper(binary, encoding="utf-8-sig", newline=""))
            first = handle.readline()
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise ReferenceDataError(f"cannot read: {exc}", str(path)) from None
    import csv

    return next(csv.reader([first]), [])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Store:
    """A DuckDB connection with the reference tables loaded, and their catalogue."""

    con: Any
    catalogue: Catalogue
    content_hash: str
    path: Path | None = None
    # what later stages derive once per store (the verifier's alias index, each table's keys)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def query(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def dataset(self, dataset_id: str) -> Dataset:
        try:
            return self.catalogue[dataset_id]
        except KeyError as exc:
            raise ReferenceDataError(str(exc.args[0]), "catalogue") from None

    def close(self) -> None:
        self.con.close()


def _content_hash(catalogue: Catalogue) -> str:
    digest = hashlib.sha256(f"factcheck-reference-{LOADER_VERSION}".encode())
    for dataset in catalogue:
        for path in (dataset.path, dataset.data_path):
            digest.update(str(path.name).encode())
            with open_regular(path) as handle:  # an unreadable file or a FIFO is a ReferenceDataError
                try:
                    for block in iter(lambda h=handle: h.read(1 << 20), b""):
                        digest.update(block)
                except OSError as exc:
                    raise ReferenceDataError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    return digest.hexdigest()


def _raw_name(dataset: Dataset) -> str:
    """The temporary table a data file is read into, ``"_load_<id>"``: a dataset id never starts
    with "_", so no dataset table can have this name, and each load (on its own cursor) has its own."""
    return _quote(f"_load_{dataset.id}")


def _raw(dataset: Dataset) -> str:
    return "temp." + _raw_name(dataset)


_GLOB = frozenset("*?[]{}")


@contextlib.contextmanager
def _exact_file(path: Path) -> Iterator[str]:
    """A name DuckDB reads as exactly the file ``path``: DuckDB expands * ? [ ] { } in a path as a
    pattern, so a path with one of them (in a folder's name) is read from a private copy."""
    with open_regular(path):  # a FIFO, a folder or an unreadable file fails here, without blocking
        pass
    if not _GLOB & set(str(path)):
        yield str(path)
        return
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="factcheck-") as folder:
        copy = Path(folder) / ("data" + "".join(path.suffixes[-2:]))
        with open_regular(path) as source, open(copy, "wb") as target:
            shutil.copyfileobj(source, target)
        yield str(copy)


def _read_raw(con: Any, dataset: Dataset) -> None:
    """Load the data file as text into its temporary table (:func:`_raw`), or fail at the first bad line."""
    import duckdb

    path = dataset.data_path
    shown = str(path)
    raw, name = _raw(dataset), _raw_name(dataset)
    con.execute(f"DROP TABLE IF EXISTS {raw}")
    if path.suffix == ".parquet":
        try:
            with _exact_file(path) as exact:
                con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM read_parquet($1)", [exact])
        except (duckdb.Error, OSError) as exc:
            raise ReferenceDataError(f"cannot read Parquet: {exc}", shown) from None
        names = [r[0] for r in con.execute(f"DESCRIBE {raw}").fetchall()]
        cast = ", ".join(f"CAST({_quote(n)} AS VARCHAR) AS {_quote(n)}" for n in names)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT row_number() OVER () + 1 AS _line, {cast} FROM {raw}"
        )
        _check_header(dataset, names)
    else:
        names = _header(path)
        if not names:
            raise ReferenceDataError("the data file is empty (no header row)", shown, 1)
        if len(set(names)) != len(names):
            raise ReferenceDataError("a column name appears twice in the header", shown, 1)
        _check_header(dataset, names)
        columns = "{" + ", ".join(f"'{n.replace(chr(39), chr(39) * 2)}': 'VARCHAR'" for n in names) + "}"
        rejects_table, rejects_scan = f"_rejects_{dataset.id}", f"_rejects_scan_{dataset.id}"
        try:
            with _exact_file(path) as exact:
                con.execute(
                    f"CREATE TEMP TABLE {name} AS SELECT row_number() OVER () + 1 AS _line, * FROM read_csv($1, "
                    f"header=true, columns={columns}, delim=',', quote='\"', escape='\"', auto_detect=false, "
                    f"store_rejects=true, rejects_table={_literal(rejects_table)}, "
                    f"rejects_scan={_literal(rejects_scan)})",
                    [exact],
                )
        except (duckdb.Error, OSError) as exc:
            raise ReferenceDataError(f"cannot read CSV: {str(exc).splitlines()[0]}", shown) from None
        rejects = con.execute(
            f"SELECT line, column_name, error_message FROM temp.{_quote(rejects_table)} ORDER BY line LIMIT 1"
        ).fetchall()
        if rejects:
            line, column, message = rejects[0]
            raise ReferenceDataError(f"malformed CSV row: {message}", shown, int(line), column)


def _check_header(dataset: Dataset, names: list[str]) -> None:
    shown = str(dataset.data_path)
    for name in names:
        if name not in dataset.columns:
            raise ReferenceDataError(f"column {name!r} has no role in [columns] of {dataset.path.name}", shown, 1, name)
    for name in dataset.columns:
        if name not in names:
            raise ReferenceDataError(f"column {name!r} named in {dataset.path.name} is missing", shown, 1, name)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _literals(values: list[str] | tuple[str, ...]) -> str:
    return "(" + ", ".join(_literal(v) for v in values) + ")" if values else "(NULL)"


def _checks(dataset: Dataset) -> list[tuple[str, str, str, str]]:
    """(column, condition that marks a bad row, problem, expected) for every column, in order."""
    out: list[tuple[str, str, str, str]] = []
    for name, role in dataset.columns.items():
        q = _quote(name)
        present = f"({q} IS NOT NULL AND trim({q}) <> '')"
        if role in ("entity", "year", "value", "source", "category"):
            problem = f"empty {role}" + (" (missing citation)" if role == "source" else "")
            out.append((name, f"NOT {present}", problem, ""))
        whole = f"{present} AND NOT regexp_full_match(trim({q}), {_literal(_WHOLE)})"
        if role == "year":
            out.append((name, whole, "wrong type", "a whole-number year such as 2022"))
            low, high = _YEARS
            out.append(
                (
                    name,
                    f"{present} AND NOT coalesce(TRY_CAST(trim({q}) AS BIGINT) BETWEEN {low} AND {high}, false)",
                    "year out of range",
                    f"a year from {low} to {high}",
                )
            )
        elif role in ("value", "reported_change"):
            number = f"regexp_full_match(trim({q}), {_literal(_DECIMAL)})"
            out.append(
                (
                    name,
                    f"{present} AND (NOT {number} OR TRY_CAST(trim({q}) AS DECIMAL(38,12)) IS NULL)",
                    "wrong type",
                    "a decimal number",
                )
            )
        elif role == "reported_rank":
            out.append((name, whole, "wrong type", "a whole-number rank"))
            out.append(
                (
                    name,
                    f"{present} AND NOT coalesce(TRY_CAST(trim({q}) AS INTEGER) >= 1, false)",
                    "rank out of range",
                    "a rank of 1 or more",
                )
            )
        elif role in ("start_date", "end_date"):
            out.append((name, f"{present} AND TRY_CAST({q} AS DATE) IS NULL", "wrong type", "an ISO date"))
        elif role == "period":
            out.append(
                (
                    name,
                    f"{present} AND NOT regexp_full_match({q}, {_literal(_PERIOD)})",
                    "unknown period",
                    "FY, H1, Q3, Jan-Nov ...",
                )
            )
        elif role == "status":
            out.append(
                (
                    name,
                    f"{present} AND {q} NOT IN {_literals(_STATUS)}",
                    "a status that is not a fact (unconfirmed rows and forecasts are not shipped)",
                    "confirmed, derived or approximate",
                )
            )
        elif role == "source":
            out.append(
                (
                    name,
                    f"{present} AND {q} NOT IN {_literals(tuple(dataset.sources))}",
                    "missing citation: the source names no [sources] entry",
                    "a key of [sources]",
                )
            )
        elif role in ("entity", "counterpart"):
            out.append(
                (
                    name,
                    f"{present} AND {q} NOT IN (SELECT code FROM main._known_entities)",
                    "unknown entity code",
                    "an ISO 3166-1 alpha-3 or World Bank code",
                )
            )
        elif role == "category" and name in dataset.categories:
            allowed = dataset.categories[name]
            out.append(
                (
                    name,
                    f"{present} AND {q} NOT IN {_literals(allowed)}",
                    "value not allowed in [categories]",
                    ", ".join(allowed),
                )
            )
    return out


def _check_rows(con: Any, dataset: Dataset) -> None:
    """Every check in one pass over the rows; the problem on the earliest line is reported."""
    shown = str(dataset.data_path)
    raw = _raw(dataset)
    checks = _checks(dataset)
    firsts = con.execute(
        "SELECT " + ", ".join(f"min(CASE WHEN {cond} THEN _line END)" for _, cond, _, _ in checks) + f" FROM {raw}"
    ).fetchone()
    failing = [(line, k) for k, line in enumerate(firsts) if line is not None]
    if failing:
        line, k = min(failing)
        name, _, problem, expected = checks[k]
        found = con.execute(f"SELECT {_quote(name)} FROM {raw} WHERE _line = $1", [line]).fetchone()[0]
        if problem == "unknown entity code":
            import difflib  # only to suggest a name after an error

            close = difflib.get_close_matches(str(found), sorted(known_entities()), n=1)
            problem += f"; did you mean {close[0]}?" if close else ""
        if problem.startswith("empty"):
            raise ReferenceDataError(problem, shown, int(line), name)
        raise ReferenceDataError(problem, shown, int(line), name, expected, found)
    # the key as it is stored (the year as a number, the period and texts trimmed), so that
    # "2022", "02022" and " 2022" are the same year and a second row for it is a duplicate
    typed = dict(_typed_columns(dataset))
    key = [typed[r] for r in ("entity", "counterpart", "year", "period")]
    key += [typed[_quote("c_" + c)] for c in dataset.category_columns]
    dup = con.execute(
        f"SELECT max(_line), min(_line) FROM {raw} GROUP BY {', '.join(key)} HAVING count(*) > 1 ORDER BY 1 LIMIT 1"
    ).fetchone()
    if dup is not None:
        raise ReferenceDataError(
            f"duplicate key ({', '.join(dataset.key_columns)}): the same as line {dup[1]}", shown, int(dup[0])
        )


def _typed_select(dataset: Dataset) -> str:
    return ", ".join(f"{expr} AS {name}" for name, expr in _typed_columns(dataset))


def _typed_columns(dataset: Dataset) -> list[tuple[str, str]]:
    """(stored column, SQL expression over the raw text columns) for every column of a table."""

    def col(role: str, sql_type: str, default: str = "NULL") -> str:
        name = dataset.column(role)
        if name is None:
            return f"CAST({default} AS {sql_type})"
        q = _quote(name)
        if sql_type == "VARCHAR":
            return f"NULLIF(trim({q}), '')"
        return f"TRY_CAST(NULLIF(trim({q}), '') AS {sql_type})"

    parts = [
        ("entity", col("entity", "VARCHAR")),
        ("counterpart", col("counterpart", "VARCHAR")),
        ("year", col("year", "INTEGER")),
        ("period", f"coalesce({col('period', 'VARCHAR')}, 'FY')"),
        ("value", col("value", "DECIMAL(38,12)")),
        ("value_text", f"trim({_quote(dataset.column('value') or 'value')})"),
        ("reported_change", col("reported_change", "DECIMAL(38,12)")),
        ("reported_rank", col("reported_rank", "INTEGER")),
        ("status", f"coalesce({col('status', 'VARCHAR')}, 'confirmed')"),
        ("source", col("source", "VARCHAR")),
        ("note", col("note", "VARCHAR")),
    ]
    dates = [n for n, r in dataset.columns.items() if r in ("start_date", "end_date")]
    for role in ("start_date", "end_date"):
        name = next((n for n in dates if dataset.columns[n] == role), None)
        parts.append((role, f"TRY_CAST({_quote(name)} AS DATE)" if name else "CAST(NULL AS DATE)"))
    for name in dataset.category_columns:
        parts.append((_quote("c_" + name), f"NULLIF(trim({_quote(name)}), '')"))
    parts.append(("line", "_line"))
    return parts


def _load_dataset(cursor: Any, dataset: Dataset) -> ReferenceDataError | None:
    """Read, check and store one dataset; its error is returned (the caller raises the first)."""
    try:
        _read_raw(cursor, dataset)
        _check_rows(cursor, dataset)
        cursor.execute(
            f"CREATE TABLE main.{_quote(dataset.id)} AS SELECT {_typed_select(dataset)} FROM {_raw(dataset)}"
        )
        cursor.execute(f"DROP TABLE {_raw(dataset)}")
        return None
    except ReferenceDataError as exc:
        return exc
    finally:
        cursor.close()


def _load_into(con: Any, catalogue: Catalogue, content_hash: str) -> None:
    con.execute("CREATE TABLE _meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO _meta VALUES ('content_hash', $1), ('loader', $2)", [content_hash, LOADER_VERSION])
    con.execute(
        "CREATE TABLE _datasets (id VARCHAR, title_en VARCHAR, title_ar VARCHAR, publisher VARCHAR, unit VARCHAR, "
        "measure VARCHAR, retrieved DATE, as_of DATE, licence VARCHAR)"
    )
    con.execute(
        "CREATE TABLE _sources (dataset VARCHAR, key VARCHAR, publisher VARCHAR, title VARCHAR, url VARCHAR, "
        "date VARCHAR, licence VARCHAR)"
    )
    con.execute("CREATE TABLE _aliases (dataset VARCHAR, lang VARCHAR, alias VARCHAR)")
    con.execute("CREATE TABLE _known_entities (code VARCHAR PRIMARY KEY)")
    con.executemany("INSERT INTO _known_entities VALUES (?)", [[c] for c in sorted(known_entities())])
    datasets = list(catalogue)
    for dataset in datasets:
        _check_unit(dataset)
    from concurrent.futures import ThreadPoolExecutor  # a cold load only: a cached start skips it

    # each dataset on its own cursor (a connection to the same database), several at a time
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        outcomes = list(pool.map(lambda d: _load_dataset(con.cursor(), d), datasets))
    for error in outcomes:
        if error is not None:
            raise error
    con.execute("DROP TABLE _known_entities")
    sources: list[list[Any]] = []
    aliases: list[list[Any]] = []
    for dataset in datasets:
        con.execute(
            "INSERT INTO _datasets VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            [
                dataset.id,
                dataset.title.get("en"),
                dataset.title.get("ar"),
                dataset.publisher,
                dataset.unit,
                dataset.measure,
                dataset.retrieved,
                dataset.as_of,
                dataset.licence,
            ],
        )
        sources += [
            [dataset.id, s.key, s.publisher, s.title, s.url, s.date, s.licence] for s in dataset.sources.values()
        ]
        aliases += [[dataset.id, lang, word] for lang, words in dataset.aliases.items() for word in words]
    if sources:
        con.executemany("INSERT INTO _sources VALUES (?, ?, ?, ?, ?, ?, ?)", sources)
    if aliases:
        con.executemany("INSERT INTO _aliases VALUES (?, ?, ?)", aliases)


def _catalogue_key(dirs: list[Path] | list[str]) -> str | None:
    """A cache name for the catalogue entries of ``dirs``: loader version, dataset fields, each
    entry's path and bytes (None when an entry cannot be read: parsing will report it)."""
    parts: list[bytes | str] = [LOADER_VERSION, repr(tuple(Dataset.__dataclass_fields__))]
    try:
        for path in catalogue_files(dirs):
            parts += [str(path.resolve()), read_regular(path)]
    except (OSError, RuntimeError, ReferenceDataError):  # a symlink loop is a RuntimeError before 3.13
        return None
    return key_of("catalogue", parts)


def _cached_catalogue(dirs: list[Path] | list[str]) -> Catalogue:
    """The catalogue of ``dirs``, parsed once per content of its entries: parsing the TOML entries
    was most of a cached start.  A broken entry is still parsed, and reported, every time."""
    return cached(_catalogue_key(dirs), Catalogue, lambda: load_catalogue(dirs))


def _build_file(target: Path, catalogue: Catalogue, content_hash: str) -> None:
    """Build the database in a temporary file beside ``target`` and move it into place at the end.

    The temporary file is one of :mod:`factcheck.files` (``.factcheck-*.tmp``), so one left by a
    killed run is cleaned up by a later one.  Raises ``OSError`` or ``duckdb.Error`` when the
    directory cannot be written; the caller decides what that means.
    """
    import duckdb

    from factcheck.files import clean_stale, temp_path

    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target.parent)
    temp = temp_path(target.parent)
    try:
        con = duckdb.connect(str(temp))
        try:
            _load_into(con, catalogue, content_hash)
        finally:
            con.close()
        os.replace(temp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        with contextlib.suppress(FileNotFoundError):
            Path(str(temp) + ".wal").unlink()


_DUCKDB_MAGIC = (8, b"DUCK")  # a DuckDB file: an 8-byte checksum, then these bytes


def _stored_hash(path: Path) -> str | None:
    """The content hash recorded in the factcheck database at ``path``; None when no file is there.

    Raises :class:`~factcheck.errors.InputError` when ``path`` is not a regular file (a directory,
    FIFO or device), and :class:`~factcheck.errors.ReferenceDataError` when it is a file that is
    not a readable DuckDB database made by factcheck: another file, another database, a truncated
    or damaged one.  Nothing at ``path`` is changed.
    """
    import duckdb

    from factcheck.files import check_target, open_input

    shown = str(path)
    if not check_target(path, shown):
        return None
    refuse = "refusing to replace it (choose another path, or remove the file)"
    offset, magic = _DUCKDB_MAGIC
    with open_input(path, shown) as handle:
        head = handle.read(offset + len(magic))
    if head[offset:] != magic:
        raise ReferenceDataError(f"is not a reference database made by factcheck; {refuse}", shown)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:  # truncated or damaged ("Corrupt database file" is a bare duckdb.Error)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReferenceDataError(f"is a DuckDB database that cannot be read ({reason}); {refuse}", shown) from None
    try:
        meta = dict(con.execute("SELECT key, value FROM _meta").fetchall())
    except (duckdb.Error, ValueError, TypeError):  # no _meta table, or one of another shape
        meta = {}
    finally:
        con.close()
    if "content_hash" not in meta or "loader" not in meta:
        raise ReferenceDataError(f"is a DuckDB database that factcheck did not make (no _meta table); {refuse}", shown)
    return str(meta["content_hash"])


def open_store(dirs: list[Path] | list[str] | None = None, db: Path | str | None = None, cache: bool = True) -> Store:
    """Load (or reopen) the reference data of ``dirs`` (default: the shipped data and the user's).

    ``db=PATH`` keeps the database in that file: it is built when absent, rebuilt when it is a
    factcheck database of other data, and refused (:class:`~factcheck.errors.InputError` or
    :class:`~factcheck.errors.ReferenceDataError`, nothing changed) when PATH is empty, not a
    regular file, any other file, or cannot be written.  Without it the database is cached by
    content under :func:`~factcheck.cache.trusted_cache_dir` (none when the folder is not the
    user's own, and then the data are loaded in memory); a cached file that is truncated or damaged
    is removed and built again, and a cache that cannot be written loads in memory instead.
    """
    import duckdb

    from factcheck.errors import InputError

    if db is not None and (not str(db) or str(db).endswith(("/", os.sep))):
        raise InputError(f"the reference database must be a file name, not {str(db)!r}")
    dirs = list(dirs) if dirs else default_reference_dirs()
    catalogue = _cached_catalogue(dirs) if cache else load_catalogue(dirs)
    content_hash = _content_hash(catalogue)
    if db is not None:
        path = Path(db)
        try:
            if _stored_hash(path) != content_hash:
                _build_file(path, catalogue, content_hash)
            return Store(duckdb.connect(str(path), read_only=True), catalogue, content_hash, path)
        except OSError as exc:
            raise InputError(f"cannot write the reference database: {exc.strerror or exc}", str(path)) from None
        except duckdb.Error as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise InputError(f"cannot write the reference database: {reason}", str(path)) from None
    directory = trusted_cache_dir() if cache else None
    if directory is not None:  # a cache folder others can write to is not used (see factcheck.cache)
        path = directory / f"reference-{content_hash[:32]}.duckdb"
        try:
            stored = _stored_hash(path)
        except (InputError, ReferenceDataError):  # ours by its name: truncated or damaged, so built again
            with contextlib.suppress(OSError):
                path.unlink()
            stored = None
        try:
            if stored != content_hash:
                _build_file(path, catalogue, content_hash)
            return Store(duckdb.connect(str(path), read_only=True), catalogue, content_hash, path)
        except (OSError, duckdb.Error):
            pass  # an unwritable cache (or a directory in the way): load in memory instead
    con = duckdb.connect()
    try:
        _load_into(con, catalogue, content_hash)
    except BaseException:
        con.close()
        raise
    return Store(con, catalogue, content_hash)


def validate(dirs: list[Path] | list[str]) -> Catalogue:
    """Load ``dirs`` into a throwaway database; raise at the first problem, return the catalogue."""
    import duckdb

    catalogue = load_catalogue(list(dirs))
    con = duckdb.connect()
    try:
        _load_into(con, catalogue, "validation")
    finally:
        con.close()
    return catalogue
