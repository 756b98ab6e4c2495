"""Peak memory: a check of one article, and mining corpora of growing size (streamed).

Usage::

    python bench/memory.py [--corpus-mb 50]

Each figure is the maximum resident set size (VmHWM) of a fresh process, beside that of a process
that only imports factcheck:

* ``factcheck check`` of one article (the shared Asharq Al-Awsat piece, else the shipped example);
* ``factcheck mine --input-format jsonl`` on JSON-lines corpora of 5 MB and ``--corpus-mb``
  (default 50 MB): the corpus is read a record at a time, so the peak should not grow with it.

Targets (issue 7): under 150 MB for one article; flat for a large corpus (the 50 MB peak within
25% of the 5 MB one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles" / "asharq-al-awsat-2022-12-30-putin-xi-call.ar.txt"
EXAMPLES = [ROOT / "examples" / "ar-russia-china-trade-2023.txt", ROOT / "examples" / "en-russia-china-energy-2024.md"]
PROBE = (
    "import atexit, runpy, sys\n"
    "def _peak():\n"
    "    with open('/proc/self/status') as f:\n"
    "        kb = next(int(l.split()[1]) for l in f if l.startswith('VmHWM'))\n"
    "    sys.stderr.write(f'\\nPEAK_KB {kb}\\n')\n"
    "atexit.register(_peak)\n"
    "sys.argv = ['factcheck'] + sys.argv[1:]\n"
    "runpy.run_module('factcheck', run_name='__main__')\n"
)


def peak_mb(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(peak resident MB, seconds) of ``python -m factcheck ARGS`` in a fresh process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    line = next(x for x in result.stderr.decode().splitlines() if x.startswith("PEAK_KB"))
    return int(line.split()[1]) / 1024, seconds


def _import_only(env: dict[str, str]) -> float:
    code = (
        "import factcheck\nprint(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True).stdout
    return int(out) / 1024


def _corpus(path: Path, size_mb: float) -> int:
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES] + (
        [SHARED.read_text(encoding="utf-8")] if SHARED.exists() else []
    )
    written = records = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size_mb * 1e6:
            text = texts[records % len(texts)]
            line = json.dumps({"id": records, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-mb", type=float, default=50)
    args = parser.parse_args(argv)
    article = SHARED if SHARED.exists() else EXAMPLES[0]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "cache")}
        check = ["check", "--date", "2022-12-30", "--fail-on", "none", "--out", str(tmp_path / "r"), str(article)]
        peak_mb(check, env)  # fills the cache
        base = _import_only(env)
        one, one_s = peak_mb(check, env)
        rows = [("python -c 'import factcheck' (baseline)", base, 0.0), (f"factcheck check {article.name}", one, one_s)]
        peaks = []
        for size in (5, args.corpus_mb):
            corpus = tmp_path / f"corpus-{size:g}.jsonl"
            n = _corpus(corpus, size)
            peak, seconds = peak_mb(["mine", "--input-format", "jsonl", str(corpus)], env)
            peaks.append(peak)
            rows.append((f"factcheck mine, {size:g} MB corpus ({n} records, streamed)", peak, seconds))
    print(f"{'what':60} {'peak MB':>8} {'seconds':>8}")
    for name, mb, seconds in rows:
        print(f"{name:60} {mb:8.1f} {seconds:8.1f}")
    print(f"\ntarget: peak memory of one check < 150 MB (issue 7): {one:.0f} MB {'ok' if one < 150 else 'NOT MET'}")
    flat = peaks[1] <= peaks[0] * 1.25
    print(
        f"target: memory flat on a large corpus (issue 7): {peaks[0]:.0f} MB at 5 MB, "
        f"{peaks[1]:.0f} MB at {args.corpus_mb:g} MB {'ok' if flat else 'NOT MET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
