"""Shared fixtures and the hypothesis profiles.

Profiles: ``ci`` (the default: 500 examples per property), ``dev`` (50, for quick local runs) and
``nightly`` (5,000).  Choose with ``HYPOTHESIS_PROFILE=dev pytest``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
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

_SESSION_CACHE: dict[str, str | None] = {}


def pytest_configure(config: pytest.Config) -> None:
    """Every test run gets its own FACTCHECK_CACHE, so nothing is written to the user's ~/.cache
    (set before collection, since importing a module may already read a cached language)."""
    _SESSION_CACHE["before"] = os.environ.get("FACTCHECK_CACHE")
    _SESSION_CACHE["dir"] = tempfile.mkdtemp(prefix="factcheck-test-cache-")
    os.environ["FACTCHECK_CACHE"] = _SESSION_CACHE["dir"]


def pytest_unconfigure(config: pytest.Config) -> None:
    before, made = _SESSION_CACHE.pop("before", None), _SESSION_CACHE.pop("dir", None)
    if before is None:
        os.environ.pop("FACTCHECK_CACHE", None)
    else:
        os.environ["FACTCHECK_CACHE"] = before
    if made:
        shutil.rmtree(made, ignore_errors=True)


needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason="the shared folder beside the project (articles, conformance corpus) is absent",
)


@pytest.fixture(scope="session")
def article_text() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shipped_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder for the shipped reference data, shared by the session's tests (set it as
    FACTCHECK_CACHE to have the CLI reuse it)."""
    return tmp_path_factory.mktemp("shipped-cache")


@contextlib.contextmanager
def cache_env(path: Path):
    """FACTCHECK_CACHE set to ``path`` for the duration, then restored."""
    before = os.environ.get("FACTCHECK_CACHE")
    os.environ["FACTCHECK_CACHE"] = str(path)
    try:
        yield
    finally:
        if before is None:
            del os.environ["FACTCHECK_CACHE"]
        else:
            os.environ["FACTCHECK_CACHE"] = before


@pytest.fixture(scope="session")
def shipped_store(shipped_cache: Path):
    """The shipped reference data, loaded once per test session."""
    from factcheck.reference.store import open_store

    with cache_env(shipped_cache):
        store = open_store()
    yield store
    store.close()


@pytest.fixture
def finding():
    """``finding(text, number, *args, **kwargs)``: the JSON finding of ``check_text(text, *args,
    **kwargs)`` on the claim written ``number`` (fails, listing the claims found, when there is none)."""
    import json

    from factcheck.check import check_text
    from factcheck.report import render_json

    def find(text: str, number: str, *args: object, **kwargs: object) -> dict:
        report = json.loads(render_json(check_text(text, *args, **kwargs)))
        found = [f for f in report["findings"] if f["claim"]["text"] == number]
        assert found, f"no finding on {number!r}: {[f['claim']['text'] for f in report['findings']]}"
        return found[0]

    return find
