"""The rules behind a company's flags and the changes list, asserted on a real store: funding sums
per currency (never mixed, never the last round alone), the newest valuation, profitability from
the first profit, and "changes" that ignore a stage repeated by another fact."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    built.app.register_company("Flag Co")
    yield built
    built.close()


def record(services, kind: str, day: str, document: str, venue: str | None = None, **fields):
    services.app.record_fact(
        kind=kind,
        company="Flag Co",
        venue=venue,
        date=day,
        fields=fields or None,
        sources=[Source(document, parse_date(day), f"report {document}")],
    )


def flags(services, day: date) -> dict:
    services.catch_up()
    return services.queries.company("Flag Co", Clocks(day))["flags"]


def test_funding_is_summed_per_currency_over_every_round(services):
    record(services, "funding_round", "2023-03", "a.txt", round="A", amount="CNY 1.5 billion")
    record(services, "funding_round", "2024-05", "b.txt", round="B", amount="CNY 2.25 billion")
    record(services, "funding_round", "2024-09", "c.txt", round="C", amount="USD 100 million", rounds=2)
    funding = flags(services, date(2025, 1, 1))["funding_raised"]
    assert funding["CNY"]["amount"] == "3750000000"
    assert funding["CNY"]["rounds"] == 2
    assert funding["USD"]["amount"] == "100000000"
    assert funding["USD"]["rounds"] == 2  # one statement covering two rounds
    assert flags(services, date(2024, 1, 1))["funding_raised"]["CNY"]["amount"] == "1500000000"


def test_the_latest_valuation_is_the_newest_one_reported(services):
    record(services, "valuation_reported", "2023-06", "old.txt", valuation="CNY 10 billion")
    record(services, "valuation_reported", "2025-02", "new.txt", valuation="CNY 25 billion")
    latest = flags(services, date(2025, 6, 30))["latest_valuation"]
    assert latest["valuation"] == {"amount": "25000000000", "currency": "CNY"}
    assert latest["date"] == "2025-02"
    earlier = flags(services, date(2024, 1, 1))["latest_valuation"]
    assert earlier["valuation"]["amount"] == "10000000000"


def test_a_company_is_profitable_from_its_first_profit_on(services):
    record(services, "first_profit", "2025-08", "profit.txt", period="2025-H1")
    assert flags(services, date(2025, 7, 1))["profitable"]["value"] is False
    profitable = flags(services, date(2025, 9, 1))["profitable"]
    assert profitable["value"] is True
    assert profitable["since"] == "2025-08"


def test_changes_skip_a_stage_repeated_by_another_fact_and_list_real_moves(services):
    record(services, "accepted", "2025-06-30", "first.txt", venue="SSE-STAR")
    record(services, "accepted", "2025-08-15", "again.txt", venue="SSE-STAR")  # re-accepted: still accepted
    record(services, "approved", "2025-10-10", "approved.txt", venue="SSE-STAR")
    services.catch_up()
    same = services.queries.changes(date(2025, 7, 1), date(2025, 9, 1), Clocks(date(2025, 9, 1)))
    assert same["changes"] == []
    moved = services.queries.changes(date(2025, 7, 1), date(2025, 11, 1), Clocks(date(2025, 11, 1)))
    assert [(c["from"], c["to"]) for c in moved["changes"]] == [("accepted", "approved")]
    new = services.queries.changes(date(2025, 6, 1), date(2025, 7, 1), Clocks(date(2025, 7, 1)))
    assert [(c["from"], c["to"]) for c in new["changes"]] == [(None, "accepted")]
