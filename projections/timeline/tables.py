"""Read-model tables, in the same database as the events (SQLite or PostgreSQL).

Bitemporal rows carry ``rec_from``/``rec_to``: the log positions between which the row was
believed (``rec_to`` = MAX_POSITION while it still is). Days are ordinals (date.toordinal()).
"""

from __future__ import annotations

from uuid import uuid4

from projections.indexes import board, daily_counts_versions
from projections.store.read_store import Cursor, ReadStore
from projections.timeline import documents

TABLES = (
    "rm_incarnation",
    "rm_log",
    "rm_companies",
    "rm_names",
    "rm_retired_names",
    "rm_alias_versions",
    "rm_codes",
    "rm_markets",
    "rm_fact_versions",
    "rm_fact_sources",
    "rm_fact_history",
    "rm_stage_rows",
    "rm_board",
    "rm_board_counts",
    "rm_documents",
)

_COMMON = [
    # A random token per creation of these tables: what a projector remembers of them between batches
    # (carried_state.py) holds for the tables it was read from, not for new ones rebuilt to the same position.
    "CREATE TABLE IF NOT EXISTS rm_incarnation (token TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS rm_log (position BIGINT PRIMARY KEY, recorded_at TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS rm_companies (
        company_id TEXT PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, aliases TEXT NOT NULL,
        sector TEXT, rec_from BIGINT NOT NULL)""",
    # Every name of every company under its read-side match key (projections/names.py); one key may
    # fit several companies, which a lookup reports instead of guessing. ``source`` cites the name.
    """CREATE TABLE IF NOT EXISTS rm_names (
        name_key TEXT NOT NULL, company_id TEXT NOT NULL, name TEXT NOT NULL, source TEXT,
        PRIMARY KEY (name_key, company_id, name))""",
    # Names a company stopped answering to (Company.NameRetired), with the reason and sources: its history.
    # A company's aliases as believed between two log positions (rm_companies holds the latest).
    """CREATE TABLE IF NOT EXISTS rm_alias_versions (
        company_id TEXT NOT NULL, aliases TEXT NOT NULL, rec_from BIGINT NOT NULL, rec_to BIGINT NOT NULL,
        PRIMARY KEY (company_id, rec_from))""",
    """CREATE TABLE IF NOT EXISTS rm_retired_names (
        company_id TEXT NOT NULL, position BIGINT NOT NULL, name TEXT NOT NULL, names TEXT NOT NULL,
        reason TEXT NOT NULL, sources TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (company_id, position))""",
    # Stock codes from listing facts as currently believed: digits without leading zeros + exchange.
    """CREATE TABLE IF NOT EXISTS rm_codes (
        fact_id TEXT PRIMARY KEY, code_key TEXT NOT NULL, exchange TEXT, code TEXT NOT NULL, venue TEXT NOT NULL,
        company_id TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS rm_markets (market_id TEXT PRIMARY KEY, code TEXT NOT NULL)",
    # The day each source of a fact version was certainly public: "reported since D" is a range test here;
    # and its document, whose grade min_source_grade reads (rm_documents).
    """CREATE TABLE IF NOT EXISTS rm_fact_sources (
        version_id BIGINT NOT NULL, document_key TEXT NOT NULL, published INTEGER NOT NULL,
        PRIMARY KEY (version_id, document_key))""",
    """CREATE TABLE IF NOT EXISTS rm_fact_history (
        fact_id TEXT NOT NULL, position BIGINT NOT NULL, step TEXT NOT NULL, recorded_at TEXT NOT NULL,
        detail TEXT NOT NULL, PRIMARY KEY (fact_id, position))""",
]

_FACT_VERSIONS = """CREATE TABLE IF NOT EXISTS rm_fact_versions (
    version_id {serial} PRIMARY KEY, fact_id TEXT NOT NULL, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL,
    kind TEXT NOT NULL, category TEXT NOT NULL, venue TEXT, date_text TEXT NOT NULL, date_raw TEXT NOT NULL,
    earliest INTEGER NOT NULL, latest INTEGER NOT NULL, fields TEXT NOT NULL, sources TEXT NOT NULL, summary TEXT,
    published INTEGER NOT NULL, pub_to INTEGER NOT NULL, step INTEGER NOT NULL, revised INTEGER NOT NULL,
    rec_from BIGINT NOT NULL, rec_to BIGINT NOT NULL)"""

_STAGE_ROWS = """CREATE TABLE IF NOT EXISTS rm_stage_rows (
    row_id {serial} PRIMARY KEY, company_id TEXT NOT NULL, venue TEXT NOT NULL, mode TEXT NOT NULL,
    stage TEXT NOT NULL, suspended INTEGER NOT NULL, fact_id TEXT NOT NULL,
    valid_from INTEGER NOT NULL, valid_to INTEGER NOT NULL, pub_from INTEGER NOT NULL, pub_to INTEGER NOT NULL,
    rec_from BIGINT NOT NULL, rec_to BIGINT NOT NULL)"""

#: Secondary indexes: for the questions, and for catch-up to find a fact's or a pair's open rows. A
#: rebuild looks nothing up (the projector's memory holds what it wrote), so it creates them once
#: the tables are full: building an index at once costs a fraction of growing it row by row.
_INDEXES = [
    "CREATE INDEX IF NOT EXISTS rm_log_time ON rm_log (recorded_at)",
    "CREATE INDEX IF NOT EXISTS rm_codes_key ON rm_codes (code_key)",
    # A company's own names and codes (its answer lists them): without these, a scan of every
    # company's, which made company as-of 12 ms at L.
    "CREATE INDEX IF NOT EXISTS rm_codes_company ON rm_codes (company_id)",
    "CREATE INDEX IF NOT EXISTS rm_names_company ON rm_names (company_id)",
    "CREATE INDEX IF NOT EXISTS rm_fact_versions_fact ON rm_fact_versions (fact_id, rec_to)",
    "CREATE INDEX IF NOT EXISTS rm_fact_versions_subject ON rm_fact_versions (subject_id, category, venue, rec_to)",
    "CREATE INDEX IF NOT EXISTS rm_fact_versions_valid ON rm_fact_versions (earliest, latest)",
    # The events between two knowledge times, for revisions (queries/revisions.py).
    "CREATE INDEX IF NOT EXISTS rm_fact_history_position ON rm_fact_history (position)",
    "CREATE INDEX IF NOT EXISTS rm_stage_rows_pair ON rm_stage_rows (company_id, venue, rec_to)",
    "CREATE INDEX IF NOT EXISTS rm_fact_history_retracted ON rm_fact_history (fact_id, position) "
    "WHERE step = 'retracted'",
    *board.INDEXES,
    *documents.INDEXES,
    # The stage rows opened or closed between two nearby positions: counts at a past position.
    *daily_counts_versions.INDEXES,
]


def create_tables(store: ReadStore, *, indexes: bool = True) -> None:
    statements = [
        *_COMMON,
        _FACT_VERSIONS.format(serial=store.identity),
        _STAGE_ROWS.format(serial=store.identity),
        board.TABLE.format(key=store.key),
        board.COUNTS,
        documents.TABLE,
        *(_INDEXES if indexes else []),
    ]
    with store.schema_transaction() as cursor:
        for statement in statements:
            cursor.execute(statement)
        store.create_stage_index(cursor, later=not indexes)
        cursor.execute("SELECT token FROM rm_incarnation")
        if cursor.fetchone() is None:
            cursor.execute(f"INSERT INTO rm_incarnation (token) VALUES ({store.p})", (uuid4().hex,))


def create_indexes(store: ReadStore) -> None:
    """The secondary indexes, and what a rebuild without them left to the end: the stage-point index, the
    board's counts."""
    with store.schema_transaction() as cursor:
        for statement in _INDEXES:
            cursor.execute(statement)
        store.index_stage_rows(cursor)
        board.count_all(cursor)


def drop_tables(store: ReadStore, cursor: Cursor) -> None:
    store.drop_stage_index(cursor)
    for table in TABLES:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
