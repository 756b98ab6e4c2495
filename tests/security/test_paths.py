"""Files the tool writes and reads (H3, L1, L2, L3, M13): unique report names, the user's umask,
stale temporary files cleaned, no blocking on a FIFO, report sets from one run."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import files
from factcheck.check import report_stem
from factcheck.cli import main
from factcheck.cli.inputs import read_text
from factcheck.errors import InputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

RIGHT = "Egypt's GDP reached $476.7 billion in 2022.\n"


@pytest.fixture(autouse=True)
def _cache(shipped_store, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))  # the CLI reuses the session's load


def check(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _article(folder: Path, name: str, text: str = RIGHT) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# H3 ------------------------------------------------------------------------------------------


def test_h3_report_names_never_collide(tmp_path: Path) -> None:
    inputs = [_article(tmp_path, n) for n in ("x/a.txt", "y/a.txt", "a-2.txt", "A.md")]
    names = files.unique_stems([(report_stem(str(p)), str(p)) for p in inputs])
    assert len({n.casefold() for n in names}) == len(names)
    assert names[2] == "a-2"  # a stem used once stays as it is
    assert names == files.unique_stems([(report_stem(str(p)), str(p)) for p in inputs])  # deterministic
    out = tmp_path / "r"
    code, _ = check("--out", str(out), *map(str, inputs))
    assert code == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{n}.{s}" for n in names for s in ("html", "json", "md"))
    for name, path in zip(names, inputs, strict=True):  # each report is about its own input
        assert json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["input"]["name"] == str(path)


@given(st.lists(st.sampled_from(["a", "A", "a-2", "b", "a-1a2b3c4d", ".a", "a.txt"]), min_size=1, max_size=6))
def test_h3_unique_stems_distinct_for_distinct_inputs(stems: list[str]) -> None:
    items = [(report_stem(s), f"dir{i}/{s}") for i, s in enumerate(stems)]
    names = files.unique_stems(items)
    assert len({n.casefold() for n in names}) == len(names)
    assert not any(n.startswith(".") for n in names)


def test_h3_a_report_never_replaces_an_input_or_a_foreign_file(tmp_path: Path) -> None:
    article = _article(tmp_path, "a.md", "# Title\n\n" + RIGHT)
    before = article.read_bytes()
    code, output = check("--out", str(tmp_path), str(article))  # the report a.md would replace the article
    assert code == 2 and "is one of the input files" in output
    assert article.read_bytes() == before
    out = tmp_path / "out"
    notes = _article(out, "b.json", "my own notes\n")
    code, output = check("--out", str(out), str(_article(tmp_path, "b.txt")))
    assert code == 2 and "not written by factcheck" in output
    assert notes.read_text(encoding="utf-8") == "my own notes\n"
    assert not list(out.glob("b.*[lm]*"))  # nothing of the set was written


# L1 ------------------------------------------------------------------------------------------


def test_l1_reports_get_the_users_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        code, _ = check("--out", str(tmp_path / "r"), str(_article(tmp_path, "a.txt")))
        written = files.write_atomic(tmp_path / "w" / "one.txt", "x")
    finally:
        os.umask(old)
    assert code == 0
    for path in [*(tmp_path / "r").iterdir(), written]:
        assert path.stat().st_mode & 0o777 == 0o644, path
    os.umask(0o077)
    try:
        files.write_atomic(tmp_path / "w" / "two.txt", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "w" / "two.txt").stat().st_mode & 0o777 == 0o600


# L2 ------------------------------------------------------------------------------------------


def test_l2_stale_temporary_files_are_cleaned_up(tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    stale = out / f"{files.TEMP_PREFIX}0123456789abcdef.tmp"
    stale_wal = out / f"{files.TEMP_PREFIX}0123456789abcdef.tmp.wal"
    fresh = out / f"{files.TEMP_PREFIX}fedcba9876543210.tmp"
    other = out / "someone-else.tmp"
    for path in (stale, stale_wal, fresh, other):
        path.write_text("left by a killed run", encoding="utf-8")
    old = time.time() - files.STALE_SECONDS - 60
    for path in (stale, stale_wal, other):
        os.utime(path, (old, old))
    code, _ = check("--out", str(out), str(_article(tmp_path, "a.txt")))
    assert code == 0
    assert not stale.exists() and not stale_wal.exists()
    assert fresh.exists()  # may belong to a run going on now
    assert other.exists()  # not ours


def test_l2_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(InputError, match="No space left"):
        files.write_set(tmp_path, {"a.md": "x", "a.json": "y"})
    assert list(tmp_path.iterdir()) == []


# L3 ------------------------------------------------------------------------------------------


def test_l3_a_fifo_never_blocks(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def run() -> None:
        outcome.append(check("--out", str(tmp_path / "r"), str(fifo)))  # as an input FILE
        outcome.append(check("--out", str(fifo), str(_article(tmp_path, "a.txt"))))  # as --out
        outcome.append(check("--out", str(tmp_path / "r"), "--db", str(fifo), str(_article(tmp_path, "a.txt"))))
        outcome.append(CliRunner().invoke(main, ["mine", str(fifo)]).output)
        with pytest.raises(InputError, match="named pipe"):
            read_text(str(fifo))
        with pytest.raises(InputError, match="named pipe"):
            files.write_atomic(fifo, "x")
        outcome.append("api")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("a FIFO blocked the run")
    assert outcome[-1] == "api", outcome
    (input_code, input_out), (out_code, out_out), (db_code, db_out) = outcome[:3]  # type: ignore[misc]
    assert input_code == 2 and "named pipe" in input_out
    assert out_code == 2 and "not a directory" in out_out
    assert db_code == 2 and "named pipe" in db_out
    assert "named pipe" in outcome[3]  # type: ignore[operator]


def test_l3_open_input_checks_the_opened_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A FIFO swapped in between the stat and the open is caught by fstat (and the open does not block)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    regular = os.stat(_article(tmp_path, "a.txt"))
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: regular if str(p) == str(fifo) else real_stat(p, *a, **k))
    with pytest.raises(InputError, match="named pipe"):
        files.open_input(fifo)


# M13 -----------------------------------------------------------------------------------------


@pytest.mark.skipif(fcntl is None, reason="advisory locks need fcntl (POSIX)")
def test_m13_a_report_set_waits_for_the_directory_lock(tmp_path: Path) -> None:
    """Another run holding the output directory's lock keeps this run's set out until it is done."""
    out = tmp_path / "r"
    files.write_set(out, {f"a.{s}": "first run" for s in ("md", "json", "html")})
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run, in the middle of writing its set
    worker = threading.Thread(target=files.write_set, args=(out, {f"a.{s}": "second run" for s in ("md", "json")}))
    try:
        worker.start()
        worker.join(0.5)
        assert worker.is_alive()  # waiting
        assert {(out / f"a.{s}").read_text(encoding="utf-8") for s in ("md", "json")} == {"first run"}
    finally:
        os.close(fd)
    worker.join(10)
    assert not worker.is_alive()
    assert {(out / f"a.{s}").read_text(encoding="utf-8") for s in ("md", "json")} == {"second run"}


def test_m13_a_report_set_comes_from_one_run(tmp_path: Path) -> None:
    out = tmp_path / "r"
    runs = 6
    barrier = threading.Barrier(runs)
    errors: list[BaseException] = []

    def write(run: int) -> None:
        try:
            barrier.wait()
            for _ in range(10):
                files.write_set(out, {f"a.{s}": f"run {run} " * 500 for s in ("md", "json", "html")})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(runs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    contents = {(out / f"a.{s}").read_text(encoding="utf-8") for s in ("md", "json", "html")}
    assert len(contents) == 1  # all three from the same run
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.json", "a.md"]  # no temporary file left
