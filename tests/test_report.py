"""Reports: golden renderings of the shared article, stable bytes, and the terminal summary.

The golden files were read through by hand against the article and the reference rows: the
verdicts, values, periods, rows and citations they show are the ones issue 5 names (see also
tests/test_verify.py, which asserts them one by one).  Regenerate them after a deliberate change
with ``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_report.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re

import pytest

from factcheck import check_text
from factcheck.report import render_json
from factcheck.report.markdown import render_markdown
from factcheck.report.table import render_table

from .conftest import ARTICLE, ROOT, needs_shared

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def report(shipped_store):
    text = ARTICLE.read_text(encoding="utf-8")
    return check_text(text, date=dt.date(2022, 12, 30), store=shipped_store, name=ARTICLE.name)


def _stable_json(text: str) -> dict:
    """The report without what changes with every release or data edit (recorded elsewhere)."""
    data = json.loads(text)
    data["tool"].pop("version")
    data["reference"].pop("content_hash")
    return data


def _stable_md(text: str) -> str:
    return re.sub(r"- Reference data: `[0-9a-f]+`", "- Reference data: `...`", text)


@needs_shared
@pytest.mark.parametrize("kind", ["json", "md"])
def test_golden_reports_of_the_shared_article(report, kind: str) -> None:
    rendered = render_json(report) if kind == "json" else render_markdown(report)
    path = GOLDEN / f"asharq-2022-12-30.report.{kind}"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if kind == "json":
        assert _stable_json(rendered) == _stable_json(expected)
    else:
        assert _stable_md(rendered) == _stable_md(expected)


@needs_shared
def test_two_runs_give_the_same_bytes(shipped_store, report) -> None:
    again = check_text(
        ARTICLE.read_text(encoding="utf-8"), date=dt.date(2022, 12, 30), store=shipped_store, name=ARTICLE.name
    )
    assert render_json(again) == render_json(report)
    assert render_markdown(again) == render_markdown(report)


@needs_shared
def test_json_numbers_are_exact(report) -> None:
    from decimal import Decimal

    data = json.loads(render_json(report), parse_float=Decimal)
    growth = data["findings"][0]["reference"]
    assert [v["value"] for v in growth["values"]] == [Decimal("29.3"), Decimal("29.535629")]
    assert data["findings"][1]["reference"]["value"] == 240110000000


@needs_shared
def test_terminal_table(report) -> None:
    lines = render_table(report).splitlines()
    assert lines[0].endswith("(date 2022-12-30, option)")
    assert lines[1].split() == ["claim", "where", "verdict", "claimed", "finding"]
    assert lines[-1] == "4 checked: 2 supported, 1 contradicted, 1 prediction, 1 met, 4 not check worthy"


def test_a_report_on_text_without_claims(shipped_store) -> None:
    r = check_text("No numbers here.", store=shipped_store)
    assert r.findings == () and r.claims == ()
    assert json.loads(render_json(r))["summary"]["claims"] == 0
    assert "None." in render_markdown(r)
