"""The read store: where the read models live, one small interface over SQLite and PostgreSQL.

Each database has its own module (``sqlite.py``, ``postgres.py``), as eventsourcing has for its
recorders. SQL that reads the same on both is written once with the driver's own placeholder,
``store.p`` (the DB-API paramstyle: ``?`` for sqlite3, ``%s`` for psycopg), so a statement is
composed for the store it runs on and never rewritten afterwards. What differs beyond that (the
index that answers "which stage rows hold at this point", locking reads, identity columns) is a
method or attribute of the store, so no other module asks which database it is talking to.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from projections.clocks import Clocks
    from projections.stage_rows import StateRow
    from projections.store.replication import Replication


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> Any: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]], /) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class ReadStore(Protocol):
    #: The driver's placeholder for one parameter.
    p: str
    #: The column type of a surrogate key the database numbers itself.
    identity: str
    #: The column type of a 64-bit key the projector numbers (the table's own row key where there is one).
    key: str
    #: Appended to a CREATE TABLE whose primary key is all its reads: the table stored as that index alone.
    clustered: str
    #: Appended to a SELECT that must lock the row it reads until the transaction ends ("" where
    #: the whole database is locked by the write transaction anyway).
    for_update: str
    #: Errors of the database itself (busy, locked, unreachable): they say nothing about the data.
    unavailable_errors: tuple[type[BaseException], ...]
    #: Whether this process only reads (a server on a streaming replica): it creates no table and applies no
    #: event; the primary's projection workers keep the read models, and replication brings them here.
    read_only: bool

    def transaction(self) -> AbstractContextManager[Cursor]:
        """A write transaction: everything in it commits together or not at all."""

    def schema_transaction(self) -> AbstractContextManager[Cursor]:
        """A write transaction for DDL, serialised across processes where the database needs it."""

    def reading(self) -> AbstractContextManager[Cursor]:
        """A consistent read: one snapshot for every statement inside."""

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        """Rows of one statement: inside ``session()`` from its snapshot, else in a read of its own."""

    def session(self) -> AbstractContextManager[None]:
        """One consistent read for every query inside (an answer's several statements see one state),
        on one connection: a round trip or two per answer instead of per statement on PostgreSQL."""

    def probing(self, timeout: float, write: bool = False) -> AbstractContextManager[None]:
        """A session like ``session()`` (a write transaction if ``write``, committed at its end) whose connection
        wait and every statement give up after ``timeout`` seconds with one of ``unavailable_errors``: the
        health check must answer, whatever the database does."""

    def close(self) -> None: ...

    def replication(self) -> Replication | None:
        """How a streaming replica stands with its primary; None where the database is not a replica."""

    def refresh_statistics(self) -> None:
        """Tell the query planner what a rebuild wrote (it plans from statistics where it keeps them)."""

    # The stage-point index: rows whose (valid day, publication day, position) rectangle holds a point.

    def create_stage_index(self, cursor: Cursor, *, later: bool = False) -> None:
        """The index, empty; ``later``: the rows written next are indexed at once by ``index_stage_rows`` (a
        rebuild), not one batch at a time by ``stage_rows_opened`` and ``stage_rows_closed``."""

    def index_stage_rows(self, cursor: Cursor) -> None:
        """Index every stage row in the table, whatever the index held before (what a rebuild left to the end)."""

    def drop_stage_index(self, cursor: Cursor) -> None: ...

    def stage_rows_opened(self, cursor: Cursor, rows: list[tuple[int, StateRow, int, int]]) -> None:
        """Index stage rows just inserted: (row_id, rectangle, rec_from, rec_to) each."""

    def stage_rows_closed(self, cursor: Cursor, rows: list[tuple[int, int]]) -> None:
        """Index the end of belief in stage rows: (rec_to, row_id) each."""

    def stage_point(self, clocks: Clocks) -> tuple[str, str, list[Any]]:
        """FROM clause (stage rows as ``r``), WHERE clause and its parameters for rows holding at the clocks."""

    # Many rows in one go: columns and keys are named with their SQL types, ``"row_id bigint, venue text"``.

    def update_rows(self, cursor: Cursor, table: str, columns: str, keys: str, rows: list[tuple[Any, ...]]) -> None:
        """``UPDATE table SET columns WHERE keys`` for each row (its columns' values, then its keys'), keys unique."""

    def delete_rows(self, cursor: Cursor, table: str, keys: str, rows: list[tuple[Any, ...]]) -> None:
        """``DELETE FROM table WHERE keys`` for each row of key values."""

    def upsert_rows(self, cursor: Cursor, table: str, columns: str, conflict: str, rows: list[tuple[Any, ...]]) -> None:
        """``INSERT INTO table (columns) ... ON CONFLICT conflict`` for each row, in order."""


class Sessions:
    """``reading``, ``query`` and ``session`` for a store that opens a read of its own with ``own_read()``."""

    _local: threading.local

    def own_read(self) -> AbstractContextManager[Cursor]:
        """A consistent read on a connection of its own, outside any session."""
        raise NotImplementedError

    @contextmanager
    def reading(self) -> Iterator[Cursor]:
        session = getattr(self._local, "session", None)
        if session is not None:  # inside a session: its snapshot
            yield session
            return
        with self.own_read() as cursor:
            yield cursor

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.reading() as cursor:
            cursor.execute(statement, params)
            return list(cursor.fetchall())

    @contextmanager
    def session(self) -> Iterator[None]:
        if getattr(self._local, "session", None) is not None:
            yield  # already inside one: the outer read holds
            return
        with self.reading() as cursor:
            self._local.session = cursor
            try:
                yield
            finally:
                self._local.session = None


def is_transient(store: ReadStore, error: BaseException) -> bool:
    return isinstance(error, store.unavailable_errors)


def typed(columns: str) -> list[tuple[str, str]]:
    """``"row_id bigint, venue text"`` as [("row_id", "bigint"), ("venue", "text")]."""
    return [(name, kind) for name, _, kind in (column.strip().partition(" ") for column in columns.split(","))]


def values(p: str, count: int) -> str:
    """``VALUES (p, p, ...)`` for a row of ``count`` parameters."""
    return f"VALUES ({', '.join([p] * count)})"


#: Keys a statement names in one ``IN (...)``: well under any driver's limit on parameters.
KEYS_A_STATEMENT = 400


def key_chunks(keys: Iterable[Any]) -> Iterator[list[Any]]:
    """``keys`` in lists of at most KEYS_A_STATEMENT, one statement each."""
    iterator = iter(keys)
    while chunk := list(islice(iterator, KEYS_A_STATEMENT)):
        yield chunk


#: Rows from which streaming them in beats executemany (which pipelines a few rows in one round trip).
_STREAM_FROM = 50


@runtime_checkable
class _Streaming(Protocol):
    def copy(self, statement: str) -> AbstractContextManager[Any]: ...


def insert_rows(cursor: Cursor, p: str, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    """Rows into a table: streamed with COPY where the database has it (PostgreSQL: one stream instead of a
    parse, bind and execute per row, 5x faster), else one executemany."""
    if not rows:
        return
    if len(rows) >= _STREAM_FROM and isinstance(cursor, _Streaming):
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as stream:
            for row in rows:
                stream.write_row(row)
        return
    cursor.executemany(f"INSERT INTO {table} ({columns}) {values(p, columns.count(',') + 1)}", rows)
