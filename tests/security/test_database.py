"""The reference database file (C2, H11, H12): ``--db PATH`` never replaces what is not ours, bad
paths are clear errors, and a damaged cache is rebuilt once instead of crashing every run."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import FactcheckError, InputError, ReferenceDataError
from factcheck.reference.store import open_store

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

ROWS = "country,year,value,source\nRUS,2022,125,s1\nCHN,2022,300,s1\n"


@pytest.fixture
def toy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "toy.toml").write_text(ENTRY, encoding="utf-8")
    (folder / "toy.csv").write_text(ROWS, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache))
    return cache


def ref(toy: Path, db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ref", "--reference-dir", str(toy), "--db", db, *(args or ("list",))])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


def _foreign_database(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE accounts (id INTEGER, balance DECIMAL(18,2))")
    con.execute("INSERT INTO accounts VALUES (1, 100.00)")
    con.close()


def _victims(tmp_path: Path) -> dict[str, Path]:
    """Files that must survive being named as --db: an article, notes, another program's database."""
    article = tmp_path / "article.txt"
    article.write_text("Egypt's GDP reached $476.7 billion in 2022.\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n", encoding="utf-8")
    foreign = tmp_path / "accounts.duckdb"
    _foreign_database(foreign)
    return {"article": article, "notes": notes, "foreign": foreign}


def test_c2_db_never_replaces_a_file_that_is_not_a_factcheck_database(tmp_path: Path, toy: Path) -> None:
    for what, path in _victims(tmp_path).items():
        before = path.read_bytes()
        with pytest.raises(ReferenceDataError, match="refusing to replace it"):
            open_store([toy], db=path)
        code, output = ref(toy, str(path))
        assert code == 2, what
        assert "refusing to replace it" in output and str(path) in output, what
        assert path.read_bytes() == before, what  # untouched
    con = duckdb.connect(str(tmp_path / "accounts.duckdb"), read_only=True)
    assert con.execute("SELECT balance FROM accounts").fetchone()[0] == 100
    con.close()


def test_c2_db_refuses_devices_fifos_and_directories(tmp_path: Path, toy: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(fifo)):
        with pytest.raises(InputError, match="not a regular file"):
            open_store([toy], db=target)
        code, output = ref(toy, target)
        assert code == 2 and "not a regular file" in output
    assert Path("/dev/null").is_char_device()


def test_c2_db_rebuilds_its_own_database_of_other_data(tmp_path: Path, toy: Path) -> None:
    db = tmp_path / "ref.duckdb"
    first = open_store([toy], db=db)
    first.close()
    (toy / "toy.csv").write_text(ROWS.replace("300", "301"), encoding="utf-8")
    again = open_store([toy], db=db)
    assert again.content_hash != first.content_hash
    assert again.con.execute("SELECT value FROM toy WHERE entity = 'CHN'").fetchone()[0] == 301
    again.close()
    code, _ = ref(toy, str(db))
    assert code == 0


def test_h12_db_as_a_directory_a_readonly_path_or_empty_is_a_clear_error(tmp_path: Path, toy: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    locked = tmp_path / "locked"
    locked.mkdir()
    cases = {"": "must be a file name", str(folder): "is a directory", f"{folder}/": "must be a file name"}
    for target, message in cases.items():
        with pytest.raises(InputError, match=message):
            open_store([toy], db=target)
        code, output = ref(toy, target)
        assert code == 2 and message in output, (target, output)
    locked.chmod(0o500)
    try:
        blocked = [tmp_path / "a-file" / "ref.duckdb"]  # a file where a directory should be
        (tmp_path / "a-file").write_text("", encoding="utf-8")
        if not os.access(locked, os.W_OK):
            blocked.append(locked / "ref.duckdb")
        if Path("/proc/self").is_dir():  # root writes anywhere, but not into /proc
            blocked.append(Path("/proc/factcheck-test.duckdb"))
        for target in blocked:
            message = "cannot write the reference database|not a directory"
            with pytest.raises(InputError, match=message):
                open_store([toy], db=target)
            code, output = ref(toy, str(target))
            assert code == 2 and re.search(message, output), output
    finally:
        locked.chmod(0o700)


def _cached_file(cache: Path) -> Path:
    (found,) = cache.glob("reference-*.duckdb")
    return found


@pytest.mark.parametrize("damage", ["truncated", "random bytes", "random bytes after the magic", "empty"])
def test_h11_a_damaged_cache_database_is_rebuilt_once(tmp_path: Path, toy: Path, cache: Path, damage: str) -> None:
    store = open_store([toy])
    assert store.path is not None and store.path.parent == cache
    store.close()
    cached = _cached_file(cache)
    good = cached.read_bytes()
    if damage == "truncated":
        cached.write_bytes(good[:5000])
    elif damage == "random bytes":
        cached.write_bytes(os.urandom(len(good)))
    elif damage == "random bytes after the magic":
        cached.write_bytes(good[:12] + os.urandom(len(good) - 12))
    else:
        cached.write_bytes(b"")
    store = open_store([toy])  # never a crash, and not an in-memory load: the file is built again
    assert store.path == cached
    assert store.con.execute("SELECT count(*) FROM toy").fetchone()[0] == 2
    store.close()
    assert cached.stat().st_size > 5000
    rebuilt = cached.stat().st_mtime_ns
    open_store([toy]).close()  # the next run opens it as it is
    assert cached.stat().st_mtime_ns == rebuilt
    if damage == "truncated":  # and through the CLI
        cached.write_bytes(good[:5000])
        result = CliRunner().invoke(main, ["ref", "--reference-dir", str(toy), "list"])
        assert result.exit_code == 0 and "toy" in result.output


def test_h11_a_directory_in_place_of_the_cache_file_loads_in_memory(tmp_path: Path, toy: Path, cache: Path) -> None:
    store = open_store([toy])
    cached = _cached_file(cache)
    store.close()
    cached.unlink()
    cached.mkdir()
    (cached / "keep").write_text("x", encoding="utf-8")
    store = open_store([toy])
    assert store.path is None  # loaded in memory, nothing removed
    assert (cached / "keep").exists()
    store.close()
    shutil.rmtree(cached)


def test_h12_errors_are_factcheck_errors_not_duckdb_ones(tmp_path: Path, toy: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\0" * 8 + b"DUCK" + os.urandom(4096))  # the magic, then garbage: never replaced
    with pytest.raises(FactcheckError, match="cannot be read"):
        open_store([toy], db=bad)
    assert bad.read_bytes()[8:12] == b"DUCK"
