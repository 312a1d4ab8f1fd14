"""A rebuild over a real SQLite store and log: the projection's tables and tracking start from
nothing, a failure kept from before is forgotten, the whole log is applied again in batches of
the size asked, and the progress callback hears of every event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from api.composition import build_services
from api.settings import Settings
from projections.runner import ProjectionRunner
from projections.store.read_store import Cursor, ReadStore


class Counting:
    """Keeps one row per event applied; refuses the events at ``refused`` positions."""

    name = "counting"

    def __init__(self) -> None:
        self.refused: set[int] = set()
        self.batches: list[int] = []

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS counting_seen (position INTEGER PRIMARY KEY)")

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS counting_seen")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        self.batches.append(len(events))
        for position, _topic, _event in events:
            if position in self.refused:
                raise ValueError(f"refused {position}")
            cursor.execute(f"INSERT INTO counting_seen (position) VALUES ({store.p})", (position,))


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    for n in range(7):
        built.app.register_company(f"Rebuilt Co {n}")
    yield built
    built.close()


def seen(store: ReadStore) -> list[int]:
    return [row[0] for row in store.query("SELECT position FROM counting_seen ORDER BY position")]


def test_a_rebuild_applies_the_whole_log_again_in_batches_and_reports_each(services):
    head = services.app.position()
    projector = Counting()
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    assert runner.catch_up() == head
    projector.batches.clear()
    heard: list[int] = []
    assert runner.rebuild(batch_size=3, progress=heard.append) == head
    assert heard == projector.batches
    assert sum(heard) == head
    assert max(heard) == 3
    assert seen(services.store) == list(range(1, head + 1))
    assert runner.position() == head


def test_a_rebuild_forgets_the_failure_kept_and_starts_again(services):
    head = services.app.position()
    projector = Counting()
    projector.refused = {head - 1}
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    assert runner.catch_up() == head - 2
    assert runner.stuck() is not None
    projector.refused = set()
    assert runner.rebuild() == head
    assert runner.stuck() is None
    assert services.store.query("SELECT count(*) FROM rm_failures WHERE name = 'counting'") == [(0,)]
    assert seen(services.store) == list(range(1, head + 1))


def test_a_rebuild_that_stops_at_an_event_keeps_what_came_before(services):
    head = services.app.position()
    projector = Counting()
    runner = ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector)
    runner.catch_up()
    projector.refused = {4}
    assert runner.rebuild(batch_size=2) == 3
    assert seen(services.store) == [1, 2, 3]
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.position, stuck.error) == (4, "ValueError: refused 4")
    assert runner.position() == 3 < head
