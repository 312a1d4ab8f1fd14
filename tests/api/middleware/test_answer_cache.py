"""Read answers are served again only while the read models stay at the same position."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from api import composition
from api.app import create_app
from api.composition import build_services
from api.middleware.answer_cache import AnswerCache, PositionReads
from api.settings import Settings

TOKEN = "cache-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "cache-test.txt", "published": "2025-06-30", "quote": "accepted"}


class Counting:
    """The real queries, counting how often the pipeline is actually asked."""

    def __init__(self, queries):
        self.queries = queries
        self.asked = 0

    def __getattr__(self, name):
        return getattr(self.queries, name)

    def pipeline(self, *args, **kwargs):
        self.asked += 1
        return self.queries.pipeline(*args, **kwargs)


def the_cache(app) -> AnswerCache:
    """The answer cache in the app's middleware stack, as served."""
    layer = app.middleware_stack
    while not isinstance(layer, AnswerCache):
        layer = layer.app
    return layer


def held(cache: AnswerCache) -> int:
    """What the cache's own containers keep alive, in bytes, object by object (whatever its layout);
    the app and the routes it points at are the app's, not the cache's."""
    seen: set[int] = set()
    pending: list[object] = [value for name, value in vars(cache).items() if name != "app"]
    total = 0
    while pending:
        item = pending.pop()
        if id(item) in seen or not isinstance(item, (dict, list, tuple, set, frozenset, str, bytes, int)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set, frozenset)):
            pending += list(item)
    return total


@pytest.fixture
def served(sqlite_url, monkeypatch):
    # The stuck check the cache relies on holds for a second; these tests ask for longer than that on a loaded
    # machine, and no projection gets stuck in them: let it hold for the test.
    monkeypatch.setattr(composition, "STUCK_CHECK_SECONDS", 3600.0)
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=TOKEN, TIMELINE_ANSWER_CACHE_MB=1)
    services = build_services(settings)
    services.queries = Counting(services.queries)
    with TestClient(create_app(settings, services)) as client:
        client.post("/companies", headers=AUTH, json={"name": "Cached Chips"})
        client.get("/healthz")  # the stuck check the cache relies on, made this second
        yield client, services
    services.close()


def accept(client, day):
    body = {"kind": "accepted", "company": "Cached Chips", "venue": "SSE-STAR", "date": day, "sources": [SOURCE]}
    written = client.post("/facts", headers=AUTH, json=body)
    assert written.status_code == 201, written.text


def test_the_same_question_at_the_same_position_is_answered_once_and_served_twice(served):
    client, services = served
    first = client.get("/pipeline?as_of=2025-07-01")
    again = client.get("/pipeline?as_of=2025-07-01")
    assert services.queries.asked == 1
    assert again.content == first.content
    assert again.headers["content-type"] == first.headers["content-type"]
    assert again.headers["x-content-type-options"] == "nosniff"  # the edge's headers on a replay too


def test_a_write_moves_the_position_and_the_next_answer_shows_it(served):
    client, services = served
    assert client.get("/pipeline?as_of=2025-07-01").json()["total"] == 0
    accept(client, "2025-06-30")
    client.get("/healthz")
    assert client.get("/pipeline?as_of=2025-07-01").json()["total"] == 1
    assert services.queries.asked == 2


def test_another_query_string_is_another_answer(served):
    client, services = served
    client.get("/pipeline?as_of=2025-07-01")
    client.get("/pipeline?as_of=2025-07-02")
    assert services.queries.asked == 2


def test_a_read_that_waits_for_a_position_is_never_served_from_the_cache(served):
    client, services = served
    client.get("/pipeline?as_of=2025-07-01&min_position=1")
    client.get("/pipeline?as_of=2025-07-01&min_position=1")
    assert services.queries.asked == 2


def test_a_downstream_projection_in_the_same_table_does_not_pin_the_position(served):
    client, services = served
    with services.store.transaction() as cursor:
        cursor.execute("INSERT INTO rm_tracking (name, position) VALUES ('someone_elses', 0)")
    before = services.read_position()
    accept(client, "2025-06-30")
    assert services.read_position() > before


def test_a_budget_of_zero_keeps_nothing(sqlite_url):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_ANSWER_CACHE_MB=0)
    services = build_services(settings)
    services.queries = Counting(services.queries)
    with TestClient(create_app(settings, services)) as client:
        client.get("/healthz")
        client.get("/pipeline?as_of=2025-07-01")
        client.get("/pipeline?as_of=2025-07-01")
    services.close()
    assert services.queries.asked == 2


def test_a_flood_of_padded_urls_with_unknown_parameters_keeps_the_cache_within_its_budget(served):
    client, _ = served
    for n in range(300):  # 18 MB of query strings against a budget of 1 MB
        assert client.get(f"/search?q=x&pad={n}{'p' * 60_000}").status_code == 200
    assert held(the_cache(client.app)) <= 1024 * 1024


def test_the_budget_counts_keys_and_headers_not_only_bodies(served):
    client, _ = served
    for n in range(1500):  # small answers under long (but declared) keys
        assert client.get("/search", params={"q": f"{n:090d}", "limit": 50}).status_code == 200
    cache = the_cache(client.app)
    assert held(cache) <= 1024 * 1024
    assert held(cache) <= cache.held_bytes  # what it counts is at least what it holds


def test_a_question_with_a_parameter_the_route_does_not_declare_is_answered_but_not_kept(served):
    client, services = served
    first = client.get("/pipeline?as_of=2025-07-01&colour=blue")
    again = client.get("/pipeline?as_of=2025-07-01&colour=blue")
    assert first.status_code == again.status_code == 200
    assert services.queries.asked == 2


def test_answers_of_a_past_position_are_dropped_when_the_log_moves(served):
    client, _ = served
    for day in ("2025-07-01", "2025-07-02", "2025-07-03"):
        client.get(f"/pipeline?as_of={day}")
    cache = the_cache(client.app)
    kept = held(cache)
    accept(client, "2025-06-30")
    client.get("/healthz")
    client.get("/pipeline?as_of=2025-07-04")  # one question at the new position
    assert held(cache) < kept


def test_a_database_that_hangs_in_the_position_read_holds_the_request_not_the_server(served):
    client, services = served
    asked, release = threading.Event(), threading.Event()

    def hanging() -> int:
        asked.set()
        release.wait(60)
        raise sqlite3.OperationalError("database is locked")

    services.stuck_if_known = list  # no projection stuck: the cache goes on to read the position
    services.read_position = hanging
    with ThreadPoolExecutor(2) as pool:
        held_read = pool.submit(client.get, "/pipeline?as_of=2025-07-01")
        assert asked.wait(30)
        try:
            other = pool.submit(client.get, "/healthz").result(timeout=30)  # a deadline, not a speed claim
        finally:
            release.set()
        answer = held_read.result(timeout=30)
    assert other.status_code == 200
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "1"
    assert "database" in answer.json()["detail"]


def entry_size(basis) -> int:
    probe = AnswerCache(app=None, max_bytes=1 << 30)  # type: ignore[arg-type]
    probe._settle(basis)
    probe._keep(("/pipeline", b"0"), basis, {"status": 200, "headers": []}, b"x" * 100, None)
    return probe.held_bytes


def test_answers_past_the_byte_budget_evict_the_least_recently_used():
    basis = (1, "2026-01-01")
    cache = AnswerCache(app=None, max_bytes=8 * entry_size(basis))  # type: ignore[arg-type]
    cache._settle(basis)
    start = {"type": "http.response.start", "status": 200, "headers": []}
    keys = [("/pipeline", str(n).encode()) for n in range(9)]
    for key in keys[:8]:
        cache._keep(key, basis, start, b"x" * 100, None)
    cache._answers.move_to_end(keys[0])  # the first answer was just served again
    cache._keep(keys[8], basis, start, b"x" * 100, None)
    assert keys[0] in cache._answers
    assert keys[1] not in cache._answers
    assert cache.held_bytes <= cache.max_bytes


def test_an_answer_larger_than_an_eighth_of_the_budget_or_not_200_or_of_another_position_is_not_kept():
    basis = (1, "2026-01-01")
    cache = AnswerCache(app=None, max_bytes=8 * entry_size(basis))  # type: ignore[arg-type]
    cache._settle(basis)
    key = ("/pipeline", b"")
    cache._keep(key, basis, {"status": 200, "headers": []}, b"x" * 200, None)
    cache._keep(key, basis, {"status": 404, "headers": []}, b"x", None)
    cache._keep(key, basis, {"status": 200, "headers": [(b"x-read-models-stale", b"yes")]}, b"x", None)
    cache._keep(key, (0, "2026-01-01"), {"status": 200, "headers": []}, b"x", None)
    assert not cache._answers


def test_requests_arriving_during_a_position_read_share_the_next_read_and_never_an_earlier_one():
    class Log:
        """Positions that move with every read, the first read held until released."""

        def __init__(self):
            self.reads = 0
            self.first_started = threading.Event()
            self.release = threading.Event()

        def read_position(self) -> int:
            self.reads += 1
            if self.reads == 1:
                self.first_started.set()
                self.release.wait(30)
            return self.reads

    async def scenario(log):
        positions = PositionReads(log)
        first = asyncio.ensure_future(positions.read())
        while not log.first_started.is_set():
            await asyncio.sleep(0.01)
        later = [asyncio.ensure_future(positions.read()) for _ in range(5)]  # arrive while read 1 runs
        await asyncio.sleep(0.05)
        log.release.set()
        return await first, await asyncio.gather(*later)

    log = Log()
    first, later = asyncio.run(scenario(log))
    assert first == 1
    assert later == [2] * 5  # the read after their arrival, one for all five
    assert log.reads == 2
