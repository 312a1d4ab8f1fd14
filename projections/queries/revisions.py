"""Revisions: how the pipeline on one day changed between two knowledge times, and which events did it.

Only events between the two positions can change an entry, and only the entries of the (company,
venue) pairs their facts belonged to; so the pairs are found from those events (``rm_fact_history``
by position), each asked at both positions, and the cost follows what changed, not the log. The
counts that moved are read at the later position, where an index answers them, and the earlier
ones follow from the changes: every change is found, so the difference is exact.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import orjson

from domain.vocabulary import stage_rank
from projections.clocks import Clocks
from projections.queries.answers import Cause, CountMove, LogPoint, PipelineEntry, Revision, Revisions, RevisionState
from projections.queries.pipeline import Filters, PipelineQueries
from projections.store.read_store import ReadStore, key_chunks

Pair = tuple[str, str]


class RevisionQueries:
    def __init__(self, store: ReadStore, stages: PipelineQueries) -> None:
        self.store = store
        self.stages = stages

    def revisions(
        self,
        as_of: date,
        since: int,
        until: int,
        published_by: date | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
    ) -> Revisions:
        """Every (company, venue) whose entry on ``as_of`` differs between positions ``since`` and
        ``until``, with before and after and the events in between that touched it."""
        p = self.store.p
        events = self.store.query(
            f"""SELECT fact_id, position, step, recorded_at, detail FROM rm_fact_history
                WHERE position > {p} AND position <= {p} ORDER BY position""",
            [since, until],
        )
        pairs = self._pairs_of({row[0] for row in events}, since, until, venue)
        causes = _causes(pairs, [(*row, _sources(row[4])) for row in events])
        changes, counts = self._changes(
            Clocks(as_of, since, published_by, certain_only),
            Clocks(as_of, until, published_by, certain_only),
            causes,
            stage,
        )
        return {
            "as_of": as_of.isoformat(),
            "published_by": published_by.isoformat() if published_by else None,
            "published_since": None,
            "published_until": None,
            "since": log_point(self.store, since),
            "until": log_point(self.store, until),
            "changes": changes,
            "counts": counts,
        }

    def learned(
        self,
        as_of: date,
        known_at: int,
        published_since: date,
        published_until: date,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
    ) -> Revisions:
        """What the public learned about the pipeline on ``as_of`` between two days (the publication
        clock), as known at ``known_at``: each change with the statements whose sources became public in
        (published_since, published_until]. The facts are found by scanning the versions believed then
        (O(n) in the facts, not in what changed)."""
        p, first, last = self.store.p, published_since.toordinal(), published_until.toordinal()
        where = f"""rec_from <= {p} AND rec_to > {p} AND category = 'stage' AND subject_type = 'company'
            AND venue IS NOT NULL AND ((published > {p} AND published <= {p}) OR (pub_to > {p} AND pub_to <= {p}))"""
        params: list[Any] = [known_at, known_at, first, last, first, last]
        if venue is not None:
            where += f" AND venue = {p}"
            params.append(venue)
        facts = self.store.query(
            f"SELECT DISTINCT fact_id, subject_id, venue, kind FROM rm_fact_versions WHERE {where}", params
        )
        pairs = [(fact_id, (subject, at), kind) for fact_id, subject, at, kind in facts]
        steps = []
        for chunk in key_chunks(sorted({fact_id for fact_id, _pair, _kind in pairs})):
            rows = self.store.query(
                f"""SELECT fact_id, position, step, recorded_at, detail FROM rm_fact_history
                    WHERE fact_id IN ({", ".join([p] * len(chunk))}) AND position <= {p}""",
                [*chunk, known_at],
            )
            for row in rows:
                public = [s for s in _sources(row[4]) if first < _day(s["published"]["latest"]) <= last]
                if public:
                    steps.append((*row, public))
        steps.sort(key=lambda step: step[1])
        changes, counts = self._changes(
            Clocks(as_of, known_at, published_since, certain_only),
            Clocks(as_of, known_at, published_until, certain_only),
            _causes(pairs, steps),
            stage,
        )
        point = log_point(self.store, known_at)
        return {
            "as_of": as_of.isoformat(),
            "published_by": None,
            "published_since": published_since.isoformat(),
            "published_until": published_until.isoformat(),
            "since": point,
            "until": point,
            "changes": changes,
            "counts": counts,
        }

    def _changes(
        self, before_clocks: Clocks, after_clocks: Clocks, causes: dict[Pair, list[Cause]], stage: str | None
    ) -> tuple[list[Revision], dict[str, dict[str, CountMove]]]:
        """The entries of the touched pairs that differ between two clocks, and the counts that moved."""
        touched = sorted(causes)
        before = self._entries(before_clocks, touched)
        after = self._entries(after_clocks, touched)
        changes: list[Revision] = []
        moves: dict[tuple[str, str], int] = defaultdict(int)
        for pair in touched:
            old, new = _state(before.get(pair)), _state(after.get(pair))
            if old == new or (stage is not None and stage not in {s["stage"] for s in (old, new) if s}):
                continue
            entry = after.get(pair) or before[pair]
            changes.append(
                {
                    "company_id": entry["company_id"],
                    "company": entry["company"],
                    "venue": entry["venue"],
                    "before": old,
                    "after": new,
                    "causes": causes[pair],
                }
            )
            if old is not None:
                moves[(pair[1], old["stage"])] -= 1
            if new is not None:
                moves[(pair[1], new["stage"])] += 1
        changes.sort(key=_board_order)
        return changes, self._counts(after_clocks, moves)

    def _pairs_of(self, fact_ids: set[str], since: int, until: int, venue: str | None) -> list[tuple[str, Pair, str]]:
        """(fact, its pair, its kind) for every pair a stage fact belonged to between the two positions."""
        p, found = self.store.p, []
        for chunk in key_chunks(sorted(fact_ids)):
            rows = self.store.query(
                f"""SELECT DISTINCT fact_id, subject_id, venue, kind FROM rm_fact_versions
                    WHERE fact_id IN ({", ".join([p] * len(chunk))}) AND category = 'stage'
                    AND subject_type = 'company' AND venue IS NOT NULL AND rec_from <= {p} AND rec_to > {p}""",
                [*chunk, until, since],
            )
            found += [(fact_id, (subject, at), kind) for fact_id, subject, at, kind in rows if venue in (None, at)]
        return found

    def _entries(self, clocks: Clocks, pairs: list[Pair]) -> dict[Pair, PipelineEntry]:
        """The entries of these pairs at the clocks, read company by company (each from its own index)."""
        entries: dict[Pair, PipelineEntry] = {}
        wanted = set(pairs)
        for company_id in sorted({company_id for company_id, _venue in pairs}):
            for entry in self.stages.entries(clocks, Filters(company_id=company_id)):
                if (entry["company_id"], entry["venue"]) in wanted:
                    entries[(entry["company_id"], entry["venue"])] = entry
        return entries

    def _counts(self, clocks: Clocks, moves: dict[tuple[str, str], int]) -> dict[str, dict[str, CountMove]]:
        counts: dict[str, dict[str, CountMove]] = {}
        for (venue, stage), moved in sorted(moves.items(), key=lambda kv: (kv[0][0], stage_rank(kv[0][1]))):
            if moved == 0:
                continue
            now = self.stages.counts(clocks, Filters(venue=venue, stage=stage)).get(venue, {}).get(stage, 0)
            counts.setdefault(venue, {})[stage] = {"before": now - moved, "after": now}
        return counts


def log_point(store: ReadStore, position: int) -> LogPoint:
    """A knowledge time: the position, and the system time of the last event recorded by it."""
    rows = store.query(
        f"SELECT recorded_at FROM rm_log WHERE position <= {store.p} ORDER BY position DESC LIMIT 1", [position]
    )
    return {"position": position, "recorded_at": rows[0][0] if rows else None}


def _causes(pairs: list[tuple[str, Pair, str]], steps: list[tuple[Any, ...]]) -> dict[Pair, list[Cause]]:
    """Each touched pair with the steps (fact, position, step, recorded_at, detail, sources) of its facts."""
    by_fact: dict[str, list[Pair]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for fact_id, pair, kind in pairs:
        by_fact[fact_id].append(pair)
        kinds[fact_id] = kind
    causes: dict[Pair, list[Cause]] = {pair: [] for _fact_id, pair, _kind in pairs}
    for fact_id, position, step, recorded_at, detail, sources in steps:
        for pair in by_fact.get(fact_id, ()):
            causes[pair].append(
                {
                    "position": position,
                    "step": step,
                    "fact_id": fact_id,
                    "kind": kinds[fact_id],
                    "reason": orjson.loads(detail).get("reason"),
                    "recorded_at": recorded_at,
                    "sources": sources,
                }
            )
    return causes


def _sources(detail: str) -> list[Any]:
    """The sources a history step cites: a recording's, a correction's or retraction's, a corroboration's."""
    parsed = orjson.loads(detail)
    return list(parsed.get("sources") or ([parsed["source"]] if parsed.get("source") else []))


def _day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def _state(entry: PipelineEntry | None) -> RevisionState | None:
    if entry is None:
        return None
    return {
        "stage": entry["stage"],
        "since": entry["since"],
        "certain": entry["certain"],
        "suspended": entry["suspended"],
    }


def _board_order(change: Revision) -> tuple[Any, ...]:
    state = change["after"] or change["before"]
    assert state is not None
    return (
        change["venue"],
        stage_rank(state["stage"]),
        state["since"]["earliest"],
        change["company"],
        change["company_id"],
    )
