"""Who moved between two days, narrowed to one venue when asked, read from a real SQLite store."""

from __future__ import annotations

from datetime import date

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks


def test_changes_on_another_venue_are_left_out_when_a_venue_is_asked(sqlite_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    try:
        services.app.register_company("Two Boards Co")
        for venue, day in (("SSE-STAR", "2025-06-10"), ("HKEX-MAIN", "2025-06-20")):
            services.app.record_fact(
                kind="accepted",
                company="Two Boards Co",
                venue=venue,
                date=day,
                sources=[Source(f"{venue}.txt", parse_date(day), "accepted")],
            )
        services.catch_up()
        start, end, clocks = date(2025, 6, 1), date(2025, 7, 1), Clocks(date(2025, 7, 1))
        everywhere = services.queries.changes(start, end, clocks)
        assert sorted(c["venue"] for c in everywhere["changes"]) == ["HKEX-MAIN", "SSE-STAR"]
        star = services.queries.changes(start, end, clocks, venue="SSE-STAR")
        assert [(c["venue"], c["from"], c["to"]) for c in star["changes"]] == [("SSE-STAR", None, "accepted")]
    finally:
        services.close()
