"""How well factcheck reads the numbers of real text written by others: values, units, kinds, spans.

Usage::

    python bench/realtext.py [--lang ar|en|all] [--misses N]

The gold is in ``bench/realtext/``: real sentences from published pages, each with its URL, outlet
and date. Every number in them was annotated by hand *before* factcheck was run on them, with its
value (after scale words), its unit (an ISO 4217 code, ``%``, ``percentage_point`` or a pint unit
name), its kind and whether it is a claim. ``negative.jsonl`` holds sentences whose digits and
number words are mostly not quantities (phone numbers, codes, article numbers); what they do hold
is annotated the same way, and the rest is listed as ``non_numbers``. The README there describes
the sources. Nothing here writes gold.

Each sentence is read with ``find_mentions`` in its language. A gold number is paired with the
unpaired mention that overlaps it most. Dates and times of day in the gold are not scored: a
mention on one is neither right nor wrong. Printed by language and by kind:

* **value-only** precision, recall and F1: a pair is right when the value agrees (relative
  tolerance 1e-6), or both bounds for a range;
* **strict** precision, recall and F1: the value and the unit agree. Units agree when they are
  the same ISO code, both percent or both percentage points, or, for pint units, the same
  dimension with the value converted. A gold unit pint does not know (a counted noun such as
  ``goal`` or ``job``) agrees with a mention that has no unit or the same name;
* **spans**: the share of right pairs whose span is exactly the gold surface;
* on the negative set, **false mentions per 1,000 words**: mentions that overlap no gold number.
  A mention the tool itself reads as a year is not counted: a year is a number read right (the main
  set scores years too), not a quantity made up from a code or a phone number.

Precision by kind uses the mention's kind; recall by kind uses the gold's.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from gold import find_surface, load_jsonl  # bench/gold.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "realtext"
UNSCORED = ("date", "time")
PERCENT = ("%", "percent")


@dataclass
class Scores:
    tp_value: Counter = field(default_factory=Counter)  # by gold kind
    tp_strict: Counter = field(default_factory=Counter)
    tp_value_tool: Counter = field(default_factory=Counter)  # by tool kind
    tp_strict_tool: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    tool: Counter = field(default_factory=Counter)
    exact_spans: int = 0
    misses: list[str] = field(default_factory=list)


def load(name: str) -> list[dict[str, Any]]:
    return load_jsonl(GOLD / f"{name}.jsonl")


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    return abs(a - b) <= abs(b) * Decimal("1e-6")


def _value_right(g: dict[str, Any], m: Any) -> bool:
    gv = _decimal(g.get("value"))
    if gv is None:
        low, high = _decimal(g.get("low")), _decimal(g.get("high"))
        return (low is not None or high is not None) and _close(m.low, low) and _close(m.high, high)
    return _close(m.value, gv) or (m.value is None and (_close(m.low, gv) or _close(m.high, gv)))


_GOLD_UNIT_NAMES = {"degC": "degree_Celsius", "degF": "degree_Fahrenheit"}


def _pint_unit(unit: str) -> str | None:
    """The gold's unit as a unit id factcheck's registry knows, else None (a counted noun)."""
    from factcheck.units import is_known_unit

    unit = _GOLD_UNIT_NAMES.get(unit, unit)
    return unit if is_known_unit(unit) else None


def _unit_right(g: dict[str, Any], m: Any) -> bool:
    """The unit of the pair agrees (the value is compared by the caller)."""
    want, got = g.get("unit"), m.unit
    if want in PERCENT:
        return got in PERCENT
    if want is None or got is None or want == got:
        return want == got or (got is None and _pint_unit(want) is None)
    if want.isupper() or got.isupper():  # ISO 4217 codes: only the same code agrees
        return False
    from factcheck.units import same_dimension

    known = _pint_unit(want)
    return known is not None and same_dimension(known, got)


def _strict_right(g: dict[str, Any], m: Any) -> bool:
    """Value and unit agree; a pint quantity in another unit of its dimension after conversion."""
    if not _unit_right(g, m):
        return False
    known = _pint_unit(g["unit"]) if g.get("unit") not in (None, *PERCENT) else None
    if known is None or m.unit is None or known == m.unit or m.value is None or _decimal(g.get("value")) is None:
        return _value_right(g, m)
    from factcheck.errors import UnitError
    from factcheck.units import convert

    try:
        return _close(m.value, convert(_decimal(g["value"]), known, m.unit))
    except UnitError:
        return False


def score(records: list[dict[str, Any]], scores: Scores, misses: int) -> None:
    from factcheck.mine.mentions import find_mentions

    for r in records:
        sentence = r["sentence"]
        mentions = find_mentions(sentence, r["lang"])
        golds = []
        for g in r.get("numbers", []):
            at = find_surface(sentence, g["surface"], int(g.get("occurrence") or 1))
            if at < 0:
                print(f"warning: {r['id']}: {g['surface']!r} not in its sentence", file=sys.stderr)
                continue
            golds.append((at, at + len(g["surface"]), g))
        used: set[int] = set()
        neutral: set[int] = set()
        for start, end, g in golds:
            best, overlap = None, 0
            for k, m in enumerate(mentions):
                if k in used:
                    continue
                o = min(end, m.span.end) - max(start, m.span.start)
                if o > overlap:
                    best, overlap = k, o
            kind = g.get("kind") or "number"
            if kind in UNSCORED:
                if best is not None:
                    neutral.add(best)
                    used.add(best)
                continue
            scores.gold[kind] += 1
            if best is None:
                if len(scores.misses) < misses:
                    scores.misses.append(f"{r['id']}: not read: {g['surface']!r}")
                continue
            used.add(best)
            m = mentions[best]
            if _value_right(g, m) or _strict_right(g, m):
                scores.tp_value[kind] += 1
                scores.tp_value_tool[str(m.kind)] += 1
                if (m.span.start, m.span.end) == (start, end):
                    scores.exact_spans += 1
                if _strict_right(g, m):
                    scores.tp_strict[kind] += 1
                    scores.tp_strict_tool[str(m.kind)] += 1
                elif len(scores.misses) < misses:
                    scores.misses.append(f"{r['id']}: {g['surface']!r} unit {m.unit!r}, gold {g.get('unit')!r}")
            elif len(scores.misses) < misses:
                shown = m.value if m.value is not None else f"{m.low}..{m.high}"
                scores.misses.append(f"{r['id']}: {g['surface']!r} read {m.text!r} = {shown}, gold {g.get('value')}")
        for k, m in enumerate(mentions):
            if k not in neutral:
                scores.tool[str(m.kind)] += 1


def _prf(tp: int, tool: int, gold: int) -> str:
    p = tp / tool if tool else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def print_scores(name: str, s: Scores) -> None:
    value_tp, strict_tp = sum(s.tp_value.values()), sum(s.tp_strict.values())
    gold, tool = sum(s.gold.values()), sum(s.tool.values())
    print(f"\n## {name}: {gold} gold numbers, {tool} mentions")
    print(f"strict (value + unit)  {_prf(strict_tp, tool, gold)}")
    print(f"value only             {_prf(value_tp, tool, gold)}")
    print(f"exact spans            {s.exact_spans}/{value_tp} of the values read right")
    print("by kind (strict; recall by the gold's kind, precision by the mention's):")
    for kind in sorted(set(s.gold) | set(s.tool)):
        print(f"  {kind:12} gold {s.gold[kind]:4}  mentions {s.tool[kind]:4}  "
              f"recall {s.tp_strict[kind] / s.gold[kind] if s.gold[kind] else 0:.3f}  "
              f"precision {s.tp_strict_tool[kind] / s.tool[kind] if s.tool[kind] else 0:.3f}")  # fmt: skip
    for line in s.misses:
        print(f"  - {line}")


def negative(misses: int) -> None:
    from factcheck.mine.mentions import find_mentions

    records = load("negative")
    if not records:
        return
    words = false = 0
    shown: list[str] = []
    for r in records:
        sentence = r["sentence"]
        words += len(sentence.split())
        spans = []
        for g in r.get("numbers", []):
            at = find_surface(sentence, g["surface"], int(g.get("occurrence") or 1))
            if at >= 0:
                spans.append((at, at + len(g["surface"])))
        for m in find_mentions(sentence, r["lang"]):
            if str(m.kind) == "year":
                continue
            if not any(min(b, m.span.end) > max(a, m.span.start) for a, b in spans):
                false += 1
                if len(shown) < misses:
                    shown.append(f"{r['id']}: {m.text!r} read as {m.kind} {m.value}")
    print(f"\n## negative set: {len(records)} sentences, {words} words")
    print(f"false mentions         {false} ({1000 * false / words:.2f} per 1,000 words; target <= 2)")
    for line in shown:
        print(f"  - {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("ar", "en", "all"), default="all")
    parser.add_argument("--misses", type=int, default=0, help="list up to this many misses per language")
    args = parser.parse_args(argv)
    langs = ("ar", "en") if args.lang == "all" else (args.lang,)
    found = False
    for lang in langs:
        records = load(lang)
        if records:
            found = True
            scores = Scores()
            score(records, scores, args.misses)
            print_scores(lang, scores)
    if args.lang == "all":
        negative(args.misses)
    if not found:
        print(f"no gold found under {GOLD.relative_to(ROOT)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
