"""An Idempotency-Key claimed by a process that then dies (between claiming and storing its write) is taken
over by the next request with the key, at once; while the process lives, a retry waits for it by reading the
claim, never by claiming again in a write transaction 20 times a second. Subclassed once per storage."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.middleware.idempotency import fingerprint
from api.settings import Settings

ROOT = Path(__file__).resolve().parents[3]
TOKEN = "claims-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
BODY = orjson.dumps({"name": "Claimed Then Crashed"})

# Another process claims the key as the write gate does, says so, then holds it until killed.
CLAIMER = """
import sys
from api.composition import build_services
from api.settings import Settings
services = build_services(Settings(TIMELINE_DATABASE_URL=sys.argv[1]))
print(services.idempotency.claim(sys.argv[2], sys.argv[3]).outcome, flush=True)
sys.stdin.read()
"""


class AbandonedClaimContract:
    @pytest.fixture
    def settings(self, database_url):
        # Short waits: before claims named their process, a retry here waited them out and got 409.
        return Settings(TIMELINE_DATABASE_URL=database_url, TIMELINE_API_TOKEN=TOKEN, TIMELINE_IDEMPOTENCY_WAIT="1")

    def claimed_elsewhere(self, settings, key: str) -> subprocess.Popen[str]:
        build_services(settings).close()  # the tables, before another process claims in them
        process = subprocess.Popen(
            [sys.executable, "-c", CLAIMER, settings.resolved_database_url, key,
             fingerprint("POST", "/companies", b"", BODY)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "run"
        return process

    def test_a_claim_of_a_process_that_died_is_taken_over_by_the_next_retry_at_once(self, settings):
        claimer = self.claimed_elsewhere(settings, "crashed-mid-write")
        claimer.send_signal(signal.SIGKILL)
        claimer.wait()
        with TestClient(create_app(settings)) as client:
            retried = client.post("/companies", headers={**AUTH, "Idempotency-Key": "crashed-mid-write"}, content=BODY)
            assert retried.status_code == 201, retried.text
            again = client.post("/companies", headers={**AUTH, "Idempotency-Key": "crashed-mid-write"}, content=BODY)
            assert again.headers["idempotent-replayed"] == "true"
            assert again.json() == retried.json()

    def test_a_retry_waits_for_a_live_claim_by_reading_it_and_takes_it_over_once_its_process_dies(
        self, settings, monkeypatch
    ):
        claimer = self.claimed_elsewhere(settings, "held-elsewhere")
        services = build_services(settings)
        transactions = []
        real = services.store.transaction

        def counted():
            transactions.append(1)
            return real()

        monkeypatch.setattr(services.store, "transaction", counted)
        try:
            with TestClient(create_app(settings, services)) as client:
                transactions.clear()
                waited = client.post("/companies", headers={**AUTH, "Idempotency-Key": "held-elsewhere"}, content=BODY)
                assert waited.status_code == 409
                assert waited.headers["retry-after"]
                assert len(transactions) <= 2, f"{len(transactions)} write transactions while waiting 1 s"

                claimer.send_signal(signal.SIGKILL)
                claimer.wait()
                taken = client.post("/companies", headers={**AUTH, "Idempotency-Key": "held-elsewhere"}, content=BODY)
                assert taken.status_code == 201
        finally:
            if claimer.poll() is None:
                claimer.kill()
            services.close()
