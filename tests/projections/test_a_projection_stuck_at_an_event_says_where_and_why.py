"""A projection whose projector cannot apply an event, run over a real SQLite store and log:
everything before the event is applied, the failure is kept once with its position, error type
and message and the moment it was first seen, logged, and cleared once the event applies."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import pytest

from api.composition import build_services
from api.settings import Settings
from projections.failures import MAX_ERROR_CHARS
from projections.runner import ProjectionRunner
from projections.store.read_store import Cursor, ReadStore


class Refusing:
    """Keeps the position of every event it applies, and refuses those at ``refused`` positions."""

    name = "refusing"

    def __init__(self) -> None:
        self.refused: set[int] = set()
        self.message = "cannot apply this"

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS refusing_seen (position INTEGER PRIMARY KEY)")

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS refusing_seen")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        for position, _topic, _event in events:
            if position in self.refused:
                raise ValueError(self.message)
            cursor.execute(f"INSERT INTO refusing_seen (position) VALUES ({store.p})", (position,))


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    for n in range(6):
        built.app.register_company(f"Stuck Co {n}")
    yield built
    built.close()


def seen(runner: ProjectionRunner) -> list[int]:
    return [row[0] for row in runner.store.query("SELECT position FROM refusing_seen ORDER BY position")]


def test_the_events_before_a_refused_one_are_applied_and_the_failure_names_it(services, caplog):
    projector = Refusing()
    head = services.app.position()
    projector.refused = {head - 2}
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    with caplog.at_level(logging.ERROR, logger="timeline.projections"):
        applied = runner.catch_up(batch_size=4)
    assert applied == head - 3
    assert seen(runner) == list(range(1, head - 2))
    assert runner.position() == head - 3
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.name, stuck.position, stuck.error) == ("refusing", head - 2, "ValueError: cannot apply this")
    since = datetime.fromisoformat(stuck.since)
    assert since.utcoffset() is not None
    assert since.utcoffset().total_seconds() == 0
    assert abs((datetime.now(UTC) - since).total_seconds()) < 60
    assert stuck.since == since.isoformat(timespec="seconds")
    [logged] = [r for r in caplog.records if r.name == "timeline.projections"]
    assert logged.getMessage() == "projection stuck"
    assert logged.fields == {"projection": "refusing", "position": head - 2, "error": "ValueError: cannot apply this"}


def test_the_same_failure_again_keeps_when_it_was_first_seen_and_is_not_logged_again(services, caplog):
    projector = Refusing()
    failing = services.app.position() - 1
    projector.refused = {failing}
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    runner.catch_up()
    first_seen = "2020-01-01T00:00:00+00:00"
    with services.store.transaction() as cursor:
        cursor.execute(f"UPDATE rm_failures SET since = {services.store.p} WHERE name = 'refusing'", (first_seen,))
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="timeline.projections"):
        assert runner.catch_up() == 0
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.position, stuck.since) == (failing, first_seen)
    assert [r for r in caplog.records if r.name == "timeline.projections"] == []

    # Another error at the same event is news: kept, from now.
    projector.message = "still cannot"
    runner.catch_up()
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.position, stuck.error) == (failing, "ValueError: still cannot")
    assert stuck.since != first_seen


def test_a_failure_at_another_event_replaces_the_one_kept(services):
    projector = Refusing()
    head = services.app.position()
    projector.refused = {head - 3}
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    runner.catch_up()
    first_seen = "2020-01-01T00:00:00+00:00"
    with services.store.transaction() as cursor:
        cursor.execute(f"UPDATE rm_failures SET since = {services.store.p} WHERE name = 'refusing'", (first_seen,))
    projector.refused = {head - 1}  # the first one applies now (a fix deployed); the same error further on
    runner.catch_up()
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.position, stuck.error) == (head - 1, "ValueError: cannot apply this")
    assert stuck.since != first_seen
    projector.refused = set()
    assert runner.catch_up() == 2
    assert runner.stuck() is None
    assert seen(runner) == list(range(1, head + 1))


def test_a_long_error_is_kept_cut_to_its_first_characters(services):
    projector = Refusing()
    projector.refused = {1}
    projector.message = "x" * (2 * MAX_ERROR_CHARS)
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    assert runner.catch_up() == 0
    stuck = runner.stuck()
    assert stuck is not None
    assert stuck.error == ("ValueError: " + projector.message)[:MAX_ERROR_CHARS]
    assert len(stuck.error) == MAX_ERROR_CHARS
