"""Facts as believed at a log position, public by a day: lists, one fact with its history, time in stage."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import orjson

from domain.errors import UnknownFact
from domain.vocabulary import STAGE_RANK, fact_order, stage_rank
from projections.clocks import Clocks
from projections.queries import cursors, rows_to_answers
from projections.queries.answers import Fact, FactWithHistory, HistoryStep, Span, TimeInStage, Timeline
from projections.queries.labels.companies import Labels
from projections.queries.labels.sources import grade_filter
from projections.queries.rows_to_answers import day_text
from projections.queries.statistics.time_in_stage import spans, summarise
from projections.store.read_store import ReadStore

#: Fact order (``domain.vocabulary.fact_order``) in SQL. Fact ids are UUIDs with their hyphens in
#: the same places, so every collation orders them as Python does.
_FACT_ORDER = ("v.earliest", "v.latest", cursors.stage_rank_sql("v.kind"), "v.fact_id")
_TIMELINE_CURSOR = (cursors.Field.DAY, cursors.Field.DAY, cursors.Field.RANK, cursors.Field.TEXT)
#: A span's place: its pair (company id, venue) and its index among the pair's spans.
_SPANS_CURSOR = (cursors.Field.TEXT, cursors.Field.TEXT, cursors.Field.COUNT)


def _fact_cursor(fact: Fact) -> str:
    return cursors.encode([fact["earliest"], fact["latest"], stage_rank(fact["kind"]), fact["fact_id"]])


class Facts:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        p = store.p
        self._history = f"""SELECT position, step, recorded_at, detail FROM rm_fact_history
            WHERE fact_id = {p} AND position <= {p} ORDER BY position"""
        columns, subjects = rows_to_answers.FACT_COLUMNS, rows_to_answers.FACT_SUBJECTS
        self._version = f"""SELECT {columns} FROM rm_fact_versions v {subjects}
            WHERE v.fact_id = {p} AND v.rec_from <= {p} ORDER BY v.rec_from DESC, v.step DESC LIMIT 1"""
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
        where, params = self._visible(clocks, subject_id, venue, kind, since, until)
        statement = (
            f"SELECT {rows_to_answers.FACT_COLUMNS} FROM rm_fact_versions v {rows_to_answers.FACT_SUBJECTS} WHERE "
        )
        rows = self.store.query(statement + where, params)
        facts = [rows_to_answers.fact(row, clocks.day) for row in rows]
        facts.sort(key=lambda f: fact_order(f["earliest"], f["latest"], f["kind"], f["fact_id"]))
        return facts

    def _visible(
        self,
        clocks: Clocks,
        subject_id: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> tuple[str, list[Any]]:
        """The WHERE of the fact versions ``believed`` reads, and its parameters."""
        p = self.store.p
        where = [f"v.rec_from <= {p}", f"v.rec_to > {p}", f"v.published <= {p}", f"v.pub_to > {p}"]
        params: list[Any] = [clocks.known_at, clocks.known_at, clocks.publication_day, clocks.publication_day]
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
        graded, more = grade_filter(p, clocks)
        return " AND ".join(where) + graded, params + more

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
        cursor: str | None = None,
    ) -> Timeline:
        """Facts that possibly happened between two days (certainly, with certain_only), a page in fact
        order: sorted and cut by the database, so a deep page reads its own rows and a count."""
        p = self.store.p
        after = cursors.decode(cursor, _TIMELINE_CURSOR) if cursor is not None else None
        where, params = self._visible(clocks, subject_id, venue, kind, start.toordinal(), end.toordinal())
        subjects = rows_to_answers.FACT_SUBJECTS
        ((total,),) = self.store.query(f"SELECT COUNT(*) FROM rm_fact_versions v {subjects} WHERE {where}", params)
        if after is not None:
            where += f" AND ({', '.join(_FACT_ORDER)}) > ({p}, {p}, {p}, {p})"
            params = [*params, *after]
        # One row past the page says whether another follows; 2**62 stands for "no limit" (see pipeline).
        rows = self.store.query(
            f"""SELECT {rows_to_answers.FACT_COLUMNS} FROM rm_fact_versions v {subjects} WHERE {where}
                ORDER BY {", ".join(_FACT_ORDER)} LIMIT {p} OFFSET {p}""",
            [*params, limit + 1 if limit is not None else 2**62, offset],
        )
        events = [rows_to_answers.fact(row, clocks.day) for row in rows[:limit]]
        more = limit is not None and len(rows) > limit
        return {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "total": total,
            "events": events,
            "next_cursor": _fact_cursor(events[-1]) if more else None,
        }

    def time_in_stage(
        self,
        clocks: Clocks,
        venue: str | None = None,
        subject_id: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> TimeInStage:
        """Spans between stages of each attempt, as of the clocks, with per venue-year summaries.

        The summary needs every span, so every stage fact is read, but only the columns a span needs
        (no sources or fields to decode); the spans themselves are a page in (company id, venue)
        order, the cursor naming the pair and how many of its spans came before."""
        after = cursors.decode(cursor, _SPANS_CURSOR) if cursor is not None else None
        every: list[Span] = []
        page: list[Span] = []
        next_key: list[Any] | None = None
        for company_id, pair_venue, company, facts in self.stage_facts(clocks, venue, subject_id):
            for index, span in enumerate(spans(facts)):
                row = cast(Span, {"company_id": company_id, "company": company, "venue": pair_venue, **span})
                every.append(row)
                key = [company_id, pair_venue, index]
                if (after is not None and key < after) or next_key is not None:
                    continue
                if limit is not None and len(page) == limit:
                    next_key = key  # the first span of the next page
                    continue
                page.append(row)
        labels = Labels(self.store).of((row["company_id"] for row in page), clocks)
        for labelled in page:
            labelled.update(labels[labelled["company_id"]])  # type: ignore[typeddict-item]
        return {
            "as_of": clocks.as_of.isoformat(),
            "spans": page,
            "summary": summarise(every),
            "next_cursor": cursors.encode(next_key) if next_key is not None else None,
        }

    def stage_facts(
        self, clocks: Clocks, venue: str | None = None, subject_id: str | None = None
    ) -> list[tuple[str, str, str, list[Fact]]]:
        """Each (company, venue) pair's stage facts visible at the clocks, in fact order, as light facts
        (kind, date text and bounds: no sources or fields to decode): (company id, venue, company name,
        facts), in (company id, venue) order. What time in stage and time to listing measure."""
        p = self.store.p
        where, params = self._visible(clocks, subject_id=subject_id, until=clocks.day)
        if venue is not None:
            where += f" AND v.venue = {p}"
            params.append(venue)
        rows = self.store.query(
            f"""SELECT v.subject_id, v.venue, v.kind, v.date_text, v.earliest, v.latest, v.fact_id, c.name
                FROM rm_fact_versions v JOIN rm_companies c ON c.company_id = v.subject_id
                WHERE {where} AND v.kind IN ({", ".join(f"'{kind}'" for kind in STAGE_RANK)})""",
            params,
        )
        by_pair: dict[tuple[str, str], list[Any]] = {}
        for row in rows:
            if row[1]:
                by_pair.setdefault((row[0], row[1]), []).append(row)
        pairs = []
        for (company_id, pair_venue), pair_rows in sorted(by_pair.items()):
            pair_rows.sort(key=lambda r: fact_order(r[4], r[5], r[2], r[6]))
            facts = [
                cast(Fact, {"kind": kind, "date": text, "earliest": day_text(lo), "latest": day_text(hi)})
                for _, _, kind, text, lo, hi, _, _ in pair_rows
            ]
            pairs.append((company_id, pair_venue, pair_rows[0][7] or company_id, facts))
        return pairs

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
        found = {**rows_to_answers.fact(rows[0], None), "retracted": history[-1][1] == "retracted", "history": steps}
        return cast(FactWithHistory, found)

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
