"""Oracle property test: every pipeline answer equals a naive fold of the raw log."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.service import TimelineApplication
from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted
from domain.sources import Source
from projections.clocks import Clocks
from projections.queries.questions import Queries
from projections.timeline.projector import timeline_projection
from tests.projections.oracle import naive_pipeline, naive_timeline
from tests.projections.random_logs import RandomLogs, search

COMPANIES = ["Alpha Chips", "Beta Robotics", "Gamma Bio"]
VENUES = ["SSE-STAR", "HKEX-MAIN"]
KINDS = [
    "preparing",
    "guidance",
    "filed",
    "accepted",
    "approved",
    "registered",
    "listed",
    "withdrawn",
    "suspended",
    "resumed",
]
BASE = date(2024, 1, 1)


def fuzzy(day_offset: int, form: int) -> str:
    day = BASE + timedelta(days=day_offset)
    part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
    return [day.isoformat(), f"{day:%Y-%m}", f"{part} {day:%Y-%m}", f"{day.year}-Q{(day.month - 1) // 3 + 1}"][form]


source_days = st.integers(min_value=0, max_value=150)
record = st.tuples(
    st.just("record"),
    st.sampled_from(COMPANIES),
    st.sampled_from(VENUES),
    st.sampled_from(KINDS),
    st.integers(0, 120),
    st.sampled_from([0, 1, 2, 3, 3, 3]),
    source_days,
)
corroborate = st.tuples(st.just("corroborate"), st.integers(0, 50), source_days)
# Corrections and retractions cite sources of any day, late ones too: before a revision's source is
# public, a reader by the publication clock still sees the fact as it stood.
correct = st.tuples(st.just("correct"), st.integers(0, 50), st.integers(0, 120), st.integers(0, 3), source_days)
move = st.tuples(st.just("move"), st.integers(0, 50), st.sampled_from(VENUES), source_days)
retract = st.tuples(st.just("retract"), st.integers(0, 50), source_days)
operations = st.tuples(
    st.lists(record, min_size=3, max_size=15),
    st.lists(st.one_of(record, corroborate, correct, move, retract), max_size=15),
).map(lambda parts: parts[0] + parts[1])
questions = st.lists(
    st.tuples(st.integers(-10, 200), st.integers(0, 100), st.one_of(st.none(), source_days), st.booleans()),
    min_size=4,
    max_size=8,
)


def source(n: int, day_offset: int) -> Source:
    return Source(f"doc-{n}.txt", parse_date((BASE + timedelta(days=day_offset)).isoformat()), f"quote {n}")


def apply(app: TimelineApplication, ops) -> None:
    fact_ids = []
    for n, op in enumerate(ops):
        if op[0] == "record":
            _, company, venue, kind, offset, form, published = op
            try:
                written = app.record_fact(
                    kind=kind, company=company, venue=venue, date=fuzzy(offset, form), sources=[source(n, published)]
                )
            except FactRetracted:
                continue  # the same report as a retracted fact: refused by design
            fact_ids.append(written.id)
            continue
        if not fact_ids:
            continue
        fact_id = fact_ids[op[1] % len(fact_ids)]
        if app.get_fact(fact_id)["retracted"]:
            continue
        if op[0] == "corroborate":
            app.add_source(fact_id, source(n, op[2]))
        elif op[0] == "correct":
            app.correct_fact(fact_id, reason="test", sources=[source(n, op[4])], date=fuzzy(op[2], op[3]))
        elif op[0] == "move":
            if app.get_fact(fact_id)["venue"] != op[2]:
                app.correct_fact(fact_id, reason="test", sources=[source(n, op[3])], venue=op[2])
        else:
            app.retract_fact(fact_id, reason="test", sources=[source(n, op[2])])


class OracleContract(RandomLogs):
    @pytest.mark.slow  # a long property search (about a minute per database)
    def test_pipeline_answers_equal_a_naive_fold_of_the_log(self, store):
        app, db = store
        counter = iter(range(10**6))

        @search(60)
        @given(ops=operations, asks=questions)
        def check(ops, asks):
            prefix = f"r{next(counter)}-"
            renamed = [(op[0], prefix + op[1], *op[2:]) if op[0] == "record" else op for op in ops]
            for company in COMPANIES:
                app.register_company(prefix + company)
            apply(app, renamed)
            projection = timeline_projection(db, app.recorder, app.mapper)
            projection.catch_up(batch_size=7)
            queries = Queries(db)
            first, last = _positions(app, prefix)
            ours = {str(app.resolve_company(prefix + company)) for company in COMPANIES}
            # The questions share one read (a session, as a request's questions do): the same statements, without a
            # connection, a ping and a transaction of their own for each.
            with db.session():
                for day_offset, known_pct, published, certain_only in asks:
                    as_of = BASE + timedelta(days=day_offset)
                    known_at = first + (last - first) * known_pct // 100
                    published_by = BASE + timedelta(days=published) if published is not None else None
                    clocks = Clocks(as_of, known_at, published_by, certain_only)
                    answer = {
                        (e["company_id"], e["venue"]): (e["stage"], e["fact_id"], e["suspended"])
                        for e in queries.pipeline(clocks)["entries"]
                        if e["company"].startswith(prefix)
                    }
                    expected = {
                        pair: value
                        for pair, value in naive_pipeline(app, as_of, known_at, published_by, certain_only).items()
                        if pair[0] in ours
                    }
                    assert answer == expected, (as_of, known_at, published_by, certain_only)
                    start = as_of - timedelta(days=90)
                    timeline = {
                        e["fact_id"]: (e["kind"], e["date"])
                        for e in queries.timeline(start, as_of, clocks)["events"]
                        if e["company"].startswith(prefix)
                    }
                    assert timeline == naive_timeline(app, ours, start, as_of, known_at, published_by, certain_only), (
                        as_of,
                        known_at,
                        published_by,
                        certain_only,
                    )

        check()


def _positions(app: TimelineApplication, prefix: str) -> tuple[int, int]:
    notifications = app.recorder.select_notifications(start=1, limit=10**9)
    ours = [n.id for n in notifications]
    last = ours[-1]
    first = max(
        (n.id for n in notifications if prefix.encode() in n.state and "Company.Registered" in n.topic), default=1
    )
    return first, last


class TestOracleOnSQLite(OracleContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


@pytest.mark.postgres
class TestOracleOnPostgres(OracleContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
