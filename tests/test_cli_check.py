"""``factcheck check``: reports written whole, exit status by --fail-on, bad input refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.files import unique_stems

from .conftest import ARTICLE, ROOT, needs_shared

WRONG = "Egypt's GDP reached $520 billion in 2022.\n"  # World Bank: 476.7 billion
RIGHT = "Egypt's GDP reached $476.7 billion in 2022.\n"
UNKNOWN = "The number of unicorns in Egypt reached 5 million in 2022.\n"


@pytest.fixture(autouse=True)
def _cache(shipped_store, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))  # the CLI reuses the session's load


def check(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _article(tmp_path: Path, text: str, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_status_follows_fail_on(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    wrong, right, unknown = (
        _article(tmp_path, t, n) for t, n in ((WRONG, "w.txt"), (RIGHT, "r.txt"), (UNKNOWN, "u.txt"))
    )
    assert check("--out", str(out), str(right))[0] == 0
    assert check("--out", str(out), str(wrong))[0] == 1
    assert check("--out", str(out), "--fail-on", "none", str(wrong))[0] == 0
    assert check("--out", str(out), str(unknown))[0] == 0
    assert check("--out", str(out), "--fail-on", "contradicted,unverifiable", str(unknown))[0] == 1
    code, _, err = check("--out", str(out), "--fail-on", "wrongish", str(right))
    assert code == 2 and "unknown wrongish" in err


def test_reports_are_written_per_article_and_are_byte_identical(tmp_path: Path) -> None:
    a = _article(tmp_path, WRONG + RIGHT, "one.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    b = _article(sub, "# Note\n\n" + RIGHT, "one.md")
    out = tmp_path / "reports"
    check("--out", str(out), str(a), str(b))
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    # two inputs named one: each report name gets a hash of its input's path
    name_a, name_b = unique_stems([("one", str(a)), ("one", str(b))])
    assert name_a != name_b and name_a.startswith("one-") and name_b.startswith("one-")
    assert sorted(first) == sorted(f"{n}.{s}" for n in (name_a, name_b) for s in ("html", "json", "md"))
    check("--out", str(out), str(a), str(b))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first
    report = json.loads(first[f"{name_a}.json"])
    assert [f["verdict"] for f in report["findings"]] == ["CONTRADICTED", "SUPPORTED"]
    assert json.loads(first[f"{name_b}.json"])["input"]["format"] == "markdown"


def test_json_report_schema(tmp_path: Path) -> None:
    # dated 2023, checked against World Bank figures retrieved in 2026: later data, which does not
    # fail the run unless --fail-on says later_data
    code, out, _ = check("--out", str(tmp_path), "--format", "json", "--date", "2023-06-01", "-", stdin=WRONG)
    assert code == 0
    code, _, _ = check(
        "--out", str(tmp_path / "again"), "--format", "json", "--date", "2023-06-01",
        "--fail-on", "contradicted,later_data", "-", stdin=WRONG,
    )  # fmt: skip
    assert code == 1
    report = json.loads(out)
    assert list(report) == [
        "schema_version",
        "tool",
        "input",
        "policy",
        "reference",
        "summary",
        "findings",
        "not_check_worthy",
        "diagnostics",
        "problems",
    ]
    assert report["schema_version"] == "1.1"
    assert report["input"]["name"] == "<stdin>" and report["input"]["date_source"] == "option"
    f = report["findings"][0]
    assert list(f) == [
        "claim",
        "verdict",
        "outcome",
        "basis",
        "understood",
        "explanation",
        "tolerance",
        "deviation",
        "reference",
        "alternatives",
        "reason",
        "reason_code",
        "ruled_out",
    ]
    assert f["claim"]["line"] == 1 and f["claim"]["column"] == 21
    assert f["verdict"] == "CONTRADICTED" and f["basis"] == "later-data"
    assert "differs from later data" in f["explanation"]
    ref = f["reference"]
    assert ref["later"] is True
    assert ref["dataset"] == "wb_ny_gdp_mktp_cd" and ref["sql"].startswith("SELECT")
    assert ref["citations"][0]["publisher"] == "World Bank"
    assert f["deviation"]["relative"] < 0  # the reference is below the claim
    assert (tmp_path / "stdin.json").read_text(encoding="utf-8") == out


def test_markdown_report(tmp_path: Path) -> None:
    code, out, _ = check(
        "--out", str(tmp_path), "--format", "md", "-", stdin="Egypt's GDP *grew* | reached $520 billion in 2022."
    )
    assert code == 1
    assert out.startswith(("# factcheck report: <stdin>", "# factcheck report: \\<stdin\\>"))
    assert "❌ CONTRADICTED" in out and "```sql" in out and "World Bank" in out
    assert "\\*grew\\* \\| reached" in out  # article text cannot break the Markdown


def test_a_policy_file_and_overrides(tmp_path: Path) -> None:
    text = "Egypt's GDP reached about $510 billion in 2022.\n"  # 476.7 is 6.5% below: outside ±5%, inside ±10%
    path = _article(tmp_path, text)
    assert check("--out", str(tmp_path), str(path))[0] == 1
    assert check("--out", str(tmp_path), "--tolerance", "hedge.relative=0.1", str(path))[0] == 0
    policy = _article(tmp_path, "[hedge]\nrelative = 0.1\n", "p.toml")
    assert check("--out", str(tmp_path), "--policy", str(policy), str(path))[0] == 0
    code, _, err = check("--out", str(tmp_path), "--tolerance", "hedge=1", str(path))
    assert code == 2 and "unknown policy key" in err
    code, _, err = check("--out", str(tmp_path), "--policy", str(tmp_path / "none.toml"), str(path))
    assert code == 2 and "no such policy file" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"ok \xc3\x28 bad", "not valid UTF-8 at byte 3"),
        (b"\x00\x01binary\x00", "binary data, not text"),
        (b"---\ndate: someday\n---\nx", "front matter date"),
        (b"---\nlang: klingon\n---\nx", "front matter lang"),
    ],
)
def test_unreadable_input_exits_2_and_writes_nothing(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = _article(tmp_path, RIGHT, "good.txt")
    out = tmp_path / "reports"
    code, _, err = check("--out", str(out), str(good), str(bad))
    assert code == 2
    assert str(bad) in err and message in err
    assert not out.exists() or not list(out.iterdir())  # nothing half-written, not even the good one


def test_a_missing_file_and_bad_options(tmp_path: Path) -> None:
    code, _, err = check("--out", str(tmp_path), str(tmp_path / "absent.txt"))
    assert code == 2 and "no such file" in err
    code, _, err = check("--out", str(tmp_path), "--date", "yesterday", "-", stdin=RIGHT)
    assert code == 2 and "--date" in err
    code, _, err = check("--out", str(tmp_path), "--lang", "fr", "-", stdin=RIGHT)
    assert code == 2 and "Unknown language" in err
    blocked = _article(tmp_path, "a file where the report folder should be", "blocked")
    code, _, err = check("--out", str(blocked), "-", stdin=RIGHT)
    assert code == 2 and "cannot create the report directory" in err


@needs_shared
def test_the_shared_article_from_a_shell(tmp_path: Path, shipped_cache: Path) -> None:
    import os

    env = {**os.environ, "FACTCHECK_CACHE": str(shipped_cache)}
    args = [sys.executable, "-m", "factcheck", "check", "--date", "2022-12-30", "--out", str(tmp_path), str(ARTICLE)]
    result = subprocess.run(args, capture_output=True, env=env, check=False)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert [line.split()[2] for line in lines[2:6]] == ["CONTRADICTED", "PREDICTION/MET", "SUPPORTED", "SUPPORTED"]


def test_the_readme_example_runs_clean(tmp_path: Path) -> None:
    code, out, _ = check("--out", str(tmp_path), str(ROOT / "examples" / "ar-russia-china-trade-2023.txt"))
    assert code == 0, out
    assert "(date 2025-01-20, front matter)" in out
