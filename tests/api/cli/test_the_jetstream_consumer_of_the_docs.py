"""docs/examples/jetstream_consumer.py, the durable pull consumer of docs/downstream.md, run as a user would over
the stream `timeline relay` fills."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.cli.conftest import ROOT, relay

pytestmark = pytest.mark.slow


def test_the_durable_pull_consumer_of_the_docs_keeps_every_listing_once_however_often_it_runs(
    tmp_path: Path, store: str, nats_url: str, stream: tuple[str, str]
) -> None:
    log = tmp_path / "relay.log"
    assert relay(store, nats_url, stream, log, "--until-caught-up").wait(timeout=120) == 0, log.read_text()
    database = tmp_path / "listings.db"
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, str(ROOT / "docs" / "examples" / "jetstream_consumer.py"), nats_url, *stream, database],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=store))) as client:
        listed = client.get(
            "/timeline", params={"from": "1990-01-01", "to": "2030-12-31", "kind": "listed", "limit": 1000}
        ).json()
    rows = sqlite3.connect(database).execute("SELECT fact_id, venue, day FROM listings ORDER BY fact_id").fetchall()
    assert rows == sorted((e["fact_id"], e["venue"], e["date"]) for e in listed["events"])
    assert len(rows) >= 10
