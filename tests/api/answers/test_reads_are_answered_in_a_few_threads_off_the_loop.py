"""A read route runs its query off the event loop, in at most ``TIMELINE_READ_THREADS`` threads at once, however
many requests arrive together; its answers are the same as ever."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


def test_sixteen_reads_at_once_query_off_the_loop_in_at_most_the_read_threads(seeded, monkeypatch) -> None:
    settings = Settings(TIMELINE_DATABASE_URL=f"sqlite:///{seeded.app.env['SQLITE_DBNAME']}", TIMELINE_READ_THREADS=2)
    settings = settings.model_copy(update={"answer_cache_mb": 0})  # every request asks the query
    lock, running, seen = threading.Lock(), [0], {"most": 0, "on_loop": 0, "calls": 0}
    company = seeded.queries.company

    def counted(*args: Any, **kwargs: Any) -> Any:
        with lock:
            running[0] += 1
            seen["most"] = max(seen["most"], running[0])
            seen["calls"] += 1
        try:
            asyncio.get_running_loop()
            seen["on_loop"] += 1
        except RuntimeError:
            pass
        try:
            time.sleep(0.02)  # long enough for the other requests to arrive meanwhile
            return company(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(seeded.queries, "company", counted)
    with TestClient(create_app(settings, seeded)) as client, ThreadPoolExecutor(16) as pool:
        answers = list(
            pool.map(lambda n: client.get("/companies/MiniMax", params={"as_of": f"2025-01-{n + 1:02d}"}), range(16))
        )
        assert client.app.state.read_threads.total_tokens == 2
    assert [answer.status_code for answer in answers] == [200] * 16
    assert all(answer.json()["name"] == "MiniMax" for answer in answers)
    assert seen["calls"] == 16
    assert seen["on_loop"] == 0
    assert 1 <= seen["most"] <= 2
