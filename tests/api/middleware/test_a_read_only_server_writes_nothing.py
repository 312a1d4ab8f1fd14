"""A read-only server (TIMELINE_READ_ONLY, as on a replica; here beside a SQLite file another process writes)
refuses every write naming the primary before judging it, creates no table, applies no event, and still reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings

PRIMARY = "https://primary.example:8000"


def _tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return sorted(row[0] for row in connection.execute("SELECT name FROM sqlite_master"))


def test_a_read_only_server_refuses_writes_naming_the_primary_and_neither_creates_nor_applies(tmp_path: Path) -> None:
    path = tmp_path / "timeline.db"
    url = f"sqlite:///{path}"
    writer = build_services(Settings(TIMELINE_DATABASE_URL=url))
    writer.app.register_company("Read Only One")
    writer.catch_up()
    writer.app.register_company("Read Only Two")  # recorded, not yet applied
    tables = _tables(path)

    settings = Settings(
        TIMELINE_DATABASE_URL=url, TIMELINE_READ_ONLY="true", TIMELINE_PRIMARY_URL=PRIMARY, TIMELINE_API_TOKEN="t"
    )
    assert settings.catch_up_on_write is False
    with TestClient(create_app(settings)) as client:
        for body in ({"name": "Not Here"}, {"name": 1}, None):  # refused before the body is judged
            refused = client.post("/companies", json=body, headers={"Authorization": "Bearer t"})
            assert refused.status_code == 405, refused.text
            assert refused.json()["detail"] == f"this server is read-only (a replica's): send writes to {PRIMARY}"
            assert refused.headers["allow"] == "GET, HEAD"
        assert client.post("/facts/x/retractions", json={}).status_code == 405
        assert client.get("/companies/Read Only One").status_code == 200
        # The read models stay where the writer left them: the server does not catch them up.
        assert client.get("/companies/Read Only Two").status_code == 404
        health = client.get("/healthz").json()
        assert health["projection_lag"] > 0
        assert "replica" not in health  # a SQLite file is nobody's replica
        services = client.app.state.services  # type: ignore[attr-defined]
        assert all(runner.catch_up() == 0 for runner in services.projections.values())
        with pytest.raises(ValueError, match="rebuild it on the primary"):
            services.projection.rebuild()
    assert _tables(path) == tables
    writer.close()
