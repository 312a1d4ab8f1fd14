"""Counts by stage over a range of days, read from a real SQLite store: a point for every day
(or month end), stages summed over the venues, and each point asked with every clock of the
question, publication day included."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks
from projections.queries.statistics.counts_over_time import counts_over_time


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    app = built.app
    for name in ("Count A", "Count B"):
        app.register_company(name)

    def record(company: str, venue: str, day: str, published: str) -> None:
        app.record_fact(
            kind="accepted",
            company=company,
            venue=venue,
            date=day,
            sources=[Source(f"{company}-{venue}.txt", parse_date(published), "accepted")],
        )

    record("Count A", "SSE-STAR", "2025-03-02", "2025-03-02")
    record("Count B", "SSE-STAR", "2025-03-03", "2025-03-03")
    # Reported only weeks after it happened.
    record("Count A", "HKEX-MAIN", "2025-03-03", "2025-04-15")
    built.catch_up()
    yield built
    built.close()


def counts(answer) -> list[tuple[str, dict[str, int]]]:
    return [(point["date"], point["counts"]) for point in answer["points"]]


def test_a_point_for_every_day_with_stages_summed_over_the_venues(services):
    start, end = date(2025, 3, 1), date(2025, 3, 4)
    for clocks in (Clocks(end), Clocks(end, known_at=services.app.position())):
        answer = counts_over_time(services.store, start, end, "day", None, clocks)
        assert counts(answer) == [
            ("2025-03-01", {}),
            ("2025-03-02", {"accepted": 1}),
            ("2025-03-03", {"accepted": 3}),
            ("2025-03-04", {"accepted": 3}),
        ]
        assert (answer["from"], answer["to"], answer["venue"], answer["granularity"]) == (
            "2025-03-01",
            "2025-03-04",
            None,
            "day",
        )


def test_one_venue_and_month_ends(services):
    answer = counts_over_time(
        services.store, date(2025, 2, 1), date(2025, 3, 3), "month", "SSE-STAR", Clocks(date(2025, 3, 3))
    )
    assert counts(answer) == [("2025-02-28", {}), ("2025-03-03", {"accepted": 2})]
    assert (answer["venue"], answer["granularity"], answer["source"]) == ("SSE-STAR", "month", "daily_counts")


def test_each_point_reads_only_what_was_published_by_the_day_asked(services):
    start, end = date(2025, 3, 3), date(2025, 3, 4)
    before = counts_over_time(services.store, start, end, "day", None, Clocks(end, published_by=date(2025, 3, 31)))
    assert before["source"] == "timeline"
    assert counts(before) == [("2025-03-03", {"accepted": 2}), ("2025-03-04", {"accepted": 2})]
    after = counts_over_time(services.store, start, end, "day", None, Clocks(end, published_by=date(2025, 4, 15)))
    assert counts(after) == [("2025-03-03", {"accepted": 3}), ("2025-03-04", {"accepted": 3})]
