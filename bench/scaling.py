"""Measure appends to PostgreSQL from 1 and from N processes, and worker catch-up speed.

    python -m bench.scaling [--database-url postgresql://postgres@127.0.0.1:5432/test] [--facts 2000]

Each run uses a fresh schema and drops it afterwards. Appends go through the application (one
fact per transaction: the fact and its company's FactAttached event); catch-up is a full
rebuild of both built-in projections from that log. Prints medians of --repeat runs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time
import uuid
from collections.abc import Callable

import psycopg

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.indexes.daily_counts import daily_counts_projection
from projections.timeline.projector import timeline_projection

KINDS = ["preparing", "guidance", "filed", "accepted", "approved", "listed"]


def append(url: str, writer: int, facts: int, start: Callable[[], object] | None = None) -> int:
    app = TimelineApplication(environment_for(url))
    companies = [f"Bench {writer}-{n}" for n in range(20)]
    for company in companies:
        app.register_company(company)
    if start:
        start()
    for n in range(facts):
        app.record_fact(
            kind=KINDS[n % len(KINDS)],
            company=companies[n % len(companies)],
            venue="SSE-STAR",
            date=f"20{19 + n % 7}-{n % 12 + 1:02d}",
            fields={"note": f"w{writer} n{n}"},
            sources=[Source(f"bench-{writer}-{n}.txt", parse_date("2026-01-01"), "bench")],
        )
    app.close()
    return facts * 2


def _process(url: str, writer: int, facts: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    append(url, writer, facts, start=barrier.wait)


def measure(url: str, processes: int, facts: int) -> tuple[float, float]:
    """(events appended per second, catch-up events per second) on a fresh schema."""
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    base = url.split("?", maxsplit=1)[0]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    scoped = f"{base}?schema={schema}"
    try:
        TimelineApplication(environment_for(scoped)).close()  # create the tables outside the timing
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(processes + 1)
        workers = [
            context.Process(target=_process, args=(scoped, w, facts // processes, barrier)) for w in range(processes)
        ]
        for worker in workers:
            worker.start()
        barrier.wait()
        started = time.perf_counter()
        for worker in workers:
            worker.join()
        appended = (facts // processes) * processes * 2 / (time.perf_counter() - started)
        app = TimelineApplication(environment_for(scoped))
        db = read_store(app)
        runners = [
            timeline_projection(db, app.recorder, app.mapper),
            daily_counts_projection(db, app.recorder, app.mapper),
        ]
        started = time.perf_counter()
        for runner in runners:
            runner.rebuild(batch_size=1000)
        caught_up = app.position() / (time.perf_counter() - started)
        db.close()
        app.close()
        return appended, caught_up
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--facts", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for processes in (1, args.processes):
        runs = [measure(args.database_url, processes, args.facts) for _ in range(args.repeat)]
        rows.append((processes, statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)))
    print(f"PostgreSQL, {args.facts} facts ({args.facts * 2} events) per run, median of {args.repeat} runs")
    print(f"{'writer processes':>16} | {'appends events/s':>16} | {'catch-up events/s (both projections)':>36}")
    for processes, appended, caught_up in rows:
        print(f"{processes:>16} | {appended:>16,.0f} | {caught_up:>36,.0f}")


if __name__ == "__main__":
    main()
