"""The HTML report in a real browser: headless Chromium, driven by selenium.

``.ci/run`` installs Debian's chromium and chromium-driver and sets FACTCHECK_REQUIRE_BROWSER=1, so
in CI these tests run or fail; elsewhere they are skipped, saying why, when no browser is installed.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from pathlib import Path

import pytest

from factcheck import check_text
from factcheck.report.html import render_html

from .conftest import ARTICLE, ROOT, needs_shared
from .test_formats import HOSTILE


def _helper():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "scripts" / "screenshot_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HELPER = _helper()
REQUIRED = os.environ.get("FACTCHECK_REQUIRE_BROWSER") == "1"
try:
    import selenium  # noqa: F401

    HAVE_SELENIUM = True
except ImportError:  # pragma: no cover - the test extra installs it
    HAVE_SELENIUM = False
AVAILABLE = HAVE_SELENIUM and HELPER.find_browser() is not None
pytestmark = pytest.mark.skipif(
    not AVAILABLE and not REQUIRED,
    reason="no chromium/chromedriver or selenium here (.ci/run installs them and requires this test)",
)


@pytest.fixture(scope="module")
def browser():
    driver = HELPER.start_browser(1300, 900)
    yield driver
    driver.quit()


def _open(browser, tmp_path: Path, report, name: str = "report.html", fragment: str = "") -> None:
    page = tmp_path / name
    page.write_text(render_html(report), encoding="utf-8")
    browser.get(page.resolve().as_uri() + fragment)


@needs_shared
def test_the_shared_article_report_in_a_browser(browser, shipped_store, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    text = ARTICLE.read_text(encoding="utf-8")
    report = check_text(text, date=dt.date(2022, 12, 30), store=shipped_store, name=ARTICLE.name)
    _open(browser, tmp_path, report)
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    assert browser.execute_script("return getComputedStyle(document.querySelector('article')).direction") == "rtl"
    marks = browser.find_elements(By.CSS_SELECTOR, "a.claim")
    assert [m.get_attribute("id") for m in marks] == [f"claim-{f.claim.id}" for f in report.findings]
    for f, mark in zip(report.findings, marks, strict=True):
        card = browser.find_element(By.ID, f"card-{f.claim.id}")
        mark.click()
        assert card.is_displayed(), f.claim.id
        assert str(f.verdict) in card.text
        assert card.find_elements(By.TAG_NAME, "svg"), f.claim.id  # its chart
        others = [c for c in browser.find_elements(By.CSS_SELECTOR, ".card") if c != card]
        assert not any(c.is_displayed() for c in others)  # one card at a time
    # every check-worthy number is marked, in the verdict's colour
    colours = {m.get_attribute("data-verdict") for m in marks}
    assert colours == {"CONTRADICTED", "PREDICTION", "SUPPORTED"}


def test_an_article_with_markup_runs_nothing(browser, shipped_store, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    report = check_text(HOSTILE, store=shipped_store, name="hostile.txt")
    _open(browser, tmp_path, report, "hostile.html")
    assert browser.title == "factcheck report: hostile.txt"  # the article's script did not rename the page
    assert browser.find_elements(By.TAG_NAME, "script") == []
    assert browser.find_elements(By.TAG_NAME, "img") == []
    article = browser.find_element(By.TAG_NAME, "article").text
    assert '<script>document.title="pwned"</script>' in article and "<img src=x onerror=" in article
    logs = browser.get_log("browser") if hasattr(browser, "get_log") else []
    assert not [entry for entry in logs if "pwned" in str(entry)]


def test_the_readme_screenshot_can_be_made(shipped_store, tmp_path: Path) -> None:
    example = ROOT / "examples" / "ar-russia-china-trade-2023.txt"
    report = check_text(example.read_text(encoding="utf-8"), store=shipped_store, name=example.name)
    page = tmp_path / "example.html"
    page.write_text(render_html(report), encoding="utf-8")
    out = tmp_path / "example.png"
    assert HELPER.main([str(page), str(out), "--card", "c1"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    kept = ROOT / "reports" / "examples" / "ar-russia-china-trade-2023.png"
    assert kept.is_file() and kept.stat().st_size > 10_000  # the picture the README shows
