"""SIGKILL the catching-up process mid-batch, again and again: nothing applied twice or lost."""

from __future__ import annotations

import random
import time
from typing import Any

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.timeline.projector import timeline_projection
from tests import forked
from tests.projections.dump import dump
from tests.projections.synthetic import fill


class SlowDecoder:
    """Decodes slowly on purpose, so that the kill lands inside a batch's transaction."""

    def __init__(self, mapper: Any) -> None:
        self.mapper = mapper

    def to_domain_event(self, notification: Any) -> Any:
        time.sleep(0.004)
        return self.mapper.to_domain_event(notification)


def catch_up(url: str, ready: Any) -> None:
    """The child: a process of its own catching up the timeline in batches of 40."""
    app = TimelineApplication(environment_for(url))
    projection = timeline_projection(read_store(app), app.recorder, SlowDecoder(app.mapper))
    ready.send("ready")
    projection.catch_up(batch_size=40)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.mark.slow
def test_read_models_equal_a_fresh_rebuild_after_repeated_sigkills(database_url):
    app = TimelineApplication(environment_for(database_url))
    fill(app, companies=15, facts=400, seed=11)
    rng = random.Random(5)
    db = read_store(app)
    projection = timeline_projection(db, app.recorder, app.mapper)
    positions, kills = [], 0
    for _ in range(12):
        ready, told = forked.pipe()
        child = forked.start(catch_up, database_url, told)
        assert ready.poll(30), "the child did not start"
        assert ready.recv() == "ready"
        child.join(timeout=rng.uniform(0.05, 0.3))
        if child.is_alive():
            child.kill()
            child.join()
            kills += 1
        positions.append(projection.position())
        # Batches commit whole: the tracked position is a batch boundary or the end of the log.
        assert positions[-1] == app.position() or positions[-1] % 40 == 0
    assert kills >= 10, "the runs finished before their kills: the test proved nothing"
    assert positions == sorted(positions)
    projection.catch_up()
    recovered = dump(db)
    projection.rebuild()
    assert dump(db) == recovered
    db.close()
    app.close()
