"""The same text gives the same report in every run: nothing may depend on the order a set or
dict of strings happens to iterate in, which changes with Python's hash seed from one process to
the next.  Our example articles and the real articles of the measuring set are checked in two
processes with different seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_SCRIPT = """
import datetime as dt
import json
import sys
from pathlib import Path
from factcheck.check import check_document, check_text, read_document
from factcheck.report import render_json
root = Path(sys.argv[1])
for path in sorted((root / "examples").iterdir()):
    doc, _ = read_document(path.read_text(encoding="utf-8"), path.name)
    print(render_json(check_document(doc)))
for lang in ("ar", "en"):
    articles = {}
    for line in (root / "bench" / "realworld" / "articles" / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        articles.setdefault(record["url"], []).append(record)
    for records in articles.values():
        date = records[0].get("date")
        text = "\\n\\n".join(r["sentence"] for r in records)
        print(render_json(check_text(text, lang, dt.date.fromisoformat(date) if date else None)))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(ROOT)], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_reports_do_not_depend_on_the_hash_seed() -> None:
    first = _run("0")
    assert first.count('"findings"') >= 40  # the examples and the articles were read
    assert _run("1") == first
