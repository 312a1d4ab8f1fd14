"""SIGKILL the catching-up process mid-batch, again and again: nothing applied twice or lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.timeline.projector import timeline_projection
from tests.projections.dump import dump
from tests.projections.synthetic import fill

ROOT = Path(__file__).resolve().parents[2]

# The child decodes slowly on purpose, so that the kill lands inside a batch's transaction.
CHILD = textwrap.dedent(
    """
    import sys, time
    from application.service import TimelineApplication
    from application.storage.database_url import environment_for
    from api.composition import read_store
    from projections.timeline.projector import timeline_projection

    class SlowDecoder:
        def __init__(self, mapper):
            self.mapper = mapper
        def to_domain_event(self, notification):
            time.sleep(0.004)
            return self.mapper.to_domain_event(notification)

    url = sys.argv[1]
    app = TimelineApplication(environment_for(url))
    projection = timeline_projection(read_store(app), app.recorder, SlowDecoder(app.mapper))
    print("ready", flush=True)
    projection.catch_up(batch_size=40)
    print("done", flush=True)
    """
)


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
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, database_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        try:
            child.wait(timeout=rng.uniform(0.05, 0.3))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
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
