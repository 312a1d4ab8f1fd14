"""The real server process (uvicorn, via `timeline serve`), driven over HTTP."""

from __future__ import annotations

import contextlib
import socket
import time
from datetime import UTC, datetime

import httpx

from tests.e2e.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "e2e.txt", "published": "2025-12-01", "quote": "an end-to-end quote"}


def test_a_new_user_asks_for_the_pipeline_on_30_june_2025(server):
    body = httpx.get(f"{server}/pipeline", params={"as_of": "2025-06-30"}).json()
    accepted = {e["company"] for e in body["entries"] if (e["venue"], e["stage"]) == ("SSE-STAR", "accepted")}
    assert {"Moore Threads", "MetaX"} <= accepted
    assert httpx.get(f"{server}/docs").status_code == 200
    assert httpx.get(f"{server}/openapi.json").json()["info"]["title"]


def test_record_then_correct_a_date_and_see_both_beliefs_with_known_at(server):
    def stage_on(day: str, **params: str) -> list[str]:
        body = httpx.get(f"{server}/companies/Unisoc", params={"as_of": day, **params}).json()
        return [v["stage"] for v in body["venues"] if v["venue"] == "SSE-STAR"]

    written = httpx.post(
        f"{server}/facts",
        headers=AUTH,
        json={
            "kind": "filed",
            "company": "Unisoc",
            "venue": "SSE-STAR",
            "date": "2025-12-20",
            "sources": [SOURCE],
        },
    )
    assert written.status_code == 201
    fact_id = written.json()["fact_id"]
    time.sleep(0.05)
    between = datetime.now(UTC).isoformat()
    time.sleep(0.05)
    corrected = httpx.post(
        f"{server}/facts/{fact_id}/corrections",
        headers=AUTH,
        json={
            "date": "2026-02-10",
            "reason": "the filing came later",
            "sources": [{**SOURCE, "document": "e2e-fix.txt"}],
        },
    )
    assert corrected.status_code == 201
    assert stage_on("2026-01-15") == ["preparing"]
    assert stage_on("2026-01-15", known_at=between) == ["filed"]
    assert stage_on("2026-02-15") == ["filed"]
    history = httpx.get(f"{server}/facts/{fact_id}").json()["history"]
    assert [h["step"] for h in history] == ["recorded", "corrected"]
    old = httpx.get(f"{server}/facts/{fact_id}", params={"known_at": between}).json()
    assert old["date"] == "2025-12-20"


def test_the_live_feed_resumes_after_last_event_id(server):
    with httpx.stream("GET", f"{server}/feed/stream", headers={"Last-Event-ID": "10"}, timeout=10) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        ids = []
        for line in response.iter_lines():
            if line.startswith("id: "):
                ids.append(int(line[4:]))
            if len(ids) == 3:
                break
    assert ids == [11, 12, 13]


def test_a_live_feed_without_last_event_id_starts_at_the_newest_event(server):
    head = httpx.get(f"{server}/feed", params={"after": 0, "limit": 1}).json()["head"]
    with httpx.stream("GET", f"{server}/feed/stream", timeout=10) as response:
        written = httpx.post(f"{server}/companies", headers=AUTH, json={"name": "Tail Starter"}).json()
        for line in response.iter_lines():
            if line.startswith("id: "):
                first = int(line[4:])
                break
    assert first > head  # nothing of the history before the stream opened is replayed
    assert first <= written["position"]


def test_live_streams_beyond_the_cap_get_503_and_a_closed_one_frees_its_place(server):
    with contextlib.ExitStack() as streams:
        for _ in range(3):  # TIMELINE_MAX_STREAMS=3 for this server
            response = streams.enter_context(httpx.stream("GET", f"{server}/feed/stream", timeout=10))
            assert response.status_code == 200
        time.sleep(0.3)
        refused = httpx.get(f"{server}/feed/stream", timeout=10)
        assert refused.status_code == 503
        assert refused.headers["retry-after"]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the server notices a closed stream within its poll interval
        with httpx.stream("GET", f"{server}/feed/stream", timeout=10) as again:
            if again.status_code == 200:
                break
        time.sleep(0.3)
    else:
        raise AssertionError("a stream place was never freed")


def test_a_burst_of_stream_requests_never_opens_more_streams_than_the_cap(server):
    # The place is taken in the endpoint, before any await: requests that arrive together cannot all
    # pass the count before the first of them starts streaming.
    host, port = server.removeprefix("http://").split(":")
    sockets = [socket.create_connection((host, int(port)), timeout=20) for _ in range(150)]
    try:
        request = f"GET /feed/stream HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        for sock in sockets:
            sock.sendall(request)
        statuses = [int(sock.makefile("rb").readline().split()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()
    assert set(statuses) <= {200, 503}
    assert statuses.count(200) <= 3  # TIMELINE_MAX_STREAMS=3 for this server
