"""HEAD is answered on every GET route of the app with GET's status and headers and no body, the live
event stream included (it ends once the head is sent)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from fastapi.testclient import TestClient
from starlette.routing import Mount

from api.app import create_app
from api.settings import Settings

# Questions each route answers 200 to; a route missing here is asked bare (and must then say why not alike).
ASKED = {
    "/timeline": "?from=2025-06-01&to=2025-07-31",
    "/timeline.csv": "?from=2025-06-01&to=2025-07-31",
    "/changes": "?from=2025-06-01&to=2025-07-31",
    "/stats/pipeline-counts": "?from=2025-01-01&to=2025-06-30",
    "/stats/time-to-listing": "?venue=SSE-STAR",
    "/revisions": "?since=1",
    "/panel": "?from=2025-01-01&to=2025-03-31",
    "/panel/leaks": "?from=2025-01-01&to=2025-03-31",
    "/search": "?q=moore",
    "/": "?as_of=2025-06-30",
}
TOKEN = "head-token"
ENDLESS = {"/feed/stream"}  # GET never ends, so only HEAD is asked


@pytest.fixture(scope="module")
def client(seeded, seeded_sqlite_path, tmp_path_factory):
    """A copy of the seeded store (a subscription is written into it), its webhooks allowed to a closed port."""
    copy = tmp_path_factory.mktemp("head") / "timeline.db"
    with closing(sqlite3.connect(seeded_sqlite_path)) as reading, closing(sqlite3.connect(copy)) as writing:
        reading.backup(writing)
    settings = Settings(
        TIMELINE_DATABASE_URL=f"sqlite:///{copy}", TIMELINE_API_TOKEN=TOKEN, TIMELINE_WEBHOOK_HOSTS="127.0.0.1"
    )
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def get_routes(client) -> list[str]:
    fact_id = client.get("/timeline", params={"from": "2025-06-01", "to": "2025-07-31"}).json()["events"][0]["fact_id"]
    made = client.post(
        "/subscriptions",
        json={"query": "/pipeline?venue=SSE-STAR", "url": "http://127.0.0.1:9/hook", "secret": "a-secret-0123456789"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert made.status_code == 201, made.text
    subscription_id = made.json()["subscription_id"]
    paths = []
    for route in client.app.routes:
        if isinstance(route, Mount):
            paths.append(f"{route.path}/app.js")
        elif "GET" in (getattr(route, "methods", None) or ()):
            path = route.path.replace("{name}", "MiniMax").replace("{fact_id}", fact_id).replace("{company}", "MiniMax")
            path = path.replace("{subscription_id}", subscription_id)
            paths.append(path)
    return paths


def test_every_get_route_answers_head_as_it_answers_get_without_a_body(client):
    paths = get_routes(client)
    assert {"/", "/pipeline", "/companies/MiniMax", "/static/app.js", "/feed/stream", "/vocabulary"} <= set(paths)
    for path in paths:
        url = path + ASKED.get(path, "")
        head = client.head(url)
        assert head.status_code != 405, url
        assert head.content == b"", url
        if path in ENDLESS:
            assert head.status_code == 200
            assert head.headers["content-type"].startswith("text/event-stream")
            continue
        got = client.get(url)
        assert head.status_code == got.status_code == 200, (url, head.status_code, got.status_code)
        assert head.headers["content-type"] == got.headers["content-type"], url
        if path != "/metrics":  # the metrics count the requests themselves, so each answer is longer
            assert head.headers.get("content-length") == got.headers.get("content-length"), url
