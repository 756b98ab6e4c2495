"""How often factcheck's verdicts agree with what a generated article meant.

Usage::

    python bench/accuracy.py [--n 200] [--seed 0] [--failures]

Generates ``--n`` articles with ``bench/articles.py`` (each figure taken from the shipped reference
data, some deliberately wrong), checks them with :func:`factcheck.check_text`, and for every figure
the generator wrote finds the claim that covers it.  Prints, by language, how many right figures
were SUPPORTED and how many wrong ones CONTRADICTED, and where the others went (UNVERIFIABLE,
AMBIGUOUS, PREDICTION, not found or not check-worthy).  ``--failures`` lists the disagreements.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _articles():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_articles", HERE / "articles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_articles"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args(argv)

    from factcheck import check_text
    from factcheck.reference.store import open_store

    store = open_store()
    corpus = _articles().make_corpus(args.n, args.seed)
    tally: dict[str, Counter[str]] = {"ar": Counter(), "en": Counter()}
    failures = []
    for article in corpus:
        name, text, record = article.filename, article.text, article.record
        date = dt.date.fromisoformat(record["date"]) if record["date"] else None
        report = check_text(text, name=name, date=None, store=store)
        assert report.date == date
        for claim in record["claims"]:
            expected = "CONTRADICTED" if claim["wrong"] else "SUPPORTED"
            found = [
                f for f in report.findings if f.claim.span.start < claim["end"] and claim["start"] < f.claim.span.end
            ]
            skipped = [
                c for c in report.not_check_worthy if c.span.start < claim["end"] and claim["start"] < c.span.end
            ]
            if found:
                got = str(found[0].verdict)
            elif skipped:
                got = "not check-worthy"
            else:
                got = "not found"
            tally[record["lang"]][(expected, got)] += 1  # type: ignore[index]
            if got != expected:
                why = found[0].explanation if found else (skipped[0].reason if skipped else "")
                failures.append((name, claim["text"], claim["dataset"], expected, got, why))
    print(f"{'lang':4} {'meant':13} {'got':17} {'count':>6}")
    for lang, counts in tally.items():
        for (meant, got), n in sorted(counts.items()):
            print(f"{lang:4} {meant:13} {got:17} {n:6}")
    for lang, counts in tally.items():
        total = sum(counts.values())
        agree = sum(n for (meant, got), n in counts.items() if meant == got)
        print(f"{lang}: {agree}/{total} agree ({100 * agree / max(total, 1):.1f}%)")
    if args.failures:
        for name, text, dataset, meant, got, why in failures:
            print(f"\n{name}: {text!r} ({dataset}) meant {meant}, got {got}\n  {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
