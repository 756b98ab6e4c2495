"""Linear on every input: seconds per megabyte of hostile text as its size doubles.

Usage::

    python bench/hostile.py [--sizes 1,2,4,8]

Mines (``mine_claims``, after reading the text as Markdown) texts of each size in megabytes built
to be slow: a line of digits, separators without digits, "مليار مليار مليار ...", alternating bidi
marks, runs of tatweel and of harakat, nested brackets, text with no spaces, backticks and
unclosed tags.  Prints seconds per megabyte for each size: a linear reader keeps it flat, a
super-linear one shows it growing with the size.  The baseline is the same for a plain Arabic
news article repeated to the same size.

Target (issue 7): for every input, seconds per MB at the largest size within 1.5 times that at the
smallest.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ar-russia-china-trade-2023.txt"

PATTERNS = {
    "news article (baseline)": lambda: EXAMPLE.read_text(encoding="utf-8") + "\n",
    "a line of digits": lambda: "1234567890",
    "separators, no digits": lambda: ",.٫٬ '",
    "مليار مليار مليار ...": lambda: "مليار ",
    "alternating bidi marks": lambda: "\u200f\u200e",
    "tatweel": lambda: "ـ",
    "harakat": lambda: "بَُ",
    "nested brackets": lambda: "((((((((((",
    "no spaces": lambda: "abc123مليار٢٥٪",
    "backticks": lambda: "`a",
    "unclosed tags": lambda: "<a ",
}


def _text(unit: str, size_mb: float) -> str:
    size = int(size_mb * 1e6)
    encoded = len(unit.encode("utf-8"))
    text = unit * (size // encoded + 1)
    if unit == "((((((((((":  # brackets that open, then close: nesting as deep as the text
        half = size // 2
        return "(" * half + ")" * half
    return text[: max(1, len(text) * size // (encoded * (size // encoded + 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB, comma-separated")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]

    from factcheck.document import parse_document
    from factcheck.mine.claims import mine_claims

    mine_claims("warm-up ٢٥ مليار", "auto")
    print(f"{'input':28}" + "".join(f"{f'{s:g} MB':>10}" for s in sizes) + "   (seconds per MB)")
    worst = []
    for name, make in PATTERNS.items():
        per_mb = []
        for size in sizes:
            text = _text(make(), size)
            started = time.perf_counter()
            doc = parse_document(text, "hostile.md")
            mine_claims(doc.body, "auto")
            per_mb.append((time.perf_counter() - started) / (len(text.encode("utf-8")) / 1e6))
        growth = per_mb[-1] / per_mb[0]
        worst.append((growth, name))
        print(f"{name:28}" + "".join(f"{t:10.2f}" for t in per_mb) + f"   x{growth:.2f}")
    growth, name = max(worst)
    ok = growth <= 1.5
    print(f"\ntarget: linear on hostile input, growth of s/MB from {sizes[0]:g} to {sizes[-1]:g} MB <= 1.5 "
          f"(issue 7): worst x{growth:.2f} ({name}) {'ok' if ok else 'NOT MET'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
