"""Mining speed: mentions per second and MB/s of Arabic and English news text, in one process.

Usage::

    python bench/mining.py [--repeat 7] [--size-mb 1]

Prints, each as the median of ``--repeat`` runs:

* ``find_mentions`` on the shared Arabic article (about 7 KB) and on ~1 MB corpora of Arabic
  news text (the shared article and our Arabic example articles, ``examples/ar-*.txt``, in turn)
  and of English (our English example); and, as stress figures with no target, claims on our
  trade example alone (written to exercise the claim rules: a number every few words, ten times
  the density of news text) and on generated Arabic articles (``bench/articles.py``);
* the same corpus through two baselines measured in the same run: normalisation plus tokenisation
  alone (the floor every reading pays) and a bare digit-run regular expression (what a naive
  extractor does), with the ratio of each to the full reader;
* the whole duckling conformance corpus (1,049 short texts) mined in one process.

* ``mine_claims`` (claims with their entities, periods and metrics) on the same corpus;
* the peak memory (maximum resident set size) of a fresh process mining claims from the corpus,
  beside that of a process that only imports factcheck.

Targets: mentions at 1 MB/s or more of Arabic news text and the conformance corpus in under 1 s
after start-up (issue 2); claims at 1 MB/s or more, in under 150 MB (issue 3); mining at 2 MB/s or
more of Arabic text (issue 7).
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
EXAMPLES_AR = sorted((ROOT / "examples").glob("ar-*.txt"))
EXAMPLE_EN = ROOT / "examples" / "en-russia-china-energy-2024.md"


def _generated(lang: str, n: int = 400) -> list[str]:
    """Generated articles in ``lang`` (bench/articles.py: our own templates, real figures)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_articles", Path(__file__).with_name("articles.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_articles"] = module
    spec.loader.exec_module(module)
    return [text for name, text in module.make_articles(n, 1) if name.startswith(lang)]


def corpus_of(texts: list[str], size_mb: float) -> str:
    """The texts, repeated in turn up to about ``size_mb`` megabytes."""
    out, size, k = [], 0, 0
    while size < size_mb * 1e6:
        text = texts[k % len(texts)] + "\n"
        out.append(text)
        size += len(text.encode("utf-8"))
        k += 1
    return "".join(out)


def target(what: str, figure: str, ok: bool) -> None:
    """One line per target, the same shape in every benchmark (bench/suite.py collects them)."""
    print(f"target: {what}: {figure} {'ok' if ok else 'NOT MET'}")


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
    texts = [article] + [p.read_text(encoding="utf-8") for p in EXAMPLES_AR]
    corpus = corpus_of([t for t in texts if t], args.size_mb)
    fixture = corpus_of([EXAMPLE.read_text(encoding="utf-8")], args.size_mb / 4)
    english = corpus_of([EXAMPLE_EN.read_text(encoding="utf-8")], args.size_mb)
    dense = corpus_of(_generated("ar"), args.size_mb / 4)
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

    def claims_line(label: str, text: str, lang: str) -> float:
        """Print the claims mined from ``text`` per second and MB/s; return the median time."""
        size = len(text.encode("utf-8")) / 1e6
        count = len(mine_claims(text, lang))
        seconds = median_time(lambda: mine_claims(text, lang), args.repeat)
        label = label.format(count=count, per_kb=count / size / 1e3)
        print(f"{label:44} {seconds:9.4f} {size / seconds:8.2f} {count / seconds:11.0f}  claims/s")
        return seconds

    claim_time = claims_line("claims, same corpus ({count} claims)", corpus, "ar")
    en_mb = len(english.encode("utf-8")) / 1e6
    n_en = len(find_mentions(english, lang="en"))
    en_time = median_time(lambda: find_mentions(english, lang="en"), args.repeat)
    label = f"English corpus ({en_mb:.2f} MB, {n_en} mentions)"
    print(f"{label:44} {en_time:9.4f} {en_mb / en_time:8.2f} {n_en / en_time:11.0f}")
    claims_line("claims, English corpus ({count} claims)", english, "en")
    claims_line("claims, our trade example alone ({per_kb:.0f}/KB)", fixture, "ar")
    claims_line("claims, dense generated Arabic ({per_kb:.0f}/KB)", dense, "ar")
    if CORPUS.exists():
        cases = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]

        def run_corpus() -> int:
            return sum(len(find_mentions(c["text"], lang=c["lang"])) for c in cases)

        found = run_corpus()
        t = median_time(run_corpus, args.repeat)
        print(
            f"{'conformance corpus (' + f'{len(cases)} texts, {found} mentions)':44} {t:9.4f} {'':>8} {found / t:11.0f}"
        )
        print()
        target("conformance corpus < 1 s after start-up", f"{t:.3f} s", t < 1)
    else:
        print()
    base = _peak_mb("import factcheck")
    peak = _peak_mb("import sys, factcheck.mine.claims as c; c.mine_claims(sys.stdin.read(), 'ar')", corpus)
    mentions_rate, claims_rate = mb / full, mb / claim_time
    target("mentions >= 1 MB/s of Arabic (issue 2)", f"{mentions_rate:.2f} MB/s", mentions_rate >= 1)
    target("mining >= 2 MB/s of Arabic, mentions (issue 7)", f"{mentions_rate:.2f} MB/s", mentions_rate >= 2)
    target("claims >= 1 MB/s of Arabic (issue 3)", f"{claims_rate:.2f} MB/s", claims_rate >= 1)
    target("mining >= 2 MB/s of Arabic, claims (issue 7)", f"{claims_rate:.2f} MB/s", claims_rate >= 2)
    note = f"(a process that only imports factcheck: {base:.0f} MB)"
    target(f"peak memory < 150 MB mining claims from {mb:.2f} MB", f"{peak:.0f} MB {note}", peak < 150)
    return 0


if __name__ == "__main__":
    sys.exit(main())
