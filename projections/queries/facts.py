"""Facts as believed at a log position, public by a day: lists, one fact with its history, time in stage."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import orjson

from domain.errors import UnknownFact
from domain.vocabulary import fact_order
from projections.clocks import Clocks
from projections.queries import rows_to_answers
from projections.queries.answers import Fact, FactWithHistory, HistoryStep, Span, TimeInStage, Timeline
from projections.queries.time_in_stage import spans, summarise
from projections.store.read_store import ReadStore


class Facts:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        p = store.p
        self._history = f"""SELECT position, step, recorded_at, detail FROM rm_fact_history
            WHERE fact_id = {p} AND position <= {p} ORDER BY position"""
        columns, subjects = rows_to_answers.FACT_COLUMNS, rows_to_answers.FACT_SUBJECTS
        self._version = f"""SELECT {columns} FROM rm_fact_versions v {subjects}
            WHERE v.fact_id = {p} AND v.rec_from <= {p} ORDER BY v.rec_from DESC LIMIT 1"""
        self._retracted = f"""SELECT DISTINCT v.fact_id FROM rm_fact_versions v
            WHERE v.subject_id = {p} AND EXISTS (SELECT 1 FROM rm_fact_history h
                WHERE h.fact_id = v.fact_id AND h.step = 'retracted' AND h.position <= {p})
            ORDER BY v.fact_id"""

    def believed(
        self,
        clocks: Clocks,
        subject_id: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> list[Fact]:
        """Facts believed at ``known_at``, public by ``published_by``, that possibly happened between the
        two days (certainly, with ``certain_only``), in fact order."""
        p = self.store.p
        where = [f"v.rec_from <= {p}", f"v.rec_to > {p}", f"v.published <= {p}"]
        params: list[Any] = [clocks.known_at, clocks.known_at, clocks.publication_day]
        bound = "v.latest" if clocks.certain_only else "v.earliest"
        for clause, value in (
            (f"v.subject_id = {p}", subject_id),
            (f"v.kind = {p}", kind),
            (f"{bound} <= {p}", until),
            (f"v.latest >= {p}", since),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        if venue is not None:
            where.append(f"(v.venue = {p} OR m.code = {p})")
            params += [venue, venue]
        statement = (
            f"SELECT {rows_to_answers.FACT_COLUMNS} FROM rm_fact_versions v {rows_to_answers.FACT_SUBJECTS} WHERE "
        )
        rows = self.store.query(statement + " AND ".join(where), params)
        facts = [rows_to_answers.fact(row, clocks.day) for row in rows]
        facts.sort(key=lambda f: fact_order(f["earliest"], f["latest"], f["kind"], f["fact_id"]))
        return facts

    def timeline(
        self,
        start: date,
        end: date,
        clocks: Clocks,
        subject_id: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Timeline:
        """Facts that possibly happened between two days (certainly, with certain_only)."""
        facts = self.believed(
            clocks, subject_id=subject_id, venue=venue, kind=kind, since=start.toordinal(), until=end.toordinal()
        )
        page = facts[offset : offset + limit] if limit is not None else facts[offset:]
        return {"from": start.isoformat(), "to": end.isoformat(), "total": len(facts), "events": page}

    def time_in_stage(self, clocks: Clocks, venue: str | None = None, subject_id: str | None = None) -> TimeInStage:
        """Spans between stages of each attempt, as of the clocks, with per venue-year summaries."""
        by_pair: dict[tuple[str, str], list[Fact]] = {}
        for fact in self.believed(clocks, subject_id=subject_id, venue=venue, until=clocks.day):
            if fact["company_id"] and fact["venue"]:
                by_pair.setdefault((fact["company_id"], fact["venue"]), []).append(fact)
        rows: list[Span] = []
        for (company_id, pair_venue), pair_facts in sorted(by_pair.items()):
            company = pair_facts[0]["company"] or company_id
            rows += [
                {"company_id": company_id, "company": company, "venue": pair_venue, **span}  # type: ignore[typeddict-item]
                for span in spans(pair_facts)
            ]
        return {"as_of": clocks.as_of.isoformat(), "spans": rows, "summary": summarise(rows)}

    def fact(self, fact_id: str, known_at: int = Clocks.NOW) -> FactWithHistory:
        """A fact as believed at ``known_at``, with every step of its history up to then."""
        history = self.store.query(self._history, (fact_id, known_at))
        if not history:
            raise UnknownFact(
                f"no fact has id {fact_id}" + ("" if known_at >= Clocks.NOW else f" at position {known_at}")
            )
        rows = self.store.query(self._version, (fact_id, known_at))
        steps = [
            cast(HistoryStep, {"position": position, "step": step, "recorded_at": recorded_at, **orjson.loads(detail)})
            for position, step, recorded_at, detail in history
        ]
        return {**rows_to_answers.fact(rows[0], None), "retracted": history[-1][1] == "retracted", "history": steps}

    def retracted(self, company_id: str, known_at: int) -> list[FactWithHistory]:
        """Facts about the company retracted by ``known_at``, as they stood, with their histories."""
        return [
            self.fact(fact_id, known_at) for (fact_id,) in self.store.query(self._retracted, (company_id, known_at))
        ]

    def kinds(self, fact_ids: list[str]) -> dict[str, str]:
        """The kind of each fact (a fact never changes kind)."""
        p = self.store.p
        kinds: dict[str, str] = {}
        for start in range(0, len(fact_ids), 500):
            chunk = fact_ids[start : start + 500]
            marks = ", ".join([p] * len(chunk))
            statement = f"SELECT DISTINCT fact_id, kind FROM rm_fact_versions WHERE fact_id IN ({marks})"
            for fact_id, kind in self.store.query(statement, chunk):
                kinds[fact_id] = kind
        return kinds
