"""The ref commands: list, show, validate, query, and a user's own dataset added by dropping files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .test_reference_store import make


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _cache(_shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(_shared_cache))
    monkeypatch.delenv("FACTCHECK_REFERENCE_DIR", raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ref_list_shows_every_dataset_with_its_source() -> None:
    code, out, _ = run("ref", "list")
    assert code == 0
    assert "ru_cn_trade" in out and "World Bank" in out
    code, out, _ = run("ref", "list", "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 34
    assert all(r["sources"] >= 1 and r["rows"] > 0 for r in records)


def test_ref_show() -> None:
    code, out, _ = run("ref", "show", "ru_cn_trade")
    assert code == 0
    assert "حجم التبادل التجاري" in out
    assert "https://en.vestikavkaza.ru/material/158684" in out
    code, _, err = run("ref", "show", "ru_cn_trad")
    assert code == 2
    assert "did you mean ru_cn_trade" in err


def test_ref_query_trade_growth() -> None:
    code, out, _ = run("ref", "query", "ru_cn_trade", "--entity", "China", "--counterpart", "روسيا",
                       "--year", "2022", "--category", "flow=total", "--measure", "growth")  # fmt: skip
    assert code == 0
    assert out.startswith("growth = 29.535629 %")
    assert "reported_change: 29.3" in out
    assert "sql: SELECT" in out
    assert "citations:" in out


def test_ref_query_gas_rank_json() -> None:
    code, out, _ = run("ref", "query", "cn_gas_imports_bcm", "--entity", "CHN", "--counterpart", "RUS",
                       "--year", "2022", "--category", "mode=LNG", "--category", "basis=EI", "--measure", "rank",
                       "--format", "json")  # fmt: skip
    assert code == 0
    answer = json.loads(out)
    assert answer["value"] == 4
    assert answer["detail"]["ahead"] == ["AUS", "QAT", "MYS"]
    assert answer["citations"][0]["publisher"]


def test_ref_query_world_bank() -> None:
    code, out, _ = run("ref", "query", "wb_ny_gdp_mktp_kd_zg", "--entity", "مصر", "--year", "2022")
    assert code == 0
    assert out.startswith("value = ")
    assert "World Bank" in out


def test_ref_query_unknown_entity() -> None:
    code, _, err = run("ref", "query", "ru_cn_trade", "--entity", "Rusia")
    assert code == 2
    assert "did you mean" in err


def test_ref_validate_broken_dataset(tmp_path: Path) -> None:
    folder = make(tmp_path, rows="country,year,flow,value,growth,source\nRUS,20x2,export,1,,s1\n")
    code, _, err = run("ref", "validate", str(folder))
    assert code == 2
    assert "toy.csv:2: column 'year': wrong type" in err
    code, out, _ = run("ref", "validate")
    assert code == 0
    assert out.startswith("ok: 34 datasets")


def test_a_user_dataset_is_queryable_by_dropping_two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make(tmp_path)
    code, out, _ = run("ref", "--reference-dir", str(folder), "query", "toy", "--entity", "RUS",
                       "--year", "2022", "--category", "flow=export")  # fmt: skip
    assert code == 0
    assert out.startswith("value = 125")
    # or next to the shipped data, through the environment
    monkeypatch.setenv("FACTCHECK_REFERENCE_DIR", str(folder))
    code, out, _ = run("ref", "list")
    assert "toy" in out and "ru_cn_trade" in out


def test_db_option_keeps_a_file(tmp_path: Path) -> None:
    db = tmp_path / "ref.duckdb"
    code, _, _ = run("ref", "--db", str(db), "list")
    assert code == 0
    assert db.exists()
