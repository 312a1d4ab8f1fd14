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
from itertools import islice
from typing import Any

import orjson

from domain.vocabulary import stage_rank
from projections.clocks import Clocks
from projections.queries.answers import Cause, CountMove, LogPoint, PipelineEntry, Revision, Revisions, RevisionState
from projections.queries.pipeline import Filters, PipelineQueries
from projections.store.read_store import ReadStore

_CHUNK = 400
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
        before_clocks = Clocks(as_of, since, published_by, certain_only)
        after_clocks = Clocks(as_of, until, published_by, certain_only)
        events = self.store.query(
            f"""SELECT fact_id, position, step, recorded_at, detail FROM rm_fact_history
                WHERE position > {p} AND position <= {p} ORDER BY position""",
            [since, until],
        )
        pairs = self._pairs_of({row[0] for row in events}, since, until, venue)
        by_fact: dict[str, list[Pair]] = defaultdict(list)
        kinds: dict[str, str] = {}
        for fact_id, pair, kind in pairs:
            by_fact[fact_id].append(pair)
            kinds[fact_id] = kind
        touched = sorted({pair for _fact_id, pair, _kind in pairs})
        before = self._entries(before_clocks, touched)
        after = self._entries(after_clocks, touched)
        causes: dict[Pair, list[Cause]] = defaultdict(list)
        for fact_id, position, step, recorded_at, detail in events:
            for pair in by_fact.get(fact_id, ()):
                reason = orjson.loads(detail).get("reason")
                causes[pair].append(
                    {
                        "position": position,
                        "step": step,
                        "fact_id": fact_id,
                        "kind": kinds[fact_id],
                        "reason": reason,
                        "recorded_at": recorded_at,
                    }
                )
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
        return {
            "as_of": as_of.isoformat(),
            "published_by": published_by.isoformat() if published_by else None,
            "since": self._point(since),
            "until": self._point(until),
            "changes": changes,
            "counts": self._counts(after_clocks, moves),
        }

    def _pairs_of(self, fact_ids: set[str], since: int, until: int, venue: str | None) -> list[tuple[str, Pair, str]]:
        """(fact, its pair, its kind) for every pair a stage fact belonged to between the two positions."""
        p, found = self.store.p, []
        for chunk in _chunks(sorted(fact_ids)):
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

    def _point(self, position: int) -> LogPoint:
        p = self.store.p
        rows = self.store.query(
            f"SELECT position, recorded_at FROM rm_log WHERE position <= {p} ORDER BY position DESC LIMIT 1",
            [position],
        )
        return {"position": position, "recorded_at": rows[0][1] if rows else None}


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


def _chunks(items: list[str]) -> Any:
    iterator = iter(items)
    while chunk := list(islice(iterator, _CHUNK)):
        yield chunk
