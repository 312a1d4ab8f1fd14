"""How fresh a pipeline entry is, read from a real SQLite store: the newest source behind its state
(only those public by ``published_by`` when asked), how many days before ``as_of`` that was, and
whether that is more than half a year."""

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
    built.app.register_company("Fresh Co")
    accepted = built.app.record_fact(
        kind="accepted",
        company="Fresh Co",
        venue="SSE-STAR",
        date="2025-01-10",
        sources=[Source("first.txt", parse_date("2025-01-10"), "accepted")],
    )
    built.app.add_source(accepted.id, Source("later.txt", parse_date("2025-Q1"), "still under review"))
    built.catch_up()
    yield built
    built.close()


def freshness(services, clocks: Clocks) -> tuple:
    [entry] = services.queries.pipeline(clocks)["entries"]
    return entry["last_reported"], entry["days_since_reported"], entry["stale"]


def test_the_newest_source_and_the_days_since(services):
    assert freshness(services, Clocks(date(2025, 6, 30))) == (
        {"text": "2025-Q1", "earliest": "2025-01-01", "latest": "2025-03-31"},
        180,
        False,
    )
    assert freshness(services, Clocks(date(2025, 7, 1))) == (
        {"text": "2025-Q1", "earliest": "2025-01-01", "latest": "2025-03-31"},
        181,
        True,
    )


def test_only_the_sources_public_by_the_day_asked_count(services):
    clocks = Clocks(date(2025, 3, 1), published_by=date(2025, 3, 1))
    assert freshness(services, clocks) == (
        {"text": "2025-01-10", "earliest": "2025-01-10", "latest": "2025-01-10"},
        50,
        False,
    )


def test_an_entry_says_since_when_it_stands_where_it_is(services):
    [entry] = services.queries.pipeline(Clocks(date(2025, 6, 30)))["entries"]
    assert entry["since"] == {"text": "2025-01-10", "earliest": "2025-01-10", "latest": "2025-01-10"}


def test_the_board_narrowed_to_a_sector_or_to_entries_reported_since_a_day(services):
    services.app.register_company("Sector Co", sector="robotics")
    services.app.record_fact(
        kind="filed",
        company="Sector Co",
        venue="SSE-STAR",
        date="2025-05-01",
        sources=[Source("sector.txt", parse_date("2025-05-02"), "filed")],
    )
    services.catch_up()
    clocks = Clocks(date(2025, 6, 30))
    assert [e["company"] for e in services.queries.pipeline(clocks, sector="robotics")["entries"]] == ["Sector Co"]
    recent = services.queries.pipeline(clocks, reported_since=date(2025, 4, 1))["entries"]
    assert [e["company"] for e in recent] == ["Sector Co"]
    assert len(services.queries.pipeline(clocks)["entries"]) == 2
