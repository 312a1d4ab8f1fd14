"""A write whose event is stored answers 201 with its position, even when the catch-up after it
fails because the database refused just then; a reader waiting with min_position then gets it."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from projections.runner import ProjectionRunner

TOKEN = "stored-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class LockedOnce(ProjectionRunner):
    """The real runner, except that the next events handed to it (by its own catch-up, or by one of every
    projection together) meet a locked database."""

    locked = False

    def hand(self, *args, **kwargs):
        if self.locked:
            self.locked = False
            raise sqlite3.OperationalError("database is locked")
        return super().hand(*args, **kwargs)


def test_a_stored_write_answers_201_though_catching_up_after_it_failed(sqlite_url):
    # No background catch-up: it would apply the write before the test sees that the catch-up after it failed.
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=TOKEN, TIMELINE_CATCH_UP_POLL="0")
    services = build_services(settings)
    real = services.projections["timeline"]
    flaky = LockedOnce(real.store, real.log, real.decoder, real.projector)
    services.projections["timeline"] = flaky
    with TestClient(create_app(settings, services)) as client:
        flaky.locked = True
        written = client.post("/companies", headers=AUTH, json={"name": "Stored Anyway"})
        assert written.status_code == 201
        position = written.json()["position"]
        assert services.app.position() == position
        assert flaky.position() < position  # the catch-up really did not run
        found = client.get("/companies/Stored Anyway", params={"as_of": "2026-01-01", "min_position": position})
        assert found.status_code == 200
    services.close()
