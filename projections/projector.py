"""The core read models: fold each event into bitemporal rows (see schema.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import orjson

from domain.fuzzy_dates import FuzzyDate
from domain.plain import plain
from domain.sources import Source, SourceKind
from domain.vocabulary import Category, FactKind, category_of
from projections.clocks import system_time
from projections.names import exchange_of, match_key, parse_code
from projections.runner import Decoder, EventLog, ProjectionRunner
from projections.schema import MAX_POSITION, create_tables, drop_tables
from projections.stage_rows import StageFact, StateRow, state_rows
from projections.store import Cursor, ReadStore, values


def _json(value: Any) -> str:
    return orjson.dumps(plain(value)).decode()


def published_day(sources: Sequence[Source]) -> int:
    """A fact is public from the first day one of its sources was certainly published."""
    return min(source.published.latest for source in sources).toordinal()


class TimelineProjector:
    """The core read models: companies, names, markets, fact versions and history, stage rows."""

    name = "timeline"
    version = 3  # 2: rm_fact_sources, sources with their kind; 3: read-side name keys, sourced names, codes

    def create_tables(self, store: ReadStore) -> None:
        create_tables(store)

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        drop_tables(store, cursor)

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        cursor.execute("SELECT recorded_at FROM rm_log ORDER BY position DESC LIMIT 1")
        row = cursor.fetchone()
        batch = _Batch(store, cursor, str(row[0]) if row else "")
        for position, topic, event in events:
            batch.apply(position, topic, event)


def timeline_projection(store: ReadStore, log: EventLog, decoder: Decoder) -> ProjectionRunner:
    return ProjectionRunner(store, log, decoder, TimelineProjector())


class _Batch:
    """Applies events in log order with one cursor; every row it writes commits together."""

    def __init__(self, store: ReadStore, cursor: Cursor, last_recorded_at: str) -> None:
        self.store = store
        self.p = store.p
        self.cursor = cursor
        self.recorded_at = last_recorded_at

    def apply(self, position: int, topic: str, event: Any) -> None:
        # System time is the running maximum of event timestamps, so "known at T" is a log prefix.
        stamp = system_time(event.timestamp)
        self.recorded_at = max(self.recorded_at, stamp)
        self.cursor.execute(
            f"INSERT INTO rm_log (position, recorded_at) {values(self.p, 2)}", (position, self.recorded_at)
        )
        handler = _HANDLERS.get(topic.partition(":")[2])
        if handler is not None:
            handler(self, position, event)

    # Companies ---------------------------------------------------------------------------

    def company_registered(self, position: int, event: Any) -> None:
        company_id = str(event.originator_id)
        self.cursor.execute(
            f"INSERT INTO rm_companies (company_id, key, name, aliases, sector, rec_from) {values(self.p, 6)}",
            (company_id, event.key, event.name, _json(list(event.aliases)), event.sector, position),
        )
        for name in (event.key, event.name, *event.aliases):
            self._name(name, company_id, None)

    def alias_added(self, _position: int, event: Any) -> None:
        company_id = str(event.originator_id)
        self.cursor.execute(f"SELECT aliases FROM rm_companies WHERE company_id = {self.p}", (company_id,))
        aliases = orjson.loads(self.cursor.fetchone()[0])
        self.cursor.execute(
            f"UPDATE rm_companies SET aliases = {self.p} WHERE company_id = {self.p}",
            (_json([*aliases, event.alias]), company_id),
        )
        self._name(event.alias, company_id, getattr(event, "source", None))

    def _name(self, name: str, company_id: str, source: Source | None) -> None:
        self.cursor.execute(
            f"""INSERT INTO rm_names (name_key, company_id, name, source) {values(self.p, 4)}
               ON CONFLICT (name_key, company_id, name) DO NOTHING""",
            (match_key(name), company_id, name, _json(source) if source is not None else None),
        )

    def market_opened(self, _position: int, event: Any) -> None:
        self.cursor.execute(
            f"INSERT INTO rm_markets (market_id, code) {values(self.p, 2)}",
            (str(event.originator_id), event.code),
        )

    # Facts -------------------------------------------------------------------------------

    def fact_recorded(self, position: int, event: Any) -> None:
        version = {
            "fact_id": str(event.originator_id),
            "subject_type": event.subject_type,
            "subject_id": str(event.subject_id),
            "kind": str(event.kind),
            "category": category_of(FactKind(event.kind)).value,
            "venue": str(event.venue) if event.venue else None,
            "date": event.date,
            "fields": _json(event.fields),
            "sources": list(event.sources),
            "summary": event.summary,
        }
        self._insert_version(version, position)
        self._history(
            position,
            event,
            "recorded",
            {
                "date": event.date,
                "venue": event.venue,
                "fields": event.fields,
                "sources": list(event.sources),
            },
        )
        self._restage(version, None, position)
        self._code(version)

    def fact_corroborated(self, position: int, event: Any) -> None:
        version = self._close_version(str(event.originator_id), position)
        version["sources"] = [*version["sources"], event.source]
        self._insert_version(version, position)
        self._history(position, event, "corroborated", {"source": event.source})
        self._restage(version, None, position)

    def fact_corrected(self, position: int, event: Any) -> None:
        before = self._close_version(str(event.originator_id), position)
        version = dict(before)
        if event.date is not None:
            version["date"] = event.date
        if event.venue is not None:
            version["venue"] = str(event.venue)
        if event.fields is not None:
            version["fields"] = _json(event.fields)
        self._insert_version(version, position)
        self._history(
            position,
            event,
            "corrected",
            {
                "date": event.date,
                "venue": event.venue,
                "fields": event.fields,
                "reason": event.reason,
                "sources": list(event.sources),
            },
        )
        self._restage(version, before, position)
        self._code(version)

    def fact_retracted(self, position: int, event: Any) -> None:
        before = self._close_version(str(event.originator_id), position)
        self._history(position, event, "retracted", {"reason": event.reason, "sources": list(event.sources)})
        self._restage(before, None, position)
        self.cursor.execute(f"DELETE FROM rm_codes WHERE fact_id = {self.p}", (before["fact_id"],))

    def _code(self, version: dict[str, Any]) -> None:
        """A listing's stock code, findable in the spellings people use (688795.SH, 06082.HK ...)."""
        self.cursor.execute(f"DELETE FROM rm_codes WHERE fact_id = {self.p}", (version["fact_id"],))
        code = orjson.loads(version["fields"]).get("stock_code") if version["kind"] == "listed" else None
        parsed = parse_code(code) if code else None
        if parsed is None or not version["venue"]:
            return
        self.cursor.execute(
            f"INSERT INTO rm_codes (fact_id, code_key, exchange, code, venue, company_id) {values(self.p, 6)}",
            (
                version["fact_id"],
                parsed.digits,
                exchange_of(version["venue"]),
                code,
                version["venue"],
                version["subject_id"],
            ),
        )

    def _insert_version(self, version: dict[str, Any], position: int) -> None:
        when: FuzzyDate = version["date"]
        self.cursor.execute(
            f"""INSERT INTO rm_fact_versions (fact_id, subject_type, subject_id, kind, category, venue, date_text,
               date_raw, earliest, latest, fields, sources, summary, published, rec_from, rec_to)
               {values(self.p, 16)} RETURNING version_id""",
            (
                version["fact_id"],
                version["subject_type"],
                version["subject_id"],
                version["kind"],
                version["category"],
                version["venue"],
                when.text,
                when.raw,
                when.earliest.toordinal(),
                when.latest.toordinal(),
                version["fields"],
                _json(version["sources"]),
                version["summary"],
                published_day(version["sources"]),
                position,
                MAX_POSITION,
            ),
        )
        version_id = self.cursor.fetchone()[0]
        days = sorted({source.published.latest.toordinal() for source in version["sources"]})
        self.cursor.executemany(
            f"INSERT INTO rm_fact_sources (version_id, published) {values(self.p, 2)}",
            [(version_id, day) for day in days],
        )

    def _close_version(self, fact_id: str, position: int) -> dict[str, Any]:
        """End the open version of a fact at ``position``; return it for the next version."""
        self.cursor.execute(
            f"""SELECT version_id, subject_type, subject_id, kind, category, venue, date_text, date_raw, earliest,
               latest, fields, sources, summary FROM rm_fact_versions WHERE fact_id = {self.p} AND rec_to = {self.p}""",
            (fact_id, MAX_POSITION),
        )
        row = self.cursor.fetchone()
        self.cursor.execute(
            f"UPDATE rm_fact_versions SET rec_to = {self.p} WHERE version_id = {self.p}", (position, row[0])
        )
        return {
            "fact_id": fact_id,
            "subject_type": row[1],
            "subject_id": row[2],
            "kind": row[3],
            "category": row[4],
            "venue": row[5],
            "date": FuzzyDate(row[6], date.fromordinal(row[8]), date.fromordinal(row[9]), row[7]),
            "fields": row[10],
            "sources": [_source(item) for item in orjson.loads(row[11])],
            "summary": row[12],
        }

    def _history(self, position: int, event: Any, step: str, detail: dict[str, Any]) -> None:
        self.cursor.execute(
            f"INSERT INTO rm_fact_history (fact_id, position, step, recorded_at, detail) {values(self.p, 5)}",
            (
                str(event.originator_id),
                position,
                step,
                system_time(event.timestamp),
                _json({k: v for k, v in detail.items() if v is not None}),
            ),
        )

    # Stage intervals ---------------------------------------------------------------------

    def _restage(self, version: dict[str, Any], before: dict[str, Any] | None, position: int) -> None:
        if version["category"] != Category.STAGE.value:
            return
        pairs = {(version["subject_id"], version["venue"])}
        if before is not None:
            pairs.add((before["subject_id"], before["venue"]))
        for company_id, venue in sorted(pairs):
            self._restage_pair(company_id, venue, position)

    def _restage_pair(self, company_id: str, venue: str, position: int) -> None:
        """Replace the pair's believed rectangles by the new ones; unchanged rows stay open."""
        self.cursor.execute(
            f"""SELECT fact_id, kind, earliest, latest, published FROM rm_fact_versions
               WHERE subject_id = {self.p} AND category = 'stage' AND venue = {self.p} AND rec_to = {self.p}""",
            (company_id, venue, MAX_POSITION),
        )
        wanted = state_rows([StageFact(*row) for row in self.cursor.fetchall()])
        self.cursor.execute(
            f"""SELECT row_id, mode, valid_from, valid_to, pub_from, pub_to, fact_id, stage, suspended
               FROM rm_stage_rows WHERE company_id = {self.p} AND venue = {self.p} AND rec_to = {self.p}""",
            (company_id, venue, MAX_POSITION),
        )
        current = {
            StateRow(row[1], row[2], row[3], row[4], row[5], row[6], row[7], bool(row[8])): row[0]
            for row in self.cursor.fetchall()
        }
        for row, row_id in current.items():
            if row not in wanted:
                self.cursor.execute(
                    f"UPDATE rm_stage_rows SET rec_to = {self.p} WHERE row_id = {self.p}", (position, row_id)
                )
                self.store.stage_row_closed(self.cursor, row_id, position)
        for row in sorted(wanted - current.keys()):
            self.cursor.execute(
                f"""INSERT INTO rm_stage_rows (company_id, venue, mode, stage, suspended, fact_id, valid_from,
                   valid_to, pub_from, pub_to, rec_from, rec_to) {values(self.p, 12)}
                   RETURNING row_id""",
                (
                    company_id,
                    venue,
                    row.mode,
                    row.stage,
                    int(row.suspended),
                    row.fact_id,
                    row.valid_from,
                    row.valid_to,
                    row.pub_from,
                    row.pub_to,
                    position,
                    MAX_POSITION,
                ),
            )
            self.store.stage_row_opened(self.cursor, self.cursor.fetchone()[0], row, position, MAX_POSITION)


def _source(item: dict[str, Any]) -> Source:
    published = item["published"]
    return Source(
        document=item["document"],
        published=FuzzyDate(
            published["text"],
            date.fromisoformat(published["earliest"]),
            date.fromisoformat(published["latest"]),
            published["raw"],
        ),
        quote=item.get("quote"),
        url=item.get("url"),
        date_text=item.get("date_text"),
        kind=item.get("kind", SourceKind.ARTICLE),
        title=item.get("title"),
        publisher=item.get("publisher"),
        statement=item.get("statement"),
    )


_HANDLERS: dict[str, Callable[[_Batch, int, Any], None]] = {
    "Company.Registered": _Batch.company_registered,
    "Company.AliasAdded": _Batch.alias_added,
    "Market.Opened": _Batch.market_opened,
    "Fact.Recorded": _Batch.fact_recorded,
    "Fact.Corroborated": _Batch.fact_corroborated,
    "Fact.Corrected": _Batch.fact_corrected,
    "Fact.Retracted": _Batch.fact_retracted,
}
