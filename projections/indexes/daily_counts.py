"""A downstream projection: pipeline counts per day, venue and stage, possible and certain.

Maintained incrementally for the latest knowledge and every source: it keeps each (company,
venue)'s current stage intervals, and when a stage fact changes it writes only the
difference as +1/-1 deltas on the days where a count changes. Counts on a day are the sum
of the deltas up to it, so a chart of any range reads one row per day that changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from projections.indexes import daily_counts_versions
from projections.indexes.daily_counts_batch import DailyCountsBatch
from projections.indexes.fenwick import nodes_to_sum
from projections.runner import Decoder, LogReader, ProjectionRunner
from projections.stage_rows import MODES
from projections.store.read_store import Cursor, ReadStore

TABLES = ("dc_facts", "dc_intervals", "dc_deltas", "dc_tree", "dc_tree_versions")
_DDL = [
    """CREATE TABLE IF NOT EXISTS dc_facts (fact_id TEXT PRIMARY KEY, company_id TEXT NOT NULL, venue TEXT NOT NULL,
       kind TEXT NOT NULL, earliest INTEGER NOT NULL, latest INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS dc_facts_pair ON dc_facts (company_id, venue)",
    """CREATE TABLE IF NOT EXISTS dc_intervals (company_id TEXT NOT NULL, venue TEXT NOT NULL, mode TEXT NOT NULL,
       stage TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL,
       PRIMARY KEY (company_id, venue, mode, valid_from))""",
    """CREATE TABLE IF NOT EXISTS dc_deltas (venue TEXT NOT NULL, stage TEXT NOT NULL, mode TEXT NOT NULL,
       day INTEGER NOT NULL, delta INTEGER NOT NULL, PRIMARY KEY (mode, day, venue, stage))""",
    # The same deltas as a Fenwick tree (fenwick.py): one day's counts in O(log n) reads.
    """CREATE TABLE IF NOT EXISTS dc_tree (mode TEXT NOT NULL, node INTEGER NOT NULL, venue TEXT NOT NULL,
       stage TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (mode, node, venue, stage))""",
    # The tree's nodes at past checkpoints: counts at an earlier log position (daily_counts_versions.py).
    daily_counts_versions.DDL,
]


class DailyCountsProjector:
    name = "daily_counts"
    version = 3  # 2: dc_tree; 3: dc_tree_versions

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            for statement in _DDL:
                cursor.execute(statement.format(clustered=store.clustered))

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        for table in TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        batch = DailyCountsBatch(store, cursor)
        batch.read_ahead(events)
        checkpoint = daily_counts_versions.checkpoint_of(events[0][0])
        for position, topic, event in events:
            if position > checkpoint:
                batch.settle(checkpoint)
                checkpoint = daily_counts_versions.checkpoint_of(position)
            batch.apply(topic, event)
        batch.settle(checkpoint)
        batch.write()


def daily_counts_projection(store: ReadStore, log: LogReader, decoder: Decoder) -> ProjectionRunner:
    return ProjectionRunner(store, log, decoder, DailyCountsProjector())


def daily_counts(store: ReadStore, start: date, end: date, venue: str | None = None) -> list[dict[str, Any]]:
    """Counts by stage on every day from ``start`` to ``end``, possible and certain."""
    p = store.p
    where, params = (f"AND venue = {p}", [venue]) if venue else ("", [])
    with store.reading() as cursor:
        cursor.execute(
            f"SELECT mode, stage, SUM(delta) FROM dc_deltas WHERE day <= {p} {where} GROUP BY mode, stage",
            [start.toordinal(), *params],
        )
        opening = cursor.fetchall()
        cursor.execute(
            f"""SELECT day, mode, stage, SUM(delta) FROM dc_deltas WHERE day > {p} AND day <= {p} {where}
                GROUP BY day, mode, stage ORDER BY day""",
            [start.toordinal(), end.toordinal(), *params],
        )
        changes = cursor.fetchall()
    running: dict[str, dict[str, int]] = {mode: {} for mode in MODES}
    for mode, stage, total in opening:
        running[mode][stage] = int(total)
    by_day: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for day, mode, stage, delta in changes:
        by_day[day].append((mode, stage, int(delta)))
    days = []
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        for mode, stage, delta in by_day.get(ordinal, ()):
            running[mode][stage] = running[mode].get(stage, 0) + delta
        days.append(
            {
                "date": date.fromordinal(ordinal).isoformat(),
                **{mode: {stage: n for stage, n in sorted(counts.items()) if n} for mode, counts in running.items()},
            }
        )
    return days


def counts_on(
    store: ReadStore, day: int, mode: str, venue: str | None = None, stage: str | None = None
) -> list[tuple[str, str, int]]:
    """(venue, stage, companies) on a day, as the latest knowledge of every source has it: at most
    18 tree nodes per (venue, stage), whatever the size of the log."""
    p = store.p
    nodes = nodes_to_sum(day)
    if not nodes:
        return []
    where, params = f"mode = {p} AND node IN ({', '.join([p] * len(nodes))})", [mode, *nodes]
    for column, value in (("venue", venue), ("stage", stage)):
        if value is not None:
            where += f" AND {column} = {p}"
            params.append(value)
    rows = store.query(
        f"SELECT venue, stage, SUM(n) FROM dc_tree WHERE {where} GROUP BY venue, stage HAVING SUM(n) <> 0", params
    )
    return [(venue_, stage_, int(n)) for venue_, stage_, n in rows]
