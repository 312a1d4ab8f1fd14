"""The daily counts fold a batch in memory and write each touched pair's difference once at its end:
the tables hold the same rows whether the events come one at a time or many per batch, including
batches where a fact is recorded, moved to another venue, corrected and retracted."""

from __future__ import annotations

from datetime import date

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks
from projections.indexes.daily_counts import counts_on, daily_counts_projection
from projections.queries.pipeline import Filters, PipelineQueries
from projections.timeline.projector import timeline_projection
from tests.projections.dump import dump
from tests.projections.synthetic import fill

FIX = Source("fix.txt", parse_date("2026-02-01"), "a later report")


def synthetic_log(url: str) -> None:
    """A synthetic log, and facts moved between boards, moved in time and retracted."""
    app = TimelineApplication(environment_for(url))
    fill(app, companies=10, facts=120, seed=21)
    source = Source("moves.txt", parse_date("2024-05-01"), "a report")
    for n in range(6):
        company = f"Synthetic {n:03d}"
        fact = app.record_fact(
            kind="filed", company=company, venue="SSE-STAR", date=f"2024-0{n + 1}-10", sources=[source]
        )
        app.correct_fact(fact.id, reason="another board", sources=[FIX], venue="SZSE-CHINEXT")
        app.correct_fact(fact.id, reason="a later day", sources=[FIX], date=f"2024-0{n + 2}-20")
        if n % 2:
            app.retract_fact(fact.id, reason="misreported", sources=[FIX])
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, filled_url):
    app = TimelineApplication(environment_for(filled_url(request.param, synthetic_log)))
    db = read_store(app)
    yield app, db
    db.close()
    app.close()


def daily_tables(db):
    return {table: rows for table, rows in dump(db, daily_counts=True).items() if table.startswith("dc_")}


def test_every_batch_size_leaves_the_tables_that_one_event_per_batch_leaves(store):
    app, db = store
    timeline_projection(db, app.recorder, app.mapper).catch_up()  # dump() reads its tables too
    runner = daily_counts_projection(db, app.recorder, app.mapper)
    runner.rebuild(batch_size=1)
    one_at_a_time = daily_tables(db)
    assert one_at_a_time["dc_intervals"]
    for size in (2, 7, 50, 10_000):
        runner.rebuild(batch_size=size)
        assert daily_tables(db) == one_at_a_time, size


def test_catching_up_in_uneven_batches_counts_what_the_stage_rows_hold(store):
    app, db = store
    timeline_projection(db, app.recorder, app.mapper).catch_up()
    runner = daily_counts_projection(db, app.recorder, app.mapper)
    while runner.catch_up(batch_size=13):
        pass
    stages = PipelineQueries(db)
    for day in (date(2021, 3, 1), date(2024, 3, 15), date(2024, 8, 1), date(2026, 1, 1)):
        for certain_only in (False, True):
            clocks = Clocks(day, certain_only=certain_only)
            expected = sorted(tuple(row) for row in stages.counted_at_point(clocks, Filters()))
            assert sorted(counts_on(db, clocks.day, clocks.mode)) == expected, (day, certain_only)
