"""One measured phase of the benchmark, run in its own process so its peak RSS is its own.

python -m bench.phases PHASE SIZE DATABASE_URL   -> one JSON line on stdout
"""

from __future__ import annotations

import contextlib
import random
import resource
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from functools import partial
from typing import Any
from uuid import uuid4

import orjson
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from api.composition import Services, build_services
from api.settings import Settings
from application.storage.database_url import environment_for, sqlite_path
from bench.generate import batches, plan, source
from domain.errors import FactRetracted
from domain.vocabulary import Stage
from projections.clocks import Clocks
from projections.queries.panel.asking import PanelFilters, grid

BATCH = 500
REBUILD_BATCH = 10_000
RANK = {stage.value: rank for rank, stage in enumerate(Stage)}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
    }


def services(url: str) -> Services:
    return build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false"))


def load(size: str, url: str) -> dict[str, Any]:
    """Bulk load through the application: companies, facts in batches, then the revisions."""
    work = plan(size)
    built = services(url)
    app = built.app
    started = time.perf_counter()
    for chunk in batches(
        [{"name": c.name, "aliases": c.aliases, "sector": c.sector, "key": c.key} for c in work.companies], BATCH
    ):
        app.register_companies(chunk)
    ids = []
    for batch in batches(work.facts, BATCH):
        ids += [written.id for written in app.record_facts(batch)]
    for index, action, arguments in work.revisions:
        # A revision of a fact retracted earlier in the plan is refused, as a client would be told.
        with contextlib.suppress(FactRetracted):
            (app.correct_fact if action == "correct" else app.retract_fact)(ids[index], **arguments)
    elapsed = time.perf_counter() - started
    events = app.position()
    built.close()
    return {"events": events, "seconds": elapsed, "events_per_s": events / elapsed, "peak_rss_mb": peak_rss_mb()}


class Plain(Aggregate):
    @event("Happened")
    def __init__(self, payload: str) -> None:
        self.payload = payload


def plain_save(size: str, url: str) -> dict[str, Any]:
    """eventsourcing's own batched save of as many events, of about the same size, to a fresh store."""
    events = load_count(size)
    app: Application[Any] = Application(environment_for(url))
    payload = "x" * 700
    started = time.perf_counter()
    for start in range(0, events, BATCH):
        app.save(*[Plain(payload) for _ in range(min(BATCH, events - start))])
    elapsed = time.perf_counter() - started
    app.close()
    return {"events": events, "events_per_s": events / elapsed}


def raw_insert(size: str, url: str) -> dict[str, Any]:
    """The driver alone: executemany of rows of the same size, one transaction per batch."""
    events = load_count(size)
    row = (b"x" * 700,)
    path = sqlite_path(url)
    started = time.perf_counter()
    if path is not None:
        connection = sqlite3.connect(path.with_name("raw.db"), isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, originator_id TEXT, version INTEGER, state BLOB)")
        for start in range(0, events, BATCH):
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO raw (originator_id, version, state) VALUES (?, 1, ?)",
                [(uuid4().hex, *row) for _ in range(min(BATCH, events - start))],
            )
            connection.execute("COMMIT")
        connection.close()
    else:
        import psycopg

        with psycopg.connect(url.split("?", 1)[0]) as connection:
            schema = url.split("schema=", 1)[1]
            connection.execute(
                f'CREATE TABLE "{schema}".raw (id BIGSERIAL PRIMARY KEY, originator_id UUID, version INT, state BYTEA)'
            )
            connection.commit()
            for start in range(0, events, BATCH):
                with connection.cursor() as cursor:
                    cursor.executemany(
                        f'INSERT INTO "{schema}".raw (originator_id, version, state) VALUES (%s, 1, %s)',
                        [(uuid4(), *row) for _ in range(min(BATCH, events - start))],
                    )
                connection.commit()
    elapsed = time.perf_counter() - started
    return {"events": events, "events_per_s": events / elapsed}


def load_count(size: str) -> int:
    return plan(size).events


def rebuild(size: str, url: str) -> dict[str, Any]:
    """Every read model from the whole log, in one pass over it (the log read and decoded once for all)."""
    built = services(url)
    events = built.app.position()
    started = time.perf_counter()
    # Fewer, larger transactions: at L each commit of 1,000 events also checkpointed SQLite's WAL
    # into a 1.5 GB file; 10,000 made the timeline rebuild 30% faster there (M: no difference).
    built.rebuild(list(built.projections), batch_size=REBUILD_BATCH)
    elapsed = time.perf_counter() - started
    built.close()
    return {"events": events, "events_per_s": events / elapsed, "peak_rss_mb": peak_rss_mb()}


def decode(size: str, url: str) -> dict[str, Any]:
    """Reading and decoding the whole log, nothing else: the floor under any rebuild."""
    built = services(url)
    started, after, count = time.perf_counter(), 0, 0
    while notifications := built.app.recorder.select_notifications(start=after + 1, limit=1000):
        for notification in notifications:
            built.app.mapper.to_domain_event(notification)
        after, count = notifications[-1].id, count + len(notifications)
    elapsed = time.perf_counter() - started
    built.close()
    return {"events": count, "events_per_s": count / elapsed}


def catch_up(size: str, url: str, writes: int = 100) -> dict[str, Any]:
    """Catch-up of every read model after one write (a stage fact: two events), timed over ``writes`` writes."""
    built = services(url)
    built.catch_up()
    keys, rng, samples = [company.key for company in plan(size).companies], random.Random(), []
    for _ in range(writes):  # new facts each run: the same ones again would append nothing
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
        sources = [source(rng, 10**7 + rng.randrange(10**9), day)]
        fact = {"kind": "filed", "date": day.isoformat(), "sources": sources, "fields": {}, "venue": "SSE-STAR"}
        built.app.record_facts([{**fact, "company": rng.choice(keys)}])
        samples.append(_timed(built.catch_up))
    built.close()
    return {"writes": writes, **percentiles(samples)}


def queries(size: str, url: str) -> dict[str, Any]:
    """In-process as-of latencies, and the naive as-of that rebuilds aggregates with the library."""
    built = services(url)
    rng = random.Random(1)
    keys = [row[0] for row in built.store.query("SELECT key FROM rm_companies")]
    days = [date(2019, 6, 1) + timedelta(days=rng.randrange(2500)) for _ in range(300)]
    head = built.app.position()
    timings: dict[str, list[float]] = {
        name: []
        for name in (
            "company",
            "counts",
            "page",
            "page_deep",
            "page_sector",
            "page_at_point",
            "known_at",
            "revisions",
            "two_pipelines",
        )
    }
    pipeline = built.queries.pipeline
    for n, day in enumerate(days):
        key = keys[n % len(keys)]
        timings["company"].append(_timed(partial(built.queries.company, key, Clocks(day))))
        timings["counts"].append(_timed(partial(pipeline, Clocks(day), limit=0)))
        timings["page"].append(_timed(partial(pipeline, Clocks(day), limit=100, offset=100)))
        # Half-way down the board, by the cursor a client walking it would hold there (found untimed).
        middle = pipeline(Clocks(day), limit=1, offset=pipeline(Clocks(day), limit=0)["total"] // 2)["next_cursor"]
        timings["page_deep"].append(_timed(partial(pipeline, Clocks(day), limit=100, cursor=middle)))
        timings["page_sector"].append(_timed(partial(pipeline, Clocks(day), limit=100, sector="ai")))
        # The same page through the stage-point index (O(k)): a publication day past every source.
        everything = Clocks(day, published_by=date(2100, 1, 1))
        timings["page_at_point"].append(_timed(partial(pipeline, everything, limit=100, offset=100)))
        timings["known_at"].append(_timed(partial(pipeline, Clocks(day, known_at=head // 2), limit=0)))
    for n, day in enumerate(days[:100]):
        # What one write changed (the window before and after one position), beside the two whole
        # pipelines a client would otherwise ask for and compare.
        at = head - n
        timings["revisions"].append(_timed(partial(built.queries.revisions, day, at - 1, at)))
        timings["two_pipelines"].append(
            _timed(lambda day=day, at=at: (pipeline(Clocks(day, known_at=at - 1)), pipeline(Clocks(day, known_at=at))))
        )
    naive_company = [_timed(partial(naive_company_stage, built, keys[n % len(keys)], days[n])) for n in range(20)]
    naive_counts = [_timed(partial(naive_pipeline_counts, built, keys, days[0]))]
    built.close()
    result = {name: percentiles(samples) for name, samples in timings.items()}
    result["naive_company"] = percentiles(naive_company)
    result["naive_counts"] = percentiles(naive_counts)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _timed(call: Any) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def naive_company_stage(built: Services, key: str, day: date) -> dict[str, str]:
    """Reconstruct the company and every one of its facts with the library, fold them by date."""
    company = built.app.repository.get(built.app.resolve_company(key))
    facts = [built.app.repository.get(fact_id) for fact_id in company.fact_ids]
    stages: dict[str, tuple[Any, str]] = {}
    for fact in facts:
        if fact.retracted or fact.kind.value not in RANK or fact.date.earliest > day:
            continue
        order = (fact.date.earliest, fact.date.latest, RANK[fact.kind.value], str(fact.id))
        venue = str(fact.venue)
        if venue not in stages or order > stages[venue][0]:
            stages[venue] = (order, fact.kind.value)
    return {venue: stage for venue, (_, stage) in stages.items()}


def naive_pipeline_counts(built: Services, keys: list[str], day: date) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for key in keys:
        for venue, stage in naive_company_stage(built, key, day).items():
            counts[(venue, stage)] = counts.get((venue, stage), 0) + 1
    return counts


def panel(size: str, url: str) -> dict[str, Any]:
    """The daily panel of 2019-2026 (every company and venue, as published each day and as known now), in
    its own process for its peak RSS; beside it the point questions it replaces (two pipelines a date),
    timed on a sample of dates and scaled to the grid."""
    built = services(url)
    dates = grid(date(2019, 1, 1), date(2026, 12, 31), "day")
    started = time.perf_counter()
    table = built.queries.panel(dates, Clocks(dates[-1]), PanelFilters(), 10**9)
    seconds = time.perf_counter() - started
    sample = dates[:: max(1, len(dates) // 30)]
    started = time.perf_counter()
    for day in sample:
        built.queries.pipeline(Clocks(day))
        built.queries.pipeline(Clocks(day, published_by=day))
    per_date = (time.perf_counter() - started) / len(sample)
    built.close()
    return {
        "dates": len(dates),
        "rows": table.num_rows,
        "seconds": seconds,
        "point_questions_seconds": per_date * len(dates),
        "peak_rss_mb": peak_rss_mb(),
    }


PHASES = {
    "load": load,
    "plain_save": plain_save,
    "raw_insert": raw_insert,
    "rebuild": rebuild,
    "decode": decode,
    "catch_up": catch_up,
    "queries": queries,
    "panel": panel,
}

if __name__ == "__main__":
    phase, size, url = sys.argv[1:4]
    sys.stdout.write(orjson.dumps(PHASES[phase](size, url)).decode() + "\n")
