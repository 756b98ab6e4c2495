"""Shared fixtures and the hypothesis profiles.

Profiles: ``ci`` (the default: 500 examples per property), ``dev`` (50, for quick local runs) and
``nightly`` (5,000).  Choose with ``HYPOTHESIS_PROFILE=dev pytest``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "articles" / "asharq-al-awsat-2022-12-30-putin-xi-call.ar.txt"
CORPUS = SHARED / "conformance" / "duckling.jsonl"

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("nightly", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="the shared folder beside the project (articles, conformance corpus) is absent",
)


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")
