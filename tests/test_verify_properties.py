"""Properties of verdicts: digit scripts change nothing, hedges only widen, and the tolerance
boundary is where the verdict flips and nowhere else.

A toy table holds Egypt's widget exports in 2022: exactly 150 million dollars.  A claim of X
million written with d decimals is supported exactly when |X - 150| <= half a unit of its last
decimal, which the tests compute independently of the verifier.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck import check_text
from factcheck.reference.store import open_store
from factcheck.testing.strategies import DIGIT_SCRIPTS, with_digits

from .conftest import cache_env
from .test_verify import _toy


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("toy")
    with cache_env(folder / "cache"):
        store = open_store([_toy(folder)])
    yield store
    store.close()


amounts = st.tuples(st.integers(0, 2), st.integers(100_00, 200_00)).map(
    lambda t: (Decimal(t[1]).scaleb(-2).quantize(Decimal(1).scaleb(-t[0])), t[0])
)


def _verdict(store, text: str, lang: str) -> str:
    report = check_text(text, lang=lang, store=store)
    assert len(report.findings) == 1, text
    return str(report.findings[0].verdict)


def _en(x: Decimal, hedge: str = "") -> str:
    return f"Egypt's widget exports reached {hedge}${x} million in 2022."


def _ar(x: Decimal, script: str = "ascii", hedge: str = "") -> str:
    number = with_digits(str(x), script)
    return f"بلغت صادرات الأدوات في مصر {hedge}{number} مليون دولار في عام 2022."


@given(amounts)
@example((Decimal("150.5"), 1))  # the edges themselves are inside
@example((Decimal("149.5"), 1))
@example((Decimal("150.6"), 1))
@example((Decimal(151), 0))
@example((Decimal(153), 0))  # exactly 2% of 150 off: still close
@example((Decimal("153.01"), 2))
@example((Decimal(147), 0))
def test_the_verdict_flips_at_the_tolerance_boundary_and_nowhere_else(toy, amount) -> None:
    x, places = amount
    half_unit = Decimal(1).scaleb(-places) / 2
    # outside the written precision, within the policy's close band (2% of the reference 150): CLOSE
    expected = "SUPPORTED" if abs(x - 150) <= half_unit else "CLOSE" if abs(x - 150) <= 3 else "CONTRADICTED"
    assert _verdict(toy, _en(x), "en") == expected
    assert _verdict(toy, _ar(x), "ar") == expected


@given(amounts, st.sampled_from(DIGIT_SCRIPTS[1:]))
def test_another_digit_script_never_changes_the_verdict(toy, amount, script) -> None:
    x, _ = amount
    assert _verdict(toy, _ar(x, script), "ar") == _verdict(toy, _ar(x), "ar")


@given(amounts, st.sampled_from([("en", "about "), ("en", "around "), ("ar", "نحو "), ("ar", "حوالي ")]))
def test_a_hedge_never_turns_supported_into_contradicted(toy, amount, hedged) -> None:
    x, _ = amount
    lang, word = hedged
    plain = _en(x) if lang == "en" else _ar(x)
    with_hedge = _en(x, word) if lang == "en" else _ar(x, hedge=word)
    if _verdict(toy, plain, lang) == "SUPPORTED":
        assert _verdict(toy, with_hedge, lang) == "SUPPORTED"
