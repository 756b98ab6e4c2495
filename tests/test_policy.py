"""The tolerance policy file: defaults, a user's file over them, single overrides, and errors."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.verify.policy import load_policy


def test_the_shipped_defaults_are_the_documented_ones() -> None:
    raw = tomllib.loads((resources.files("factcheck.verify") / "policy.toml").read_text(encoding="utf-8"))
    policy = load_policy()
    assert policy.precision_fraction == Decimal(str(raw["precision"]["fraction"])) == Decimal("0.5")
    assert policy.hedge_points == Decimal("2") and policy.hedge_relative == Decimal("0.05")
    assert policy.rank_ties == "shared" and policy.current_period_days == 31
    assert policy.sources == ("defaults",)
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for section, table in raw.items():
        for key in table:
            assert f"`{section}.{key}`" in readme, f"{section}.{key} is not documented in the README"


def test_a_users_file_sets_some_keys_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.toml"
    path.write_text('[hedge]\npoints = 5\n\n[rank]\nties = "strict"\n', encoding="utf-8")
    policy = load_policy(path, {"precision.fraction": "1"})
    assert policy.hedge_points == Decimal("5") and policy.rank_ties == "strict"
    assert policy.precision_fraction == Decimal("1") and policy.hedge_relative == Decimal("0.05")
    assert policy.sources == ("defaults", str(path), "precision.fraction=1")
    assert policy.to_json()["hedge"]["points"] == Decimal("5")


@pytest.mark.parametrize(
    ("content", "overrides", "message"),
    [
        ("[hedge]\npoint = 5\n", None, "unknown policy key 'hedge.point'; did you mean hedge.points?"),
        ("[hedge]\npoints = -1\n", None, "hedge.points must be a number >= 0"),
        ('[hedge]\npoints = "many"\n', None, "hedge.points must be a number"),
        ('[rank]\nties = "loose"\n', None, "rank.ties must be shared or strict"),
        ("[time]\ncurrent_period_days = 1.5\n", None, "must be a whole number"),
        ("[precision]\nreference = 1\n", None, "must be true or false"),
        ("[hedge\npoints = 5\n", None, "not valid TOML"),
        ("hedge = 5\n", None, "unknown policy key 'hedge'"),
        ("", {"hedge.pionts": "5"}, "did you mean hedge.points?"),
    ],
)
def test_bad_policies_are_refused_with_the_file_and_key(tmp_path: Path, content, overrides, message) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_policy(path, overrides)
    assert message in str(info.value)
    if overrides is None:
        assert str(path) in str(info.value)


def test_a_missing_policy_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such policy file"):
        load_policy(tmp_path / "absent.toml")
