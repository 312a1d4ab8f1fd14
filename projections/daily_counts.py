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

from domain.vocabulary import STAGE_KINDS
from projections.fenwick import nodes_to_sum, nodes_to_update
from projections.runner import Decoder, EventLog, ProjectionRunner
from projections.stage_rows import MAX_DAY, MODES, StageFact, state_rows
from projections.store import Cursor, ReadStore, values

TABLES = ("dc_facts", "dc_intervals", "dc_deltas", "dc_tree")
_STAGE_KINDS = {kind.value for kind in STAGE_KINDS}
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
]

Interval = tuple[str, str, int, int]  # mode, stage, valid_from, valid_to


class DailyCountsProjector:
    name = "daily_counts"
    version = 2  # 2: dc_tree

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            for statement in _DDL:
                cursor.execute(statement)

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        for table in TABLES:
            cursor.execute(f"DROP TABLE IF EXISTS {table}")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        for _position, topic, event in events:
            kind = topic.partition(":")[2]
            if kind == "Fact.Recorded" and str(event.kind) in _STAGE_KINDS:
                self._recorded(store.p, cursor, event)
            elif kind == "Fact.Corrected" and (event.date is not None or event.venue is not None):
                self._corrected(store.p, cursor, event)
            elif kind == "Fact.Retracted":
                self._retracted(store.p, cursor, event)

    def _recorded(self, p: str, cursor: Cursor, event: Any) -> None:
        company_id, venue = str(event.subject_id), str(event.venue)
        cursor.execute(
            f"INSERT INTO dc_facts (fact_id, company_id, venue, kind, earliest, latest) {values(p, 6)}",
            (
                str(event.originator_id),
                company_id,
                venue,
                str(event.kind),
                event.date.earliest.toordinal(),
                event.date.latest.toordinal(),
            ),
        )
        _restate(p, cursor, company_id, venue)

    def _corrected(self, p: str, cursor: Cursor, event: Any) -> None:
        before = _fact(p, cursor, str(event.originator_id))
        if before is None:
            return
        company_id, venue, earliest, latest = before
        if event.date is not None:
            earliest, latest = event.date.earliest.toordinal(), event.date.latest.toordinal()
        new_venue = str(event.venue) if event.venue is not None else venue
        cursor.execute(
            f"UPDATE dc_facts SET venue = {p}, earliest = {p}, latest = {p} WHERE fact_id = {p}",
            (new_venue, earliest, latest, str(event.originator_id)),
        )
        for pair_venue in sorted({venue, new_venue}):
            _restate(p, cursor, company_id, pair_venue)

    def _retracted(self, p: str, cursor: Cursor, event: Any) -> None:
        before = _fact(p, cursor, str(event.originator_id))
        if before is None:
            return
        cursor.execute(f"DELETE FROM dc_facts WHERE fact_id = {p}", (str(event.originator_id),))
        _restate(p, cursor, before[0], before[1])


def _fact(p: str, cursor: Cursor, fact_id: str) -> tuple[str, str, int, int] | None:
    cursor.execute(f"SELECT company_id, venue, earliest, latest FROM dc_facts WHERE fact_id = {p}", (fact_id,))
    row = cursor.fetchone()
    return (row[0], row[1], row[2], row[3]) if row else None


def _restate(p: str, cursor: Cursor, company_id: str, venue: str) -> None:
    """Recompute the pair's intervals and turn the difference into deltas."""
    cursor.execute(
        f"SELECT fact_id, kind, earliest, latest FROM dc_facts WHERE company_id = {p} AND venue = {p}",
        (company_id, venue),
    )
    facts = [StageFact(fact_id, kind, earliest, latest, 0) for fact_id, kind, earliest, latest in cursor.fetchall()]
    wanted: set[Interval] = {(r.mode, r.stage, r.valid_from, r.valid_to) for r in state_rows(facts)}
    cursor.execute(
        f"SELECT mode, stage, valid_from, valid_to FROM dc_intervals WHERE company_id = {p} AND venue = {p}",
        (company_id, venue),
    )
    current: set[Interval] = {(row[0], row[1], row[2], row[3]) for row in cursor.fetchall()}
    deltas: dict[tuple[str, str, int], int] = defaultdict(int)
    for sign, intervals in ((-1, current - wanted), (1, wanted - current)):
        for mode, stage, valid_from, valid_to in intervals:
            deltas[(mode, stage, valid_from)] += sign
            if valid_to < MAX_DAY:
                deltas[(mode, stage, valid_to)] -= sign
    cursor.execute(f"DELETE FROM dc_intervals WHERE company_id = {p} AND venue = {p}", (company_id, venue))
    cursor.executemany(
        f"INSERT INTO dc_intervals (company_id, venue, mode, stage, valid_from, valid_to) {values(p, 6)}",
        [(company_id, venue, *interval) for interval in sorted(wanted)],
    )
    changed = [(mode, stage, day, delta) for (mode, stage, day), delta in sorted(deltas.items()) if delta]
    cursor.executemany(
        f"""INSERT INTO dc_deltas (venue, stage, mode, day, delta) {values(p, 5)}
           ON CONFLICT (mode, day, venue, stage) DO UPDATE SET delta = dc_deltas.delta + excluded.delta""",
        [(venue, stage, mode, day, delta) for mode, stage, day, delta in changed],
    )
    tree: dict[tuple[str, int, str], int] = defaultdict(int)
    for mode, stage, day, delta in changed:
        for node in nodes_to_update(day):
            tree[(mode, node, stage)] += delta
    cursor.executemany(
        f"""INSERT INTO dc_tree (mode, node, venue, stage, n) {values(p, 5)}
           ON CONFLICT (mode, node, venue, stage) DO UPDATE SET n = dc_tree.n + excluded.n""",
        [(mode, node, venue, stage, n) for (mode, node, stage), n in sorted(tree.items()) if n],
    )


def daily_counts_projection(store: ReadStore, log: EventLog, decoder: Decoder) -> ProjectionRunner:
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
