"""Properties of the derived figures on random tables (hypothesis): ranks follow the ordering with
ties shared, shares of a partition sum to 100, growth over two years is the product of the yearly
factors."""

from __future__ import annotations

import contextlib
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.reference import query as q
from factcheck.reference.store import open_store
from factcheck.testing.strategies import ReferenceTable, reference_tables

from .test_reference_store import ENTRY

COUNTRIES = ["RUS", "CHN", "SAU", "EGY", "IND", "USA", "BRA", "TUR"]
amounts = st.integers(min_value=1, max_value=10**6).map(lambda n: Decimal(n) / 100)


@contextlib.contextmanager
def _store(rows: list[tuple[str, int, Decimal]]):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lines = ["country,year,flow,value,growth,source"]
        lines += [f"{c},{y},export,{v},,s1" for c, y, v in rows]
        (folder / "toy.toml").write_text(ENTRY, encoding="utf-8")
        (folder / "toy.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        store = open_store([folder], cache=False)
        try:
            yield store
        finally:
            store.close()


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(COUNTRIES), amounts, min_size=1))
def test_ranks_follow_the_ordering_ties_included(values: dict[str, Decimal]) -> None:
    with _store([(c, 2022, v) for c, v in values.items()]) as store:
        for country, value in values.items():
            answer = q.rank(store, "toy", country, "entity", year=2022, categories={"flow": "export"})
            assert answer.value == 1 + sum(1 for v in values.values() if v > value)
            assert answer.detail["ties"] == sum(1 for v in values.values() if v == value) - 1


@settings(max_examples=60)
@given(reference_tables(entities=tuple(COUNTRIES), years=(2022, 2022)))
def test_shares_of_a_partition_sum_to_a_hundred(table: ReferenceTable) -> None:
    with tempfile.TemporaryDirectory() as name:
        store = open_store([table.write(Path(name))], cache=False)
        try:
            shares = [q.share(store, table.id, c, "entity", year=2022).value for c, _, _ in table.rows]
        finally:
            store.close()
    assert abs(sum(shares) - 100) <= Decimal("0.00001") * len(shares)


@settings(max_examples=60)
@given(amounts, amounts, amounts)
@example(Decimal("22.27"), Decimal("0.01"), Decimal("21.86"))
def test_growth_composes_over_two_years(a: Decimal, b: Decimal, c: Decimal) -> None:
    with _store([("RUS", 2020, a), ("RUS", 2021, b), ("RUS", 2022, c)]) as store:
        first = q.growth(store, "toy", "RUS", 2021, categories={"flow": "export"}).value
        second = q.growth(store, "toy", "RUS", 2022, categories={"flow": "export"}).value
        f1, f2 = 1 + first / 100, 1 + second / 100
        # each growth is rounded to 1e-6 percent, so each factor is within 5e-9 of the truth
        assert abs(f1 * f2 - c / a) <= Decimal("5e-9") * (f1 + f2) + Decimal("1e-15")
