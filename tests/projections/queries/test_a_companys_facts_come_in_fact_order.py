"""A company's facts read from a real SQLite store come in fact order whatever order they were
recorded in: earliest bound, then latest bound, then pipeline order of the stage, then fact id;
and a fact dated on the day asked certainly happened by then."""

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
    built.app.register_company("Order Co")
    yield built
    built.close()


def record(services, kind: str, day: str, venue: str | None = "SSE-STAR", **fields) -> str:
    written = services.app.record_fact(
        kind=kind,
        company="Order Co",
        venue=venue,
        date=day,
        fields=fields or None,
        sources=[Source(f"{kind}-{day}-{fields}.txt", parse_date(day), "reported")],
    )
    return str(written.id)


def facts(services, day: date) -> list[dict]:
    services.catch_up()
    return services.queries.company("Order Co", Clocks(day))["facts"]


def test_the_earliest_bound_then_the_latest_decide_first(services):
    record(services, "accepted", "2025-05-15")
    record(services, "filed", "2025-Q2")  # from 1 April: first, though it may end last
    record(services, "inquiry", "2025-06")
    record(services, "approved", "2025-06-01")  # 1 June exactly: before the rest of June
    assert [f["kind"] for f in facts(services, date(2025, 12, 31))] == ["filed", "accepted", "approved", "inquiry"]


def test_on_the_same_dates_the_pipeline_order_then_the_fact_id_decide(services):
    record(services, "registered", "2025-07-01")
    record(services, "accepted", "2025-07-01")
    record(services, "funding_round", "2025-07-01", venue=None, round="B", amount="CNY 2 billion")
    record(services, "funding_round", "2025-07-01", venue=None, round="A", amount="CNY 1 billion")
    found = facts(services, date(2025, 7, 1))
    assert [f["kind"] for f in found] == ["accepted", "registered", "funding_round", "funding_round"]
    rounds = [f["fact_id"] for f in found if f["kind"] == "funding_round"]
    assert rounds == sorted(rounds)
    # A fact dated on the day asked certainly happened by then.
    assert all(f["certain"] for f in found)
