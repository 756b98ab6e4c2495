"""The shipped reference data: it loads, every row is cited, and the derived figures equal the ones
worked out by hand from the sources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from factcheck.reference import query as q
from factcheck.reference.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    import os

    os.environ["FACTCHECK_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    s = open_store()
    yield s
    s.close()


def test_every_dataset_loads_and_every_row_is_cited(store) -> None:
    ids = {d.id for d in store.catalogue}
    assert {"ru_cn_trade", "cn_gas_imports_bcm", "power_of_siberia", "joint_sea_2022"} <= ids
    assert len([i for i in ids if i.startswith("wb_")]) == 26
    for ds in store.catalogue:
        missing = store.query(
            f'SELECT count(*) AS n FROM "{ds.id}" WHERE source IS NULL OR source NOT IN '
            "(SELECT key FROM _sources WHERE dataset = $1)",
            [ds.id],
        )
        assert missing[0]["n"] == 0, ds.id
        assert ds.aliases.get("en") and ds.aliases.get("ar"), ds.id


def test_no_unconfirmed_or_forecast_row_is_shipped(store) -> None:
    for ds in store.catalogue:
        rows = store.query(f'SELECT DISTINCT status FROM "{ds.id}"')
        assert {r["status"] for r in rows} <= {"confirmed", "derived", "approximate"}


def test_trade_growth_from_levels_beside_the_reported_growth(store) -> None:
    a = q.growth(store, "ru_cn_trade", "CHN", 2022, "RUS", categories={"flow": "total"})
    # 190.271 / 146.887 - 1 = 29.54 %, while China's customs reported 29.3 %
    assert a.value.quantize(Decimal("0.1")) == Decimal("29.5")
    assert a.detail["reported_change"] == Decimal("29.3")
    assert {c.url for c in a.citations} >= {
        "https://sputnikglobe.com/20230713/china-russia-trade-up-406-to-11454bln-in-first-half-of-2023-1111846084.html"
    }


@pytest.mark.parametrize(("year", "mode", "expected"), [
    (2021, "pipeline", 2), (2022, "pipeline", 2), (2023, "pipeline", 2),
    (2021, "LNG", 6), (2022, "LNG", 4), (2023, "LNG", 3),
])  # fmt: skip
def test_russia_in_chinas_gas_imports(store, year: int, mode: str, expected: int) -> None:
    a = q.rank(store, "cn_gas_imports_bcm", "RUS", "counterpart", year=year, entity="CHN",
               categories={"mode": mode, "basis": "EI"})  # fmt: skip
    assert a.value == expected
    assert a.detail["reported_rank"] == expected


def test_trade_2022_and_2023_levels(store) -> None:
    assert q.value_at(store, "ru_cn_trade", "CHN", "RUS", 2022, categories={"flow": "total"}).value == Decimal(
        "190271000000"
    )
    assert q.value_at(store, "ru_cn_trade", "CHN", "RUS", 2023, categories={"flow": "total"}).value == Decimal(
        "240110000000"
    )


def test_world_bank_examples(store) -> None:
    gdp = q.value_at(store, "wb_ny_gdp_mktp_cd", "CHN", year=2022)
    assert gdp.value is not None and gdp.value > 10**13
    assert gdp.citations[0].publisher == "World Bank"
    assert q.rank(store, "wb_ny_gdp_mktp_cd", "CHN", "entity", year=2022).value == 2
    a = q.latest(store, "wb_ny_gdp_mktp_cd", "RUS", dt.date(2022, 12, 30))
    assert a.detail["year"] == 2021  # 2022 had not ended on the article's date
    assert q.value_at(store, "wb_sp_pop_totl", "WLD", year=2020).value > 7 * 10**9


def test_joint_sea_lasted_seven_days(store) -> None:
    a = q.value_at(store, "joint_sea_2022", "CHN", year=2022, categories={"reported_by": "Xinhua"})
    assert a.value == 7
    assert a.rows[0]["start_date"] == "2022-12-21"
