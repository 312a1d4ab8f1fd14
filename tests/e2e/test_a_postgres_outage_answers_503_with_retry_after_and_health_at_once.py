"""PostgreSQL goes down under a running server (a cluster of the test's own, stopped at once): writes, with an
Idempotency-Key or without, and reads answer 503 with Retry-After, never 500; /healthz answers `unavailable`
within 2 s even while a write waits for a connection; once a write has waited out the outage's grace, the next
requests are refused at once, saying PostgreSQL is down; once the database is back, everything works again and the
key of the failed write is free."""

from __future__ import annotations

import threading

import httpx
import pytest

from tests.e2e.conftest import TOKEN, free_port, server_env, start_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_an_outage_is_a_503_with_retry_after_everywhere_and_health_answers_at_once(own_postgres, tmp_path):
    port = free_port()
    env = server_env(tmp_path, port, TIMELINE_DATABASE_URL=own_postgres.url)
    server = start_server(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        assert httpx.post(f"{base}/companies", headers=AUTH, json={"name": "Before Outage"}).status_code == 201
        assert httpx.get(f"{base}/healthz").json()["status"] == "ok"

        own_postgres.stop()

        # A write waiting for a connection holds a thread, not the event loop: health answers meanwhile.
        answers: list[httpx.Response] = []
        waiting = threading.Thread(
            target=lambda: answers.append(
                httpx.post(f"{base}/companies", headers=AUTH, json={"name": "Plain Outage"}, timeout=30)
            )
        )
        waiting.start()
        health = httpx.get(f"{base}/healthz", timeout=2)
        assert health.status_code == 503
        assert health.json()["status"] == "unavailable"
        waiting.join()
        (plain,) = answers
        assert plain.status_code == 503, plain.text
        assert plain.headers["retry-after"]

        # That write waited out the grace: what follows is refused at once, naming the outage.
        keyed = httpx.post(
            f"{base}/companies",
            headers={**AUTH, "Idempotency-Key": "during-outage"},
            json={"name": "During Outage"},
            timeout=30,
        )
        assert keyed.status_code == 503, keyed.text
        assert keyed.headers["retry-after"]
        assert "PostgreSQL has given no connection" in keyed.json()["detail"]
        read = httpx.get(f"{base}/companies/Before Outage", params={"as_of": "2026-01-01"}, timeout=30)
        assert read.status_code == 503
        assert read.headers["retry-after"]
        assert "PostgreSQL has given no connection" in read.json()["detail"]

        own_postgres.start()
        for _ in range(150):  # the pool reconnects by itself; give it up to 30 s
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TimeoutException:
                pass
            threading.Event().wait(0.2)
        assert httpx.get(f"{base}/healthz", timeout=2).json()["status"] == "ok"
        again = httpx.post(
            f"{base}/companies",
            headers={**AUTH, "Idempotency-Key": "during-outage"},
            json={"name": "During Outage"},
            timeout=30,
        )
        assert again.status_code == 201
        assert "idempotent-replayed" not in again.headers
    finally:
        server.terminate()
        server.wait(timeout=30)
