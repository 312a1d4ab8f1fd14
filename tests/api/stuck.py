"""An event the projections cannot apply (written by other code, say) never hides: health says
degraded naming it, reads are served stale and say so, writes still answer, the server restarts,
and `timeline rebuild` names the position. Subclassed once per storage."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import orjson
import pytest
from eventsourcing.persistence import StoredEvent
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "stuck-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def unreadable_event() -> StoredEvent:
    """A stored fact event holding a value type this code has no transcoding for."""
    state = {
        "timestamp": {"_type_": "datetime_iso", "_data_": "2026-01-01T00:00:00+00:00"},
        "originator_topic": "domain.facts:Fact",
        "key": {"_type_": "a_type_from_the_future", "_data_": 1},
    }
    return StoredEvent(uuid.uuid4(), 1, "domain.facts:Fact.Recorded", orjson.dumps(state))


class StuckProjectionContract:
    database_url: str

    @pytest.fixture
    def settings(self, database_url):
        return Settings(TIMELINE_DATABASE_URL=database_url, TIMELINE_API_TOKEN=TOKEN)

    @pytest.fixture
    def stuck_at(self, settings):
        services = build_services(settings)
        services.app.register_company("Before Corp")
        services.app.recorder.insert_events([unreadable_event()])
        position = services.app.position()
        services.close()
        return position

    def test_everything_reports_the_stuck_position_and_writes_and_reads_go_on(self, settings, stuck_at):
        services = build_services(settings)
        with TestClient(create_app(settings, services)) as client:  # start-up catches up and survives
            written = client.post("/companies", headers=AUTH, json={"name": "After Corp"})
            assert written.status_code == 201
            assert written.json()["position"] > stuck_at

            health = client.get("/healthz")
            assert health.status_code == 503
            body = health.json()
            assert body["status"] == "degraded"
            assert body["projections"]["timeline"]["stuck_at"] == stuck_at
            assert "a_type_from_the_future" in body["projections"]["timeline"]["error"]
            assert body["projections"]["timeline"]["position"] == stuck_at - 1  # all before it applied
            assert (
                f'timeline_projection_stuck_position{{projection="timeline"}} {float(stuck_at)}'
                in client.get("/metrics").text
            )

            read = client.get("/companies/Before Corp", params={"as_of": "2026-01-01"})
            assert read.status_code == 200
            assert f"before position {stuck_at}" in read.headers["x-read-models-stale"]
            waiting = client.get(
                "/pipeline", params={"as_of": "2026-01-01", "min_position": written.json()["position"]}
            )
            assert waiting.status_code == 503
            assert str(stuck_at) in waiting.json()["detail"]

            feed = client.get("/feed", params={"after": stuck_at - 1, "limit": 5}).json()["events"]
            assert feed[0]["position"] == stuck_at
            assert "a_type_from_the_future" in feed[0]["undecodable"]
            assert feed[1]["type"] == "Company.Registered"
        services.close()

    @pytest.mark.slow  # runs `timeline rebuild` as a process
    def test_rebuild_names_the_failing_position_instead_of_a_traceback(self, settings, stuck_at):
        env = {**os.environ, "TIMELINE_DATABASE_URL": settings.resolved_database_url, "LOG_LEVEL": "CRITICAL"}
        done = subprocess.run(
            [sys.executable, "-m", "api", "rebuild", "--name", "timeline"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 1
        assert f"position {stuck_at}" in done.stderr
        assert "Traceback" not in done.stderr
