"""Hostile input: files that are not articles, texts built to be slow, and a fuzz run of the CLI.

Every case ends with a clear message and the documented exit status (0 nothing wrong, 1 a claim
failed, 2 input that cannot be read) and never with a traceback; a report is whole or absent.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.cli import main
from factcheck.errors import TextTimeout
from factcheck.mine.claims import mine_claims

RIGHT = "Egypt's GDP reached $476.7 billion in 2022.\n"


@pytest.fixture(autouse=True)
def _cache(shipped_store, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))


def run(*args: str, stdin: bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("empty.txt", b"", 0, None),
        ("blank.txt", b" \n\t\n", 0, None),
        ("binary.bin", bytes(range(256)) * 8, 2, "binary data, not text"),
        ("utf16-bom.txt", codecs.BOM_UTF16_LE + RIGHT.encode("utf-16-le"), 0, None),
        ("utf16-be-bom.txt", codecs.BOM_UTF16_BE + RIGHT.encode("utf-16-be"), 0, None),
        ("utf16-nobom.txt", RIGHT.encode("utf-16-le"), 2, "UTF-16 without a byte-order mark"),
        ("utf8-bom.txt", codecs.BOM_UTF8 + RIGHT.encode(), 0, None),
        ("latin1.txt", "Égypte 476,7 milliards".encode("latin-1"), 2, "not valid UTF-8 at byte 0"),
    ],
)
def test_files_that_are_no_utf8_article(tmp_path: Path, name: str, content: bytes, code: int, message) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "reports"
    got, _, stderr = run("check", "--out", str(out), str(path))
    assert got == code, stderr
    if message:
        assert str(path) in stderr and message in stderr
        assert not out.exists() or not list(out.iterdir())
    else:
        report = json.loads((out / f"{name.rsplit('.', 1)[0]}.json").read_text(encoding="utf-8"))
        assert report["summary"]["check_worthy"] == (1 if "utf" in name else 0)
    got, _, stderr = run("mine", str(path))
    assert got == code and (message is None or message in stderr)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(200 * 2**20)  # 200 MB, sparse: refused on its size, never read
    code, _, stderr = run("check", "--out", str(tmp_path / "r"), str(big))
    assert code == 2 and "too large: 200.0 MB (the limit is 10 MB" in stderr
    code, _, stderr = run("mine", "--max-mb", "0.5", str(_small(tmp_path, 600_000)))
    assert code == 2 and "too large" in stderr
    code, _, stderr = run("mine", "--max-mb", "0.5", "-", stdin=b"x" * 600_000)
    assert code == 2 and "more than 0.5 MB" in stderr


def _small(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "medium.txt"
    path.write_bytes(b"a" * size)
    return path


def test_paths_that_are_no_readable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "is a directory" in run("check", "--out", str(tmp_path / "r"), str(tmp_path))[2]
    assert "no such file" in run("check", "--out", str(tmp_path / "r"), str(tmp_path / "vanished.txt"))[2]
    locked = tmp_path / "locked.txt"
    locked.write_text(RIGHT, encoding="utf-8")
    real_open = os.open

    def refuse(path, *args, **kwargs):  # root reads anything: refuse the way a real permission error does
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # inputs are opened with os.open (O_NONBLOCK), see factcheck.files
    code, _, stderr = run("check", "--out", str(tmp_path / "r"), str(locked))
    assert code == 2 and f"{locked}: permission denied" in stderr


def test_reports_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RIGHT, encoding="utf-8")
    out = tmp_path / "reports"
    out.mkdir()
    (out / "a.json").mkdir()  # a directory where the report should go
    code, _, stderr = run("check", "--out", str(out), str(article))
    assert code == 2 and "cannot write the report" in stderr
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]  # no half-written file left behind
    (out / "a.json").rmdir()
    older = '{"tool": {"name": "factcheck"}, "an older": "report"}'  # only a file factcheck wrote is replaced
    (out / "a.json").write_text(older, encoding="utf-8")  # an existing report is replaced whole
    assert run("check", "--out", str(out), str(article))[0] == 0
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["schema_version"]

    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", no_space)
    code, _, stderr = run("check", "--out", str(out), str(article))
    assert code == 2 and "No space left on device" in stderr
    assert json.loads((out / "a.json").read_text(encoding="utf-8"))["schema_version"]  # the old one, whole


def test_a_text_out_of_its_time_budget_is_a_reported_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("factcheck.limits.BASE_SECONDS", 0.0)
    monkeypatch.setattr("factcheck.limits.SECONDS_PER_MB", 0.0)
    with pytest.raises(TextTimeout):
        mine_claims("trade grew 25% in 2022 " * 1000, "en")
    report = check_text("trade grew 25% in 2022 " * 1000, name="slow.txt")
    assert report.findings == () and "took longer than" in report.problems[0]
    article = tmp_path / "slow.txt"
    article.write_text("trade grew 25% in 2022 " * 1000, encoding="utf-8")
    code, _, stderr = run("check", "--out", str(tmp_path / "r"), str(article))
    assert code == 2 and "took longer than" in stderr
    assert (tmp_path / "r" / "slow.json").is_file()  # the report says what happened
    code, _, stderr = run("mine", str(article))
    assert code == 2 and "slow.txt" in stderr


def test_a_corpus_is_streamed_and_bad_lines_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": 1, "text": "نمو بنسبة 25 في المائة"}, ensure_ascii=False).encode()]
    lines += [b'{"id": 2, "text": "\xc3\x28"}', b"not json", json.dumps({"id": 4, "text": "3 km"}).encode()]
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    code, out, err = run("mine", "--input-format", "jsonl", str(corpus))
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 4]
    assert f"{corpus}:2: bad record: not valid UTF-8 at byte" in err and f"{corpus}:3: bad record" in err


HOSTILE = [
    "1" * 50_000,
    ",.٫٬ " * 5_000,
    "مليار " * 3_000,
    "\u200f\u200e" * 10_000,
    "ـ" * 20_000,
    "بَ" * 10_000,
    "(" * 10_000 + ")" * 10_000,
    "abc123مليار" * 2_000,
    "`a" * 10_000,
    "<a " * 5_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t[:8]) for t in HOSTILE])
def test_hostile_texts_are_read_without_error(text: str) -> None:
    claims = mine_claims(text, "auto")
    for c in claims:
        assert text[c.span.start : c.span.end] == c.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(st.characters(codec="utf-8"), max_size=300).map(lambda t: t.encode()))
def test_fuzz_the_cli_never_shows_a_traceback(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.md"
    path.write_bytes(data)
    check = ["check", "--out", str(tmp_path / "r"), "--format", "sarif", str(path)]
    for args in (["mine", "--claims", str(path)], check):
        result = CliRunner().invoke(main, args)
        assert result.exit_code in (0, 1, 2), (args, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert "Traceback" not in result.output


if os.environ.get("HYPOTHESIS_PROFILE") == "nightly":  # a longer fuzz run, by hand or on a schedule
    test_fuzz_the_cli_never_shows_a_traceback = settings(max_examples=5_000)(test_fuzz_the_cli_never_shows_a_traceback)
