"""How factcheck does on real text written by others: claims found, linked and judged, against gold.

Usage::

    python bench/realworld.py [--set articles|webstats|all] [--lang ar|en|all] [--misses N]

The gold is in ``bench/realworld/``. It holds real sentences from published articles and from
statistics pages, each with its URL, outlet and date. Every number in them was annotated by hand
*before* factcheck was run on them: whether it is a claim, which dataset, entity and period would
check it (or why our data cannot), and the verdict the shipped data should give. The README files
there describe the sources and the schema. Nothing here writes gold.

The sentences of one article are checked together as one text, in their order, separated by blank
lines and dated with the article's date. The sentences of one statistics page are checked together
in the same way (``--sentences-alone`` checks each on its own), with the country of the page
(``country_focus``) as the document's country, as an editor checking that page would give it with
``--country``: the page names its country in its title or earlier text, which the extracted
sentences lost. ``--no-page-country`` checks them without it.
An article's country is never given: the tool infers it from the article's text. A gold
number is matched to the tool's claim whose span overlaps it most. Printed per set and language:

* **detected**: gold claims that the tool found as check-worthy claims. We also count the tool's
  check-worthy claims on numbers the annotators marked as no claim.
* **linked right**: of the gold claims our data can check, those whose evidence names the gold
  dataset, entity (and counterpart when the gold gives one) and year.
* **verdict right**: of all gold claims, those where the tool's verdict equals the gold one.
  UNVERIFIABLE is right for a claim our data cannot check.
* **precision of CONTRADICTED and of SUPPORTED**: of the tool's verdicts of each kind on gold claims,
  the share the annotators agree with.
* **UNVERIFIABLE with the right reason**: of the gold claims our data cannot check and that the tool
  left UNVERIFIABLE, those whose stated reason names the same blocker: the finding's
  ``reason_code`` (a reason without one is read by keywords, ``_reason_code``).

A verdict of CLOSE in the gold (outside the written precision, within a small band) counts as right
when the tool says CLOSE, and as a false alarm when it says CONTRADICTED.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gold import find_surface, load_jsonl  # bench/gold.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "realworld"
SETS = ("articles", "webstats")


@dataclass
class Gold:
    """One annotated number, with where it sits in the text checked."""

    record: str
    lang: str
    start: int
    end: int
    surface: str
    info: dict[str, Any]


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] += n


def load(set_name: str, lang: str) -> list[dict[str, Any]]:
    return load_jsonl(GOLD / set_name / f"{lang}.jsonl")


def documents(
    set_name: str, records: list[dict[str, Any]], alone: bool = False
) -> list[tuple[str, str, str | None, list[Gold], str | None]]:
    """(text, lang, date, gold numbers, page country) per document: an article's sentences
    together, and a statistics page's sentences together (or, with ``alone``, each on its own)."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        if set_name == "articles":
            key: Any = r.get("url") or r["id"]
        else:
            key = r["id"] if alone else (r.get("url") or r["id"], r.get("country_focus"))
        groups[key].append(r)
    out = []
    for group in groups.values():
        text = ""
        golds: list[Gold] = []
        for r in group:
            if text:
                text += "\n\n"
            base = len(text)
            sentence = r["sentence"]
            text += sentence
            for n in r.get("numbers", []):
                found = find_surface(sentence, n["surface"], int(n.get("occurrence") or 1))
                if found < 0:
                    print(f"warning: {r['id']}: {n['surface']!r} not in its sentence", file=sys.stderr)
                    continue
                golds.append(Gold(r["id"], r["lang"], base + found, base + found + len(n["surface"]), n["surface"], n))
        page_country = group[0].get("country_focus") if set_name == "webstats" else None
        out.append((text, group[0]["lang"], group[0].get("date"), golds, page_country))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _year(period: Any) -> str | None:
    if period is None:
        return None
    text = str(period)
    digits = "".join(ch if ch.isdigit() else " " for ch in text).split()
    years = [d for d in digits if len(d) == 4]
    return years[0] if years else None


def _reason_code(reason: str | None) -> str:
    """The blocker a reason names, read from its words until the verifier gives a code."""
    text = (reason or "").lower()
    if "no dataset" in text:
        return "no_dataset"
    if "unit" in text or " in usd" in text or "data in" in text:
        return "unit"
    if "no data for" in text or "period" in text or "annual" in text:
        return "no_period"
    if "entity" in text or "no row" in text or "no data on" in text:
        return "no_entity"
    if "metric" in text or "measures" in text:
        return "no_metric"
    return "other"


def _tool_verdict(finding: dict[str, Any] | None) -> str:
    if finding is None:
        return "NOT_FOUND"
    verdict = finding["verdict"]
    if verdict == "PREDICTION":
        return {"MET": "PREDICTION_MET", "NOT_MET": "PREDICTION_NOT_MET"}.get(finding.get("outcome") or "", "PENDING")
    return verdict


def score(set_name: str, lang: str, misses: int, page_country: bool = True, alone: bool = False) -> Tally:
    from factcheck.check import check_text
    from factcheck.reference.store import open_store
    from factcheck.report import render_json

    store = open_store()
    tally = Tally()
    for text, doc_lang, date, golds, country in documents(set_name, load(set_name, lang), alone):
        day = dt.date.fromisoformat(date) if date else None
        country = country if page_country else None
        report = json.loads(render_json(check_text(text, doc_lang, day, store=store, country=country)))
        claims = [f["claim"] | {"_finding": f} for f in report["findings"]]
        claims += [c | {"_finding": None, "check_worthy": False} for c in report["not_check_worthy"]]
        gold_claim_spans = [(g.start, g.end) for g in golds if g.info.get("claim")]
        for c in claims:
            if c.get("check_worthy") and not any(_overlap(c["start"], c["end"], a, b) for a, b in gold_claim_spans):
                tally.add("tool claims on no gold claim")
        for g in golds:
            _score_one(g, claims, tally, misses)
    return tally


def _score_one(g: Gold, claims: list[dict[str, Any]], tally: Tally, misses: int) -> None:
    info = g.info
    best = max(claims, key=lambda c: _overlap(c["start"], c["end"], g.start, g.end), default=None)
    if best is not None and _overlap(best["start"], best["end"], g.start, g.end) == 0:
        best = None
    finding = best["_finding"] if best is not None else None
    if not info.get("claim"):
        return
    tally.add("gold claims")
    if finding is not None:
        tally.add("detected")
    elif len(tally.misses) < misses:
        tally.misses.append(f"{g.record}: not detected: {g.surface!r}")
    gold_verdict = str(info.get("verdict") or ("UNVERIFIABLE" if not info.get("checkable") else "")).upper()
    tool = _tool_verdict(finding)
    if info.get("checkable"):
        tally.add("checkable")
        evidence = finding.get("reference") if finding else None
        if evidence and _linked(info, evidence):
            tally.add("linked right")
        elif len(tally.misses) < misses:
            got = tool
            if evidence:
                got = f"{evidence['dataset']} {evidence['selection'].get('entity')} {evidence['period']}"
            want = f"{info.get('dataset')} {info.get('entity')} {info.get('period')}"
            tally.misses.append(f"{g.record}: {g.surface!r} linked to {got}, gold {want}")
    if gold_verdict:
        tally.add("with gold verdict")
        if tool == gold_verdict:
            tally.add("verdict right")
        for kind in ("CONTRADICTED", "SUPPORTED"):
            if tool == kind:
                tally.add(f"tool {kind}")
                tally.add(f"tool {kind} right", tool == gold_verdict)
        if tool == "CONTRADICTED" and gold_verdict != "CONTRADICTED" and len(tally.misses) < misses:
            tally.misses.append(f"{g.record}: {g.surface!r} CONTRADICTED, gold {gold_verdict}")
    if not info.get("checkable") and tool == "UNVERIFIABLE":
        tally.add("unverifiable, gold not checkable")
        code = (finding or {}).get("reason_code") or _reason_code(finding.get("reason") if finding else None)
        if code == info.get("why_not"):
            tally.add("unverifiable, right reason")


def _linked(info: dict[str, Any], evidence: dict[str, Any]) -> bool:
    selection = evidence.get("selection") or {}
    if evidence.get("dataset") != info.get("dataset"):
        return False
    if info.get("entity") and selection.get("entity") != info["entity"]:
        return False
    if info.get("counterpart") and selection.get("counterpart") != info["counterpart"]:
        return False
    period = str(info.get("period") or "")
    if ".." in period and _year(period.split("..")[1]) is not None:
        # a change over several years, "2015..2021": the evidence's period is its end, and the base
        # year it names, if any, its start
        start, end = (_year(p) for p in period.split("..", 1))
        base = selection.get("base_year")
        return end == _year(evidence.get("period")) and (base is None or str(base) == start)
    gold_year = _year(info.get("period"))
    return gold_year is None or gold_year == _year(evidence.get("period"))


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else f"{n}/0 (-)"


def report(name: str, tally: Tally) -> None:
    c = tally.counts
    print(f"\n## {name}")
    print(f"detected                       {_ratio(c['detected'], c['gold claims'])}")
    print(f"tool claims on no gold claim   {c['tool claims on no gold claim']}")
    print(f"linked right (checkable)       {_ratio(c['linked right'], c['checkable'])}")
    print(f"verdict right                  {_ratio(c['verdict right'], c['with gold verdict'])}")
    print(f"precision of CONTRADICTED      {_ratio(c['tool CONTRADICTED right'], c['tool CONTRADICTED'])}")
    print(f"precision of SUPPORTED         {_ratio(c['tool SUPPORTED right'], c['tool SUPPORTED'])}")
    print(
        "UNVERIFIABLE, right reason     "
        f"{_ratio(c['unverifiable, right reason'], c['unverifiable, gold not checkable'])}"
    )
    for line in tally.misses:
        print(f"  - {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    parser.add_argument("--lang", choices=("ar", "en", "all"), default="all")
    parser.add_argument("--misses", type=int, default=0, help="list up to this many misses per set and language")
    parser.add_argument(
        "--no-page-country",
        action="store_true",
        help="check statistics sentences without the country of their page (as if pasted alone)",
    )
    parser.add_argument(
        "--sentences-alone",
        action="store_true",
        help="check each statistics sentence on its own instead of with the other sentences of its page",
    )
    args = parser.parse_args(argv)
    sets = SETS if args.set == "all" else (args.set,)
    langs = ("ar", "en") if args.lang == "all" else (args.lang,)
    any_gold = False
    for set_name in sets:
        for lang in langs:
            if not load(set_name, lang):
                continue
            any_gold = True
            report(
                f"{set_name}, {lang}",
                score(set_name, lang, args.misses, not args.no_page_country, args.sentences_alone),
            )
    if not any_gold:
        print(f"no gold found under {GOLD.relative_to(ROOT)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
