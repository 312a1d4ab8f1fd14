from projections.queries.time_in_stage import attempts, spans, summarise


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
