"""The duckling conformance corpus: the targets of the number layer hold, scored by bench/conformance.py."""

from __future__ import annotations

import importlib.util
import json
from collections import defaultdict

from factcheck.mine.mentions import find_mentions

from .conftest import CORPUS, ROOT, needs_shared

_spec = importlib.util.spec_from_file_location("conformance", ROOT / "bench" / "conformance.py")
assert _spec is not None and _spec.loader is not None
conformance = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conformance)


@needs_shared
def test_targets_hold() -> None:
    """Numbers and ordinals (issue 2) and amounts with units (issue 3), per language; negative
    cases must yield nothing of their kind."""
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    negatives = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        ok = conformance.case_passes(case, find_mentions(case["text"], lang=case["lang"]))
        if case["meta"].get("block") == "negativeCorpus":
            negatives.append((case["text"], ok))
        by_kind[(case["lang"], case["kind"])][0] += ok
        by_kind[(case["lang"], case["kind"])][1] += 1
        for group, kinds in conformance.GROUPS.items():
            if case["kind"] in kinds:
                totals[(case["lang"], group)][0] += ok
                totals[(case["lang"], group)][1] += 1
    for key, target in conformance.TARGETS.items():
        passed, count = totals[key]
        assert passed / count >= target, f"{key}: {passed}/{count} < {target:.0%}"
    unit_kinds = [key for key in by_kind if key[1] in conformance.GROUPS["units"]]
    assert len(unit_kinds) >= 11  # six kinds with units; the corpus has distances in English only
    for key in unit_kinds:
        passed, count = by_kind[key]
        assert passed / count >= conformance.KIND_TARGET, f"{key}: {passed}/{count} < {conformance.KIND_TARGET:.0%}"
    assert negatives
    assert all(ok for _, ok in negatives), [text for text, ok in negatives if not ok]


def test_scoring_rule() -> None:
    """The scorer itself: ordinal cases need an ordinal, a bare number does not pass them."""
    case = {"kind": "ordinal", "meta": {}, "expected": [{"value": 2}]}
    assert conformance.case_passes(case, find_mentions("الثانية", lang="ar"))
    assert not conformance.case_passes(case, find_mentions("2", lang="ar"))
    number = {"kind": "number", "meta": {}, "expected": [{"value": 1.1}]}
    assert conformance.case_passes(number, find_mentions("١٫١", lang="ar"))
    assert not conformance.case_passes(number, find_mentions("1.2", lang="ar"))
    money = {"kind": "currency", "meta": {}, "expected": [{"value": 10, "unit": "Cent"}]}
    assert conformance.case_passes(money, find_mentions("10 سنتات", lang="ar"))
    assert not conformance.case_passes(money, find_mentions("10 دولارات", lang="ar"))
    negative = {"kind": "number", "meta": {"block": "negativeCorpus"}, "expected": []}
    assert conformance.case_passes(negative, find_mentions("لا شيء", lang="ar"))
    assert not conformance.case_passes(negative, find_mentions("5", lang="ar"))
