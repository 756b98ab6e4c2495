"""Finding M6: every policy value has a type and a sane range.  A value out of range (such as
``precision.fraction = 1e30``) is an InputError naming the file, the line and the key, from
``load_policy`` and from ``factcheck check --policy FILE`` / ``--tolerance KEY=VALUE``; it never
reaches the verifier."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.errors import InputError
from factcheck.verify.policy import _KEYS, Policy, load_policy

OUT_OF_RANGE = [
    ("precision", "fraction", "1e30"),
    ("precision", "fraction", "1.5"),
    ("precision", "fraction", "-0.1"),
    ("precision", "fraction", "nan"),
    ("precision", "fraction", "inf"),
    ("hedge", "relative", "2"),
    ("hedge", "points", "1e30"),
    ("hedge", "points", "101"),
    ("hedge", "points_max_fraction", "1e6"),
    ("time", "current_period_days", "99999999999999999999"),
    ("time", "current_period_days", "367"),
    ("time", "current_period_days", "-1"),
    ("linking", "margin", "1e30"),
]


@pytest.mark.parametrize(("section", "name", "value"), OUT_OF_RANGE)
def test_m6_out_of_range_policy_values_are_refused_with_file_line_and_key(
    tmp_path: Path, section: str, name: str, value: str
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(f"# a newsroom policy\n\n[{section}]\n{name} = {value}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line 4: {section}.{name} must be "), message
    assert ">=" in message and "<=" in message


def test_m6_a_dotted_key_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('rank.ties = "shared"\nprecision.fraction = 1e30\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: precision\.fraction"):
        load_policy(path)


@pytest.mark.parametrize(("section", "name", "value"), OUT_OF_RANGE)
def test_m6_out_of_range_tolerances_are_refused_by_the_cli(tmp_path: Path, section: str, name: str, value: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Trade reached $240.1 billion in 2023.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--tolerance", f"{section}.{name}={value}", "--out", str(tmp_path / "out"), str(article)]
    )
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert f"{section}.{name} must be" in result.stderr and "Traceback" not in result.output
    policy = tmp_path / "policy.toml"
    policy.write_text(f"[{section}]\n{name} = {value}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--policy", str(policy), "--out", str(tmp_path / "o"), str(article)])
    assert result.exit_code == 2 and f"{policy}: line 2: {section}.{name}" in result.stderr


def test_m6_the_boundaries_are_accepted() -> None:
    for key, (attr, kind, _, bounds) in _KEYS.items():
        if bounds is None:
            continue
        for bound in bounds:
            policy = load_policy(overrides={key: str(bound)})
            assert getattr(policy, attr) == kind(bound)


@given(st.sampled_from(sorted(_KEYS)), st.text(max_size=30))
@example("time.current_period_days", "0\x1f")  # a control character str.strip takes off and int() does not
def test_m6_any_override_gives_a_policy_in_range_or_an_input_error(key: str, value: str) -> None:
    try:
        policy = load_policy(overrides={key: value})
    except InputError as exc:
        error: InputError | None = exc
    else:
        error = None
    if error is not None:
        assert key in str(error)
        return
    attr, kind, allowed, bounds = _KEYS[key]
    got = getattr(policy, attr)
    assert isinstance(policy, Policy) and isinstance(got, kind)
    if bounds is not None:
        assert bounds[0] <= got <= bounds[1]
        assert not isinstance(got, Decimal) or got.is_finite()
    if allowed is not None:
        assert got in allowed
