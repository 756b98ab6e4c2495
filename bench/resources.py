"""Time and memory on hostile documents: seconds per megabyte and peak memory as the size grows.

Usage::

    python bench/resources.py [--sizes 1,4,10] [--commands check,mine]

For each shape of text built to be costly, at each size in megabytes, runs in a fresh process

* ``factcheck check`` with its default writing of NAME.md, NAME.json and NAME.html, and
* ``factcheck mine --claims`` (every claim of the text, written as it is found),

and prints the seconds per megabyte and the peak resident memory (VmHWM, as bench/memory.py
measures it), beside the same for the baseline measured in the same run: the plain news article
repeated to the same size.  The shapes: number-dense Arabic news sentences, number-dense English
ones, spaced digits ("1 2 3 ..."), one run of digits as long as the text, a single very long line
of prose, and brackets nested as deep as the text.

Targets (issue 11): a peak of at most 300 MB for every shape and size, and seconds per MB at the
largest size within 1.5 times that at the smallest (time linear in the size).  ``check`` keeps at
most ``MAX_CLAIMS`` claims of a document and checks at most ``MAX_CHECKED`` (factcheck/limits.py),
so on a dense document it reports a problem and exits with status 2; that is expected here.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from memory import PROBE  # bench/memory.py: the same peak-memory probe, beside this script

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ar-russia-china-trade-2023.txt"
PEAK_MB = 300.0
GROWTH = 1.5


def _repeat(unit: str) -> Callable[[int], str]:
    def build(size: int) -> str:
        encoded = len(unit.encode("utf-8"))
        return unit * (size // encoded + 1)

    return build


def _one_line(size: int) -> str:
    words = " ".join(EXAMPLE.read_text(encoding="utf-8").split()) + " "
    return _repeat(words)(size)


def _brackets(size: int) -> str:
    return "(" * (size // 2) + ")" * (size // 2)


SHAPES: dict[str, Callable[[int], str]] = {
    "news article (baseline)": _repeat(EXAMPLE.read_text(encoding="utf-8") + "\n\n"),
    "number-dense Arabic news": _repeat("نما الناتج المحلي لمصر بنسبة 4.2% في 2022 وبلغ 400 مليار دولار. "),
    "number-dense English news": _repeat("Egypt's GDP grew 4.2% in 2022 to $400bn, and inflation was 13.9%. "),
    "spaced digits 1 2 3 ...": _repeat("1 2 3 4 5 6 7 8 9 10 "),
    "one run of digits": _repeat("1234567890"),
    "a single very long line": _one_line,
    "deep brackets": _brackets,
}
COMMANDS = {
    "check": lambda path, out: [
        "check",
        "--date",
        "2022-12-30",
        "--fail-on",
        "none",
        "--max-mb",
        "64",
        "--out",
        out,
        path,
    ],
    "mine --claims": lambda path, out: ["mine", "--claims", "--max-mb", "64", path],
}


def _write(path: Path, text: str, size: int) -> None:
    data = text.encode("utf-8")[:size]
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(peak resident MB, seconds, exit status) of ``python -m factcheck ARGS`` in a fresh process."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    seconds = time.perf_counter() - started
    lines = [x for x in result.stderr.decode("utf-8", "replace").splitlines() if x.startswith("PEAK_KB")]
    if not lines:
        sys.stderr.write(result.stderr.decode("utf-8", "replace")[-2000:])
        return float("nan"), seconds, result.returncode
    return int(lines[-1].split()[1]) / 1024, seconds, result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,10", help="sizes in MB, comma-separated (default 1,4,10)")
    parser.add_argument("--commands", default="check,mine", help="check, mine or both (default both)")
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    wanted = {c.strip() for c in args.commands.split(",")}
    commands = {name: build for name, build in COMMANDS.items() if name.split()[0] in wanted}
    targets: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "FACTCHECK_CACHE": str(tmp_path / "cache")}
        run(["check", "--fail-on", "none", "--out", str(tmp_path / "warm"), str(EXAMPLE)], env)  # fills the cache
        for command, build in commands.items():
            print(f"\nfactcheck {command}")
            header = f"{'shape':28}" + "".join(f"{f'{s:g} MB: s/MB':>14}{'peak MB':>9}" for s in sizes)
            print(header + f"{'growth':>8}")
            for shape, make in SHAPES.items():
                row = f"{shape:28}"
                per_mb: list[float] = []
                peaks: list[float] = []
                for size_mb in sizes:
                    size = int(size_mb * 1e6)
                    path = tmp_path / "input.txt"
                    _write(path, make(size), size)
                    peak, seconds, _status = run(build(str(path), str(tmp_path / "out")), env)
                    per_mb.append(seconds / size_mb)
                    peaks.append(peak)
                    row += f"{seconds / size_mb:14.2f}{peak:9.0f}"
                growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("nan")
                print(row + f"{growth:7.2f}x", flush=True)
                top = max(peaks)
                ok_peak = top <= PEAK_MB
                ok_growth = growth <= GROWTH
                targets.append(
                    f"target: {command}, {shape}: peak {top:.0f} MB (at most {PEAK_MB:.0f}) "
                    f"{'ok' if ok_peak else 'NOT MET'}"
                )
                targets.append(
                    f"target: {command}, {shape}: s/MB from {sizes[0]:g} to {sizes[-1]:g} MB grows {growth:.2f}x "
                    f"(at most {GROWTH}x) {'ok' if ok_growth else 'NOT MET'}"
                )
    print()
    for line in targets:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
