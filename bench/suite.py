"""The benchmark suite: every speed and memory figure of the project, each beside its target.

Usage::

    python bench/suite.py            # everything, as the issues state it (about 20 minutes)
    python bench/suite.py --quick    # smaller hostile inputs and corpus (a few minutes)

Runs, each in its own process: the conformance runner, mining speed (Arabic and English), the
reference store, ``factcheck check`` latency (cold and warm) and throughput, peak memory (one check;
a 50 MB corpus streamed), linearity on hostile input (1, 2, 4 and 8 MB), time and memory of
``check`` and ``mine --claims`` on hostile documents of 1, 4 and 10 MB, and the comparison with
quantulum3 when it is installed (``pip install -e '.[bench]'``).  Every figure is a median over
repeated runs with a baseline measured in the same run (see each script).  Ends with the list of
targets: the exit status is 1 when one is not met.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller hostile inputs and corpus")
    args = parser.parse_args(argv)
    runs = [
        ("conformance", ["conformance.py"]),
        ("mining speed", ["mining.py"]),
        ("reference store", ["reference.py"]),
        ("factcheck check", ["check.py"]),
        ("memory", ["memory.py", "--corpus-mb", "10" if args.quick else "50"]),
        ("hostile input", ["hostile.py", "--sizes", "0.25,0.5,1,2" if args.quick else "1,2,4,8"]),
        ("resources", ["resources.py", "--sizes", "0.25,1" if args.quick else "1,4,10"]),
        ("beside quantulum3", ["compare.py"]),
    ]
    targets: list[tuple[str, str]] = []
    for title, command in runs:
        print(f"\n=== {title}: python bench/{' '.join(command)}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], capture_output=True, text=True)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            sys.stdout.write(result.stderr)
            targets.append((title, f"the benchmark failed (exit {result.returncode}) NOT MET"))
        for line in result.stdout.splitlines():
            if line.startswith("target:"):
                targets.append((title, line.removeprefix("target:").strip()))
        print(f"({time.perf_counter() - started:.0f} s)", flush=True)
    print("\n=== targets")
    for title, line in targets:
        print(f"{title:18} {line}")
    missed = [line for _, line in targets if line.endswith("NOT MET")]
    print(f"\n{len(targets) - len(missed)} of {len(targets)} targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
