"""A panel that would pass TIMELINE_PANEL_MAX_ROWS is a 422 that says how many rows it would have, before
any row is built into an answer."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


def test_a_panel_past_its_row_limit_is_a_422_naming_the_rows(seeded):
    url = f"sqlite:///{seeded.app.env['SQLITE_DBNAME']}"
    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_PANEL_MAX_ROWS=10), seeded)) as client:
        small = client.get("/panel", params={"from": "2025-06-30", "to": "2025-06-30", "venue": "HKEX-GEM"})
        assert small.status_code == 200
        wide = client.get("/panel", params={"from": "2019-01-01", "to": "2026-06-30", "freq": "day"})
        assert wide.status_code == 422
        assert "rows, more than the 10 a panel may have" in wide.text
