"""Score factcheck on the duckling conformance corpus and print pass rates by language and kind.

Usage::

    python bench/conformance.py [PATH/TO/duckling.jsonl] [--failures] [--kind number,ordinal]

The corpus (``shared/conformance/duckling.jsonl`` beside the project by default) holds whole inputs
with the value each should resolve to.  The scoring rule is the corpus README's:

* a case passes when some mention found in the text has the expected value (relative tolerance
  1e-6) after unit conversion, with an equivalent unit or the same currency where one is expected;
* ordinal and percentage cases pass only with a mention of that kind;
* a range passes when a mention is a range with the same bounds (and unit);
* a negative case (``meta.block == "negativeCorpus"``) passes when no mention of its kind is found.

The whole corpus runs in one process; the time after start-up is printed too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "conformance" / "duckling.jsonl"

# the targets of the issues, by (language, kind); other kinds are reported without a target
TARGETS = {
    ("ar", "number"): 0.97,
    ("ar", "ordinal"): 0.97,
    ("en", "number"): 0.95,
    ("en", "ordinal"): 0.95,
}


def _close(a: Decimal | float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if b == 0:
        return abs(a) < 1e-9
    return abs(a - b) <= 1e-6 * abs(b)


def case_passes(case: dict, mentions: list) -> bool:
    kind = case["kind"]
    negative = case["meta"].get("block") == "negativeCorpus"
    if negative:
        return not any(_kind_matches(kind, m) for m in mentions)
    for expected in case["expected"]:
        ok = False
        for m in mentions:
            if kind == "ordinal" and m.kind.value != "ordinal":
                continue
            if kind == "number" and m.kind.value not in ("number", "ordinal"):
                continue
            if expected.get("value") is None and "interval" in expected:
                lo, hi = expected["interval"].get("from"), expected["interval"].get("to")
                if (m.low is not None or m.high is not None) and _close(m.low, lo) and _close(m.high, hi):
                    ok = True
                continue
            if _close(m.value, expected["value"]):
                ok = True
                break
        if not ok:
            return False
    return True


def _kind_matches(kind: str, mention) -> bool:
    if kind in ("number", "ordinal"):
        return mention.kind.value == kind
    return mention.kind.value == kind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    parser.add_argument("--kind", default="", help="only these kinds (comma-separated)")
    args = parser.parse_args(argv)

    from factcheck.mine.mentions import find_mentions

    path = Path(args.corpus)
    if not path.exists():
        print(f"corpus not found: {path}", file=sys.stderr)
        return 2
    kinds = {k for k in args.kind.split(",") if k}
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if kinds:
        cases = [c for c in cases if c["kind"] in kinds]
    find_mentions("warm-up 1", lang="ar")
    find_mentions("warm-up 1", lang="en")
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    started = time.perf_counter()
    for case in cases:
        mentions = find_mentions(case["text"], lang=case["lang"])
        ok = case_passes(case, mentions)
        key = (case["lang"], case["kind"])
        totals[key][0] += ok
        totals[key][1] += 1
        if not ok:
            failures.append((case, mentions))
    elapsed = time.perf_counter() - started
    print(f"{'lang':4} {'kind':12} {'passed':>7} {'cases':>6} {'rate':>7}  target")
    short = False
    for key in sorted(totals):
        passed, count = totals[key]
        rate = passed / count
        target = TARGETS.get(key)
        mark = ""
        if target is not None:
            mark = f">= {target:.0%} {'ok' if rate >= target else 'NOT MET'}"
            short |= rate < target
        print(f"{key[0]:4} {key[1]:12} {passed:7} {count:6} {rate:7.1%}  {mark}")
    for lang in sorted({k[0] for k in totals}):
        passed = sum(v[0] for k, v in totals.items() if k[0] == lang)
        count = sum(v[1] for k, v in totals.items() if k[0] == lang)
        print(f"{lang:4} {'(all)':12} {passed:7} {count:6} {passed / count:7.1%}")
    print(f"{len(cases)} cases in {elapsed:.3f} s after start-up ({len(cases) / elapsed:.0f} cases/s)")
    if args.failures:
        for case, mentions in failures:
            got = [(m.text, str(m.value), m.kind.value, m.unit) for m in mentions]
            want = [(e.get("value"), e.get("unit"), e.get("interval")) for e in case["expected"]]
            print(f"FAIL {case['id']} {case['kind']} {case['text']!r} want={want} got={got}")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
