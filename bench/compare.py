"""factcheck beside quantulum3 on the same English sentences: speed, and what each finds.

Usage::

    pip install -e '.[bench]'      # quantulum3
    python bench/compare.py [--repeat 3]

The sentences are the English cases of the conformance corpus (``../shared/conformance``) that
expect a quantity, and the English example article's sentences.  For each tool: sentences per
second (median of ``--repeat`` runs, both in this process), and how many expected values it finds
(a value counts when the tool reports it for the sentence).  Without quantulum3 installed, says
so and prints factcheck's figures alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "conformance" / "duckling.jsonl"


def _cases() -> list[tuple[str, list[Decimal]]]:
    cases: list[tuple[str, list[Decimal]]] = []
    if CORPUS.exists():
        for line in CORPUS.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            expected = [Decimal(str(e["value"])) for e in case["expected"] if isinstance(e.get("value"), int | float)]
            if case["lang"] == "en" and expected and case["kind"] in ("currency", "quantity", "volume", "dimension"):
                cases.append((case["text"], expected))
    return cases


def _close(found: list[Decimal], expected: Decimal) -> bool:
    return any(abs(f - expected) <= abs(expected) * Decimal("1e-9") for f in found)


def _timed(fn, texts: list[str], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        for t in texts:
            fn(t)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from factcheck import find_mentions

    cases = _cases()
    example = (ROOT / "examples" / "en-russia-china-energy-2024.md").read_text(encoding="utf-8")
    texts = [t for t, _ in cases] + [s.strip() + "." for s in example.split(".") if any(ch.isdigit() for ch in s)]

    def ours(text: str) -> list[Decimal]:
        return [m.value for m in find_mentions(text, "en") if m.value is not None]

    tools = {"factcheck": ours}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser as q

            def theirs(text: str) -> list[Decimal]:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return [Decimal(str(x.value)) for x in q.parse(text)]

            theirs("warm up 3 km")
            tools["quantulum3"] = theirs
    except ImportError:
        print("quantulum3 is not installed (pip install -e '.[bench]'): factcheck alone\n")
    print(f"{len(texts)} English sentences ({len(cases)} with expected values)\n")
    print(f"{'tool':12} {'sentences/s':>12} {'values found':>14}")
    rates = {}
    for name, fn in tools.items():
        seconds = _timed(fn, texts, args.repeat)
        found = sum(sum(1 for e in expected if _close(fn(text), e)) for text, expected in cases)
        total = sum(len(expected) for _, expected in cases)
        rates[name] = len(texts) / seconds
        print(f"{name:12} {rates[name]:12.0f} {f'{found}/{total}':>14}")
    if "quantulum3" in rates:
        print(f"\nthroughput ratio factcheck / quantulum3: {rates['factcheck'] / rates['quantulum3']:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
