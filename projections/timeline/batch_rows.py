"""A batch's rows of the core read models, kept in memory until the batch ends.

The projector changes them event by event; ``write`` then sends every table's new and closed
rows with one statement each (the store's ``insert_rows``, ``update_rows``...: COPY and arrays on PostgreSQL,
executemany on SQLite), and a row opened and closed within the batch is inserted
once, already closed. Surrogate keys are numbered here, from the largest in the table, so a row
and the rows that refer to it are written together: batches never overlap (the runner holds the
tracking row, or SQLite's only write lock, until the batch commits).

What a batch needs to know before its first event comes from ``CarriedState`` (carried_state.py), or is read
back (``table_reads.py``), a few statements for the whole batch, where memory does not hold it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import orjson

from projections.clocks import MAX_POSITION
from projections.indexes import board
from projections.stage_rows import Rectangle, StateRow
from projections.store.read_store import Cursor, ReadStore, insert_rows
from projections.timeline.carried_state import CarriedState, Key, Pair, Row, Version, publish_chain
from projections.timeline.table_reads import VERSION_COLUMNS, TableReads


class BatchRows(TableReads):
    def __init__(self, store: ReadStore, cursor: Cursor, memory: CarriedState, *, later: bool = False) -> None:
        super().__init__(store, cursor, memory)
        self.later = later  # the stage index and board counts left to tables.create_indexes (a rebuild)
        # One round trip for all a batch must know of the tables before its first event.
        cursor.execute(
            "SELECT (SELECT token FROM rm_incarnation), (SELECT MAX(position) FROM rm_log), "
            "(SELECT recorded_at FROM rm_log ORDER BY position DESC LIMIT 1), "
            "(SELECT MAX(version_id) FROM rm_fact_versions), (SELECT MAX(row_id) FROM rm_stage_rows)"
        )
        tables, last_position, recorded_at, last_version, last_row = cursor.fetchone()
        memory.check(tables, int(last_position or 0))
        self.recorded_at = str(recorded_at or "")
        self.log_rows: list[tuple[int, str]] = []
        self.stored_aliases: dict[str, list[str]] = {}
        # The alias list of a company as of each change, for answers pinned to a past position:
        # (company_id, aliases as JSON, from position); the version each replaces is closed there.
        self.alias_versions: list[tuple[str, str, int]] = []
        self.names: list[tuple[str, str, str, str | None]] = []
        self.unnamed: list[tuple[str, str]] = []  # (company_id, name) no longer its name
        self.retirements: list[tuple[str, int, str, str, str, str, str]] = []
        self.markets: list[tuple[str, str]] = []
        self.new_versions: list[Version] = []
        self.closed_versions: list[tuple[int, int]] = []  # (rec_to, version_id) of stored versions
        self.history: list[tuple[str, int, str, str, str]] = []
        self.codes: dict[str, tuple[Any, ...] | None] = {}  # None: no code
        self.new_rows: list[tuple[Key, Rectangle, Row]] = []
        self.opened: dict[int, Row] = {}  # the rows this batch opened, by key
        self.closed_rows: list[tuple[int, int]] = []  # (rec_to, row_id) of stored rows
        self.closed_keys: list[tuple[int, Key, Rectangle]] = []  # and what they were
        self.restamped: set[tuple[Key, str]] = set()  # (pair, fact) whose fact's earliest day changed
        self.last_version_id = int(last_version or 0)
        self.last_row_id = int(last_row or 0)

    # Changes, in log order ----------------------------------------------------------------

    def log(self, position: int, stamp: str) -> None:
        # System time is the running maximum of event timestamps, so "known at T" is a log prefix.
        self.recorded_at = max(self.recorded_at, stamp)
        self.log_rows.append((position, self.recorded_at))

    def company(self, company_id: str, key: str, name: str, aliases: list[str], sector: str | None, at: int) -> None:
        self.companies[company_id] = [company_id, key, name, aliases, sector, at]
        self.aliases_changed(company_id, at)

    def aliases_changed(self, company_id: str, at: int) -> None:
        """The company's aliases as they stand now are its aliases from position ``at``."""
        self.alias_versions.append((company_id, _dumps(self.aliases(company_id)), at))

    def aliases(self, company_id: str) -> list[str]:
        """The company's aliases, to extend in place."""
        if company_id in self.companies:
            aliases: list[str] = self.companies[company_id][3]
            return aliases
        if company_id not in self.stored_aliases:
            self.cursor.execute(f"SELECT aliases FROM rm_companies WHERE company_id = {self.p}", (company_id,))
            row = self.cursor.fetchone()
            if row is None:
                raise LookupError(f"no company {company_id}")
            self.stored_aliases[company_id] = orjson.loads(row[0])
        return self.stored_aliases[company_id]

    def name(self, name_key: str, company_id: str, name: str, source: str | None) -> None:
        self.names.append((name_key, company_id, name, source))

    def retire_names(self, company_id: str, names: list[str]) -> None:
        """The company no longer answers to ``names``: rows stored before the batch or added in it."""
        self.names = [row for row in self.names if not (row[1] == company_id and row[2] in names)]
        self.unnamed += [(company_id, name) for name in names]

    def market(self, market_id: str, code: str) -> None:
        self.markets.append((market_id, code))

    def open_chain(self, chain: list[Version], position: int, retracted_from: int | None = None) -> None:
        """Open a fact's versions as known from ``position`` (see ``publish_chain``)."""
        for version in chain:
            self.last_version_id += 1
            version.version_id = self.last_version_id
            version.rec_from, version.rec_to, version.stored = position, MAX_POSITION, False
            version.publish()
        publish_chain(chain, retracted_from)
        self.versions[chain[0].fact_id] = chain
        self.new_versions += chain

    def close_chain(self, fact_id: str, position: int) -> list[Version]:
        """End the open versions of a fact at ``position``; return them for the next ones."""
        chain = self.versions.pop(fact_id, None)
        if chain is None:
            raise LookupError(f"fact {fact_id} has no open version")
        for version in chain:
            version.rec_to = position
            if version.stored:
                self.closed_versions.append((position, version.version_id))
        return chain

    def open_row(self, key: Key, pair: Pair, row: Rectangle, position: int) -> None:
        self.last_row_id += 1
        opened = Row(self.last_row_id, position)
        pair.rows[row] = opened.row_id
        self.opened[opened.row_id] = opened
        self.new_rows.append((key, row, opened))

    def close_row(self, key: Key, pair: Pair, row: Rectangle, position: int) -> None:
        row_id = pair.rows.pop(row)
        if row_id in self.opened:
            self.opened[row_id].rec_to = position
        else:
            self.closed_rows.append((position, row_id))
            self.closed_keys.append((row_id, key, row))

    # Writing ------------------------------------------------------------------------------

    def write(self) -> None:
        insert = self.insert
        insert("rm_log", "position, recorded_at", self.log_rows)
        insert(
            "rm_companies",
            "company_id, key, name, aliases, sector, rec_from",
            [(c, k, n, _dumps(aliases), s, at) for c, k, n, aliases, s, at in self.companies.values()],
        )
        store, cursor = self.store, self.cursor
        store.update_rows(
            cursor,
            "rm_companies",
            "aliases text",
            "company_id text",
            [(_dumps(aliases), company_id) for company_id, aliases in self.stored_aliases.items()],
        )
        # Deleted first: a name retired and given again in one batch was inserted after its retirement.
        store.delete_rows(cursor, "rm_names", "company_id text, name text", self.unnamed)
        insert("rm_retired_names", "company_id, position, name, names, reason, sources, recorded_at", self.retirements)
        store.upsert_rows(
            cursor,
            "rm_names",
            "name_key text, company_id text, name text, source text",
            "(name_key, company_id, name) DO NOTHING",
            self.names,
        )
        self._write_alias_versions()
        insert("rm_markets", "market_id, code", self.markets)
        store.update_rows(cursor, "rm_fact_versions", "rec_to bigint", "version_id bigint", self.closed_versions)
        insert(
            "rm_fact_versions",
            f"version_id, {VERSION_COLUMNS}, published, pub_to, step, revised, rec_from, rec_to",
            [v.row() for v in self.new_versions],
        )
        insert(
            "rm_fact_sources",
            "version_id, document_key, published",
            [(v.version_id, *source) for v in self.new_versions for source in v.source_days()],
        )
        insert("rm_fact_history", "fact_id, position, step, recorded_at, detail", self.history)
        store.delete_rows(cursor, "rm_codes", "fact_id text", [(fact_id,) for fact_id in self.codes])
        insert(
            "rm_codes",
            "fact_id, code_key, exchange, code, venue, company_id",
            [code for code in self.codes.values() if code is not None],
        )
        self._write_stage_rows()
        self._remember()

    def _write_alias_versions(self) -> None:
        """Each change opens a version of the alias list and ends the one before, stored or of this batch."""
        opened: dict[str, list[Any]] = {}  # company -> the row this batch opened last
        rows: list[list[Any]] = []
        closing: list[tuple[int, str, int]] = []
        for company_id, aliases, at in self.alias_versions:
            before = opened.get(company_id)
            if before is not None:
                before[3] = at
            else:
                closing.append((at, company_id, MAX_POSITION))
            opened[company_id] = [company_id, aliases, at, MAX_POSITION]
            rows.append(opened[company_id])
        self.store.update_rows(
            self.cursor, "rm_alias_versions", "rec_to bigint", "company_id text, rec_to bigint", closing
        )
        self.insert("rm_alias_versions", "company_id, aliases, rec_from, rec_to", [tuple(row) for row in rows])

    def _write_stage_rows(self) -> None:
        self.store.update_rows(self.cursor, "rm_stage_rows", "rec_to bigint", "row_id bigint", self.closed_rows)
        self.insert(
            "rm_stage_rows",
            "row_id, company_id, venue, mode, stage, suspended, fact_id, valid_from, valid_to, pub_from, pub_to, "
            "rec_from, rec_to",
            [
                (
                    opened.row_id,
                    company_id,
                    venue,
                    mode,
                    stage,
                    int(suspended),
                    fact_id,
                    *days,
                    opened.rec_from,
                    opened.rec_to,
                )
                for (company_id, venue), (mode, *days, fact_id, stage, suspended), opened in self.new_rows
            ],
        )
        if not self.later:
            self.store.stage_rows_opened(
                self.cursor,
                [(opened.row_id, StateRow(*row), opened.rec_from, opened.rec_to) for _k, row, opened in self.new_rows],
            )
            self.store.stage_rows_closed(self.cursor, self.closed_rows)
        self._write_board()

    def _write_board(self) -> None:
        """The board index kept with the stage rows (indexes/board.py). Off the board go stored rows no
        longer believed, and rows that stay believed while their deciding fact's earliest day (their ``since``,
        a key of the board order) was corrected; on it, those again and the rows the batch opened and still
        believes."""
        pairs = self.memory.pairs
        left = [(row_id, key, row) for row_id, key, row in self.closed_keys if board.on_board(row)]
        joined = [
            (o.row_id, key, row) for key, row, o in self.new_rows if o.rec_to == MAX_POSITION and board.on_board(row)
        ]
        moved = [
            (row_id, key, row)
            for key, fact_id in self.restamped
            for row, row_id in pairs[key].rows.items()
            if row[5] == fact_id and row_id not in self.opened and board.on_board(row)
        ]
        board.remove(self.store, self.cursor, [row_id for row_id, _key, _row in left + moved])
        companies = self.names_and_sectors({key[0] for _row_id, key, _row in left + joined + moved})
        rows = [
            board_row
            for row_id, (company_id, venue), row in joined + moved
            if company_id in companies  # a stage fact about a company: no other subject is on the board
            for board_row in board.rows_of(
                row_id,
                company_id,
                venue,
                row,
                pairs[(company_id, venue)].latest(row[5]).earliest,
                *companies[company_id],
            )
        ]
        self.insert("rm_board", board.COLUMNS, rows)
        if self.later:
            return
        # A moved row leaves and joins the same nodes under the same counts: only ``since`` changed.
        tally: Counter[tuple[Any, ...]] = Counter()
        for sign, changed in ((-1, left), (1, joined)):
            board.count_moves(tally, sign, changed, companies)
        self.store.upsert_rows(
            self.cursor,
            "rm_board_counts",
            "mode text, node integer, sector text, venue text, rank integer, n bigint",
            "(mode, node, sector, venue, rank) DO UPDATE SET n = rm_board_counts.n + excluded.n",
            [(*key, n) for key, n in sorted(tally.items()) if n],
        )

    def _remember(self) -> None:
        """What memory keeps from this batch: every open version's key; the pairs changed in place."""
        memory = self.memory
        for fact_id, chain in self.versions.items():
            memory.version_ids[fact_id] = [version.version_id for version in chain]
        if self.log_rows:
            memory.position = self.log_rows[-1][0]

    def insert(self, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
        insert_rows(self.cursor, self.p, table, columns, rows)


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()
