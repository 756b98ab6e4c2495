"""Loading reference data: a valid dataset loads; every kind of broken one is refused with its file,
line and column, and nothing is loaded."""

from __future__ import annotations

import gzip
import os
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.errors import ReferenceDataError
from factcheck.reference import query as q
from factcheck.reference.store import open_store, validate

ENTRY = """id = "toy"
data = "toy.csv"
title = { en = "Toy exports", ar = "صادرات تجريبية" }
publisher = "Test"
licence = "CC0"
retrieved = 2024-01-01
as_of = 2023-12-31
unit = "USD"
measure = "level"
aliases = { en = ["exports"], ar = ["الصادرات"] }

[columns]
country = "entity"
year = "year"
flow = "category"
value = "value"
growth = "reported_change"
source = "source"

[categories]
flow = ["export", "import"]

[sources.s0]
publisher = "A publisher"
title = "Last year's figures"
url = "https://example.org/0"
date = "2022-01-20"

[sources.s1]
publisher = "A publisher"
title = "A title"
url = "https://example.org/a"
date = "2023-01-15"
"""

ROWS = """country,year,flow,value,growth,source
RUS,2021,export,100,,s0
RUS,2022,export,125,25,s1
CHN,2022,export,300,,s1
SAU,2022,export,125,,s1
WLD,2022,export,600,,s1
"""


def make(tmp_path: Path, entry: str = ENTRY, rows: str = ROWS) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "toy.toml").write_text(entry, encoding="utf-8")
    (folder / "toy.csv").write_text(rows, encoding="utf-8")
    return folder


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    s = open_store([make(tmp_path)])
    yield s
    s.close()


def test_a_valid_dataset_loads_with_canonical_columns(store) -> None:
    rows = store.query('SELECT entity, year, period, value_text, c_flow, line FROM "toy" ORDER BY line')
    assert rows[0] == {
        "entity": "RUS",
        "year": 2021,
        "period": "FY",
        "value_text": "100",
        "c_flow": "export",
        "line": 2,
    }
    assert store.query("SELECT count(*) AS n FROM _sources")[0]["n"] == 2


def test_queries_return_rows_sql_and_citations(store) -> None:
    a = q.value_at(store, "toy", "RUS", year=2022, categories={"flow": "export"})
    assert a.value == Decimal(125)
    assert "SELECT" in a.sql and "$1" in a.sql
    assert [c.key for c in a.citations] == ["s1"]
    assert [c.key for c in q.growth(store, "toy", "RUS", 2022, categories={"flow": "export"}).citations] == [
        "s1",
        "s0",
    ]
    g = q.growth(store, "toy", "RUS", 2022, categories={"flow": "export"})
    assert g.value == Decimal("25")
    assert g.detail["reported_change"] == Decimal(25)
    r = q.rank(store, "toy", "RUS", "entity", year=2022, categories={"flow": "export"})
    assert r.value == 2  # CHN 300, RUS 125 and SAU 125 tie, WLD is an aggregate and not ranked
    assert r.detail["ties"] == 1
    assert r.detail["ranked"] == 3
    s = q.share(store, "toy", "CHN", "entity", year=2022, categories={"flow": "export"})
    assert s.value == Decimal(50)  # of the WLD row, 600
    c = q.compare(store, "toy", {"entity": "CHN", "year": 2022}, {"entity": "RUS", "year": 2022})
    assert c.value == Decimal(175)
    assert c.detail["ratio"] == Decimal("2.4")


def test_latest_respects_the_date(store) -> None:
    import datetime as dt

    a = q.latest(store, "toy", "RUS", dt.date(2022, 6, 1), categories={"flow": "export"})
    assert a.detail["year"] == 2021
    assert a.detail["later"] == [(2022, "FY", Decimal(125))]


def test_second_open_uses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    folder = make(tmp_path)
    first = open_store([folder])
    assert first.path is not None and first.path.exists()
    first.close()
    second = open_store([folder])
    assert second.path == first.path
    second.close()
    (folder / "toy.csv").write_text(ROWS + "IND,2022,export,1,,s1\n", encoding="utf-8")
    third = open_store([folder])
    assert third.path != first.path  # the content changed, so did the cache key
    third.close()


def test_catalogue_is_reused_until_an_entry_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache))
    folder = make(tmp_path)
    open_store([folder]).close()
    kept = list(cache.glob("catalogue-*.pickle"))
    assert len(kept) == 1
    reopened = open_store([folder])
    assert reopened.catalogue["toy"].title["en"] == "Toy exports"
    reopened.close()
    (folder / "toy.toml").write_text(ENTRY.replace("Toy exports", "Toy shipments"), encoding="utf-8")
    changed = open_store([folder])
    assert changed.catalogue["toy"].title["en"] == "Toy shipments"  # a new key, not the old pickle
    changed.close()
    assert len(list(cache.glob("catalogue-*.pickle"))) == 2


def test_a_damaged_catalogue_cache_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache))
    folder = make(tmp_path)
    open_store([folder]).close()
    (kept,) = cache.glob("catalogue-*.pickle")
    kept.write_bytes(b"not a pickle")
    s = open_store([folder])
    assert s.catalogue["toy"].title["ar"] == "صادرات تجريبية"
    s.close()
    assert pickle.loads(kept.read_bytes()).datasets.keys() == {"toy"}  # rewritten


def test_a_broken_entry_is_refused_even_with_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    folder = make(tmp_path)
    open_store([folder]).close()
    (folder / "toy.toml").write_text(ENTRY.replace('unit = "USD"', 'unit = "USD'), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as caught:
        open_store([folder])
    assert "toy.toml" in str(caught.value)


def test_db_file_is_kept_and_rebuilt_when_data_change(tmp_path: Path) -> None:
    folder = make(tmp_path)
    db = tmp_path / "ref.duckdb"
    open_store([folder], db=db).close()
    assert db.exists()
    (folder / "toy.csv").write_text(ROWS.replace("300", "301"), encoding="utf-8")
    s = open_store([folder], db=db)
    assert q.value_at(s, "toy", "CHN", year=2022, categories={"flow": "export"}).value == 301
    s.close()


def test_gzip_csv(tmp_path: Path) -> None:
    folder = make(tmp_path, ENTRY.replace('"toy.csv"', '"toy.csv.gz"'))
    (folder / "toy.csv").unlink()
    with gzip.open(folder / "toy.csv.gz", "wt", encoding="utf-8") as handle:
        handle.write(ROWS)
    assert len(validate([folder])) == 1


BROKEN = [
    # (what, change to the entry, change to the rows, file, line, column, words in the message)
    ("wrong type", None, ("2022,export,125", "20x2,export,125"), "toy.csv", 3, "year", "wrong type"),
    ("not a number", None, ("300", "3OO"), "toy.csv", 4, "value", "wrong type"),
    ("empty value", None, ("300", ""), "toy.csv", 4, "value", "empty value"),
    ("unknown unit", ('unit = "USD"', 'unit = "dollars"'), None, "toy.toml", None, None, "unknown unit"),
    ("duplicate key", None, ("CHN,2022", "RUS,2022"), "toy.csv", 4, None, "duplicate key"),
    (
        "missing citation",
        None,
        ("CHN,2022,export,300,,s1", "CHN,2022,export,300,,"),
        "toy.csv",
        4,
        "source",
        "missing citation",
    ),
    (
        "unknown citation",
        None,
        ("CHN,2022,export,300,,s1", "CHN,2022,export,300,,s9"),
        "toy.csv",
        4,
        "source",
        "missing citation",
    ),
    ("unknown entity", None, ("SAU,2022", "SAUDI,2022"), "toy.csv", 5, "country", "unknown entity code"),
    ("malformed TOML", ('unit = "USD"', 'unit = "USD'), None, "toy.toml", 8, None, "malformed TOML"),
    ("category not allowed", None, ("CHN,2022,export", "CHN,2022,exports"), "toy.csv", 4, "flow", "not allowed"),
    (
        "ragged row",
        None,
        ("CHN,2022,export,300,,s1", "CHN,2022,export,300,s1"),
        "toy.csv",
        4,
        "source",
        "malformed CSV",
    ),
    ("undeclared column", None, ("source\n", "source,extra\n"), "toy.csv", 1, "extra", "no role"),
    (
        "missing column",
        ('growth = "reported_change"\n', 'growth = "reported_change"\nnote = "note"\n'),
        None,
        "toy.csv",
        1,
        "note",
        "missing",
    ),
    ("bad id", ('id = "toy"', 'id = "Toy Data"'), None, "toy.toml", 1, None, "id must be"),
    ("no source table", ("[sources.s1]", "[other.s1]"), None, "toy.toml", None, None, "unknown key"),
    (
        "default not allowed",
        (
            '[categories]\nflow = ["export", "import"]\n',
            '[categories]\nflow = ["export", "import"]\n\n[category_defaults]\nflow = "total"\n',
        ),
        None,
        "toy.toml",
        24,
        "flow",
        "not one of its [categories]",
    ),
    (
        "change aliases on a level",
        ('measure = "level"', 'measure = "level"\nchange_aliases = { en = ["exports"] }'),
        None,
        "toy.toml",
        10,
        None,
        'only for measure = "change"',
    ),
    (
        "another definition without an English text",
        ('measure = "level"', 'measure = "level"\nother_definition = { ar = "تعريف آخر" }'),
        None,
        "toy.toml",
        10,
        None,
        "needs an English text",
    ),
]


@pytest.mark.parametrize(
    ("what", "entry_change", "rows_change", "file", "line", "column", "words"), BROKEN, ids=[b[0] for b in BROKEN]
)
def test_broken_datasets_are_refused(
    tmp_path: Path, what, entry_change, rows_change, file, line, column, words
) -> None:
    entry, rows = ENTRY, ROWS
    if entry_change:
        assert entry_change[0] in entry
        entry = entry.replace(*entry_change, 1)
    if rows_change:
        assert rows_change[0] in rows
        rows = rows.replace(*rows_change, 1)
    folder = make(tmp_path, entry, rows)
    with pytest.raises(ReferenceDataError) as info:
        validate([folder])
    error = info.value
    assert Path(error.path).name == file, str(error)
    assert error.line == line, str(error)
    assert error.column == column, str(error)
    assert words in str(error)
    # nothing was kept: no database file appeared
    assert not list(tmp_path.glob("**/*.duckdb"))


def test_a_broken_dataset_leaves_nothing_in_db(tmp_path: Path) -> None:
    folder = make(tmp_path, rows=ROWS.replace("2022,export,125", "20x2,export,125"))
    db = tmp_path / "ref.duckdb"
    with pytest.raises(ReferenceDataError):
        open_store([folder], db=db)
    assert not db.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("ref.duckdb")]


def test_hostile_names_do_no_harm(store) -> None:
    for hostile in ["RUS'; DROP TABLE toy; --", 'x" OR 1=1 --', "روسيا' OR '1'='1"]:
        a = q.value_at(store, "toy", hostile, year=2022)
        assert a.rows == []
        with pytest.raises(ReferenceDataError):
            q.value_at(store, "toy", "RUS", categories={hostile: "x"})
    assert store.query('SELECT count(*) AS n FROM "toy"')[0]["n"] == 5
    with pytest.raises(ReferenceDataError, match="did you mean toy"):
        store.dataset("toyy")


def test_unknown_entity_suggests() -> None:
    with pytest.raises(ReferenceDataError, match="did you mean"):
        q.resolve_entity("Rusia")
    assert q.resolve_entity("روسيا") == "RUS"
    assert q.resolve_entity("Russian Federation") == "RUS"
    assert q.resolve_entity("chn") == "CHN"


def test_error_pickles() -> None:
    error = ReferenceDataError("wrong type", "a.csv", 3, "year", "an integer", "20x2")
    clone = pickle.loads(pickle.dumps(error))
    assert str(clone) == str(error) == "a.csv:3: column 'year': wrong type (expected an integer, found '20x2')"


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocked))
    s = open_store([make(tmp_path)])
    assert s.path is None
    s.close()
    assert os.path.isfile(blocked)
