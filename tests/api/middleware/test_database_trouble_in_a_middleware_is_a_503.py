"""Database trouble raised in a middleware, outside the routes' error handlers (here the answer cache's read
of the tracked positions, on a database that just refused), is a 503 with Retry-After, never a 500."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings


def test_a_database_error_in_the_answer_cache_is_a_503_with_retry_after(sqlite_url, monkeypatch):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_CATCH_UP_POLL="0")
    services = build_services(settings)

    def refused() -> int:
        raise sqlite3.OperationalError("database is locked")

    with TestClient(create_app(settings, services), raise_server_exceptions=False) as client:
        monkeypatch.setattr(services, "read_position", refused)
        monkeypatch.setattr(services, "stuck_if_known", lambda: [])  # checked just now: the cache asks for the key
        answer = client.get("/pipeline", params={"as_of": "2025-06-30"})
    services.close()
    assert answer.status_code == 503
    assert answer.headers["retry-after"]
    assert answer.json() == {"detail": "the database is unavailable; retry shortly"}
