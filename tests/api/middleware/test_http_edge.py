"""The HTTP edge as served (`timeline serve` on uvloop and httptools, a real process): headers on every
answer, metrics by route template, one log line per request, the OpenAPI document, and routes added flat."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import orjson
import pytest

from api import app as app_module
from api.settings import Settings
from tests.conftest import copy_store
from tests.e2e.conftest import ROOT, free_port

TOKEN = "edge-token-never-logged"


@pytest.fixture(scope="module")
def served(tmp_path_factory, served_seed_store) -> Iterator[tuple[str, Path]]:
    """The server's base URL and the file its stderr (the JSON log) goes to."""
    data = tmp_path_factory.mktemp("edge")
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data), "TIMELINE_API_TOKEN": TOKEN, "LOG_LEVEL": "INFO"}
    env.pop("TIMELINE_DATABASE_URL", None)
    copy_store(served_seed_store, data / "timeline.db")
    log = data / "server.log"
    command = [sys.executable, "-m", "api", "serve", "--port", str(port), "--loop", "uvloop", "--http", "httptools"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise AssertionError(log.read_text()) from None
                time.sleep(0.2)
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow  # a real server process
def test_every_answer_says_nosniff_and_no_referrer_and_only_the_viewer_gets_a_csp(served):
    base, _ = served
    answers = [
        httpx.get(f"{base}/companies/MiniMax", params={"as_of": "2026-01-09"}),
        httpx.get(f"{base}/healthz"),
        httpx.get(f"{base}/no-such-page"),
        httpx.post(f"{base}/companies", json={"name": "X"}),  # refused by the write gate, before any route
    ]
    assert [a.status_code for a in answers] == [200, 200, 404, 401]
    for answer in answers:
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["referrer-policy"] == "no-referrer"
        assert "content-security-policy" not in answer.headers
    viewer = httpx.get(f"{base}/")
    assert viewer.headers["content-security-policy"].startswith("default-src 'self'")
    assert viewer.headers["x-content-type-options"] == "nosniff"


@pytest.mark.slow  # a real server process
def test_requests_are_counted_by_route_template_and_status_and_odd_methods_as_other(served):
    base, _ = served
    for name in ("MiniMax", "Moore Threads"):
        httpx.get(f"{base}/companies/{name}", params={"as_of": "2026-01-09"})
    httpx.request("PROPFIND", f"{base}/healthz")  # known to the parser, not to the app
    metrics = httpx.get(f"{base}/metrics").text
    counted = {line.rsplit(" ", 1)[0] for line in metrics.splitlines() if line.startswith("timeline_http_requests")}
    assert 'timeline_http_requests_total{method="GET",route="/companies/{name}",status="200"}' in counted
    assert 'timeline_http_requests_total{method="other",route="/healthz",status="405"}' in counted
    assert not any("PROPFIND" in line for line in counted)


@pytest.mark.slow  # a real server process
def test_each_request_is_logged_once_as_json_without_its_headers(served):
    base, log = served
    marker = "/companies/logged-once-marker"
    httpx.get(f"{base}{marker}", headers={"Authorization": f"Bearer {TOKEN}"})
    httpx.post(f"{base}/companies", json={"name": "Y"}, headers={"Authorization": "Bearer wrong-secret-token"})
    lines = [orjson.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    mine = [line for line in lines if line.get("path") == marker]
    assert len(mine) == 1
    assert {"method": "GET", "route": "/companies/{name}", "status": 404}.items() <= mine[0].items()
    assert mine[0]["ms"] >= 0
    text = log.read_text()
    assert TOKEN not in text
    assert "wrong-secret-token" not in text


@pytest.mark.slow  # a real server process
def test_the_openapi_document_is_fastapis_own_rendered_once(served, sqlite_url):
    base, _ = served
    first, again = httpx.get(f"{base}/openapi.json"), httpx.get(f"{base}/openapi.json")
    assert first.headers["content-type"] == "application/json"
    assert first.content == again.content
    built = app_module.create_app(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    assert orjson.loads(first.content) == built.openapi()
    docs = httpx.get(f"{base}/docs")
    assert docs.status_code == 200
    assert "/openapi.json" in docs.text


def test_routes_added_flat_and_shared_by_apps_document_and_route_as_include_router_does(sqlite_url, monkeypatch):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url)
    flat = app_module.create_app(settings)
    monkeypatch.setattr(app_module, "_add_routes", lambda app: [app.include_router(r) for r in app_module.ROUTERS])
    included = app_module.create_app(settings)
    assert flat.openapi() == included.openapi()
    from fastapi.testclient import TestClient

    with TestClient(flat) as flat_client, TestClient(included) as included_client:
        for path in ("/pipeline?as_of=2025-06-30&limit=3", "/healthz", "/companies/nobody", "/feed?limit=2"):
            mine, theirs = flat_client.get(path), included_client.get(path)
            assert (mine.status_code, mine.headers["content-type"]) == (
                theirs.status_code,
                theirs.headers["content-type"],
            )


def test_two_apps_of_one_process_share_their_routes_but_each_answers_from_its_own_store(tmp_path):
    from fastapi.testclient import TestClient

    def app_on(name: str):
        settings = Settings(TIMELINE_DATABASE_URL=f"sqlite:///{tmp_path / name}", TIMELINE_API_TOKEN=TOKEN)
        return app_module.create_app(settings)

    first, second = app_on("first.db"), app_on("second.db")
    shared = [route for route in first.routes if route in second.routes]
    assert len(shared) >= len(app_module.ROUTERS)  # the same route objects, built once
    with TestClient(first) as one, TestClient(second) as other:
        made = one.post("/companies", json={"name": "Only In First"}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert made.status_code == 201, made.text
        assert one.get("/companies/Only In First").status_code == 200
        assert other.get("/companies/Only In First").status_code == 404
