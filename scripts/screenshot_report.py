"""Screenshot an HTML report in headless Chromium (Debian's chromium and chromium-driver).

Usage::

    python scripts/screenshot_report.py REPORT.html OUT.png [--card c1] [--width 1300] [--height 900]

Used to make the picture of the example article's report shown in the README
(``reports/examples/ar-russia-china-trade-2023.png``).  Needs the ``test`` extra (selenium).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def find_browser() -> tuple[str, str] | None:
    """Chromium and its driver, when both are installed."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def start_browser(width: int = 1300, height: int = 900) -> Any:
    """A headless Chromium driven by selenium, with no network of its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if found is None:
        raise RuntimeError("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    browser, driver = found
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='factcheck-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    return webdriver.Chrome(options=options, service=Service(executable_path=driver))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--card", help="open this claim's evidence card (c1, c2 ...)")
    parser.add_argument("--width", type=int, default=1300)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    driver = start_browser(args.width, args.height)
    try:
        url = args.report.resolve().as_uri() + (f"#card-{args.card}" if args.card else "")
        driver.get(url)
        if args.card:
            driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(args.out))
    finally:
        driver.quit()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
