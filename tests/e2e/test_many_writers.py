"""Many clients writing at once to a real server process, on SQLite and on PostgreSQL: every write is
acknowledged, nothing is stored without its acknowledgement, and retries append nothing. A server
SIGKILLed during writes loses no acknowledged write (SQLite; PostgreSQL has its own scaling test)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.e2e.conftest import TOKEN, free_port, server_env, start_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CLIENTS = 8
WRITES_EACH = 25
SOURCE = {"document": "writers.txt", "published": "2025-12-01", "quote": "many writers"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def served(request, tmp_path) -> Iterator[str]:
    port = free_port()
    extra = {}
    if request.param == "postgres":
        extra["TIMELINE_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    process = start_server(server_env(tmp_path, port, **extra), port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def registered_names(base: str) -> list[str]:
    """Every company name registered in the log, read back through the feed."""
    names, after = [], 0
    while True:
        page = httpx.get(f"{base}/feed", params={"after": after, "limit": 1000}, timeout=30).json()
        names += [e["name"] for e in page["events"] if e["type"] == "Company.Registered"]
        if not page["events"]:
            return names
        after = page["next_after"]


def write_companies(base: str, client_number: int, count: int) -> list[str]:
    acknowledged = []
    with httpx.Client(base_url=base, headers=AUTH, timeout=60) as client:
        for n in range(count):
            name = f"Writer {client_number} Company {n}"
            response = client.post("/companies", json={"name": name})
            assert response.status_code == 201, response.text
            acknowledged.append(name)
    return acknowledged


def test_eight_clients_writing_at_once_are_all_acknowledged_and_all_stored_once(served):
    with ThreadPoolExecutor(CLIENTS) as pool:
        batches = list(pool.map(lambda n: write_companies(served, n, WRITES_EACH), range(CLIENTS)))
    acknowledged = sorted(name for batch in batches for name in batch)
    assert len(acknowledged) == CLIENTS * WRITES_EACH
    assert sorted(registered_names(served)) == acknowledged
    health = httpx.get(f"{served}/healthz").json()
    assert health["status"] == "ok"
    assert health["projection_lag"] == 0


def test_the_same_correction_sent_by_eight_clients_at_once_is_stored_once(served):
    httpx.post(f"{served}/companies", headers=AUTH, json={"name": "Corrected Co"})
    fact = httpx.post(
        f"{served}/facts",
        headers=AUTH,
        json={
            "kind": "accepted",
            "company": "Corrected Co",
            "venue": "SSE-STAR",
            "date": "2025-06",
            "sources": [SOURCE],
        },
    ).json()
    correction = {"date": "2025-06-30", "reason": "the exchange gives the day", "sources": [SOURCE]}

    def send(_: int) -> dict[str, object]:
        response = httpx.post(
            f"{served}/facts/{fact['fact_id']}/corrections", headers=AUTH, json=correction, timeout=60
        )
        assert response.status_code == 201, response.text
        return response.json()

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(send, range(CLIENTS)))
    assert len({answer["position"] for answer in answers}) == 1
    assert sum(answer["appended"] for answer in answers) == 1
    steps = [h["step"] for h in httpx.get(f"{served}/facts/{fact['fact_id']}").json()["history"]]
    assert steps == ["recorded", "corrected"]


def test_eight_retries_with_one_idempotency_key_give_one_write_and_one_answer(served):
    def send(_: int) -> tuple[int, dict[str, object]]:
        response = httpx.post(
            f"{served}/companies",
            headers={**AUTH, "Idempotency-Key": "same-key"},
            json={"name": "Keyed Co", "aliases": ["键"]},
            timeout=60,
        )
        return response.status_code, response.json()

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(send, range(CLIENTS)))
    assert {status for status, _ in answers} == {201}
    assert len({tuple(sorted(body.items())) for _, body in answers}) == 1
    assert answers[0][1]["appended"] is True
    assert registered_names(served).count("Keyed Co") == 1


def test_a_server_killed_during_writes_keeps_every_acknowledged_write(tmp_path):
    port = free_port()
    env = server_env(tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    acknowledged: list[str] = []
    lock = threading.Lock()
    for round_number in range(3):
        process = start_server(env, port)
        stop = threading.Event()

        def keep_writing(client_number: int, round_number: int = round_number, stop: threading.Event = stop) -> None:
            with httpx.Client(base_url=base, headers=AUTH, timeout=10) as client:
                n = 0
                while not stop.is_set():
                    name = f"Kill {round_number} Writer {client_number} Company {n}"
                    n += 1
                    try:
                        response = client.post("/companies", json={"name": name})
                    except httpx.TransportError:
                        return  # the server died mid-request: this write was never acknowledged
                    if response.status_code == 201:
                        with lock:
                            acknowledged.append(name)

        threads = [threading.Thread(target=keep_writing, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        threading.Event().wait(1.5)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
    process = start_server(env, port)
    try:
        stored = set(registered_names(base))
        assert len(acknowledged) > 20
        assert set(acknowledged) <= stored  # acknowledged = present (a write cut off mid-answer may be stored too)
        assert len(stored) == len(set(registered_names(base)))  # and never twice
        health = httpx.get(f"{base}/healthz").json()
        assert (health["status"], health["projection_lag"]) == ("ok", 0)
        for name in acknowledged[:: max(1, len(acknowledged) // 20)]:
            assert httpx.get(f"{base}/companies/{name}", params={"as_of": "2026-01-01"}).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
