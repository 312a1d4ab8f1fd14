"""The timeline between two days read from a real SQLite store: every field of a fact as it was
recorded, company and market facts side by side, narrowed by company, venue or kind, paged,
and asked with each clock (known at a position, published by a day, certain only)."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks
from projections.queries.facts import Facts

START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    built.app.register_company("Timeline Co")
    built.app.register_company("Elsewhere Co")
    yield built
    built.close()


def source(document: str, day: str) -> Source:
    return Source(document, parse_date(day), f"quoted from {document}")


def test_a_company_fact_and_a_market_fact_with_every_field(services):
    app = services.app
    accepted = app.record_fact(
        kind="accepted",
        company="Timeline Co",
        venue="SSE-STAR",
        date="late June 2025",
        fields={"amount_sought": "CNY 8 billion"},
        summary="Accepted for review",
        sources=[source("accepted.txt", "2025-07-02")],
    )
    policy = app.record_fact(
        kind="policy_announced",
        market="SSE-STAR",
        date="2025-06-18",
        fields={"title": "Growth tier"},
        sources=[source("policy.txt", "2025-06-18")],
    )
    services.catch_up()
    events = services.queries.timeline(START, END, Clocks(date(2025, 6, 25)))["events"]
    by_kind = {event["kind"]: event for event in events}
    company_id = services.queries.resolve("Timeline Co")["company_id"]
    assert by_kind["accepted"] == {
        "fact_id": str(accepted.id),
        "kind": "accepted",
        "subject_type": "company",
        "company_id": company_id,
        "company": "Timeline Co",
        "market": None,
        "venue": "SSE-STAR",
        "date": "late 2025-06",
        "date_raw": "late June 2025",
        "earliest": "2025-06-21",
        "latest": "2025-06-30",
        "fields": {"amount_sought": {"amount": "8000000000", "currency": "CNY"}},
        "summary": "Accepted for review",
        "sources": by_kind["accepted"]["sources"],
        "public_from": "2025-07-02",
        "certain": False,  # late June only possibly happened by 25 June
    }
    assert [s["document"] for s in by_kind["accepted"]["sources"]] == ["accepted.txt"]
    market = by_kind["policy_announced"]
    assert (market["fact_id"], market["subject_type"], market["company_id"], market["company"]) == (
        str(policy.id),
        "market",
        None,
        None,
    )
    assert (market["market"], market["venue"], market["certain"]) == ("SSE-STAR", None, True)
    assert [e["kind"] for e in events] == ["policy_announced", "accepted"]  # fact order


def test_the_timeline_narrowed_by_company_venue_and_kind_and_paged(services):
    app = services.app
    for company, venue, kind, day in (
        ("Timeline Co", "SSE-STAR", "filed", "2025-02-01"),
        ("Timeline Co", "SSE-STAR", "accepted", "2025-03-01"),
        ("Timeline Co", "HKEX-MAIN", "filed", "2025-04-01"),
        ("Elsewhere Co", "SSE-STAR", "filed", "2025-05-01"),
    ):
        app.record_fact(
            kind=kind, company=company, venue=venue, date=day, sources=[source(f"{company}{venue}{kind}", day)]
        )
    app.record_fact(
        kind="policy_announced",
        market="SSE-STAR",
        date="2025-06-01",
        fields={"title": "Rule"},
        sources=[source("rule", "2025-06-01")],
    )
    services.catch_up()
    queries, clocks = services.queries, Clocks(END)

    def listed(answer) -> list[tuple[str | None, str | None, str]]:
        return [(e["company"], e["venue"] or e["market"], e["kind"]) for e in answer["events"]]

    assert listed(queries.timeline(START, END, clocks, company="Timeline Co")) == [
        ("Timeline Co", "SSE-STAR", "filed"),
        ("Timeline Co", "SSE-STAR", "accepted"),
        ("Timeline Co", "HKEX-MAIN", "filed"),
    ]
    assert listed(queries.timeline(START, END, clocks, venue="SSE-STAR")) == [
        ("Timeline Co", "SSE-STAR", "filed"),
        ("Timeline Co", "SSE-STAR", "accepted"),
        ("Elsewhere Co", "SSE-STAR", "filed"),
        (None, "SSE-STAR", "policy_announced"),
    ]
    assert listed(queries.timeline(START, END, clocks, kind="filed")) == [
        ("Timeline Co", "SSE-STAR", "filed"),
        ("Timeline Co", "HKEX-MAIN", "filed"),
        ("Elsewhere Co", "SSE-STAR", "filed"),
    ]
    page = queries.timeline(START, END, clocks, limit=2, offset=1)
    assert page["total"] == 5
    assert [e["kind"] for e in page["events"]] == ["accepted", "filed"]
    assert [e["kind"] for e in queries.timeline(START, END, clocks, offset=3)["events"]] == [
        "filed",
        "policy_announced",
    ]
    window = queries.timeline(date(2025, 3, 1), date(2025, 4, 1), clocks)
    assert (window["from"], window["to"], window["total"]) == ("2025-03-01", "2025-04-01", 2)


def test_each_clock_of_the_question_holds_for_the_timeline(services):
    app = services.app
    fact = app.record_fact(
        kind="filed",
        company="Timeline Co",
        venue="SSE-STAR",
        date="late June 2025",
        sources=[source("a", "2025-07-05")],
    )
    services.catch_up()
    recorded_at = app.position()
    app.correct_fact(fact.id, reason="July", sources=[source("b", "2025-07-20")], date="2025-07-10")
    services.catch_up()
    queries = services.queries
    june = (date(2025, 6, 1), date(2025, 6, 30))

    assert queries.timeline(*june, Clocks(END))["total"] == 0
    assert queries.timeline(*june, Clocks(END, known_at=recorded_at))["total"] == 1
    assert queries.timeline(*june, Clocks(END, known_at=recorded_at, published_by=date(2025, 7, 4)))["total"] == 0
    assert queries.timeline(*june, Clocks(END, known_at=recorded_at, published_by=date(2025, 7, 5)))["total"] == 1
    # Certain only: late June certainly happened by 30 June, not by 29 June.
    certain = Clocks(END, known_at=recorded_at, certain_only=True)
    assert queries.timeline(date(2025, 6, 1), date(2025, 6, 29), certain)["total"] == 0
    assert queries.timeline(date(2025, 6, 1), date(2025, 6, 30), certain)["total"] == 1
    assert queries.timeline(date(2025, 7, 1), date(2025, 7, 31), Clocks(END))["total"] == 1
    assert queries.timeline(date(2025, 7, 11), date(2025, 7, 31), Clocks(END))["total"] == 0


def test_the_facts_read_model_pages_from_the_first_fact_unless_told(services):
    for day in ("2025-02-01", "2025-03-01"):
        services.app.record_fact(
            kind="filed", company="Timeline Co", venue="SSE-STAR", date=day, sources=[source(day, day)]
        )
    services.catch_up()
    answer = Facts(services.store).timeline(START, END, Clocks(END))
    assert [event["date"] for event in answer["events"]] == ["2025-02-01", "2025-03-01"]
