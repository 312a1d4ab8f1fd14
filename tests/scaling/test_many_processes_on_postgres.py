"""Scale-out on PostgreSQL: several API processes, a projection worker, writers hammering both."""

from __future__ import annotations

import multiprocessing
import random
import signal
import threading
import time
from collections import Counter

import httpx
import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.indexes.daily_counts import daily_counts_projection
from projections.timeline.projector import timeline_projection
from tests.e2e.conftest import TOKEN
from tests.projections.dump import dump
from tests.scaling.processes import start_server, start_worker, stop, wait_until_caught_up

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
COMPANIES = [f"Scale Co {n}" for n in range(6)]
KINDS = ["preparing", "guidance", "filed", "accepted", "approved", "listed"]


def write_through_http(bases: list[str], writer: int, count: int, results: multiprocessing.Queue) -> None:
    """One writer process: record facts, alternating between the servers; report what was accepted."""
    rng = random.Random(writer)
    accepted = []
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        for n in range(count):
            body = {
                "kind": rng.choice(KINDS),
                "company": rng.choice(COMPANIES),
                "venue": rng.choice(["SSE-STAR", "HKEX-MAIN"]),
                "date": f"202{rng.randrange(0, 6)}-{rng.randrange(1, 13):02d}",
                "sources": [
                    {"document": f"writer-{writer}-{n}.txt", "published": "2026-01-01", "quote": f"w{writer} n{n}"}
                ],
            }
            response = client.post(f"{bases[n % len(bases)]}/facts", json=body)
            assert response.status_code == 201, response.text
            accepted.append((response.json()["fact_id"], body["sources"][0]["document"]))
    results.put(accepted)


def fresh_rebuild_equals(database_url: str) -> None:
    app = TimelineApplication(environment_for(database_url))
    db = read_store(app)
    runners = [timeline_projection(db, app.recorder, app.mapper), daily_counts_projection(db, app.recorder, app.mapper)]
    assert all(runner.position() == app.position() for runner in runners)
    served = dump(db, daily_counts=True)
    for runner in runners:
        runner.rebuild(batch_size=500)
    assert dump(db, daily_counts=True) == served
    db.close()
    app.close()


def test_four_writers_through_two_servers_each_write_lands_once_and_read_models_equal_a_rebuild(postgres_url, tmp_path):
    app = TimelineApplication(environment_for(postgres_url))
    for company in COMPANIES:
        app.register_company(company)
    servers = [
        start_server(postgres_url, tmp_path / f"server{i}.log", TIMELINE_CATCH_UP_ON_WRITE="false") for i in range(2)
    ]
    worker = start_worker(postgres_url, tmp_path / "worker.log")
    try:
        bases = [base for _, base in servers]
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        writers = [context.Process(target=write_through_http, args=(bases, w, 25, results)) for w in range(4)]
        for process in writers:
            process.start()
        accepted = [item for _ in writers for item in results.get(timeout=180)]
        for process in writers:
            process.join(timeout=30)
            assert process.exitcode == 0
        wait_until_caught_up(bases[0])
    finally:
        stop(worker)
        for process, _ in servers:
            stop(process)

    recorded, corroborated = Counter(), Counter()
    for notification in app.recorder.select_notifications(start=1, limit=100_000):
        event = app.mapper.to_domain_event(notification)
        if notification.topic.endswith("Fact.Recorded"):
            recorded[str(event.originator_id)] += 1
        elif notification.topic.endswith("Fact.Corroborated"):
            corroborated[(str(event.originator_id), event.source.document)] += 1
    facts = {fact_id for fact_id, _ in accepted}
    assert set(recorded) == facts
    assert all(n == 1 for n in recorded.values())
    assert all(n == 1 for n in corroborated.values())
    assert sum(recorded.values()) + sum(corroborated.values()) == len(accepted)  # every write, exactly once
    app.close()
    fresh_rebuild_equals(postgres_url)


def test_a_worker_killed_again_and_again_while_writes_go_on_ends_equal_to_a_rebuild(postgres_url, tmp_path):
    app = TimelineApplication(environment_for(postgres_url))
    for company in COMPANIES:
        app.register_company(company)
    done = threading.Event()

    def keep_writing() -> None:
        rng = random.Random(1)
        n = 0
        while not done.is_set():
            app.record_fact(
                kind=rng.choice(KINDS),
                company=rng.choice(COMPANIES),
                venue="SSE-STAR",
                date=f"202{rng.randrange(0, 6)}-{rng.randrange(1, 13):02d}",
                sources=[Source(f"crash-{n}.txt", parse_date("2026-01-01"), f"quote {n}")],
            )
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    rng = random.Random(7)
    kills = 0
    try:
        for _ in range(12):
            worker = start_worker(postgres_url, tmp_path / "worker.log")
            time.sleep(rng.uniform(0.4, 1.2))
            worker.send_signal(signal.SIGKILL)
            worker.wait()
            kills += 1
    finally:
        done.set()
        writer.join()
    assert kills >= 10
    worker = start_worker(postgres_url, tmp_path / "worker.log")
    try:
        deadline = time.monotonic() + 120
        db = read_store(app)
        runner = timeline_projection(db, app.recorder, app.mapper)
        while runner.position() < app.position() and time.monotonic() < deadline:
            time.sleep(0.2)
        counts_runner = daily_counts_projection(db, app.recorder, app.mapper)
        while counts_runner.position() < app.position() and time.monotonic() < deadline:
            time.sleep(0.2)
        db.close()
    finally:
        stop(worker)
    app.close()
    fresh_rebuild_equals(postgres_url)
