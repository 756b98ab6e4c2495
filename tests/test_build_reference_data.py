"""The shipped reference data are exactly what the build script makes from the shared sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SHARED, needs_shared


@needs_shared
def test_rebuild_gives_the_shipped_bytes(tmp_path: Path) -> None:
    out = tmp_path / "rebuilt"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_reference_data.py"), str(SHARED / "reference-sources"),
         "--out", str(out)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    shipped = {p.name for p in (ROOT / "reference_data").iterdir() if p.name != "README.md"}
    built = {p.name for p in out.iterdir()}
    assert built == shipped
    for name in sorted(built):
        assert (out / name).read_bytes() == (ROOT / "reference_data" / name).read_bytes(), name
