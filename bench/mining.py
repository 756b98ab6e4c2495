"""Mining speed: mentions per second and MB/s of Arabic and English news text, in one process.

Usage::

    python bench/mining.py [--repeat 7] [--size-mb 1]

Prints, each as the median of ``--repeat`` runs:

* ``find_mentions`` on the shared Arabic article (about 6 KB) and on a ~1 MB Arabic corpus built
  from the shared article and the project's own example article;
* the same corpus through two baselines measured in the same run: normalisation plus tokenisation
  alone (the floor every reading pays) and a bare digit-run regular expression (what a naive
  extractor does), with the ratio of each to the full reader;
* the whole duckling conformance corpus (1,049 short texts) mined in one process.

* ``mine_claims`` (claims with their entities, periods and metrics) on the same corpus;
* the peak memory (maximum resident set size) of a fresh process mining claims from the corpus,
  beside that of a process that only imports factcheck.

Targets: mentions at 1 MB/s or more of Arabic news text and the conformance corpus in under 1 s
after start-up (issue 2); claims at 1 MB/s or more, in under 150 MB (issue 3).  The corpus repeats
two articles, so the per-word cache of the reader helps it more than on varied text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "articles" / "asharq-al-awsat-2022-12-30-putin-xi-call.ar.txt"
CORPUS = SHARED / "conformance" / "duckling.jsonl"
EXAMPLE = ROOT / "examples" / "ar-russia-china-trade-2023.txt"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _peak_mb(code: str, stdin: str = "") -> float:
    """Maximum resident set size of a fresh Python process running ``code``, in MB."""
    # VmHWM (the high-water mark of the resident set) starts afresh at exec, unlike ru_maxrss,
    # which a child started by fork can inherit from the parent
    probe = f"{code}\nprint(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    out = subprocess.run(
        [sys.executable, "-c", probe], input=stdin.encode("utf-8"), capture_output=True, check=True
    ).stdout
    return int(out.split()[-1]) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--size-mb", type=float, default=1.0)
    args = parser.parse_args(argv)

    import regex

    from factcheck.mine.mentions import find_mentions
    from factcheck.text.normalize import normalize
    from factcheck.text.tokenize import tokenize

    article = ARTICLE.read_text(encoding="utf-8") if ARTICLE.exists() else ""
    example = EXAMPLE.read_text(encoding="utf-8")
    unit = (article + "\n" + example + "\n") if article else example + "\n"
    copies = max(1, round(args.size_mb * 1e6 / len(unit.encode("utf-8"))))
    corpus = unit * copies
    mb = len(corpus.encode("utf-8")) / 1e6
    find_mentions("warm-up ٢٥ مليار", lang="ar")

    print(f"{'what':44} {'median s':>9} {'MB/s':>8} {'mentions/s':>11}")
    if article:
        n = len(find_mentions(article, lang="ar"))
        t = median_time(lambda: find_mentions(article, lang="ar"), args.repeat * 5)
        size = len(article.encode("utf-8")) / 1e6
        print(f"{'shared article (' + f'{size * 1e3:.1f} KB, {n} mentions)':44} {t:9.4f} {size / t:8.2f} {n / t:11.0f}")
    n = len(find_mentions(corpus, lang="ar"))
    full = median_time(lambda: find_mentions(corpus, lang="ar"), args.repeat)
    print(f"{'Arabic corpus (' + f'{mb:.2f} MB, {n} mentions)':44} {full:9.4f} {mb / full:8.2f} {n / full:11.0f}")
    floor = median_time(lambda: tokenize(normalize(corpus).text), args.repeat)
    label = "  baseline: normalise + tokenise only"
    print(f"{label:44} {floor:9.4f} {mb / floor:8.2f} {'':>11}  (reader = {full / floor:.1f}x)")
    digits = regex.compile(r"\d+(?:[.,٫٬]\d+)*")
    naive = median_time(lambda: digits.findall(corpus), args.repeat)
    print(
        f"{'  baseline: bare digit regex':44} {naive:9.4f} {mb / naive:8.2f} {'':>11}  (reader = {full / naive:.1f}x)"
    )

    from factcheck.mine.claims import mine_claims

    claims = len(mine_claims(corpus, "ar"))
    claim_time = median_time(lambda: mine_claims(corpus, "ar"), args.repeat)
    label = f"claims, same corpus ({claims} claims)"
    print(f"{label:44} {claim_time:9.4f} {mb / claim_time:8.2f} {claims / claim_time:11.0f}")
    if CORPUS.exists():
        cases = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]

        def run_corpus() -> int:
            return sum(len(find_mentions(c["text"], lang=c["lang"])) for c in cases)

        found = run_corpus()
        t = median_time(run_corpus, args.repeat)
        print(
            f"{'conformance corpus (' + f'{len(cases)} texts, {found} mentions)':44} {t:9.4f} {'':>8} {found / t:11.0f}"
        )
        print(f"\ntarget: conformance corpus < 1 s after start-up: {t:.3f} s {'ok' if t < 1 else 'NOT MET'}")
    else:
        print()
    base = _peak_mb("import factcheck")
    peak = _peak_mb("import sys, factcheck.mine.claims as c; c.mine_claims(sys.stdin.read(), 'ar')", corpus)
    print(f"target: mentions >= 1 MB/s of Arabic: {mb / full:.2f} MB/s {'ok' if mb / full >= 1 else 'NOT MET'}")
    rate = mb / claim_time
    print(f"target: claims >= 1 MB/s of Arabic: {rate:.2f} MB/s {'ok' if rate >= 1 else 'NOT MET'}")
    print(
        f"target: peak memory < 150 MB mining claims from {mb:.2f} MB: {peak:.0f} MB "
        f"{'ok' if peak < 150 else 'NOT MET'} (a process that only imports factcheck: {base:.0f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
