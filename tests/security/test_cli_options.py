"""The CLI's options and exit statuses (M1, M5, H14, L4, L8): a bug exits 3, never 1; bad option
values are usage errors (exit 2) with a message, never a traceback or a silent default."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.cli.inputs import MAX_MB_LIMIT, check_megabytes, read_text
from factcheck.errors import InputError

RIGHT = "Egypt's GDP reached $476.7 billion in 2022.\n"
WRONG = "Egypt's GDP reached $520 billion in 2022.\n"


@pytest.fixture(autouse=True)
def _cache(shipped_store, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))  # the CLI reuses the session's load
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output or "FACTCHECK_DEBUG" in args
    return result.exit_code, result.output


def _article(tmp_path: Path, text: str = RIGHT, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# M1 ------------------------------------------------------------------------------------------


def _bug(*args: object, **kwargs: object) -> None:
    raise ZeroDivisionError("a bug\nover two lines")


def test_m1_an_internal_error_exits_3_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.check.check_document", _bug)
    result = CliRunner().invoke(main, ["check", "--out", str(tmp_path / "r"), str(_article(tmp_path))])
    assert result.exit_code == 3
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("internal error: ZeroDivisionError: a bug over two lines")
    assert "please report it" in lines[0] and "Traceback" not in result.output
    monkeypatch.setattr("factcheck.cli.ref._print_rows", _bug)  # every command, not only check
    result = CliRunner().invoke(main, ["ref", "list"])
    assert result.exit_code == 3 and "internal error" in result.stderr


def test_m1_the_traceback_only_with_factcheck_debug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.check.check_document", _bug)
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    result = CliRunner().invoke(main, ["check", "--out", str(tmp_path / "r"), str(_article(tmp_path))])
    assert result.exit_code == 3
    assert "internal error" in result.stderr and "Traceback" in result.stderr and "_bug" in result.stderr


def test_m1_exit_statuses_0_1_2_keep_their_meaning(tmp_path: Path) -> None:
    out = str(tmp_path / "r")
    assert run("check", "--out", out, str(_article(tmp_path)))[0] == 0
    assert run("check", "--out", out, str(_article(tmp_path, WRONG, "w.txt")))[0] == 1
    assert run("check", "--out", out, str(tmp_path / "absent.txt"))[0] == 2
    assert run("check", "--no-such-option", "x")[0] == 2
    assert run("--version")[0] == 0
    assert run("check", "--help")[0] == 0
    assert "3  internal error" in run("--help")[1]


def test_m1_the_console_entry_point_exits_3(tmp_path: Path) -> None:
    """Outside CliRunner: the installed entry point, in click's standalone mode."""
    code = (
        "import factcheck.check as c\n"
        "def bug(*a, **k): raise KeyError('boom')\n"
        "c.check_document = bug\n"
        "from factcheck.cli import main\n"
        "main()\n"
    )
    article = _article(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", code, "check", "--out", str(tmp_path / "r"), str(article)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith("internal error: KeyError: 'boom'; please report it")
    assert "Traceback" not in done.stderr


# M5 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["", " ", ",", " , "])
def test_m5_an_empty_fail_on_is_a_usage_error(tmp_path: Path, value: str) -> None:
    code, output = run("check", "--out", str(tmp_path), "--fail-on", value, str(_article(tmp_path, WRONG)))
    assert code == 2 and '"none"' in output and "--fail-on" in output
    assert not list(tmp_path.glob("*.json"))  # refused before anything was checked


def test_m5_fail_on_none_still_disables_failing(tmp_path: Path) -> None:
    assert run("check", "--out", str(tmp_path / "r"), "--fail-on", "none", str(_article(tmp_path, WRONG)))[0] == 0
    code, output = run("check", "--out", str(tmp_path / "r"), "--fail-on", "contradicted,bogus", "-", stdin=RIGHT)
    assert code == 2 and "bogus" in output


# H14 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "NaN", "1e308", "0", "-1", str(MAX_MB_LIMIT + 1), "ten"])
def test_h14_max_mb_must_be_a_sane_finite_number(tmp_path: Path, value: str) -> None:
    article = str(_article(tmp_path))
    for command in (["check", "--out", str(tmp_path / "r")], ["mine"]):
        code, output = run(*command, "--max-mb", value, article)
        assert code == 2, (command, value, output)
        assert "--max-mb" in output
    with pytest.raises(InputError, match="--max-mb"):
        read_text(article, float(value) if value != "ten" else value)  # type: ignore[arg-type]


def test_h14_max_mb_within_bounds_is_accepted(tmp_path: Path) -> None:
    article = str(_article(tmp_path))
    assert check_megabytes("1024") == MAX_MB_LIMIT
    assert math.isclose(check_megabytes(0.001), 0.001)
    assert run("check", "--out", str(tmp_path / "r"), "--max-mb", "1024", article)[0] == 0
    assert run("mine", "--max-mb", "0.5", article)[0] == 0
    assert read_text(article, 1024) == RIGHT


# L4 ------------------------------------------------------------------------------------------


def test_l4_standard_input_is_read_once(tmp_path: Path) -> None:
    code, output = run("check", "--out", str(tmp_path), "-", "-", stdin=RIGHT)
    assert code == 2 and "standard input can be read once" in output
    code, output = run("check", "--out", str(tmp_path), "-", str(_article(tmp_path)), "-", stdin=RIGHT)
    assert code == 2 and "standard input can be read once" in output
    assert run("check", "--out", str(tmp_path / "r"), "-", stdin=RIGHT)[0] == 0


# L8 ------------------------------------------------------------------------------------------


def _query(*args: str) -> tuple[int, str]:
    return run("ref", "query", "ru_cn_trade", "--entity", "CHN", "--counterpart", "RUS", "--year", "2022", *args)


def test_l8_a_repeated_category_is_an_error() -> None:
    code, output = _query("--category", "flow=total", "--category", "flow=exports")
    assert code == 2 and "flow is given twice" in output
    code, output = _query("--category", "=total")
    assert code == 2 and "NAME=VALUE" in output
    assert _query("--category", "flow=total")[0] == 0


@pytest.mark.parametrize("period", ["", "fy", "Q5", "H3", "Jan-", "Foo", "Jan-Nov-Dec", "FY; DROP TABLE x"])
def test_l8_period_is_validated(period: str) -> None:
    code, output = _query("--period", period, "--category", "flow=total")
    assert code == 2 and "is not a period" in output


@pytest.mark.parametrize("period", ["FY", "H1", "Q3", "Jan", "Jan-Nov"])
def test_l8_valid_periods_are_accepted(period: str) -> None:
    code, output = _query("--period", period, "--category", "flow=total")
    assert code in (0, 2) and "is not a period" not in output


def test_l8_year_is_a_year() -> None:
    code, output = _query("--year", "99999999999", "--category", "flow=total")
    assert code == 2 and "--year" in output
