"""Reference data files (C3, H7, H8, H10, M8, M9, M10, L5, M16): the loader reads exactly the
files it is given, checks rows on their typed values, and any file it cannot read (a symlink loop,
no permission, a FIFO) is a ReferenceDataError naming the path, never a crash or a hang, in the
API and in the CLI."""

from __future__ import annotations

import csv
import gzip
import io
import os
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.errors import ReferenceDataError
from factcheck.reference import query as q
from factcheck.reference.store import open_store, validate

ENTRY = """id = "toy"
data = "toy.csv"
title = { en = "Toy exports" }
publisher = "Test"
licence = "CC0"
retrieved = 2024-01-01
as_of = 2023-12-31
unit = "USD"
measure = "level"

[columns]
country = "entity"
year = "year"
value = "value"
source = "source"

[sources.s1]
publisher = "A publisher"
title = "A title"
url = "https://example.org/a"
date = "2023-01-15"
"""

HEADER = "country,year,value,source\n"
ROWS = HEADER + "RUS,2021,100,s1\nRUS,2022,125,s1\nCHN,2022,300,s1\n"
ARTICLE = "Trade between China and Russia reached $240.1 billion in 2023.\n"


def make(folder: Path, rows: str = ROWS, entry: str = ENTRY, dataset_id: str = "toy") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    entry = entry.replace('id = "toy"', f'id = "{dataset_id}"').replace('"toy.csv"', f'"{dataset_id}.csv"')
    (folder / f"{dataset_id}.toml").write_text(entry, encoding="utf-8")
    data = folder / f"{dataset_id}.csv"
    if not data.is_symlink():
        data.write_text(rows, encoding="utf-8")
    return folder


def cli(*args: str) -> tuple[int, str]:
    """Run the CLI; it must end with an exit status, never an uncaught exception."""
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout + result.stderr


def refused_everywhere(folder: Path, tmp_path: Path, *words: str) -> None:
    """``folder`` is refused by validate() and open_store() with ``words`` in the message, and by
    ``ref validate``, ``ref list`` and ``check`` with exit status 2 and the same words."""
    for load in (validate, lambda d: open_store(d, cache=False), open_store):
        with pytest.raises(ReferenceDataError) as caught:
            load([folder])
        for word in words:
            assert word in str(caught.value)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for args in (
        ("ref", "validate", str(folder)),
        ("ref", "--reference-dir", str(folder), "list"),
        ("check", "--reference-dir", str(folder), "--out", str(tmp_path / "out"), str(article)),
    ):
        code, out = cli(*args)
        assert code == 2, (args, out)
        for word in words:
            assert word in out, (args, out)


def loads_everywhere(folder: Path) -> None:
    validate([folder])
    code, out = cli("ref", "validate", str(folder))
    assert code == 0, out
    code, out = cli("ref", "--reference-dir", str(folder), "list")
    assert code == 0, out


# C3 -- duplicate keys are found on typed values; a year is a whole number in range, never rounded


@pytest.mark.parametrize(
    ("year", "line", "words"),
    [
        ("2022.0", 3, "wrong type"),
        ("2021.7", 3, "wrong type"),
        ("-2022", 3, "wrong type"),
        ("2e3", 3, "wrong type"),
        ("0x7E6", 3, "wrong type"),
        ("2_022", 3, "wrong type"),
        ("999", 3, "year out of range"),
        ("99999999999999999999999", 3, "year out of range"),
        ("02022", 4, "duplicate key"),
        (" 2022", 4, "duplicate key"),
    ],
)
def test_c3_duplicate_keys_are_checked_on_typed_years(tmp_path: Path, year: str, line: int, words: str) -> None:
    rows = HEADER + f"RUS,2021,100,s1\nCHN,{year},300,s1\nCHN,2022,301,s1\n"
    folder = make(tmp_path / "data", rows)
    with pytest.raises(ReferenceDataError) as caught:
        validate([folder])
    assert caught.value.line == line and words in str(caught.value), str(caught.value)
    assert Path(caught.value.path).name == "toy.csv"
    code, out = cli("ref", "validate", str(folder))
    assert code == 2 and words in out and f"toy.csv:{line}" in out


def test_c3_a_share_claim_reads_the_one_row_of_its_year(tmp_path: Path) -> None:
    # before the fix "2022.0" beside "2022" loaded as two rows of 2022 and the share read the wrong one
    folder = make(tmp_path / "data", HEADER + "RUS,2022,125,s1\nRUS,2022.0,999,s1\nWLD,2022,500,s1\n")
    with pytest.raises(ReferenceDataError, match="wrong type"):
        open_store([folder], cache=False)
    store = open_store([make(tmp_path / "ok", HEADER + "RUS,2022,125,s1\nWLD,2022,500,s1\n")], cache=False)
    assert q.share(store, "toy", "RUS", "entity", year=2022).value == 25
    store.close()


@settings(max_examples=15)  # each example loads a database
@given(st.text(max_size=12))
def test_c3_a_year_cell_is_refused_or_stored_as_its_exact_whole_number(cell: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([["country", "year", "value", "source"], ["RUS", cell, 1, "s1"]])
        data = make(Path(folder), out.getvalue())
        try:
            store = open_store([data], cache=False)
        except ReferenceDataError:
            return
        try:
            (year,) = store.con.execute('SELECT year FROM "toy"').fetchone()
        finally:
            store.close()
    assert cell.strip().isascii() and cell.strip().isdigit(), cell
    assert year == int(cell.strip()) and 1000 <= year <= 3000


# M8 -- fractional and negative years, and ranks, are refused in data files


@pytest.mark.parametrize("rank", ["1.5", "-1", "0", "1e0"])
def test_m8_fractional_negative_and_zero_ranks_are_refused(tmp_path: Path, rank: str) -> None:
    entry = ENTRY.replace('source = "source"', 'source = "source"\nrank = "reported_rank"')
    folder = make(tmp_path / "data", "country,year,value,source,rank\nRUS,2022,1,s1," + rank + "\n", entry)
    with pytest.raises(ReferenceDataError) as caught:
        validate([folder])
    assert caught.value.line == 2 and caught.value.column == "rank"


def test_m8_fractional_and_negative_years_are_refused(tmp_path: Path) -> None:
    folder = make(tmp_path / "data", HEADER + "RUS,2022.5,1,s1\n")
    refused_everywhere(folder, tmp_path, "toy.csv:2", "year")
    with pytest.raises(ReferenceDataError, match="year"):
        validate([make(tmp_path / "negative", HEADER + "RUS,-500,1,s1\n")])


# H7 -- symlink loops


def test_h7_a_reference_dir_that_is_a_symlink_loop_is_an_error(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    refused_everywhere(loop, tmp_path, str(loop), "loops")


def test_h7_a_catalogue_entry_that_is_a_symlink_loop_is_an_error(tmp_path: Path) -> None:
    folder = make(tmp_path / "data")
    loop = folder / "other.toml"
    loop.symlink_to(loop)
    refused_everywhere(folder, tmp_path, "other.toml", "loops")


def test_h7_a_data_file_that_is_a_symlink_loop_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "toy.csv").symlink_to(folder / "toy.csv")
    make(folder)
    refused_everywhere(folder, tmp_path, "toy.toml", "loops")


# H8, M10 -- files and folders that cannot be read


@pytest.fixture
def deny(monkeypatch: pytest.MonkeyPatch):
    """Make a path unreadable: mode 000, and for root (who reads whatever the mode) os.open and
    os.scandir refuse it as the kernel would refuse another user."""
    real_open, real_scandir = os.open, os.scandir
    denied: set[str] = set()

    def fake_open(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path="."):  # type: ignore[no-untyped-def]
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "scandir", fake_scandir)
    changed: list[Path] = []

    def apply(path: Path) -> Path:
        denied.add(str(path))
        path.chmod(0)
        changed.append(path)
        return path

    yield apply
    for path in changed:
        path.chmod(0o700)


def test_h8_an_unreadable_data_file_is_an_error_not_a_crash(tmp_path: Path, deny) -> None:
    folder = make(tmp_path / "data")
    deny(folder / "toy.csv")
    refused_everywhere(folder, tmp_path, "toy.csv", "permission denied")


def test_h8_an_unreadable_catalogue_entry_is_an_error(tmp_path: Path, deny) -> None:
    folder = make(tmp_path / "data")
    deny(folder / "toy.toml")
    refused_everywhere(folder, tmp_path, "toy.toml", "permission denied")


def test_m10_an_unreadable_reference_dir_is_an_error_not_skipped(tmp_path: Path, deny) -> None:
    folder = deny(make(tmp_path / "data"))
    refused_everywhere(folder, tmp_path, str(folder), "cannot list the directory")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
@pytest.mark.parametrize("name", ["toy.csv", "toy.toml"])
def test_h8_a_fifo_as_a_data_file_or_entry_is_refused_without_blocking(tmp_path: Path, name: str) -> None:
    folder = make(tmp_path / "data")
    (folder / name).unlink()
    os.mkfifo(folder / name)
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            validate([folder])
            outcome.append(None)
        except BaseException as exc:  # the outcome is checked below
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(20)
    assert outcome, "loading a FIFO blocked"
    assert isinstance(outcome[0], ReferenceDataError) and name in str(outcome[0])
    assert "regular file" in str(outcome[0])
    code, out = cli("ref", "validate", str(folder))
    assert code == 2 and "regular file" in out


# H10 -- dataset ids never clash with the loader's own tables or SQL words

CLASHING = ["raw", "select", "table", "order", "from", "reject_errors", "reject_scans", "tables", "columns", "load_toy"]


def test_h10_ids_like_raw_or_sql_keywords_load_and_list(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    for dataset_id in CLASHING:
        make(folder, dataset_id=dataset_id)
    validate([folder])
    for store in (open_store([folder], cache=False), open_store([folder])):
        for dataset_id in CLASHING:
            assert store.query(f'SELECT count(*) AS n FROM "{dataset_id}"')[0]["n"] == 3, dataset_id
            assert q.value_at(store, dataset_id, "CHN", year=2022).value == 300
        tables = {r["name"] for r in store.query("SELECT name FROM (SHOW ALL TABLES)")}
        assert set(CLASHING) <= tables and not [t for t in tables if t.startswith(("_load_", "_rejects_"))]
        store.close()
    loads_everywhere(folder)
    code, out = cli("ref", "--reference-dir", str(folder), "list", "--format", "json")
    assert code == 0 and out.count('"rows": 3') == len(CLASHING)


@pytest.mark.parametrize(
    "dataset_id", ["main", "temp", "information_schema", "duckdb_tables", "sqlite_master", "pg_class", "pragma_x"]
)
def test_h10_ids_the_database_reserves_are_refused(tmp_path: Path, dataset_id: str) -> None:
    folder = make(tmp_path / "data", dataset_id=dataset_id)
    refused_everywhere(folder, tmp_path, f"{dataset_id}.toml:1", "the database uses itself")


# M9 -- the data file is read exactly, never as a pattern


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("t*.csv", "wildcards"),
        ("t?y.csv", "wildcards"),
        ("[t]oy.csv", "wildcards"),
        ("{toy,x}.csv", "wildcards"),
        ("**/toy.csv", "wildcards"),
        ("../data/toy.csv", "beside the catalogue entry"),
        ("/etc/toy.csv", "beside the catalogue entry"),
    ],
)
def test_m9_a_data_name_with_wildcards_is_refused(tmp_path: Path, name: str, words: str) -> None:
    folder = make(tmp_path / "data")
    (folder / "toy.toml").write_text(ENTRY.replace('"toy.csv"', f'"{name}"'), encoding="utf-8")
    refused_everywhere(folder, tmp_path, "toy.toml:2", words)


def test_m9_a_data_file_in_a_folder_below_is_read(tmp_path: Path) -> None:
    folder = make(tmp_path / "data")
    (folder / "files").mkdir()
    (folder / "toy.csv").rename(folder / "files" / "toy.csv")
    (folder / "toy.toml").write_text(ENTRY.replace('"toy.csv"', '"files/toy.csv"'), encoding="utf-8")
    loads_everywhere(folder)


@pytest.mark.parametrize("folder_name", ["d[1]", "d{1,2}", "d*", "d?"])
def test_m9_a_folder_with_wildcard_characters_reads_its_own_file(tmp_path: Path, folder_name: str) -> None:
    make(tmp_path / "d1", HEADER + "CHN,2022,1,s1\n")  # what DuckDB would read for d[1] or d{1,2}
    make(tmp_path / "dx", HEADER + "CHN,2022,2,s1\n")  # ... or for d* and d?
    folder = make(tmp_path / folder_name, HEADER + "CHN,2022,300,s1\n")
    store = open_store([folder], cache=False)
    assert q.value_at(store, "toy", "CHN", year=2022).value == 300
    store.close()
    loads_everywhere(folder)


# L5 -- a UTF-8 byte order mark before the header


def test_l5_a_csv_with_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    folder = make(tmp_path / "data")
    (folder / "toy.csv").write_bytes(b"\xef\xbb\xbf" + ROWS.encode())
    store = open_store([folder], cache=False)
    assert q.value_at(store, "toy", "CHN", year=2022).value == 300
    store.close()
    loads_everywhere(folder)


def test_l5_a_gzip_csv_with_a_bom_is_accepted_and_the_name_has_no_bom(tmp_path: Path) -> None:
    folder = make(tmp_path / "data")
    (folder / "toy.csv").unlink()
    (folder / "toy.toml").write_text(ENTRY.replace('"toy.csv"', '"toy.csv.gz"'), encoding="utf-8")
    with gzip.open(folder / "toy.csv.gz", "wb") as handle:
        handle.write(b"\xef\xbb\xbf" + ROWS.replace("country", "nation").encode())
    with pytest.raises(ReferenceDataError) as caught:  # the header's first name, without the BOM
        validate([folder])
    assert caught.value.column == "nation" and "\ufeff" not in str(caught.value)


# M16 -- data errors carry the file, line and column


def test_m16_data_errors_name_file_line_and_column(tmp_path: Path) -> None:
    folder = make(tmp_path / "data", HEADER + "RUS,2021,100,s1\nRUS,2022,12x,s1\n")
    with pytest.raises(ReferenceDataError) as caught:
        validate([folder])
    assert (Path(caught.value.path).name, caught.value.line, caught.value.column) == ("toy.csv", 3, "value")
    assert str(caught.value).startswith(f"{folder / 'toy.csv'}:3: column 'value'")


def test_m9_a_data_file_linking_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(ROWS, encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "toy.csv").symlink_to(outside)
    make(folder)
    refused_everywhere(folder, tmp_path, "toy.toml:2", "link out of its folder")
