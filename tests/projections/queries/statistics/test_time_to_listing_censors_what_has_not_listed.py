"""Time to listing asked of a real store: the clock starts at acceptance (HKEX: filing) and stops at the
listing; an exit is censored on its day and counted apart; an attempt still in review is censored at
as_of; attempts without a start are left out; each clock hides what it should; cohorts by start."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks
from projections.queries.statistics.time_to_listing import listing_spans, time_to_listing


def fact(kind, day, latest=None):
    return {"kind": kind, "date": day, "earliest": day, "latest": latest or day}


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    app = built.app
    for name in ("Alpha Robotics", "Beta Chips", "Gamma Lasers", "Delta Motors", "Epsilon Bio", "Zeta Optics"):
        app.register_company(name)

    def record(company: str, kind: str, day: str, venue: str = "SSE-STAR") -> int:
        return app.record_fact(
            kind=kind,
            company=company,
            venue=venue,
            date=day,
            sources=[Source(f"{company}-{kind}-{venue}-{day}.txt", parse_date(day), "report")],
        ).position

    record("Alpha Robotics", "accepted", "2024-01-10")
    record("Beta Chips", "accepted", "2024-02-01")
    record("Beta Chips", "withdrawn", "2024-05-01")
    record("Gamma Lasers", "accepted", "2024-04-01")
    record("Gamma Lasers", "inquiry", "2024-05-01")
    record("Delta Motors", "accepted", "2024-06")  # a month: 2024-06-01..2024-06-30
    record("Zeta Optics", "filed", "2024-03-01")  # no acceptance reported: no start on STAR
    record("Zeta Optics", "listed", "2024-09-01")
    record("Epsilon Bio", "filed", "2024-01-01", "HKEX-MAIN")
    record("Epsilon Bio", "lapsed", "2024-07-01", "HKEX-MAIN")
    record("Epsilon Bio", "filed", "2024-08-01", "HKEX-MAIN")
    record("Epsilon Bio", "listed", "2025-01-01", "HKEX-MAIN")
    before_listing = record("Alpha Robotics", "inquiry", "2024-02-10")
    record("Alpha Robotics", "listed", "2024-07-10")
    built.catch_up()
    built.before_listing = before_listing  # a plain dataclass: the test's own note on it
    yield built
    built.close()


def outcomes(group):
    return [(span["company"], span["outcome"], span["days"]) for span in group["spans"]]


def test_a_listing_is_an_event_an_exit_and_a_review_still_running_are_censored(services):
    answer = services.queries.time_to_listing(Clocks(date(2024, 12, 31)), "SSE-STAR")
    assert (answer["venue"], answer["start"], answer["cohort"]) == ("SSE-STAR", "accepted", "year")
    [year] = answer["cohorts"]
    assert year["cohort"] == "2024"
    assert outcomes(year) == [
        ("Alpha Robotics", "listed", 182.0),
        ("Beta Chips", "withdrawn", 90.0),
        ("Gamma Lasers", "censored", 274.0),
        ("Delta Motors", "censored", 198.5),  # from the month's midpoint (15.5 June) to as_of
    ]
    assert (year["at_risk"], year["listed"], year["censored"], year["exited"]) == (4, 1, 2, 1)
    assert year["exits"] == {"withdrawn": 1}
    assert year["fuzzy"] == 1
    # Beta leaves the risk set at day 90 without listing; Alpha lists at 182 with three at risk
    assert [(p["day"], p["survival"], p["at_risk"]) for p in year["curve"]] == [
        (0.0, 1.0, 4),
        (90.0, 1.0, 4),
        (182.0, pytest.approx(2 / 3, abs=1e-6), 3),
        (198.5, pytest.approx(2 / 3, abs=1e-6), 2),
        (274.0, pytest.approx(2 / 3, abs=1e-6), 1),
    ]
    assert year["median_days"] is None  # two thirds still in review: no median yet
    assert answer["overall"]["at_risk"] == 4
    assert "midpoint" in answer["dates"]
    assert "Brookmeyer-Crowley" in answer["method"]


def test_the_same_span_as_time_in_stage_measures(services):
    clocks = Clocks(date(2024, 12, 31))
    spans = services.queries.time_in_stage(clocks, venue="SSE-STAR", company="Alpha Robotics")["spans"]
    [accepted_to_listed] = [s for s in spans if (s["from"], s["to"]) == ("accepted", "listed")]
    every = services.queries.time_to_listing(clocks, "SSE-STAR")["overall"]["spans"]
    [listed] = [s for s in every if s["outcome"] == "listed"]
    assert listed["company"] == "Alpha Robotics"
    assert (listed["days"], listed["min_days"], listed["max_days"]) == (
        accepted_to_listed["days"],
        accepted_to_listed["min_days"],
        accepted_to_listed["max_days"],
    )


def test_as_of_before_the_listing_censors_the_attempt_there(services):
    [year] = services.queries.time_to_listing(Clocks(date(2024, 6, 30)), "SSE-STAR")["cohorts"]
    assert outcomes(year)[0] == ("Alpha Robotics", "censored", 172.0)
    assert year["listed"] == 0


def test_hkex_counts_from_the_filing_and_a_refiling_after_a_lapse_is_a_new_attempt(services):
    answer = services.queries.time_to_listing(Clocks(date(2025, 6, 30)), "HKEX-MAIN", "quarter")
    assert answer["start"] == "filed"
    assert [(c["cohort"], outcomes(c)) for c in answer["cohorts"]] == [
        ("2024-Q1", [("Epsilon Bio", "lapsed", 182.0)]),
        ("2024-Q3", [("Epsilon Bio", "listed", 153.0)]),
    ]
    assert [span["attempt"] for span in answer["overall"]["spans"]] == [1, 2]


def test_published_by_hides_a_listing_not_yet_public(services):
    clocks = Clocks(date(2024, 12, 31), published_by=date(2024, 7, 9))
    [year] = services.queries.time_to_listing(clocks, "SSE-STAR")["cohorts"]
    assert outcomes(year)[0] == ("Alpha Robotics", "censored", 356.0)
    assert year["listed"] == 0
    assert services.queries.time_to_listing(clocks, "SSE-STAR")["published_by"] == "2024-07-09"


def test_known_at_before_the_listing_was_recorded_censors_it(services):
    clocks = Clocks(date(2024, 12, 31), known_at=services.before_listing)
    answer = services.queries.time_to_listing(clocks, "SSE-STAR")
    assert outcomes(answer["cohorts"][0])[0] == ("Alpha Robotics", "censored", 356.0)
    assert answer["known_at"] == services.before_listing


def test_a_fuzzy_start_counts_from_its_midpoint_within_its_certain_bounds():
    facts = [fact("accepted", "2024-06-01", "2024-06-30")]
    [span] = listing_spans(facts, "SSE-STAR", date(2024, 6, 20))
    assert (span["outcome"], span["days"], span["min_days"], span["max_days"]) == ("censored", 4.5, 0, 19)


def test_an_end_is_never_past_as_of():
    facts = [fact("accepted", "2024-01-01"), fact("listed", "2024-07-01", "2024-07-31")]
    [span] = listing_spans(facts, "SSE-STAR", date(2024, 7, 10))
    assert (span["outcome"], span["days"], span["max_days"], span["certain"]) == ("listed", 191.0, 191, False)


def test_an_attempt_without_its_start_stage_is_left_out():
    facts = [fact("filed", "2024-01-01"), fact("listed", "2024-06-01")]
    assert listing_spans(facts, "SSE-STAR", date(2025, 1, 1)) == []


def test_fuzzy_dates_bound_the_median_between_every_span_at_its_shortest_and_at_its_longest():
    pairs = [
        ("a", "SSE-STAR", "A", [fact("accepted", "2024-01-01"), fact("listed", "2024-07-01", "2024-07-31")]),
        ("b", "SSE-STAR", "B", [fact("accepted", "2024-01-01", "2024-01-31"), fact("listed", "2024-05-01")]),
        ("c", "SSE-STAR", "C", [fact("accepted", "2024-03-01")]),
        ("d", "HKEX-MAIN", "D", [fact("filed", "2024-03-01")]),  # another venue: not in this answer
    ]
    answer = time_to_listing(pairs, Clocks(date(2024, 12, 31)), "SSE-STAR", "quarter")
    [quarter] = answer["cohorts"]  # B's start is mid-January: the first quarter
    assert [(s["company"], s["min_days"], s["days"], s["max_days"]) for s in quarter["spans"]] == [
        ("A", 182, 197.0, 212),
        ("B", 91, 106.0, 121),
        ("C", 305, 305.0, 305),
    ]
    assert quarter["fuzzy"] == 2
    # two of three list: the median is the second listing, wherever the fuzzy dates put it
    assert quarter["median_days"] == 197.0
    assert quarter["median_days_bounds"] == {"shortest": 182.0, "longest": 212.0}
