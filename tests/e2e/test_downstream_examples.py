"""The two downstream examples of docs/downstream.md, run as a user would."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from decimal import Decimal

import httpx

from api.composition import build_services
from api.settings import Settings
from seeds.loading import load_seeds
from tests.e2e.conftest import ROOT

EXAMPLES = ROOT / "docs" / "examples"


def test_the_docs_show_exactly_the_example_files():
    doc = (ROOT / "docs" / "downstream.md").read_text(encoding="utf-8")
    for example in ("feed_follower.py", "funding_totals.py", "jetstream_consumer.py"):
        assert (EXAMPLES / example).read_text(encoding="utf-8") in doc


def test_the_feed_follower_keeps_every_listing_once_however_often_it_runs(server, tmp_path):
    database = tmp_path / "listings.db"
    for _ in range(2):
        subprocess.run(
            [sys.executable, str(EXAMPLES / "feed_follower.py"), server, str(database)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    listed = httpx.get(
        f"{server}/timeline", params={"from": "1990-01-01", "to": "2030-12-31", "kind": "listed", "limit": 1000}
    ).json()
    rows = sqlite3.connect(database).execute("SELECT fact_id, venue, day FROM listings ORDER BY fact_id").fetchall()
    assert rows == sorted((e["fact_id"], e["venue"], e["date"]) for e in listed["events"])
    assert len(rows) >= 10


def test_the_python_projection_sums_funding_exactly_and_only_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    services = build_services(Settings(TIMELINE_DATABASE_URL=url))
    load_seeds(services.app)
    sys.path.insert(0, str(EXAMPLES))
    try:
        import funding_totals
    finally:
        sys.path.remove(str(EXAMPLES))
    first = funding_totals.run(url)
    again = funding_totals.run(url)
    assert again.position() == first.position() == services.app.position()
    unisoc = str(services.app.resolve_company("Unisoc"))
    assert funding_totals.totals(first.store)[(unisoc, "CNY")] == Decimal("6000000000")
    services.close()
