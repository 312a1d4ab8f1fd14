"""`timeline rebuild` in another process, frozen and then SIGKILLed half way, under a running server: while it
lives the server leaves it alone and says its answers are stale (how many events behind); once it is dead the
server notices by itself (no write, no restart) and catches up, to the very rows a clean rebuild makes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import httpx
import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.indexes.daily_counts import daily_counts_projection
from projections.timeline.projector import timeline_projection
from tests.e2e.conftest import ROOT, free_port, server_env, start_server
from tests.projections.dump import dump

pytestmark = pytest.mark.slow

FILLER_COMPANIES = 1500
QUESTIONS = [
    ("/pipeline", {"as_of": "2025-06-30"}),
    ("/pipeline", {"as_of": "2026-01-31", "venue": "HKEX-MAIN"}),
    ("/companies/Moore Threads", {"as_of": "2026-01-09"}),
    ("/stats/pipeline-counts", {"from": "2025-01-01", "to": "2025-12-31"}),
]


def answers(base: str) -> list[object]:
    return [httpx.get(f"{base}{path}", params=params, timeout=10).json() for path, params in QUESTIONS]


def until(condition, what, seconds: float = 60):
    """Poll ``condition`` until it returns something truthy; fail naming ``what`` (text, or a function giving
    it then) after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"not within {seconds:g} s: {what() if callable(what) else what}")


def served_rows_equal_a_clean_rebuild(database_url: str) -> None:
    app = TimelineApplication(environment_for(database_url))
    store = read_store(app)
    runners = [
        timeline_projection(store, app.recorder, app.mapper),
        daily_counts_projection(store, app.recorder, app.mapper),
    ]
    served = dump(store, daily_counts=True)
    for runner in runners:
        runner.rebuild()
    assert dump(store, daily_counts=True) == served
    store.close()
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'timeline.db'}"


def test_a_rebuild_killed_half_way_leaves_answers_marked_stale_and_the_server_catches_up_by_itself(
    database_url, tmp_path
):
    port = free_port()
    # Every answer computed afresh, not replayed from the answer cache.
    env = server_env(tmp_path, port, TIMELINE_DATABASE_URL=database_url, TIMELINE_ANSWER_CACHE_MB="0")
    # Companies nobody asks about first, so that a rebuild takes a while and its first half holds no fact.
    filler = TimelineApplication(environment_for(database_url))
    filler.register_companies([{"name": f"Filler Works {n:04d}"} for n in range(FILLER_COMPANIES)])
    filler.close()
    subprocess.run([sys.executable, "-m", "api", "seed"], cwd=ROOT, env=env, check=True, capture_output=True)
    server = start_server(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        clean = answers(base)
        head = httpx.get(f"{base}/healthz").json()["log_position"]

        said = (tmp_path / "rebuild.log").open("wb")
        rebuild = subprocess.Popen(
            [sys.executable, "-m", "api", "rebuild", "--batch-size", "2"], cwd=ROOT, env=env, stdout=said, stderr=said
        )
        seen: list[object] = []

        def half_way() -> bool:
            health = until(lambda: (h := httpx.get(f"{base}/healthz").json()).get("projections") and h, "a report")
            seen.append(health.get("projections", health))
            return "projections" in health and 0 < health["projections"]["timeline"]["position"] < head // 2

        try:
            until(
                half_way, lambda: f"the rebuild half way (seen {seen[-3:]}, {(tmp_path / 'rebuild.log').read_text()})"
            )
            rebuild.send_signal(signal.SIGSTOP)
            stale = until(
                lambda: (
                    (r := httpx.get(f"{base}/pipeline", params={"as_of": "2025-06-30"})).headers.get(
                        "x-read-models-stale"
                    )
                    and r
                ),
                "a read saying it is stale",
            )
            assert "events behind the log" in stale.headers["x-read-models-stale"]
            assert stale.json()["total"] != clean[0]["total"]  # answered from half-built read models
            health = until(lambda: (h := httpx.get(f"{base}/healthz").json()).get("projections") and h, "a report")
            assert health["projection_lag"] > 0
            assert health["catching_up"] is True  # the frozen rebuild still holds its lease: left alone
        finally:
            rebuild.send_signal(signal.SIGKILL)
            rebuild.wait()

        until(
            lambda: (
                httpx.get(f"{base}/healthz").json() | {"projections": None, "log_position": None}
                == {
                    "status": "ok",
                    "database": "reachable",
                    "log_position": None,
                    "projection_position": head,
                    "projection_lag": 0,
                    "projections": None,
                }
            ),
            "the server caught up by itself",
        )
        assert answers(base) == clean
        assert "x-read-models-stale" not in httpx.get(f"{base}/pipeline", params={"as_of": "2025-06-30"}).headers
    finally:
        server.terminate()
        server.wait(timeout=30)
    served_rows_equal_a_clean_rebuild(database_url)
