"""Projections rebuilt together, the log read and decoded once for all of them, write exactly the rows each
writes rebuilt alone; caught up together, each is handed only the events after its own position; one that
cannot apply an event stops there by itself, and the others go on to the end of the log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from api.composition import build_services
from api.settings import Settings
from projections.runner import ProjectionRunner, catch_up_together, rebuild_together
from projections.store.read_store import Cursor, ReadStore
from seeds.loading import load_seeds
from tests.projections.dump import dump
from tests.projections.synthetic import fill


class Seen:
    """Keeps the position of every event handed to it (once: the key refuses a second time), refusing ``refused``."""

    name = "seen"

    def __init__(self) -> None:
        self.refused: set[int] = set()

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS seen_positions (position BIGINT PRIMARY KEY)")

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS seen_positions")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        for position, _topic, _event in events:
            if position in self.refused:
                raise ValueError(f"refused {position}")
            cursor.execute(f"INSERT INTO seen_positions (position) VALUES ({store.p})", (position,))


def seeds_and_synthetic(url: str) -> None:
    """The log of the seeds and a synthetic dataset, no read model caught up."""
    built = build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false"))
    load_seeds(built.app)
    fill(built.app)
    built.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request, filled_url):
    url = filled_url(request.param, seeds_and_synthetic)
    built = build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false"))
    yield built
    built.close()


def seen_runner(services) -> tuple[ProjectionRunner, Seen]:
    projector = Seen()
    return ProjectionRunner(services.store, services.app.recorder, services.app.mapper, projector), projector


def seen(store: ReadStore) -> list[int]:
    return [row[0] for row in store.query("SELECT position FROM seen_positions ORDER BY position")]


def test_projections_rebuilt_together_write_the_rows_each_writes_rebuilt_alone(services):
    head = services.app.position()
    for runner in services.projections.values():
        assert runner.rebuild(batch_size=97) == head
    alone = dump(services.store, daily_counts=True)
    heard: list[int] = []
    names = list(services.projections)
    assert services.rebuild(names, batch_size=97, progress=heard.append) == dict.fromkeys(names, head)
    assert sum(heard) == head
    assert dump(services.store, daily_counts=True) == alone


def positions(services) -> list[int]:
    return [n.id for n in services.app.recorder.select_notifications(start=1, limit=10**6)]


def test_caught_up_together_each_projection_gets_only_the_events_after_its_own_position(services):
    head = services.app.position()
    runner, _projector = seen_runner(services)
    assert runner.catch_up(batch_size=50) == head
    timeline, counts = services.projections["timeline"], services.projections["daily_counts"]
    rebuild_together([timeline, counts], batch_size=64)
    expected = dump(services.store, daily_counts=True)
    assert catch_up_together([timeline, counts, runner], batch_size=64) == {"timeline": 0, "daily_counts": 0, "seen": 0}
    with services.store.transaction() as cursor:  # the daily counts emptied: only they lack anything
        cursor.execute(f"UPDATE rm_tracking SET position = 0 WHERE name = {services.store.p}", ("daily_counts",))
        for table in ("dc_facts", "dc_intervals", "dc_deltas", "dc_tree"):
            cursor.execute(f"DELETE FROM {table}")
    applied = catch_up_together([timeline, counts, runner], batch_size=64)
    assert applied == {"timeline": 0, "daily_counts": head, "seen": 0}
    assert runner.stuck() is None  # nothing was handed to it twice (its key would have refused it)
    assert seen(services.store) == positions(services)
    assert dump(services.store, daily_counts=True) == expected


def test_a_projection_that_cannot_apply_an_event_stops_there_alone_and_the_others_reach_the_end(services):
    head, logged = services.app.position(), positions(services)
    half = len(logged) // 2
    runner, projector = seen_runner(services)
    projector.refused = {logged[half]}
    timeline = services.projections["timeline"]
    assert rebuild_together([timeline, runner], batch_size=40) == {"timeline": head, "seen": half}
    assert timeline.position() == head
    assert runner.position() == logged[half - 1]
    assert seen(services.store) == logged[:half]
    stuck = runner.stuck()
    assert stuck is not None
    assert (stuck.position, stuck.error) == (logged[half], f"ValueError: refused {logged[half]}")
    assert timeline.stuck() is None
    projector.refused = set()
    assert catch_up_together([timeline, runner], batch_size=40) == {"timeline": 0, "seen": len(logged) - half}
    assert seen(services.store) == logged
    assert runner.stuck() is None
