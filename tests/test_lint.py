"""The code passes the project's linter (configuration in pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .conftest import ROOT


def test_ruff_check() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    result = subprocess.run(
        [ruff, "check", "factcheck", "tests", "bench", "scripts"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_is_cheap() -> None:
    """`import factcheck` loads no heavy dependency (start-up time of every command)."""
    heavy = "('pandas', 'duckdb', 'pint', 'babel', 'regex')"
    code = f"import sys, factcheck; print(sorted(m for m in {heavy} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
