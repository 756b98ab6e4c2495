"""The formats other tools read: SARIF validates against the OASIS schema, locations point at the
claim in the original file (front matter and code blocks included), GitHub commands are escaped,
ClaimReview is schema.org-shaped, and no markup from an article reaches the HTML page."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from factcheck import check_text
from factcheck.report.ci import RULES, render_github, render_sarif, rule_of
from factcheck.report.claimreview import render_claimreview
from factcheck.report.html import render_html

from .conftest import ARTICLE, ROOT, SHARED, needs_shared

ENGLISH = ROOT / "examples" / "en-russia-china-energy-2024.md"
SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
DRAFT = """---
title: "A draft"
date: 2024-03-15
---
# Trade

```
trade = 999  # not a claim
```

Trade between China and Russia reached $240.1 billion in 2023,
up 30% on the year before.

    indented code 123

Egypt's GDP reached $520 billion in 2022.
"""


@pytest.fixture(scope="module")
def reports(shipped_store):
    out = [check_text(ENGLISH.read_text(encoding="utf-8"), store=shipped_store, name=f"examples/{ENGLISH.name}")]
    out.append(check_text(DRAFT, store=shipped_store, name="drafts/my draft.md"))
    if ARTICLE.is_file():
        text = ARTICLE.read_text(encoding="utf-8")
        out.append(check_text(text, date=dt.date(2022, 12, 30), store=shipped_store, name=ARTICLE.name))
    return out


@needs_shared
def test_sarif_validates_against_the_schema(reports) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(json.dumps(render_sarif(reports)))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_results_rules_and_levels(reports) -> None:
    log = render_sarif(reports)
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(RULES)
    assert run["columnKind"] == "unicodeCodePoints"
    findings = [f for r in reports for f in r.findings]
    assert len(run["results"]) == len(findings)
    for result, f in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == rule_of(f)
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        expected = {"CONTRADICTED": "error", "AMBIGUOUS": "warning", "UNVERIFIABLE": "warning"}.get(str(f.verdict))
        if expected:
            assert result["level"] == expected
    draft = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1]
    assert [r["ruleId"] for r in draft] == ["factcheck/supported", "factcheck/contradicted", "factcheck/contradicted"]
    assert draft[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/my%20draft.md"


def test_locations_point_at_the_claim_in_the_original_file(reports) -> None:
    """Each SARIF region and GitHub annotation, read back from the file's own lines, is the claim."""
    texts = {r.document.name: r.document.text for r in reports}
    for report in reports:
        lines = report.document.text.splitlines()
        for result in render_sarif([report])["runs"][0]["results"]:
            region = result["locations"][0]["physicalLocation"]["region"]
            assert region["startLine"] == region["endLine"]
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
        for command in render_github([report], {"UNVERIFIABLE", "AMBIGUOUS", "PENDING"}).splitlines():
            props = dict(p.split("=", 1) for p in command.split(" ", 1)[1].split("::")[0].split(","))
            line = texts[report.document.name].splitlines()[int(props["line"]) - 1]
            snippet = line[int(props["col"]) - 1 : int(props["endColumn"])]
            assert snippet and snippet in {f.claim.text for f in report.findings}
    draft = reports[1]
    positions = [draft.document.position(f.claim.span.start) for f in draft.findings]
    assert positions == [(11, 40), (12, 4), (16, 21)]  # after the front matter, the fence and the indented code


def test_fingerprints_survive_a_line_moving(shipped_store) -> None:
    first = render_sarif([check_text(DRAFT, store=shipped_store, name="d.md")])
    moved = render_sarif(
        [check_text(DRAFT.replace("# Trade\n", "# Trade\n\nA new paragraph.\n"), store=shipped_store, name="d.md")]
    )
    prints = [r["partialFingerprints"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in moved["runs"][0]["results"]]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved["runs"][0]["results"]]
    assert lines == [13, 14, 18]


def test_github_commands_are_escaped_and_filtered(reports) -> None:
    draft = reports[1]
    out = render_github([draft]).splitlines()
    assert len(out) == 2 and all(line.startswith("::error file=drafts/my draft.md,line=") for line in out)
    assert "%25" in out[0] and "\n" not in out[0]  # "30%" in the message
    assert re.search(r"title=factcheck%3A contradicted · 30%25::", out[0])
    assert render_github([reports[0]], {"PENDING"}).count("::warning ") == 1


def test_claimreview(reports) -> None:
    reviews = render_claimreview(
        [reports[1]], author="Newsroom", author_url="https://example.org", url="https://example.org/a"
    )
    assert len(reviews) == len(reports[1].findings)
    r = reviews[1]
    assert (r["@context"], r["@type"]) == ("https://schema.org", "ClaimReview")
    assert (
        r["claimReviewed"]
        == "Trade between China and Russia reached $240.1 billion in 2023, up 30% on the year before."
    )
    assert r["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork", "url": "https://example.org/a", "headline": "A draft", "datePublished": "2024-03-15",
    }  # fmt: skip
    assert r["reviewRating"]["alternateName"] == "False" and r["reviewRating"]["ratingValue"] == 1
    assert r["author"] == {"@type": "Organization", "name": "Newsroom", "url": "https://example.org"}
    assert reviews[0]["reviewRating"]["alternateName"] == "True"


HOSTILE = (
    'Trade reached $240.1 billion in 2023 <script>document.title="pwned"</script> and '
    '<img src=x onerror="document.title=\'pwned\'"> between Russia and China, "quoted" & <b>bold</b>.'
)


def test_no_markup_from_an_article_reaches_the_page(shipped_store) -> None:
    page = render_html(check_text(HOSTILE, store=shipped_store, name="<img src=x onerror=alert(1)>.txt"))
    assert "<script" not in page.lower()
    assert "<img" not in page.lower() and "<b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=" in page
    assert "script-src" not in page and "default-src 'none'" in page  # the page's policy forbids scripts


def test_html_page_shape(shipped_store) -> None:
    report = check_text(DRAFT, store=shipped_store, name="d.md")
    page = render_html(report)
    assert page.startswith("<!doctype html>") and '<html lang="en" dir="ltr">' in page
    for f in report.findings:
        assert f'id="claim-{f.claim.id}" href="#card-{f.claim.id}"' in page
        assert f'id="card-{f.claim.id}"' in page
    assert page.count("<svg") >= 2 and "999" not in page.split("<article")[1].split("</article>")[0]
    if ARTICLE.is_file():
        arabic = check_text(ARTICLE.read_text(encoding="utf-8"), store=shipped_store, name="a.txt")
        assert '<html lang="ar" dir="rtl">' in render_html(arabic)


def test_json_numbers_keep_every_digit_of_very_long_figures() -> None:
    from decimal import Decimal

    from factcheck.jsonout import decimal_text

    # more digits than the default decimal context holds (28): a 40-digit amount is written whole
    assert decimal_text(Decimal("9" * 28)) == "9" * 28
    assert decimal_text(Decimal("1" * 40)) == "1" * 40
    assert decimal_text(Decimal("1E-30")) == "0." + "0" * 29 + "1"
    assert decimal_text(Decimal("2E+11")) == "200000000000"
