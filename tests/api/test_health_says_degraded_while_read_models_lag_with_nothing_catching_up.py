"""Read models behind the log with nothing catching them up (no catch-up here, no live one elsewhere) make
/healthz degraded, and reads answered from them say how far behind they are in X-Read-Models-Stale."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings

TOKEN = "lag-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, sqlite_url):
    return request.getfixturevalue("postgres_url") if request.param == "postgres" else sqlite_url


def test_read_models_left_behind_make_health_degraded_and_reads_say_stale(database_url):
    settings = Settings(
        TIMELINE_DATABASE_URL=database_url,
        TIMELINE_API_TOKEN=TOKEN,
        TIMELINE_CATCH_UP_ON_WRITE="false",  # nobody here catches up, and no worker runs
        TIMELINE_STALE_AFTER_EVENTS="4",
    )
    services = build_services(settings)
    services.health.lag_grace = 0  # the lag counts at once, however recent (by default: after 5 s)
    with TestClient(create_app(settings, services)) as client:
        for name in ("Left Behind A", "Left Behind B", "Left Behind C"):
            assert client.post("/companies", headers=AUTH, json={"name": name}).status_code == 201
        health = client.get("/healthz")
        assert health.status_code == 503
        body = health.json()
        assert body["status"] == "degraded"
        lag = body["projection_lag"]
        assert lag >= 6  # three companies, each with the claims of its name
        assert lag == body["log_position"]
        assert body["catching_up"] is False
        assert any(f"{lag} events behind the log and no catch-up is running" in p for p in body["problems"])
        read = client.get("/pipeline", params={"as_of": "2026-01-01"})
        assert read.status_code == 200
        assert read.headers["x-read-models-stale"] == f"{lag} events behind the log"

        services.catch_up()
        assert client.get("/healthz").json()["status"] == "ok"
        assert "x-read-models-stale" not in client.get("/pipeline", params={"as_of": "2026-01-02"}).headers
    services.close()
