"""The core read models: fold each event into bitemporal rows (see tables.py).

A batch of events is folded in memory and written at its end with one ``executemany`` per table
(see ``batch_rows.py`` and ``carried_state.py``). Its events still apply one at a time, in log
order, to the fact versions and stage rows as they stand after the event before, so every row is
believed from and until exactly the positions that applying the events one per batch gives; only the
statements are batched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import orjson

from domain.plain import plain
from domain.vocabulary import Category, FactKind, category_of
from projections.clocks import system_time
from projections.names import exchange_of, match_key, parse_code
from projections.runner import Decoder, LogReader, ProjectionRunner
from projections.stage_rows import rectangles
from projections.store.read_store import Cursor, ReadStore
from projections.timeline import documents
from projections.timeline.batch_rows import BatchRows
from projections.timeline.carried_state import CarriedState, Version
from projections.timeline.tables import create_indexes, create_tables, drop_tables

_STAGE = Category.STAGE.value
_FACT_EVENTS = {"Fact.Corroborated", "Fact.Corrected", "Fact.Retracted"}


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class TimelineProjector:
    """The core read models: companies, names, markets, fact versions and history, stage rows."""

    name = "timeline"
    # 2: rm_fact_sources, sources with their kind; 3: read-side name keys, sourced names, codes;
    # 4: surrogate keys numbered by the projector (PostgreSQL's identity sequences no longer advance, so
    # an older projector would collide with them), rm_incarnation; 5: rm_board, rm_board_counts; 6: a fact's
    # versions each public from the day the statement that made it was (the publication clock holds for
    # corrections and retractions); 7: rm_retired_names; 8: rm_alias_versions (answers pinned to a past
    # position name a company's aliases as they were then); 9: rm_documents (each cited document's title,
    # publisher, link and grade), rm_fact_sources by document (min_source_grade)
    version = 9

    def __init__(self) -> None:
        self._memory = CarriedState()
        # While a rebuild fills the tables without their indexes, what is derived from whole tables waits
        # for them too (tables.create_indexes): the stage-point index, built from the table at once, and the
        # board's counts by node, one GROUP BY instead of an upsert of every node each batch touched.
        self._later = False

    def create_tables(self, store: ReadStore, *, indexes: bool = True) -> None:
        create_tables(store, indexes=indexes)
        # Without indexes, anything memory let go of would be looked up by scanning a table.
        self._memory.bounded = indexes
        self._later = not indexes

    def create_indexes(self, store: ReadStore) -> None:
        create_indexes(store)
        self._memory.bounded = True
        self._later = False
        self._memory.trim()

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        drop_tables(store, cursor)
        self._memory.forget()

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        try:
            rows = BatchRows(store, cursor, self._memory, later=self._later)
            batch = _Batch(rows)
            batch.read_ahead(events)
            for position, topic, event in events:
                batch.apply(position, topic, event)
            rows.write()
        except BaseException:
            self._memory.forget()  # it was changed in place by a batch that will not commit
            raise


def timeline_projection(store: ReadStore, log: LogReader, decoder: Decoder) -> ProjectionRunner:
    return ProjectionRunner(store, log, decoder, TimelineProjector())


class _Batch:
    """Turns each event into changes of the batch's rows rows, in log order."""

    def __init__(self, rows: BatchRows) -> None:
        self.rows = rows

    def read_ahead(self, events: Sequence[tuple[int, str, Any]]) -> None:
        """Read every open fact version and (company, venue) the batch will touch, a few statements in all."""
        recorded: dict[str, tuple[str, str | None]] = {}
        referred = []
        pairs: set[tuple[str, str]] = set()
        for _position, topic, event in events:
            name = topic.partition(":")[2]
            if name == "Fact.Recorded":
                venue = str(event.venue) if event.venue else None
                recorded[str(event.originator_id)] = (str(event.subject_id), venue)
                if venue is not None:
                    pairs.add((str(event.subject_id), venue))
            elif name in _FACT_EVENTS:
                fact_id = str(event.originator_id)
                if fact_id in recorded:
                    subject_id = recorded[fact_id][0]
                else:
                    referred.append(fact_id)
                    subject_id = ""
                if name == "Fact.Corrected" and event.venue is not None and subject_id:
                    pairs.add((subject_id, str(event.venue)))
        for version in self.rows.read_versions(referred):
            if version.category == _STAGE and version.venue:
                pairs.add((version.subject_id, version.venue))
        self.rows.read_pairs(pairs)

    def apply(self, position: int, topic: str, event: Any) -> None:
        stamp = system_time(event.timestamp)
        self.rows.log(position, stamp)
        handler = _HANDLERS.get(topic.partition(":")[2])
        if handler is not None:
            handler(self, position, stamp, event)

    # Companies ---------------------------------------------------------------------------

    def company_registered(self, position: int, _stamp: str, event: Any) -> None:
        company_id = str(event.originator_id)
        self.rows.company(company_id, event.key, event.name, list(event.aliases), event.sector, position)
        for name in (event.key, event.name, *event.aliases):
            self.rows.name(match_key(name), company_id, name, None)

    def alias_added(self, position: int, _stamp: str, event: Any) -> None:
        company_id = str(event.originator_id)
        self.rows.aliases(company_id).append(event.alias)
        self.rows.aliases_changed(company_id, position)
        source = getattr(event, "source", None)
        self.rows.name(
            match_key(event.alias), company_id, event.alias, _dumps(plain(source)) if source is not None else None
        )

    def names_retired(self, position: int, stamp: str, event: Any) -> None:
        company_id = str(event.originator_id)
        names = list(event.names)
        aliases = self.rows.aliases(company_id)
        aliases[:] = [alias for alias in aliases if alias not in names]
        self.rows.aliases_changed(company_id, position)
        self.rows.retire_names(company_id, names)
        sources = _dumps(plain(list(event.sources)))
        self.rows.retirements.append((company_id, position, event.name, _dumps(names), event.reason, sources, stamp))

    def market_opened(self, _position: int, _stamp: str, event: Any) -> None:
        self.rows.market(str(event.originator_id), event.code)

    def document_registered(self, position: int, _stamp: str, event: Any) -> None:
        documents.registered(self.rows.cursor, self.rows.p, position, event)

    def document_described(self, position: int, _stamp: str, event: Any) -> None:
        documents.described(self.rows.cursor, self.rows.p, position, event)

    # Facts -------------------------------------------------------------------------------

    def fact_recorded(self, position: int, stamp: str, event: Any) -> None:
        when = event.date
        fields = plain(event.fields)
        sources = plain(list(event.sources))
        version = Version(
            fact_id=str(event.originator_id),
            subject_type=event.subject_type,
            subject_id=str(event.subject_id),
            kind=str(event.kind),
            category=category_of(FactKind(event.kind)).value,
            venue=str(event.venue) if event.venue else None,
            date=(when.text, when.raw, when.earliest.toordinal(), when.latest.toordinal()),
            fields=_dumps(fields),
            sources=sources,
            summary=event.summary,
        )
        self.rows.open_chain([version], position)
        detail = {"date": plain(when), "venue": plain(event.venue), "fields": fields, "sources": sources}
        self._history(position, stamp, event, "recorded", detail)
        self._restage([], [version], position)
        self._code(version, recorded=True)

    def fact_corroborated(self, position: int, stamp: str, event: Any) -> None:
        before = self.rows.close_chain(str(event.originator_id), position)
        source = plain(event.source)
        # The sources are the fact's, whichever statement made a version: each version gets the new one.
        after = [replace(version, sources=[*version.sources, source]) for version in before]
        self.rows.open_chain(after, position)
        self._history(position, stamp, event, "corroborated", {"source": source})
        self._restage(before, after, position)

    def fact_corrected(self, position: int, stamp: str, event: Any) -> None:
        before = self.rows.close_chain(str(event.originator_id), position)
        sources = plain(list(event.sources))
        version = replace(before[-1], step=before[-1].step + 1, revised=_first_public(sources))
        when, fields = event.date, plain(event.fields)
        if when is not None:
            version.date = (when.text, when.raw, when.earliest.toordinal(), when.latest.toordinal())
        if event.venue is not None:
            version.venue = str(event.venue)
        if fields is not None:
            version.fields = _dumps(fields)
        after = [*(replace(earlier) for earlier in before), version]
        self.rows.open_chain(after, position)
        detail = {"date": plain(when), "venue": plain(event.venue), "fields": fields, "reason": event.reason}
        self._history(position, stamp, event, "corrected", {**detail, "sources": sources})
        self._restage(before, after, position)
        self._code(version)

    def fact_retracted(self, position: int, stamp: str, event: Any) -> None:
        before = self.rows.close_chain(str(event.originator_id), position)
        sources = plain(list(event.sources))
        # Until the retraction was public the fact stands, so its versions stay, ended on that day.
        after = [replace(version) for version in before]
        self.rows.open_chain(after, position, retracted_from=_first_public(sources))
        self._history(position, stamp, event, "retracted", {"reason": event.reason, "sources": sources})
        self._restage(before, after, position)
        self.rows.codes[before[-1].fact_id] = None

    def _code(self, version: Version, recorded: bool = False) -> None:
        """A listing's stock code, findable in the spellings people use (688795.SH, 06082.HK ...)."""
        code = orjson.loads(version.fields).get("stock_code") if version.kind == "listed" else None
        parsed = parse_code(code) if code else None
        if parsed is None or not version.venue:
            if not recorded:  # a fact just recorded has no code to take back
                self.rows.codes[version.fact_id] = None
            return
        self.rows.codes[version.fact_id] = (
            version.fact_id,
            parsed.digits,
            exchange_of(version.venue),
            code,
            version.venue,
            version.subject_id,
        )

    def _history(self, position: int, stamp: str, event: Any, step: str, detail: dict[str, Any]) -> None:
        # ``detail`` holds plain values already: plain() keeps None exactly where the event had None.
        text = _dumps({key: value for key, value in detail.items() if value is not None})
        self.rows.history.append((str(event.originator_id), position, step, stamp, text))

    # Stage intervals ---------------------------------------------------------------------

    def _restage(self, before: list[Version], after: list[Version], position: int) -> None:
        """Replace the believed rectangles of the pairs a stage fact's versions left and joined; unchanged
        rows stay open."""
        left = [v for v in before if v.category == _STAGE and v.venue]
        joined = [v for v in after if v.category == _STAGE and v.venue and v.shown]
        for pair_key in sorted({(v.subject_id, str(v.venue)) for v in left + joined}):
            pair = self.rows.pair(pair_key)
            for version in left:
                if (version.subject_id, version.venue) == pair_key:
                    pair.facts.pop((version.fact_id, version.step), None)
            for version in joined:
                if (version.subject_id, version.venue) == pair_key:
                    pair.facts[(version.fact_id, version.step)] = version.stage_fact()
            wanted = rectangles(list(pair.facts.values()))
            for row in [row for row in pair.rows if row not in wanted]:
                self.rows.close_row(pair_key, pair, row, position)
            for row in sorted(wanted - pair.rows.keys()):
                self.rows.open_row(pair_key, pair, row, position)
        if before and after and before[-1].date[2] != after[-1].date[2] and after[-1] in joined:
            # The rows the fact decides when every source counts keep their place but not their ``since``.
            self.rows.restamped.add(((after[-1].subject_id, str(after[-1].venue)), after[-1].fact_id))


def _first_public(sources: list[dict[str, Any]]) -> int:
    """The first day one of a statement's sources was certainly public."""
    return min(date.fromisoformat(source["published"]["latest"]).toordinal() for source in sources)


_HANDLERS: dict[str, Callable[[_Batch, int, str, Any], None]] = {
    "Company.Registered": _Batch.company_registered,
    "Company.AliasAdded": _Batch.alias_added,
    "Company.NameRetired": _Batch.names_retired,
    "Market.Opened": _Batch.market_opened,
    "Document.Registered": _Batch.document_registered,
    "Document.Described": _Batch.document_described,
    "Fact.Recorded": _Batch.fact_recorded,
    "Fact.Corroborated": _Batch.fact_corroborated,
    "Fact.Corrected": _Batch.fact_corrected,
    "Fact.Retracted": _Batch.fact_retracted,
}
