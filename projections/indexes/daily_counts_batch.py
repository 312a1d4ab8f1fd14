"""One batch of the daily counts, folded in memory and written at its end.

The batch reads what it needs of the tables first (the facts its corrections and retractions
name, then every stage fact and interval of each (company, venue) it touches: a few statements
in all), applies its events to those facts in log order, and only then recomputes each touched
pair's intervals once. Deltas are sums, so the difference between a pair's intervals before and
after the batch is the sum of the differences each event would have written: the tables end the
same as when the events are applied one at a time.

The batch is settled at every checkpoint it crosses (daily_counts_versions.py): the pairs touched
since the last one get their intervals recomputed there, and the tree nodes that changed in that
stretch get a version holding their value at the checkpoint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from domain.vocabulary import STAGE_KINDS
from projections.indexes import daily_counts_versions
from projections.indexes.fenwick import nodes_to_update
from projections.stage_rows import MAX_DAY, StageFact, state_rows
from projections.store.read_store import Cursor, ReadStore, insert_rows, key_chunks

_STAGE_KINDS = {kind.value for kind in STAGE_KINDS}
_FACT_COLUMNS = "company_id, venue, kind, earliest, latest"
Pair = tuple[str, str]  # (company, venue)
Interval = tuple[str, str, int, int]  # mode, stage, valid_from, valid_to
Row = tuple[str, str, str, int, int]  # company, venue, kind, earliest, latest


class DailyCountsBatch:
    def __init__(self, store: ReadStore, cursor: Cursor) -> None:
        self.store = store
        self.p = store.p
        self.cursor = cursor
        self.facts: dict[str, Row] = {}  # every stage fact this batch knows of, as it stands
        self.pairs: dict[Pair, set[str]] = {}  # the facts of each touched pair
        self.stored: dict[Pair, set[Interval]] = {}  # each touched pair's intervals in the tables
        self.changed: set[str] = set()  # facts to write again (or delete, if no longer in ``facts``)
        self.touched: set[Pair] = set()  # pairs a changed fact left or joined since the last settle
        self.settled: set[Pair] = set()  # pairs whose intervals were recomputed in this batch: written at its end
        self.deltas: dict[tuple[str, str, str, int], int] = defaultdict(int)  # (venue, mode, stage, day)
        self.stretches: list[tuple[int, dict[daily_counts_versions.Node, int]]] = []  # (checkpoint, node changes)

    # Reading ahead --------------------------------------------------------------------------

    def read_ahead(self, events: Sequence[tuple[int, str, Any]]) -> None:
        """Every pair the batch touches, with its stored facts and intervals."""
        companies: dict[str, str] = {}  # fact -> company, for the facts recorded in this batch
        named: set[str] = set()
        for _position, topic, event in events:
            kind, fact_id = topic.partition(":")[2], str(event.originator_id)
            if kind == "Fact.Recorded" and str(event.kind) in _STAGE_KINDS:
                companies[fact_id] = str(event.subject_id)
            elif kind in ("Fact.Corrected", "Fact.Retracted") and fact_id not in companies:
                named.add(fact_id)
        for chunk in key_chunks(sorted(named)):
            self.cursor.execute(
                f"SELECT fact_id, {_FACT_COLUMNS} FROM dc_facts WHERE fact_id IN ({', '.join([self.p] * len(chunk))})",
                chunk,
            )
            for fact_id, company, venue, kind, earliest, latest in self.cursor.fetchall():
                self.facts[fact_id] = (company, venue, kind, earliest, latest)
                companies[fact_id] = company
        pairs = {(row[0], row[1]) for row in self.facts.values()}
        for _position, topic, event in events:
            kind, fact_id = topic.partition(":")[2], str(event.originator_id)
            if kind == "Fact.Recorded" and str(event.kind) in _STAGE_KINDS:
                pairs.add((companies[fact_id], str(event.venue)))
            elif kind == "Fact.Corrected" and event.venue is not None and fact_id in companies:
                pairs.add((companies[fact_id], str(event.venue)))  # the venue it moves to
        self._read_pairs(pairs)

    def _read_pairs(self, pairs: set[Pair]) -> None:
        for pair in pairs:
            self.pairs[pair] = set()
            self.stored[pair] = set()
        for chunk in key_chunks(sorted({company for company, _venue in pairs})):
            listed = ", ".join([self.p] * len(chunk))
            self.cursor.execute(f"SELECT fact_id, {_FACT_COLUMNS} FROM dc_facts WHERE company_id IN ({listed})", chunk)
            for fact_id, company, venue, kind, earliest, latest in self.cursor.fetchall():
                if (company, venue) in self.pairs:
                    self.facts[fact_id] = (company, venue, kind, earliest, latest)
                    self.pairs[(company, venue)].add(fact_id)
            self.cursor.execute(
                f"""SELECT company_id, venue, mode, stage, valid_from, valid_to FROM dc_intervals
                    WHERE company_id IN ({listed})""",
                chunk,
            )
            for company, venue, *interval in self.cursor.fetchall():
                if (company, venue) in self.stored:
                    mode, stage, valid_from, valid_to = interval
                    self.stored[(company, venue)].add((mode, stage, valid_from, valid_to))

    # Applying, in log order -------------------------------------------------------------------

    def apply(self, topic: str, event: Any) -> None:
        kind, fact_id = topic.partition(":")[2], str(event.originator_id)
        if kind == "Fact.Recorded" and str(event.kind) in _STAGE_KINDS:
            when = event.date
            row = (
                str(event.subject_id),
                str(event.venue),
                str(event.kind),
                when.earliest.toordinal(),
                when.latest.toordinal(),
            )
            self._put(fact_id, row)
        elif kind == "Fact.Corrected" and (event.date is not None or event.venue is not None):
            before = self.facts.get(fact_id)
            if before is None:
                return  # not a stage fact
            company, venue, stage, earliest, latest = before
            if event.date is not None:
                earliest, latest = event.date.earliest.toordinal(), event.date.latest.toordinal()
            self._put(
                fact_id, (company, str(event.venue) if event.venue is not None else venue, stage, earliest, latest)
            )
        elif kind == "Fact.Retracted" and fact_id in self.facts:
            company, venue, *_rest = self.facts.pop(fact_id)
            self.pairs[(company, venue)].discard(fact_id)
            self.changed.add(fact_id)
            self.touched.add((company, venue))

    def _put(self, fact_id: str, row: Row) -> None:
        before = self.facts.get(fact_id)
        if before is not None:
            self.pairs[(before[0], before[1])].discard(fact_id)
            self.touched.add((before[0], before[1]))
        self.facts[fact_id] = row
        self.pairs[(row[0], row[1])].add(fact_id)
        self.changed.add(fact_id)
        self.touched.add((row[0], row[1]))

    # Writing ----------------------------------------------------------------------------------

    def settle(self, checkpoint: int) -> None:
        """Recompute the intervals of the pairs touched since the last settle: the tables as of the last
        event applied, whose checkpoint (a versions' position) is ``checkpoint``."""
        days: dict[tuple[str, str, str, int], int] = defaultdict(int)
        for pair in sorted(self.touched):
            facts = [StageFact(f, *self.facts[f][2:], 0) for f in self.pairs[pair]]
            wanted = {(r.mode, r.stage, r.valid_from, r.valid_to) for r in state_rows(facts)}
            current = self.stored[pair]
            for sign, changed in ((-1, current - wanted), (1, wanted - current)):
                for mode, stage, valid_from, valid_to in changed:
                    days[(pair[1], mode, stage, valid_from)] += sign
                    if valid_to < MAX_DAY:
                        days[(pair[1], mode, stage, valid_to)] -= sign
            self.stored[pair] = wanted
        self.settled |= self.touched
        self.touched = set()
        tree: dict[daily_counts_versions.Node, int] = defaultdict(int)
        for (venue, mode, stage, day), n in days.items():
            if n:
                self.deltas[(venue, mode, stage, day)] += n
                for node in nodes_to_update(day):
                    tree[(mode, node, venue, stage)] += n
        self.stretches.append((checkpoint, {key: n for key, n in tree.items() if n}))

    def write(self) -> None:
        """The batch's rows, a statement per table (arrays or COPY on PostgreSQL, executemany on SQLite)."""
        store, p, cursor = self.store, self.p, self.cursor
        if self.changed:
            store.delete_rows(cursor, "dc_facts", "fact_id text", [(f,) for f in sorted(self.changed)])
            rows = [(f, *self.facts[f]) for f in sorted(self.changed) if f in self.facts]
            insert_rows(cursor, p, "dc_facts", f"fact_id, {_FACT_COLUMNS}", rows)
        settled = sorted(self.settled)
        intervals = [(*pair, *interval) for pair in settled for interval in sorted(self.stored[pair])]
        store.delete_rows(cursor, "dc_intervals", "company_id text, venue text", settled)
        insert_rows(cursor, p, "dc_intervals", "company_id, venue, mode, stage, valid_from, valid_to", intervals)
        changed_days = [
            (venue, stage, mode, day, n) for (venue, mode, stage, day), n in sorted(self.deltas.items()) if n
        ]
        store.upsert_rows(
            cursor,
            "dc_deltas",
            "venue text, stage text, mode text, day integer, delta integer",
            "(mode, day, venue, stage) DO UPDATE SET delta = dc_deltas.delta + excluded.delta",
            changed_days,
        )
        # The versions need each node's value before this batch: read before the tree is written. They give
        # each changed node's value now and whether it has a row: rows updated, and new ones inserted (streamed
        # on PostgreSQL) rather than all upserted. Even a node whose changes cancel out in the batch gets its
        # row: a question at a past position finds the nodes' versions by the tree's rows.
        values, stored = daily_counts_versions.write(store, cursor, self.stretches)
        store.update_rows(
            cursor,
            "dc_tree",
            "n bigint",
            "mode text, node integer, venue text, stage text",
            [(n, *key) for key, n in sorted(values.items()) if key in stored],
        )
        insert_rows(
            cursor,
            p,
            "dc_tree",
            "mode, node, venue, stage, n",
            [(*key, n) for key, n in sorted(values.items()) if key not in stored],
        )
