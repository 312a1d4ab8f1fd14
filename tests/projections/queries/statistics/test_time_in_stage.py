"""None

Time in stage asked of a real store: each (company, venue) apart, only the facts that happened
by ``as_of``, narrowed to a venue or a company on request; and summaries in pipeline order.
"""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks
from projections.queries.statistics.time_in_stage import attempts, spans, summarise


def fact(kind, day, latest=None):
    return {"kind": kind, "date": day, "earliest": day, "latest": latest or day}


def test_an_exit_ends_an_attempt_and_the_next_fact_starts_another():
    facts = [
        fact("filed", "2020-01-01"),
        fact("withdrawn", "2020-06-01"),
        fact("filed", "2025-01-01"),
        fact("listed", "2025-07-01"),
    ]
    assert [[f["kind"] for f in run] for run in attempts(facts)] == [["filed", "withdrawn"], ["filed", "listed"]]
    second = [s for s in spans(facts) if s["attempt"] == 2]
    assert [(s["from"], s["to"], s["days"], s["certain"]) for s in second] == [("filed", "listed", 181.0, True)]


def test_a_fuzzy_end_turns_a_span_into_a_range():
    [span] = spans([fact("accepted", "2025-06-01"), fact("approved", "2025-07-01", "2025-07-31")])
    assert (span["min_days"], span["max_days"], span["days"], span["certain"]) == (30, 60, 45.0, False)


def test_summaries_give_count_median_and_quartiles_per_venue_transition_and_year():
    rows = [
        {"venue": "SSE-STAR", "from": "accepted", "to": "listed", "year": 2025, "days": d, "certain": True}
        for d in (100, 200, 300, 400)
    ]
    [summary] = summarise(rows)
    assert (summary["count"], summary["median"], summary["q1"], summary["q3"]) == (4, 250.0, 175.0, 325.0)


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    app = built.app
    app.register_company("Alpha Robotics")
    app.register_company("Beta Chips")

    def record(company: str, kind: str, day: str, venue: str) -> None:
        app.record_fact(
            kind=kind,
            company=company,
            venue=venue,
            date=day,
            sources=[Source(f"{company}-{kind}-{venue}.txt", parse_date(day), "report")],
        )

    record("Alpha Robotics", "filed", "2024-03-10", "SSE-STAR")
    record("Alpha Robotics", "accepted", "2024-03-10", "SSE-STAR")  # accepted the day it was filed
    record("Alpha Robotics", "suspended", "2024-05-01", "SSE-STAR")  # not a stage: no span of its own
    record("Alpha Robotics", "listed", "2024-09-10", "SSE-STAR")
    record("Alpha Robotics", "filed", "2024-06-01", "HKEX-MAIN")  # one fact: no span, but a pair
    record("Beta Chips", "filed", "2024-01-01", "HKEX-MAIN")
    record("Beta Chips", "listed", "2025-01-01", "HKEX-MAIN")
    built.catch_up()
    yield built
    built.close()


def described(answer) -> list[tuple[str, str, str, str, str, str, str, float, int]]:
    return [
        (
            s["company"],
            s["venue"],
            s["from"],
            s["to"],
            s["from_date"],
            s["to_date"],
            s["company_id"],
            s["days"],
            s["min_days"],
        )
        for s in answer["spans"]
    ]


def test_every_pair_answers_with_its_company_and_the_days_between_its_stages(services):
    answer = services.queries.time_in_stage(Clocks(date(2025, 6, 30)))
    alpha = services.queries.resolve("Alpha Robotics")["company_id"]
    beta = services.queries.resolve("Beta Chips")["company_id"]
    assert answer["as_of"] == "2025-06-30"
    assert sorted(described(answer)) == sorted(
        [
            ("Alpha Robotics", "SSE-STAR", "filed", "accepted", "2024-03-10", "2024-03-10", alpha, 0.0, 0),
            ("Alpha Robotics", "SSE-STAR", "filed", "listed", "2024-03-10", "2024-09-10", alpha, 184.0, 184),
            ("Alpha Robotics", "SSE-STAR", "accepted", "listed", "2024-03-10", "2024-09-10", alpha, 184.0, 184),
            ("Beta Chips", "HKEX-MAIN", "filed", "listed", "2024-01-01", "2025-01-01", beta, 366.0, 366),
        ]
    )


def test_a_stage_reached_after_as_of_makes_no_span_yet(services):
    answer = services.queries.time_in_stage(Clocks(date(2024, 12, 31)))
    assert [(s["company"], s["from"], s["to"]) for s in answer["spans"]] == [
        ("Alpha Robotics", "filed", "accepted"),
        ("Alpha Robotics", "filed", "listed"),
        ("Alpha Robotics", "accepted", "listed"),
    ]


def test_a_venue_or_a_company_narrows_the_answer(services):
    clocks = Clocks(date(2025, 6, 30))
    hong_kong = services.queries.time_in_stage(clocks, venue="HKEX-MAIN")
    assert [(s["company"], s["venue"]) for s in hong_kong["spans"]] == [("Beta Chips", "HKEX-MAIN")]
    assert [(s["venue"], s["count"]) for s in hong_kong["summary"]] == [("HKEX-MAIN", 1)]
    alpha = services.queries.time_in_stage(clocks, company="Alpha Robotics")
    assert {s["company"] for s in alpha["spans"]} == {"Alpha Robotics"}
    assert len(alpha["spans"]) == 3
    both = services.queries.time_in_stage(clocks, venue="HKEX-MAIN", company="Alpha Robotics")
    assert both["spans"] == []


def test_a_fact_that_is_no_stage_neither_ends_nor_cuts_an_attempt():
    facts = [
        {"kind": "filed", "date": "2024-01-01", "earliest": "2024-01-01", "latest": "2024-01-01"},
        {"kind": "suspended", "date": "2024-02-01", "earliest": "2024-02-01", "latest": "2024-02-01"},
        {"kind": "listed", "date": "2024-03-01", "earliest": "2024-03-01", "latest": "2024-03-01"},
    ]
    assert [[f["kind"] for f in run] for run in attempts(facts)] == [["filed", "listed"]]


def row(venue: str, start: str, end: str, days: float, year: int = 2025) -> dict:
    return {"venue": venue, "from": start, "to": end, "year": year, "days": days, "certain": True}


def test_summaries_follow_venue_then_pipeline_order_not_the_alphabet():
    rows = [
        row("SSE-STAR", "accepted", "listed", 90),
        row("SSE-STAR", "filed", "listed", 120),
        row("SSE-STAR", "filed", "accepted", 30),
        row("HKEX-MAIN", "registered", "listed", 10),
        row("SSE-STAR", "filed", "accepted", 40, year=2024),
    ]
    assert [(s["venue"], s["from"], s["to"], s["year"]) for s in summarise(rows)] == [
        ("HKEX-MAIN", "registered", "listed", 2025),
        ("SSE-STAR", "filed", "accepted", 2024),
        ("SSE-STAR", "filed", "accepted", 2025),
        ("SSE-STAR", "filed", "listed", 2025),
        ("SSE-STAR", "accepted", "listed", 2025),
    ]


def test_two_spans_have_quartiles_between_them_and_one_has_its_own_days_throughout():
    [two] = summarise([row("SSE-STAR", "filed", "listed", 100), row("SSE-STAR", "filed", "listed", 200)])
    assert (two["count"], two["median"], two["q1"], two["q3"]) == (2, 150.0, 125.0, 175.0)
    [one] = summarise([row("SSE-STAR", "filed", "listed", 100)])
    assert (one["count"], one["median"], one["q1"], one["q3"]) == (1, 100, 100, 100)
