"""``factcheck check`` speed: one article from process start to report written, and a batch.

Usage::

    python bench/check.py [--repeat 5] [--n 100]

Prints medians over ``--repeat`` runs, each in a fresh process with the reference cache warm:

* one article (the shared Asharq Al-Awsat piece when ``../shared`` is there, else the shipped
  example) checked and its reports written, warm (the cache filled) and cold (an empty cache:
  reference data loaded, lexicons and gazetteer built), beside ``python -c pass``,
  ``python -c "import factcheck"``, ``import duckdb`` and ``factcheck mine`` on the same file as
  baselines from the same run;
* ``--n`` generated articles (``bench/articles.py``) checked in one call: articles per second.

Targets: one article under 1 s with a warm cache and a batch at least 20 articles a second
(issue 5); a warm check of the shared article within 0.6 s (issue 7).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "articles" / "asharq-al-awsat-2022-12-30-putin-xi-call.ar.txt"
EXAMPLE = ROOT / "examples" / "ar-russia-china-trade-2023.txt"


def _median_seconds(args: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _write_corpus(folder: Path, n: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_articles", HERE / "articles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_articles"] = module
    spec.loader.exec_module(module)
    paths = []
    for name, text in module.make_articles(n, 0):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--n", type=int, default=100)
    args = parser.parse_args(argv)
    article = SHARED if SHARED.is_file() else EXAMPLE
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "cache")}
        out = str(tmp_path / "reports")
        check = [py, "-m", "factcheck", "check", "--date", "2022-12-30", "--fail-on", "none", "--out", out]
        subprocess.run([*check, str(article)], env=env, capture_output=True, check=True)  # warms the cache
        cold_env = dict(env)

        def cold() -> float:
            times = []
            for k in range(args.repeat):
                cold_env["FACTCHECK_CACHE"] = str(tmp_path / f"cold-{k}")
                times.append(_median_seconds([*check, str(article)], cold_env, 1))
            return statistics.median(times)

        rows = [
            ("python -c pass (baseline)", _median_seconds([py, "-c", "pass"], env, args.repeat)),
            (
                "python -c 'import factcheck' (baseline)",
                _median_seconds([py, "-c", "import factcheck"], env, args.repeat),
            ),
            ("python -c 'import duckdb' (baseline)", _median_seconds([py, "-c", "import duckdb"], env, args.repeat)),
            (
                "factcheck mine --claims, one article",
                _median_seconds([py, "-m", "factcheck", "mine", "--claims", str(article)], env, args.repeat),
            ),
            (
                "factcheck check, one article, reports written",
                _median_seconds([*check, str(article)], env, args.repeat),
            ),
            ("  the same, cold: an empty cache", cold()),
        ]
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        paths = _write_corpus(corpus, args.n)
        batch = _median_seconds([*check[:4], "--fail-on", "none", "--out", out, *paths], env, max(1, args.repeat // 2))
        rows.append((f"factcheck check, {args.n} articles in one call", batch))
    print(f"article: {article.name}")
    print(f"{'what':52} {'median s':>9}")
    for name, seconds in rows:
        print(f"{name:52} {seconds:9.3f}")
    one = rows[4][1]
    rate = args.n / batch
    print(f"\n{args.n} articles: {rate:.1f} articles/s")
    print(f"target: one article < 1 s with a warm cache (issue 5): {one:.3f} s {'ok' if one < 1 else 'NOT MET'}")
    print(f"target: a batch >= 20 articles/s (issue 5): {rate:.1f} {'ok' if rate >= 20 else 'NOT MET'}")
    print(f"target: warm check of {article.name} <= 0.6 s (issue 7): {one:.3f} s {'ok' if one <= 0.6 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
