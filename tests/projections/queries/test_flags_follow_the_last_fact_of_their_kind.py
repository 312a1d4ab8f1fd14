"""Each flag of a company read from a real store as of a day: unset until a fact sets it, then set
by the last fact of its kinds in fact order (a growth tier left is a flag unset again), only
possibly set while that fact only possibly happened; funding sums only funding rounds, and is
certain only when every round is."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks

UNSET = {"value": False, "certain": True, "since": None}


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    built.app.register_company("Flag Co")
    yield built
    built.close()


def record(services, kind: str, day: str, venue: str | None = None, **fields) -> str:
    written = services.app.record_fact(
        kind=kind,
        company="Flag Co",
        venue=venue,
        date=day,
        fields=fields or None,
        sources=[Source(f"{kind}-{day}.txt", parse_date(day), f"{kind} reported")],
    )
    return str(written.id)


def flags(services, day: date, certain_only: bool = False) -> dict:
    services.catch_up()
    return services.queries.company("Flag Co", Clocks(day, certain_only=certain_only))["flags"]


def test_a_company_without_facts_has_every_flag_unset(services):
    assert flags(services, date(2025, 1, 1)) == {
        "blacklisted": UNSET,
        "growth_tier": UNSET,
        "u_mark_removed": UNSET,
        "profitable": UNSET,
        "funding_raised": {},
        "latest_valuation": None,
    }


def test_a_flag_set_by_a_fuzzy_fact_is_only_possibly_set_until_the_fact_certainly_happened(services):
    fact_id = record(services, "blacklisted", "late 2023", authority="US Commerce Department")
    while_unsure = flags(services, date(2023, 11, 25))["blacklisted"]
    assert while_unsure == {"value": True, "certain": False, "since": "late 2023", "fact_id": fact_id}
    assert flags(services, date(2024, 1, 1))["blacklisted"] == {
        "value": True,
        "certain": True,
        "since": "late 2023",
        "fact_id": fact_id,
    }
    assert flags(services, date(2023, 6, 1))["blacklisted"] == UNSET


def test_leaving_the_growth_tier_unsets_the_flag_from_that_fact_on(services):
    joined = record(services, "joined_growth_tier", "2024-03-01", "SSE-STAR")
    left = record(services, "left_growth_tier", "2025-02-01", "SSE-STAR")
    assert flags(services, date(2024, 6, 1))["growth_tier"] == {
        "value": True,
        "certain": True,
        "since": "2024-03-01",
        "fact_id": joined,
    }
    assert flags(services, date(2025, 6, 1))["growth_tier"] == {
        "value": False,
        "certain": True,
        "since": "2025-02-01",
        "fact_id": left,
    }


def test_each_flag_is_set_by_its_own_kind_only(services):
    removed = record(services, "u_mark_removed", "2025-04-01", "SSE-STAR")
    profit = record(services, "first_profit", "2025-05-01")
    now = flags(services, date(2025, 6, 1))
    assert now["u_mark_removed"] == {"value": True, "certain": True, "since": "2025-04-01", "fact_id": removed}
    assert now["profitable"] == {"value": True, "certain": True, "since": "2025-05-01", "fact_id": profit}
    assert (now["blacklisted"], now["growth_tier"]) == (UNSET, UNSET)


def test_funding_counts_only_rounds_and_is_certain_only_when_every_round_is(services):
    record(services, "funding_round", "2024-05-10", round="A", amount="CNY 100 million")
    record(services, "funding_round", "late 2024", round="B", amount="CNY 50 million")
    record(services, "funding_round", "2024-06-01", round="angel", valuation="CNY 1 billion")  # no amount
    record(services, "follow_on_offering", "2024-07-01", amount="CNY 900 million")  # not a funding round
    unsure = flags(services, date(2024, 12, 25))["funding_raised"]
    assert unsure == {"CNY": {"amount": "150000000", "rounds": 2, "certain": False}}
    sure = flags(services, date(2025, 1, 1))["funding_raised"]
    assert sure == {"CNY": {"amount": "150000000", "rounds": 2, "certain": True}}
    # Certain only: a round that only possibly happened by then is left out altogether.
    assert flags(services, date(2024, 12, 25), certain_only=True)["funding_raised"] == {
        "CNY": {"amount": "100000000", "rounds": 1, "certain": True}
    }


def test_a_round_reporting_a_valuation_is_the_latest_valuation_when_newest(services):
    reported = record(services, "valuation_reported", "2024-01-15", valuation="CNY 5 billion")
    funded = record(
        services, "funding_round", "2024-09-01", round="C", amount="USD 10 million", valuation="USD 2 billion"
    )
    assert flags(services, date(2024, 6, 1))["latest_valuation"] == {
        "valuation": {"amount": "5000000000", "currency": "CNY"},
        "date": "2024-01-15",
        "certain": True,
        "fact_id": reported,
    }
    assert flags(services, date(2024, 12, 1))["latest_valuation"] == {
        "valuation": {"amount": "2000000000", "currency": "USD"},
        "date": "2024-09-01",
        "certain": True,
        "fact_id": funded,
    }
    record(services, "valuation_reported", "late 2024", valuation="USD 3 billion")
    unsure = flags(services, date(2024, 12, 25))["latest_valuation"]
    assert (unsure["valuation"]["amount"], unsure["certain"]) == ("3000000000", False)
