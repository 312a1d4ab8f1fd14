"""The projector remembers what it wrote for the next batch; it must never act on memory the tables
no longer match: after another process applied events or made the tables again, after a batch that
failed midway, after a batch that did not commit, after letting go of what was over its bounds.
Each way of getting there writes the rows, surrogate keys included, of one plain rebuild. A rebuild
builds its secondary indexes once its tables are full, even when it stops at an event it cannot
apply."""

from __future__ import annotations

from typing import Any

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.indexes.segment_tree import SLOTS
from projections.runner import ProjectionRunner
from projections.timeline import projector as projector_module
from projections.timeline.carried_state import CarriedState
from projections.timeline.projector import TimelineProjector, timeline_projection
from tests.projections.dump import dump
from tests.projections.synthetic import VENUES, fill

#: Every row with its surrogate keys: the same events must give the same keys however they are batched.
_KEYED = {
    "rm_fact_versions": "version_id, fact_id, rec_from, rec_to",
    "rm_fact_sources": "version_id, document_key, published",
    "rm_stage_rows": "row_id, company_id, venue, mode, rec_from, rec_to, valid_from, pub_from, fact_id",
    "rm_board": "board_id, company_id, venue, mode, node, since",
}


def keyed(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        # Every column in the order: rows of one key (a version's several source days) in no order
        # of their own came back in another after PostgreSQL's planner had statistics.
        table: [tuple(row) for row in db.query(f"SELECT {cols} FROM {table} ORDER BY {cols}")]
        for table, cols in _KEYED.items()
    }


def synthetic_log(url: str) -> None:
    app = TimelineApplication(environment_for(url))
    fill(app, companies=12, facts=160, seed=3)
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, filled_url):
    app = TimelineApplication(environment_for(filled_url(request.param, synthetic_log)))
    db = read_store(app)
    yield app, db
    db.close()
    app.close()


def rebuilt(app: TimelineApplication, db: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    fresh = timeline_projection(db, app.recorder, app.mapper)
    fresh.rebuild(batch_size=7)
    return dump(db), keyed(db)


def test_two_processes_catching_up_in_turns_write_the_rows_of_one_rebuild(store):
    app, db = store
    first = timeline_projection(db, app.recorder, app.mapper)
    second = timeline_projection(db, app.recorder, app.mapper)  # another process: a projector of its own
    first.rebuild(batch_size=25)  # ends with a memory that holds everything
    for turn in range(6):
        fill(app, companies=12, facts=15, seed=10 + turn)
        (second if turn % 2 == 0 else first).catch_up(batch_size=4 + turn)
    assert first.position() == app.position()
    assert (dump(db), keyed(db)) == rebuilt(app, db)


def test_tables_rebuilt_elsewhere_to_the_same_position_are_not_taken_for_the_ones_remembered(store):
    app, db = store
    serving = timeline_projection(db, app.recorder, app.mapper)
    serving.catch_up(batch_size=50)
    timeline_projection(db, app.recorder, app.mapper).rebuild()  # `timeline rebuild` in another process
    with db.transaction() as cursor:  # the same rows under other keys, as an older projector numbered them
        cursor.execute("UPDATE rm_fact_sources SET version_id = version_id + 100000")
        cursor.execute("UPDATE rm_fact_versions SET version_id = version_id + 100000")
        cursor.execute("UPDATE rm_stage_rows SET row_id = row_id + 100000")
        cursor.execute(f"UPDATE rm_board SET board_id = board_id + {100000 * SLOTS}")  # keyed by the row's id
    for n, venue in enumerate(VENUES):  # only recordings: nothing that would fail on a missing version
        for company in ("Synthetic 000", "Synthetic 001", "Synthetic 002"):
            source = Source(f"later-{n}-{company}.txt", parse_date("2026-06-01"), "a later report")
            app.record_fact(kind="listed", company=company, venue=venue, date=f"2026-0{n + 1}-15", sources=[source])
    serving.catch_up(batch_size=50)
    assert dump(db) == rebuilt(app, db)[0]


def test_memory_over_its_bounds_lets_go_and_reads_back_what_it_needs(store, monkeypatch):
    app, db = store
    monkeypatch.setattr(CarriedState, "MAX_PAIRS", 3)
    monkeypatch.setattr(CarriedState, "MAX_FACTS", 10)
    runner = timeline_projection(db, app.recorder, app.mapper)
    runner.catch_up(batch_size=6)  # from empty tables, with their indexes: bounded all along
    fill(app, companies=12, facts=60, seed=8)
    runner.catch_up(batch_size=5)
    assert (dump(db), keyed(db)) == rebuilt(app, db)


def test_a_batch_that_fails_midway_is_forgotten(store, monkeypatch):
    app, db = store
    runner = timeline_projection(db, app.recorder, app.mapper)
    runner.catch_up(batch_size=50)
    fill(app, companies=12, facts=60, seed=5)
    failing = {"left": 1}
    recorded = projector_module._HANDLERS["Fact.Recorded"]
    after = runner.position() + 5  # inside the batch, not at its first event

    def flaky(batch, position, stamp, event):
        recorded(batch, position, stamp, event)  # memory is changed in place first
        if failing["left"] and position > after:
            failing["left"] -= 1
            raise RuntimeError("flaky")

    monkeypatch.setitem(projector_module._HANDLERS, "Fact.Recorded", flaky)
    runner.catch_up(batch_size=40)
    monkeypatch.setitem(projector_module._HANDLERS, "Fact.Recorded", recorded)
    runner.catch_up(batch_size=40)
    assert runner.position() == app.position()
    assert (dump(db), keyed(db)) == rebuilt(app, db)


class CommitFails(TimelineProjector):
    """Applies a batch, then fails in the same transaction: as if its commit had failed."""

    def __init__(self) -> None:
        super().__init__()
        self.failures = 2

    def apply(self, store, cursor, events):
        super().apply(store, cursor, events)
        if self.failures and len(events) > 1:
            self.failures -= 1
            raise RuntimeError("commit failed")


def test_a_batch_that_did_not_commit_is_forgotten(store):
    app, db = store
    projector = CommitFails()
    runner = ProjectionRunner(db, app.recorder, app.mapper, projector)
    runner.rebuild(batch_size=30)
    fill(app, companies=12, facts=60, seed=6)
    projector.failures = 2
    runner.catch_up(batch_size=30)
    assert runner.position() == app.position()
    assert runner.stuck() is None
    assert (dump(db), keyed(db)) == rebuilt(app, db)


def index_names(db: Any) -> set[str]:
    if db.p == "?":
        rows = db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    else:
        rows = db.query("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    return {row[0] for row in rows if row[0].startswith("rm_")}


def test_a_rebuild_builds_the_indexes_after_the_rows_even_when_it_stops_at_an_event(store, monkeypatch):
    app, db = store
    runner = timeline_projection(db, app.recorder, app.mapper)
    indexes = index_names(db)
    assert {"rm_stage_rows_pair", "rm_fact_versions_fact", "rm_log_time"} <= indexes

    def broken(batch, position, stamp, event):
        raise RuntimeError("cannot apply")

    monkeypatch.setitem(projector_module._HANDLERS, "Fact.Corrected", broken)
    runner.rebuild(batch_size=50)
    stuck = runner.stuck()
    assert stuck is not None
    following = app.recorder.select_notifications(start=runner.position() + 1, limit=1)[0]
    assert following.id == stuck.position  # everything before that event is applied
    assert following.topic.endswith("Fact.Corrected")
    assert index_names(db) == indexes
