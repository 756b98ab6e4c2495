"""Reference store speed: cold load, cached start and query time, beside baselines from the same run.

Usage::

    python bench/reference.py [--repeat 7]

Prints medians over ``--repeat`` runs:

* cold load: every shipped dataset read, validated and stored (no cache), inside a fresh process,
  timed from the call; and the whole process, beside ``python -c pass`` and ``import duckdb``;
* cached start: opening the store again when the cache for this content exists;
* queries: value, growth, rank and share on the shipped data.

Targets (issue 4): cold load under 1 s, cached start under 0.1 s, a query under 5 ms (median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def _process(code: str, env: dict[str, str], repeat: int) -> tuple[float, float]:
    """Median wall time of a fresh process running ``code``, and the median of what it prints."""
    walls, inner = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout
        walls.append(time.perf_counter() - started)
        if out.strip():
            inner.append(float(out.split()[-1]))
    return statistics.median(walls), statistics.median(inner) if inner else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        env["FACTCHECK_CACHE"] = cache
        timed_open = (
            "import time; t = time.perf_counter(); from factcheck.reference.store import open_store; "
            "s = open_store(cache={cache}); print(time.perf_counter() - t)"
        )
        base, _ = _process("pass", env, args.repeat)
        duck, _ = _process("import duckdb", env, args.repeat)
        cold_wall, cold = _process(timed_open.format(cache=False), env, args.repeat)
        _process(timed_open.format(cache=True), env, 1)  # builds the cache
        warm_wall, warm = _process(timed_open.format(cache=True), env, args.repeat)
        print(f"{'what':52} {'median s':>9}")
        print(f"{'python -c pass (baseline)':52} {base:9.3f}")
        print(f"{'python -c import duckdb (baseline)':52} {duck:9.3f}")
        print(f"{'cold load, in process (no cache)':52} {cold:9.3f}")
        print(f"{'cold load, whole process':52} {cold_wall:9.3f}")
        print(f"{'cached start, in process':52} {warm:9.3f}")
        print(f"{'cached start, whole process':52} {warm_wall:9.3f}")

        os.environ["FACTCHECK_CACHE"] = cache
        from factcheck.reference import query as q
        from factcheck.reference.store import open_store

        store = open_store()
        questions = {
            "value (ru_cn_trade 2022)": lambda: q.value_at(
                store, "ru_cn_trade", "CHN", "RUS", 2022, categories={"flow": "total"}
            ),
            "growth (ru_cn_trade 2022)": lambda: q.growth(
                store, "ru_cn_trade", "CHN", 2022, "RUS", categories={"flow": "total"}
            ),
            "rank (China's LNG suppliers 2022)": lambda: q.rank(
                store,
                "cn_gas_imports_bcm",
                "RUS",
                "counterpart",
                year=2022,
                entity="CHN",
                categories={"mode": "LNG", "basis": "EI"},
            ),
            "rank (GDP of every country 2022)": lambda: q.rank(store, "wb_ny_gdp_mktp_cd", "CHN", "entity", year=2022),
            "share (Russia in China's pipeline gas 2022)": lambda: q.share(
                store,
                "cn_gas_imports_bcm",
                "RUS",
                "counterpart",
                year=2022,
                entity="CHN",
                categories={"mode": "pipeline", "basis": "EI"},
            ),
        }
        worst = 0.0
        for name, ask in questions.items():
            ask()
            times = []
            for _ in range(args.repeat * 10):
                started = time.perf_counter()
                ask()
                times.append(time.perf_counter() - started)
            median = statistics.median(times) * 1000
            worst = max(worst, median)
            print(f"{'query: ' + name:52} {median / 1000:9.4f}")
        store.close()
    print()
    print(f"target: cold load < 1 s: {cold:.3f} s {'ok' if cold < 1 else 'NOT MET'}")
    print(f"target: cached start < 0.1 s: {warm:.3f} s {'ok' if warm < 0.1 else 'NOT MET'}")
    print(f"target: query median < 5 ms: slowest {worst:.2f} ms {'ok' if worst < 5 else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
