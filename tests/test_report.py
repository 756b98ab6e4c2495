"""Reports: golden renderings of the shared article, stable bytes, and the terminal summary.

The golden files (every format, for the shared article and for our own English example) were
read through by hand against the articles and the reference rows: the verdicts, values, periods,
rows and citations they show are the ones issue 5 names for the shared article (see also
tests/test_verify.py, which asserts them one by one), and for the English example the figures
written into it from the shipped data.  Regenerate them after a deliberate change
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
from factcheck.report.ci import render_github, render_sarif
from factcheck.report.claimreview import render_claimreview
from factcheck.report.html import render_html
from factcheck.report.markdown import render_markdown
from factcheck.report.table import render_table

from .conftest import ARTICLE, ROOT, needs_shared

GOLDEN = ROOT / "tests" / "golden"
ENGLISH = ROOT / "examples" / "en-russia-china-energy-2024.md"


@pytest.fixture(scope="module")
def report(shipped_store):
    text = ARTICLE.read_text(encoding="utf-8")
    return check_text(text, date=dt.date(2022, 12, 30), store=shipped_store, name=ARTICLE.name)


@pytest.fixture(scope="module")
def english(shipped_store):
    text = ENGLISH.read_text(encoding="utf-8")
    return check_text(text, store=shipped_store, name=f"examples/{ENGLISH.name}")


def _render(report, kind: str) -> str:
    if kind == "json":
        return render_json(report)
    if kind == "md":
        return render_markdown(report)
    if kind == "html":
        return render_html(report)
    if kind == "sarif":
        return json.dumps(render_sarif([report]), ensure_ascii=False, indent=2) + "\n"
    if kind == "github":
        return render_github([report], {"AMBIGUOUS", "UNVERIFIABLE", "PENDING"})
    return json.dumps(render_claimreview([report], "factcheck"), ensure_ascii=False, indent=2) + "\n"


def _stable(text: str, kind: str) -> str:
    """The rendering without what changes with every release or data edit (recorded elsewhere)."""
    text = re.sub(r"[0-9a-f]{64}", "<hash>", text)
    text = re.sub(r"(Reference data:? `?)[0-9a-f]{16}", r"\1<hash>", text)
    return re.sub(r'"version": "[^"]+"', '"version": "<version>"', text)


def _golden(rendered: str, path) -> None:
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert _stable(rendered, path.suffix) == _stable(path.read_text(encoding="utf-8"), path.suffix)


KINDS = ["json", "md", "html", "sarif", "github", "claimreview"]


@needs_shared
@pytest.mark.parametrize("kind", KINDS)
def test_golden_reports_of_the_shared_article(report, kind: str) -> None:
    _golden(_render(report, kind), GOLDEN / f"asharq-2022-12-30.report.{kind}")


@pytest.mark.parametrize("kind", KINDS)
def test_golden_reports_of_our_english_article(english, kind: str) -> None:
    _golden(_render(english, kind), GOLDEN / f"en-russia-china-energy-2024.report.{kind}")


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
    # judged on January-November 2022, the figures public on 30 December 2022
    assert [v["value"] for v in growth["values"]] == [Decimal("32"), Decimal("32.184807")]
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
