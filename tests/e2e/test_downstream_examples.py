"""The downstream examples of docs/downstream.md, run as a user would."""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal

import httpx

from api.composition import build_services
from api.settings import Settings
from seeds.loading import load_seeds
from tests.e2e.conftest import ROOT, TOKEN, free_port, start_server

EXAMPLES = ROOT / "docs" / "examples"


def test_the_docs_show_exactly_the_example_files():
    doc = (ROOT / "docs" / "downstream.md").read_text(encoding="utf-8")
    for example in ("feed_follower.py", "funding_totals.py", "webhook_receiver.py", "jetstream_consumer.py"):
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


def test_the_webhook_receiver_keeps_each_signed_delivery_once_from_a_served_store(tmp_path):
    secret = "receiver-secret-0123456789"
    receiver_port, server_port = free_port(), free_port()
    database = tmp_path / "changes.db"
    receiver = subprocess.Popen(
        [sys.executable, str(EXAMPLES / "webhook_receiver.py"), secret, str(database), str(receiver_port)]
    )
    env = {
        **os.environ,
        "TIMELINE_DATABASE_URL": f"sqlite:///{tmp_path / 'timeline.db'}",
        "TIMELINE_API_TOKEN": TOKEN,
        "TIMELINE_WEBHOOK_HOSTS": "127.0.0.1",
        "PORT": str(server_port),
        "LOG_LEVEL": "WARNING",
    }
    server = start_server(env, server_port)
    base, auth = f"http://127.0.0.1:{server_port}", {"Authorization": f"Bearer {TOKEN}"}
    try:
        assert httpx.post(f"{base}/companies", headers=auth, json={"name": "Receiver Robotics"}).status_code == 201
        subscription = {
            "query": "/companies/Receiver Robotics",
            "url": f"http://127.0.0.1:{receiver_port}/",
            "secret": secret,
        }
        assert httpx.post(f"{base}/subscriptions", headers=auth, json=subscription).status_code == 201
        source = {"document": "receiver.txt", "published": "2025-07-01", "quote": "a quote"}
        fact = {"kind": "accepted", "company": "Receiver Robotics", "venue": "SSE-STAR", "date": "2025-06-30"}
        assert httpx.post(f"{base}/facts", headers=auth, json={**fact, "sources": [source]}).status_code == 201
        deadline = time.monotonic() + 30
        rows: list[tuple[str, str]] = []
        while not rows:
            assert time.monotonic() < deadline, "no delivery reached the receiver"
            time.sleep(0.2)
            if database.exists():
                rows = sqlite3.connect(database).execute("SELECT delivery_id, changes FROM deliveries").fetchall()
        (delivery_id, changes), receiver_url = rows[0], f"http://127.0.0.1:{receiver_port}/"
        assert "Receiver Robotics" in changes
        body = b'{"delivery_id": "%s", "since": 1, "position": 2, "changes": []}' % delivery_id.encode()
        forged = httpx.post(receiver_url, content=body, headers={"X-Timeline-Signature": "sha256=" + "0" * 64})
        assert forged.status_code == 401
        signed = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        assert httpx.post(receiver_url, content=body, headers={"X-Timeline-Signature": signed}).status_code == 204
        kept = sqlite3.connect(database).execute("SELECT delivery_id, changes FROM deliveries").fetchall()
        assert kept == rows  # the repeat of a delivery id changed nothing
    finally:
        server.terminate()
        server.wait(10)
        receiver.terminate()
        receiver.wait(10)
