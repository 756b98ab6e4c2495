"""bench/articles.py: the generated corpus is deterministic, and its manifest is true to the articles
and to the shipped reference data."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reference_data"

_spec = importlib.util.spec_from_file_location("bench_articles", ROOT / "bench" / "articles.py")
assert _spec is not None and _spec.loader is not None
articles = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_articles", articles)
_spec.loader.exec_module(articles)


@pytest.fixture(scope="module")
def corpus() -> list:
    return articles.make_corpus(100, seed=0)


def test_same_seed_same_articles() -> None:
    assert articles.make_articles(12, seed=7) == articles.make_articles(12, seed=7)
    assert articles.make_articles(12, seed=7) != articles.make_articles(12, seed=8)


def test_n_filenames_and_languages() -> None:
    assert articles.make_articles(0) == []
    pairs = articles.make_articles(9, seed=3)
    assert len(pairs) == 9
    names = [name for name, _ in pairs]
    assert len(set(names)) == 9
    assert all(re.fullmatch(r"(ar|en)-\d{4}\.(md|txt)", name) for name in names)
    langs = [name[:2] for name in names]
    assert sorted(langs) == ["ar"] * 5 + ["en"] * 4
    for name, text in pairs:
        script = r"[\u0600-\u06ff]" if name.startswith("ar") else "[A-Za-z]"
        assert len(re.findall(script, text)) > len(text) / 3, name


def test_article_shape(corpus: list) -> None:
    assert {a.filename.rsplit(".", 1)[1] for a in corpus} == {"md", "txt"}
    dated = [a for a in corpus if a.record["date"]]
    assert 15 <= len(dated) <= 45
    for article in corpus:
        assert 250 <= len(article.text) <= 2000, article.filename
        assert len(article.record["claims"]) >= 2, article.filename
        if article.record["date"]:
            assert article.filename.endswith(".md")
            assert article.text.startswith("---\n")
            assert f"\ndate: {article.record['date']}\n" in article.text
            assert "2019-01-01" <= article.record["date"] <= "2024-12-31"
            year = int(article.record["date"][:4])
            assert all(c["key"]["year"] < year for c in article.record["claims"]), article.filename
    assert any("```" in a.text for a in corpus)
    assert any(re.search(r"^(- |1\. )", a.text, re.MULTILINE) for a in corpus)
    assert any(re.search("[٠-٩]", a.text) for a in corpus)


def test_claims_are_where_the_manifest_says(corpus: list) -> None:
    for article in corpus:
        for item in article.record["claims"] + article.record["uncovered"]:
            assert article.text[item["start"] : item["end"]] == item["text"], article.filename


def test_true_values_are_the_reference_data(corpus: list) -> None:
    """Re-read every cited cell from the data files, independently of the generator."""
    by_dataset: dict[str, list[dict]] = {}
    for article in corpus:
        for claim in article.record["claims"]:
            by_dataset.setdefault(claim["dataset"], []).append(claim)
    assert len(by_dataset) >= 8
    for dataset, claims in by_dataset.items():
        with (REFERENCE / f"{dataset}.toml").open("rb") as f:
            path = REFERENCE / tomllib.load(f)["data"]
        columns = list(claims[0]["key"])
        wanted = {tuple(str(c["key"][k]) for k in columns) for c in claims}
        rows: dict[tuple[str, ...], list[dict[str, str]]] = {}
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                key = tuple(row[k] for k in columns)
                if key in wanted:
                    rows.setdefault(key, []).append(row)
        for claim in claims:
            matches = rows.get(tuple(str(claim["key"][k]) for k in columns), [])
            assert len(matches) == 1, claim
            assert matches[0][claim["column"]] == claim["true_value"], claim


def test_written_values_are_right_or_deliberately_wrong(corpus: list) -> None:
    claims = [c for a in corpus for c in a.record["claims"]]
    wrong = [c for c in claims if c["wrong"]]
    assert 0.1 * len(claims) <= len(wrong) <= 0.4 * len(claims)
    for claim in claims:
        true, written = Decimal(claim["true_value"]), Decimal(claim["written_value"])
        if claim["kind"] == "rank":
            assert (true != written) == claim["wrong"], claim
            continue
        deviation = abs(written - true) / abs(true)
        assert (deviation >= Decimal("0.1")) if claim["wrong"] else (deviation <= Decimal("0.05")), claim
        if not claim["wrong"] and claim["hedge"] == "more_than":
            assert abs(written) < abs(true), claim
        if not claim["wrong"] and claim["hedge"] == "nearly":
            assert abs(written) > abs(true), claim


def test_main_writes_articles_and_manifest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "corpus"
    assert articles.main([str(out), "--n", "6", "--seed", "2"]) == 0
    assert "wrote 6 articles" in capsys.readouterr().out
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = articles.make_articles(6, seed=2)
    assert [r["file"] for r in records] == [name for name, _ in expected]
    assert sorted(p.name for p in out.iterdir()) == sorted([name for name, _ in expected] + ["manifest.jsonl"])
    for record, (name, text) in zip(records, expected, strict=True):
        assert (out / name).read_text(encoding="utf-8") == text
        assert record["lang"] == name[:2]
        for claim in record["claims"]:
            assert set(claim) >= {"text", "dataset", "true_value", "written_value", "wrong"}
            assert text[claim["start"] : claim["end"]] == claim["text"]
