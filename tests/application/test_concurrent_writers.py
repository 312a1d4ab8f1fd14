"""Several threads and several processes record facts about one company at once."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source

THREADS = 4
PROCESSES = 3
FACTS_EACH = 12
COMPANY = "Moore Threads"


def source_for(writer: str) -> Source:
    return Source(f"{writer}.txt", parse_date("2025-07"), f"report by {writer}")


def record_many(app: TimelineApplication, writer: str) -> list[str]:
    """Each writer records its own facts, and also one fact every writer shares."""
    ids = []
    for n in range(FACTS_EACH):
        written = app.record_fact(
            kind="funding_round",
            company=COMPANY,
            date=f"2024-{n % 12 + 1:02d}",
            fields={"round": f"{writer}-round-{n}"},
            sources=[source_for(writer)],
        )
        ids.append(str(written.id))
    shared = app.record_fact(
        kind="accepted", company=COMPANY, venue="SSE-STAR", date="2025-06-30", sources=[source_for(writer)]
    )
    ids.append(str(shared.id))
    return ids


def process_writer(database_url: str, writer: str, queue: multiprocessing.Queue) -> None:
    app = TimelineApplication(environment_for(database_url), max_attempts=50)
    try:
        queue.put(record_many(app, writer))
    finally:
        app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.mark.slow
def test_concurrent_threads_and_processes_store_every_fact_exactly_once(database_url):
    app = TimelineApplication(environment_for(database_url), max_attempts=50)
    app.register_company(COMPANY)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    processes = [
        context.Process(target=process_writer, args=(database_url, f"proc{i}", queue)) for i in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    barrier = threading.Barrier(THREADS)

    def thread_writer(i: int) -> list[str]:
        barrier.wait()
        return record_many(app, f"thread{i}")

    with ThreadPoolExecutor(THREADS) as pool:
        thread_results = list(pool.map(thread_writer, range(THREADS)))
    process_results = [queue.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    writers = THREADS + PROCESSES
    returned = {fact_id for ids in thread_results + process_results for fact_id in ids}
    facts = app.company_facts(COMPANY)
    stored = [fact["fact_id"] for fact in facts]
    assert len(stored) == len(set(stored)) == writers * FACTS_EACH + 1
    assert set(stored) == returned
    [shared] = [fact for fact in facts if fact["kind"] == "accepted"]
    assert len(shared["sources"]) == writers
    company = app.get_company(COMPANY)
    assert len(company["fact_ids"]) == len(set(company["fact_ids"])) == writers * FACTS_EACH + 1
    fact_events = [
        n for n in app.recorder.select_notifications(start=1, limit=10_000) if n.topic.startswith("domain.facts:")
    ]
    assert len(fact_events) == writers * FACTS_EACH + 1 + (writers - 1)
    app.close()
