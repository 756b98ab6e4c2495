"""Findings M11 and L7: the cache cannot run code, and tests never write to ~/.cache.

M11: whoever can write to the cache folder (a shared CI cache) must not be able to run code.
Entries are read only with their HMAC under the user's key, only from a folder only the user can
write, and only through an unpickler that can build data and nothing else; so even a forged entry
with a valid tag (someone who copied the key) builds no callable.  Checked through the API
(:func:`factcheck.cache.cached`) and through a real ``factcheck check`` run in a fresh process
(the CLI reads cached languages once per process)."""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cache
from factcheck.cache import cache_dir, cached, key_of

POSIX = pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes are POSIX ideas")


class _Evil:
    """Unpickling this calls ``open(marker, "w")``: a stand-in for ``os.system``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.marker), "w"))


def _entry(key: str) -> Path:
    return cache_dir() / f"{key}.pickle"


def _forge(path: Path, payload: bytes, with_key: bool = True) -> None:
    """Write ``payload`` as the cache entry ``path``, tagged with the user's real key (an attacker
    who could read it) or with a key of the attacker's own."""
    secret = (path.parent / "secret.key").read_bytes() if with_key else b"x" * 32
    path.write_bytes(payload + cache._MAGIC + cache._tag(secret, path.name, payload))


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE", str(folder))
    return folder


def test_m11_a_value_is_cached_and_read_back(fresh_cache: Path) -> None:
    key = key_of("demo", ["x"])
    assert cached(key, tuple, lambda: (1, "a")) == (1, "a")
    assert cached(key, tuple, lambda: ("built", "again")) == (1, "a")
    assert (fresh_cache / "secret.key").stat().st_size == 32


@pytest.mark.parametrize("with_key", [True, False], ids=["tag-forged-with-the-key", "tag-without-the-key"])
def test_m11_a_cache_entry_cannot_run_code(fresh_cache: Path, tmp_path: Path, with_key: bool) -> None:
    key = key_of("demo", ["evil"])
    cached(key, tuple, lambda: (1,))
    marker = tmp_path / "ran"
    _forge(_entry(key), pickle.dumps(_Evil(marker)), with_key)
    assert cached(key, tuple, lambda: ("rebuilt",)) == ("rebuilt",)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("module", "name"),
    [("os", "system"), ("builtins", "eval"), ("pathlib", "Path.write_text"), ("subprocess", "Popen"), ("io", "open")],
)
def test_m11_only_data_classes_may_be_named(module: str, name: str) -> None:
    with pytest.raises(pickle.UnpicklingError, match="may not name"):
        cache._DataUnpickler(io.BytesIO(b"")).find_class(module, name)


def test_m11_the_cached_objects_are_data() -> None:
    from decimal import Decimal

    from factcheck.lang import Language

    find = cache._DataUnpickler(io.BytesIO(b"")).find_class
    assert find("factcheck.lang", "Language") is Language
    assert find("decimal", "Decimal") is Decimal
    with pytest.raises(pickle.UnpicklingError):
        find("factcheck.reference.store", "open_store")  # a function of ours is no data class either


def test_m11_a_tampered_or_untagged_entry_is_built_again(fresh_cache: Path) -> None:
    key = key_of("demo", ["tamper"])
    cached(key, tuple, lambda: ("good",))
    entry = _entry(key)
    blob = entry.read_bytes()
    entry.write_bytes(blob.replace(b"good", b"evil"))
    assert cached(key, tuple, lambda: ("rebuilt",)) == ("rebuilt",)
    entry.write_bytes(pickle.dumps(("old format",)))  # a plain pickle, as older versions wrote
    assert cached(key, tuple, lambda: ("rebuilt",)) == ("rebuilt",)


@POSIX
def test_m11_a_cache_folder_others_can_write_is_not_used(fresh_cache: Path, tmp_path: Path) -> None:
    key = key_of("demo", ["shared"])
    cached(key, tuple, lambda: ("mine",))
    fresh_cache.chmod(0o777)
    marker = tmp_path / "ran"
    _forge(_entry(key), pickle.dumps(("planted",)))
    assert cached(key, tuple, lambda: ("built",)) == ("built",)  # not read ...
    assert pickle.loads(_entry(key).read_bytes()) == ("planted",)  # ... and not written either
    assert cache.trusted_cache_dir() is None
    assert not marker.exists()
    fresh_cache.chmod(0o700)
    assert cache.trusted_cache_dir() == fresh_cache


@POSIX
def test_m11_a_key_others_can_read_is_not_used(fresh_cache: Path) -> None:
    key = key_of("demo", ["key"])
    cached(key, tuple, lambda: ("mine",))
    (fresh_cache / "secret.key").chmod(0o644)
    assert cached(key, tuple, lambda: ("built",)) == ("built",)


@POSIX
def test_m11_a_new_cache_folder_and_key_are_private(fresh_cache: Path) -> None:
    cached(key_of("demo", ["new"]), tuple, lambda: ())
    assert fresh_cache.stat().st_mode & 0o077 == 0
    assert (fresh_cache / "secret.key").stat().st_mode & 0o077 == 0


def test_m11_the_cli_runs_no_code_from_a_forged_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    article = tmp_path / "a.txt"
    article.write_text("Trade between China and Russia reached $240.1 billion in 2023.\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "toy.toml").write_text(
        'id = "toy"\ndata = "toy.csv"\ntitle = { en = "Toy" }\npublisher = "T"\nretrieved = 2024-01-01\n'
        'as_of = 2024-01-01\nunit = "USD"\n[columns]\nc = "entity"\ny = "year"\nv = "value"\ns = "source"\n'
        '[sources.a]\npublisher = "P"\ntitle = "T"\nurl = "https://example.org"\ndate = "2024-01"\n',
        encoding="utf-8",
    )
    (data / "toy.csv").write_text("c,y,v,s\nRUS,2022,1,a\n", encoding="utf-8")
    env = {**os.environ, "FACTCHECK_CACHE": str(folder)}
    args = [sys.executable, "-m", "factcheck", "check", "--reference-dir", str(data), "--out", str(tmp_path / "out")]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*args, str(article)], env=env, capture_output=True, text=True, timeout=300, check=False)

    first = run()
    assert first.returncode in (0, 1), first.stderr
    entries = sorted(folder.glob("*.pickle"))
    assert {p.name.split("-")[0] for p in entries} >= {"language", "gazetteer", "catalogue"}
    for entry in entries:  # every kind the CLI caches is data the reader accepts: a cached start stays fast
        assert cache._read(entry, object) is not None, entry.name
    marker = tmp_path / "ran"
    for entry in entries:
        _forge(entry, pickle.dumps(_Evil(marker)))
    second = run()
    assert not marker.exists()
    assert second.returncode == first.returncode, second.stderr
    assert second.stdout == first.stdout


def test_l7_tests_use_a_temporary_cache_not_the_home_folder() -> None:
    configured = os.environ.get("FACTCHECK_CACHE")
    assert configured, "tests/conftest.py sets FACTCHECK_CACHE for the whole session"
    home_cache = Path.home() / ".cache" / "factcheck"
    assert Path(configured).resolve() != home_cache.resolve()
    assert home_cache.resolve() not in Path(configured).resolve().parents
