"""A full rebuild gives exactly the rows that event-by-event catch-up gave."""

from __future__ import annotations

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.runner import ProjectionRunner
from projections.timeline.projector import timeline_projection
from seeds.loading import load_seeds
from tests.projections.dump import dump
from tests.projections.synthetic import fill


class CatchingUpApplication(TimelineApplication):
    """Catches the read models up after every write, as the serving process does."""

    projection: ProjectionRunner | None = None

    def save(self, *objs, **kwargs):
        recordings = super().save(*objs, **kwargs)
        if self.projection is not None:
            self.projection.catch_up(batch_size=3)
        return recordings


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request):
    url = request.getfixturevalue(f"{request.param}_url")
    app = CatchingUpApplication(environment_for(url))
    db = read_store(app)
    app.projection = timeline_projection(db, app.recorder, app.mapper)
    yield app, db
    db.close()
    app.close()


@pytest.mark.parametrize("dataset", ["seeds", "synthetic"])
def test_rebuild_gives_the_same_rows_as_incremental_catch_up(store, dataset):
    app, db = store
    if dataset == "seeds":
        load_seeds(app)
    else:
        fill(app)
    incremental = dump(db)
    assert dict(incremental["rm_tracking"])["timeline"] == app.position()  # (a store made by the service also
    # tracks its other projections; this test applies the timeline's alone)
    assert app.projection is not None
    rebuilt_count = app.projection.rebuild(batch_size=500)
    assert rebuilt_count == app.position()
    assert dump(db) == incremental
