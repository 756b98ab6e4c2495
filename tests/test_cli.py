"""The command line: output contracts, the corpus mode, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

from .conftest import ARTICLE, ROOT, needs_shared

MENTION_KEYS = [
    "start", "end", "text", "kind", "value", "low", "high", "unit", "approx", "comparator", "rule", "canonical",
]  # fmt: skip


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_mine_jsonl_schema(tmp_path: Path) -> None:
    text = "ارتفع بنسبة ٢٥٪ إلى 1.5 مليار دولار، واحتل المرتبة الثانية"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("mine", str(path))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in records] == [MENTION_KEYS] * 3
    assert [(r["text"], r["value"], r["kind"], r["unit"]) for r in records] == [
        ("٢٥٪", 25, "percent", "%"),
        ("1.5 مليار دولار", 1500000000, "money", "USD"),
        ("الثانية", 2, "ordinal", None),
    ]
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert isinstance(r["value"], int | float)


def test_values_are_exact_json_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("0.1 and 244.81 billion and 1/3", encoding="utf-8")
    _, out, _ = run("mine", "--lang", "en", str(path))
    lines = out.splitlines()
    assert '"value": 0.1,' in lines[0]
    assert '"value": 244810000000,' in lines[1]
    assert '"value": 0.3333333333333333333333333333,' in lines[2]


def test_mine_table(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("نحو دقيقتين", encoding="utf-8")
    code, out, _ = run("mine", "--format", "table", str(path))
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["span", "kind", "value", "unit", "text"]
    assert row.split() == ["4-11", "duration", "~2", "minute", "دقيقتين"]


def test_mine_stdin() -> None:
    code, out, _ = run("mine", "--lang", "en", "-", stdin=b"twenty-five")
    assert code == 0
    assert json.loads(out)["value"] == 25


def test_mine_jsonl_corpus_keeps_going_past_a_bad_record() -> None:
    corpus = "\n".join(
        [
            json.dumps({"id": "a", "text": "خمسة وعشرون", "lang": "ar"}, ensure_ascii=False),
            "{not json",
            json.dumps({"id": "b", "text": 5}),
            json.dumps({"id": "c", "text": "3rd", "lang": "en"}),
        ]
    )
    code, out, err = run("mine", "--input-format", "jsonl", "-", stdin=corpus.encode())
    assert code == 2
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a", "c"]
    assert records[0]["mentions"][0]["value"] == 25
    assert records[1]["mentions"][0]["kind"] == "ordinal"
    assert "<stdin>:2: bad record" in err
    assert "<stdin>:3: bad record" in err


def test_missing_file() -> None:
    code, _, err = run("mine", "no/such/file.txt")
    assert code == 2
    assert "no/such/file.txt: no such file" in err


def test_directory(tmp_path: Path) -> None:
    code, _, err = run("mine", str(tmp_path))
    assert code == 2
    assert "is a directory" in err


def test_not_utf8_names_file_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"abc 25 " + b"\xe9t\xe9")
    code, _, err = run("mine", str(path))
    assert code == 2
    assert f"{path}: not valid UTF-8 at byte 7" in err
    assert "Traceback" not in err


def test_unknown_language() -> None:
    code, _, err = run("mine", "--lang", "arabic", "-", stdin=b"5")
    assert code == 2
    assert "Unknown language 'arabic'" in err


def test_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "mine" in out


@needs_shared
def test_console_script_on_the_shared_article() -> None:
    """The installed entry point, as a user runs it."""
    result = subprocess.run([sys.executable, "-m", "factcheck", "mine", str(ARTICLE)], capture_output=True, check=True)
    texts = [json.loads(line)["text"] for line in result.stdout.decode().splitlines()]
    assert "200 مليار دولار" in texts


def test_example_article_runs() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "factcheck",
            "mine",
            "--format",
            "table",
            str(ROOT / "examples" / "ar-russia-china-trade-2023.txt"),
        ],
        capture_output=True,
        check=True,
    )
    out = result.stdout.decode()
    assert "240.1 مليار دولار" in out
    assert "الحادي والعشرين" in out


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_surrogates_never_crash_the_writer(fmt: str) -> None:
    record = json.dumps({"id": 1, "text": "\ud800 25"})
    code, out, _ = run("mine", "--input-format", "jsonl", "--format", fmt, "-", stdin=record.encode())
    assert code == 0
    assert "25" in out
