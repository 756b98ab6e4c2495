"""A fuzz of the whole command line: every command, every --format, options from their valid sets
and junk values, files with digits, Arabic and hostile front matter.

Whatever is drawn, the run ends with a documented exit status (0, 1 or 2; 3 would be a bug), an
exception only as ``SystemExit``, no traceback in the output, and no file written outside the
run's temporary folders.  Bounded (``max_examples``) so that it runs in CI in seconds.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]

JUNK = ["", " ", "-", "--", "nan", "inf", "-1", "0", "1e308", "../x", "x\x00y", "\u202e", "ar,en", "FY;--", "٣"]
SNIPPETS = [
    "25%",
    "$520 billion",
    "476.7",
    "in 2022",
    "GDP",
    "exports rose 3 points",
    "٢٥ في المائة",
    "مليار دولار",
    "نما حجم التبادل التجاري بين روسيا والصين",
    "الناتج المحلي لمصر",
    "\u200f",
    "ـ",
    "```\n1 2 3\n```",
    "<b>5</b>",
    "[x](http://e/1)",
    "\n",
    " ",
]
FRONT_VALUES = {
    "date": ["2022-12-30", "2022-13-45", "yesterday", "", "0000-00-00", "2022-12-30T99"],
    "lang": ["ar", "en", "auto", "xx", "ar-MA", "", "<script>", "../../etc"],
    "url": ["https://example.org/a", "javascript:alert(1)", "", "http://[::1", '"><script>'],
    "title": ["A <script>alert(1)</script>", "\u202eevil", "", "---"],
}


def _front_matter() -> st.SearchStrategy[str]:
    field = st.sampled_from(sorted(FRONT_VALUES)).flatmap(
        lambda key: st.sampled_from(FRONT_VALUES[key]).map(lambda v: f"{key}: {v}\n")
    )
    return st.lists(field, max_size=4).map(lambda lines: "---\n" + "".join(lines) + "---\n")


_TEXT = st.lists(
    st.sampled_from(SNIPPETS) | st.text(st.sampled_from("0123456789٠١٢٣٤٥,.%$ مليارabc\n"), max_size=12), max_size=12
).map(" ".join)
CONTENT = st.one_of(
    st.tuples(st.just(""), _TEXT),
    st.tuples(_front_matter(), _TEXT),
).map("".join).map(lambda t: t.encode("utf-8")) | st.binary(max_size=64)


def _value(valid: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(valid) | st.sampled_from(JUNK)


def _options(choices: dict[str, list[str]]) -> st.SearchStrategy[list[str]]:
    """Some of ``choices`` (option -> valid values), each given a valid or a junk value."""
    flags = st.lists(st.sampled_from(sorted(choices)), unique=True, max_size=4)
    return flags.flatmap(
        lambda names: st.tuples(*(_value(choices[n]).map(lambda v, n=n: [n, v]) for n in names)).map(
            lambda pairs: [x for pair in pairs for x in pair]
        )
    )


MINE = {
    "--lang": ["auto", "ar", "en", "ar-MA"],
    "--format": ["jsonl", "table"],
    "--input-format": ["text", "jsonl"],
    "--date": ["2022-12-30", "2023-06-01"],
    "--max-mb": ["10", "0.001", "1024"],
}
CHECK = {
    "--lang": ["auto", "ar", "en"],
    "--format": ["table", "md", "json", "html", "sarif", "github", "claimreview"],
    "--input-format": ["auto", "text", "markdown"],
    "--date": ["2022-12-30"],
    "--fail-on": ["contradicted", "none", "contradicted,unverifiable", "ambiguous,pending,not_met"],
    "--warn-on": ["ambiguous", "unverifiable,pending", ""],
    "--tolerance": ["hedge.relative=0.1", "hedge.points=5"],
    "--max-mb": ["10", "0.001"],
    "--author": ["factcheck", "<b>me</b>"],
}
QUERY = {
    "--counterpart": ["RUS", "CHN", "Russia", "روسيا"],
    "--year": ["2021", "2022", "1900"],
    "--period": ["FY", "H1", "Q3", "Jan", "Jan-Nov"],
    "--category": ["flow=total", "flow=exports", "mode=LNG"],
    "--measure": ["value", "series", "growth", "rank", "share", "latest"],
    "--by": ["entity", "counterpart"],
    "--as-of": ["2023-06-01"],
    "--format": ["table", "json"],
}


@st.composite
def invocations(draw: st.DrawFn, command: str, fmt: str | None) -> tuple[list[str], bytes, bool]:
    """(arguments with {file}/{out}/{folder} placeholders, file content, read stdin?) for
    ``command`` with ``--format fmt`` (None: the command has no --format)."""
    content = draw(CONTENT)
    stdin = draw(st.booleans())
    source = "-" if stdin else draw(st.sampled_from(["{file}"] * 4 + ["{folder}", "absent.txt", "x\x00y", ""]))
    if command == "mine":
        args = ["mine", *draw(_options(MINE)), *draw(st.lists(st.just("--claims"), max_size=1)), source]
        args[1:1] = ["--format", fmt]
    elif command == "check":
        out = draw(st.sampled_from(["{out}"] * 6 + ["{file}", "x\x00y", ""]))
        args = ["check", "--out", out, "--format", fmt, *draw(_options(CHECK)), source]
        if draw(st.booleans()):
            args.append("{file}")
    elif command == "ref list":
        args = ["ref", "list", "--format", fmt]
    elif command == "ref show":
        args = ["ref", "show", draw(_value(["ru_cn_trade", "wb_gdp", "nope"]))]
    elif command == "ref validate":
        args = ["ref", "validate", *draw(st.lists(st.sampled_from(["{file}", "{folder}"]), max_size=2))]
    else:
        entity = draw(_value(["CHN", "RUS", "Egypt", "مصر"]))
        dataset = draw(_value(["ru_cn_trade", "nope"]))
        args = ["ref", "query", dataset, "--entity", entity, "--format", fmt, *draw(_options(QUERY))]
    return args, content, stdin


@pytest.fixture(autouse=True)
def _cache(shipped_store, shipped_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE", str(shipped_cache))  # the CLI reuses the session's load
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)


def _listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.is_dir() else set()


COMMANDS = [
    *(("mine", f) for f in MINE["--format"]),
    *(("check", f) for f in CHECK["--format"]),
    *(("ref list", f) for f in ("table", "json")),
    ("ref show", None),
    ("ref validate", None),
    *(("ref query", f) for f in QUERY["--format"]),
]


@pytest.mark.parametrize(("command", "fmt"), COMMANDS)
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_every_command_and_format_ends_cleanly(
    command: str, fmt: str | None, data: st.DataObject, shipped_cache: Path
) -> None:
    """Four drawn runs for each command and format: 60 in all, a few seconds."""
    args, content, stdin = data.draw(invocations(command, fmt))
    root_before = set(os.listdir(ROOT))
    cache_before = _listing(shipped_cache)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        work = base / "work"
        work.mkdir()
        article = base / "article.md"
        article.write_bytes(content)
        filled = [a.format(file=article, out=base / "out", folder=base) if "{" in a else a for a in args]
        cwd = os.getcwd()
        os.chdir(work)  # a relative junk path lands here, never in the project
        try:
            result = CliRunner().invoke(main, filled, input=content if stdin else None)
        finally:
            os.chdir(cwd)
        shown = f"{filled!r} -> {result.exit_code}: {result.output[-2000:]}"
        assert result.exit_code in (0, 1, 2), shown
        assert result.exception is None or isinstance(result.exception, SystemExit), shown
        assert "Traceback" not in result.output, shown
        assert "internal error" not in result.output, shown
        assert not any(p.name.endswith(".tmp") for p in base.rglob("*")), shown  # no temporary file left
        assert _listing(work) == set(), shown  # nothing written where it was not asked for
    assert set(os.listdir(ROOT)) == root_before
    assert _listing(shipped_cache) <= cache_before | {p for p in _listing(shipped_cache) if p.endswith(".pickle")}
