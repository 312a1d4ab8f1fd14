"""Read answers are served again only while the read models stay at the same position."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.middleware.answer_cache import AnswerCache
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


@pytest.fixture
def served(sqlite_url):
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


def test_answers_past_the_byte_budget_evict_the_least_recently_used():
    cache = AnswerCache(app=None, max_bytes=800)  # type: ignore[arg-type]
    start = {"type": "http.response.start", "status": 200, "headers": []}
    keys = [("/pipeline", str(n).encode(), 1, "2026-01-01") for n in range(9)]
    for key in keys[:8]:
        cache._keep(key, start, b"x" * 100, None)
    cache._answers.move_to_end(keys[0])  # the first answer was just served again
    cache._keep(keys[8], start, b"x" * 100, None)
    assert keys[0] in cache._answers
    assert keys[1] not in cache._answers
    assert sum(len(body) for _, body, _ in cache._answers.values()) <= 800


def test_an_answer_larger_than_an_eighth_of_the_budget_or_not_200_is_not_kept():
    cache = AnswerCache(app=None, max_bytes=800)  # type: ignore[arg-type]
    key = ("/pipeline", b"", 1, "2026-01-01")
    cache._keep(key, {"status": 200, "headers": []}, b"x" * 101, None)
    cache._keep(key, {"status": 404, "headers": []}, b"x", None)
    cache._keep(key, {"status": 200, "headers": [(b"x-read-models-stale", b"yes")]}, b"x", None)
    assert not cache._answers
