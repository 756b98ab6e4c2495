"""Reading the hand-annotated gold of the real-text benchmarks (bench/realworld/, bench/realtext/).

Each gold file is JSON lines, one annotated sentence a line; each number is named by its surface
and which occurrence of it in the sentence it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a gold file (none when it is absent); a line that is not JSON stops the run
    with its file and line."""
    if not path.is_file():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{path}:{number}: not JSON: {exc}") from None
    return records


def find_surface(sentence: str, surface: str, occurrence: int = 1) -> int:
    """Where the ``occurrence``-th ``surface`` starts in ``sentence`` (-1 when it is not there)."""
    at = -1
    for _ in range(max(1, occurrence)):
        at = sentence.find(surface, at + 1)
        if at < 0:
            return -1
    return at
