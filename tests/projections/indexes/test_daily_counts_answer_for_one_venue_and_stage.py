"""The daily counts read model asked for one venue or one stage, on a real SQLite store, as facts
are recorded, corrected and retracted."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.indexes.daily_counts import counts_on, daily_counts


def day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    for name in ("Daily A", "Daily B"):
        built.app.register_company(name)
    yield built
    built.close()


def record(services, company: str, kind: str, venue: str, when: str) -> str:
    written = services.app.record_fact(
        kind=kind,
        company=company,
        venue=venue,
        date=when,
        sources=[Source(f"{company}-{kind}-{venue}.txt", parse_date(when), "reported")],
    )
    services.catch_up()
    return str(written.id)


def test_counts_on_a_day_narrowed_to_a_venue_or_a_stage(services):
    record(services, "Daily A", "accepted", "SSE-STAR", "2025-03-01")
    record(services, "Daily B", "filed", "SSE-STAR", "2025-03-02")
    record(services, "Daily B", "accepted", "HKEX-MAIN", "2025-03-03")
    on = day("2025-03-10")
    assert sorted(counts_on(services.store, on, "possible")) == [
        ("HKEX-MAIN", "accepted", 1),
        ("SSE-STAR", "accepted", 1),
        ("SSE-STAR", "filed", 1),
    ]
    assert sorted(counts_on(services.store, on, "possible", stage="accepted")) == [
        ("HKEX-MAIN", "accepted", 1),
        ("SSE-STAR", "accepted", 1),
    ]
    assert counts_on(services.store, on, "possible", venue="SSE-STAR", stage="filed") == [("SSE-STAR", "filed", 1)]
    assert counts_on(services.store, day("2025-03-01"), "possible", venue="HKEX-MAIN") == []


def test_daily_counts_of_one_venue_follow_corrections_and_retractions(services):
    moved = record(services, "Daily A", "accepted", "SSE-STAR", "2025-03-02")
    record(services, "Daily B", "accepted", "HKEX-MAIN", "2025-03-02")

    def star(start: str, end: str) -> list[tuple[str, dict[str, int]]]:
        rows = daily_counts(services.store, date.fromisoformat(start), date.fromisoformat(end), "SSE-STAR")
        return [(row["date"], row["possible"]) for row in rows]

    assert star("2025-03-01", "2025-03-03") == [
        ("2025-03-01", {}),
        ("2025-03-02", {"accepted": 1}),
        ("2025-03-03", {"accepted": 1}),
    ]
    services.app.correct_fact(
        moved, reason="a day later", sources=[Source("fix.txt", parse_date("2025-03-05"), "fix")], date="2025-03-03"
    )
    services.catch_up()
    assert star("2025-03-01", "2025-03-03") == [
        ("2025-03-01", {}),
        ("2025-03-02", {}),
        ("2025-03-03", {"accepted": 1}),
    ]
    services.app.correct_fact(
        moved,
        reason="on the other board",
        sources=[Source("fix2.txt", parse_date("2025-03-06"), "fix")],
        venue="SZSE-MAIN",
    )
    services.catch_up()
    assert star("2025-03-01", "2025-03-04")[-1] == ("2025-03-04", {})
    assert counts_on(services.store, day("2025-03-04"), "possible", venue="SZSE-MAIN") == [("SZSE-MAIN", "accepted", 1)]
    services.app.retract_fact(
        moved, reason="never happened", sources=[Source("no.txt", parse_date("2025-03-07"), "no")]
    )
    services.catch_up()
    assert counts_on(services.store, day("2025-03-04"), "possible", venue="SZSE-MAIN") == []
    assert counts_on(services.store, day("2025-03-04"), "possible") == [("HKEX-MAIN", "accepted", 1)]


def test_a_correction_of_the_venue_alone_keeps_the_fuzzy_dates_bounds(services):
    fuzzy = record(services, "Daily A", "accepted", "SSE-STAR", "late June 2025")
    services.app.correct_fact(
        fuzzy, reason="the other board", sources=[Source("fix.txt", parse_date("2025-07-05"), "fix")], venue="SZSE-MAIN"
    )
    services.catch_up()
    # Late June runs from 21 June: possibly accepted from then, certainly from the 30th.
    assert counts_on(services.store, day("2025-06-22"), "possible") == [("SZSE-MAIN", "accepted", 1)]
    assert counts_on(services.store, day("2025-06-22"), "certain") == []
    every_venue = daily_counts(services.store, date(2025, 6, 20), date(2025, 6, 30))
    assert [(row["date"], row["possible"], row["certain"]) for row in every_venue][::10] == [
        ("2025-06-20", {}, {}),
        ("2025-06-30", {"accepted": 1}, {"accepted": 1}),
    ]
    assert every_venue[1]["possible"] == {"accepted": 1}
