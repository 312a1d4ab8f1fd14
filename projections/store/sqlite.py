"""The read store on SQLite: a connection per thread, in the same file as the events.

The read models keep their own connections rather than borrowing eventsourcing's pool: its
writers hold a pooled connection while they wait for the file's one write lock, and catch-up
reading through that pool while holding the lock deadlocked three writers (see runner.py).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import InterfaceError, OperationalError

from projections.store.read_store import Cursor, Sessions, typed, values

if TYPE_CHECKING:
    from projections.clocks import Clocks
    from projections.stage_rows import StateRow

#: The stage-point index: a 3-D R-tree over (valid day, publication day, position), O(log n + k).
_STAGE_INDEX = """CREATE VIRTUAL TABLE IF NOT EXISTS rm_stage_index USING rtree_i32(
    row_id, valid_lo, valid_hi, pub_lo, pub_hi, rec_lo, rec_hi)"""
_STAGE_POINT = (
    "i.valid_lo <= ? AND i.valid_hi >= ? AND i.pub_lo <= ? AND i.pub_hi >= ? "
    "AND i.rec_lo <= ? AND i.rec_hi >= ? AND r.mode = ?"
)


class SQLiteStore(Sessions):
    p = "?"
    identity = "INTEGER"  # an INTEGER PRIMARY KEY is the rowid, numbered by SQLite
    key = "INTEGER"  # the rowid itself: the table is its own index on it
    clustered = " WITHOUT ROWID"  # else a rowid table beside a primary key index as large
    for_update = ""  # BEGIN IMMEDIATE already holds the database's only write lock
    unavailable_errors: tuple[type[BaseException], ...] = (
        sqlite3.OperationalError,
        OperationalError,
        InterfaceError,
        OSError,
    )

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only  # a server beside the one that writes this file: it reads only
        self._local = threading.local()

    def close(self) -> None:
        for name in ("connection", "probe"):
            connection = getattr(self._local, name, None)
            if connection is not None:
                connection.close()
                setattr(self._local, name, None)

    def replication(self) -> None:
        """A SQLite file is nobody's replica."""
        return

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(str(self.path), isolation_level=None, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        connection = self._connection()
        cursor = connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            connection.rollback()
            raise
        connection.commit()

    def schema_transaction(self) -> Any:
        return self.transaction()  # BEGIN IMMEDIATE serialises DDL across processes too

    @contextmanager
    def own_read(self) -> Iterator[Cursor]:
        connection = self._connection()
        cursor = connection.cursor()
        cursor.execute("BEGIN")
        try:
            yield cursor
        finally:
            connection.rollback()

    @contextmanager
    def probing(self, timeout: float, write: bool = False) -> Iterator[None]:
        # A connection of its own per thread: the thread's shared one may be inside a write waiting for the lock.
        connection: sqlite3.Connection | None = getattr(self._local, "probe", None)
        if connection is None:
            connection = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            self._local.probe = connection
        deadline = time.monotonic() + timeout
        connection.execute(f"PRAGMA busy_timeout = {max(1, int(timeout * 1000))}")
        # Returning non-zero from the progress handler interrupts the statement (OperationalError: interrupted).
        connection.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
        cursor = connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            self._local.session = cursor
            try:
                yield
            finally:
                self._local.session = None
            if write:
                cursor.execute("COMMIT")
        finally:
            if connection.in_transaction:
                connection.rollback()
            connection.set_progress_handler(None, 0)

    # The stage-point index -------------------------------------------------------------------

    def refresh_statistics(self) -> None:
        """Nothing: SQLite plans without statistics, and every plan here was measured that way."""

    def create_stage_index(self, cursor: Cursor, *, later: bool = False) -> None:
        cursor.execute(_STAGE_INDEX)  # a table the questions join: there even while its rows wait

    def index_stage_rows(self, cursor: Cursor) -> None:
        # One statement in the library instead of a row built in Python for each insert and each update.
        cursor.execute("DELETE FROM rm_stage_index")
        cursor.execute(
            "INSERT INTO rm_stage_index SELECT row_id, valid_from, valid_to - 1, pub_from, pub_to - 1, rec_from, "
            "rec_to - 1 FROM rm_stage_rows"
        )

    def drop_stage_index(self, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS rm_stage_index")

    def stage_rows_opened(self, cursor: Cursor, rows: list[tuple[int, StateRow, int, int]]) -> None:
        # The R-tree holds closed ranges; the rows hold half-open ones.
        if rows:
            cursor.executemany(
                "INSERT INTO rm_stage_index VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (row_id, row.valid_from, row.valid_to - 1, row.pub_from, row.pub_to - 1, rec_from, rec_to - 1)
                    for row_id, row, rec_from, rec_to in rows
                ],
            )

    def stage_rows_closed(self, cursor: Cursor, rows: list[tuple[int, int]]) -> None:
        if rows:
            cursor.executemany(
                "UPDATE rm_stage_index SET rec_hi = ? WHERE row_id = ?",
                [(rec_to - 1, row_id) for rec_to, row_id in rows],
            )

    def stage_point(self, clocks: Clocks) -> tuple[str, str, list[Any]]:
        day, pub, pos = clocks.day, clocks.publication_day, clocks.known_at
        source = "rm_stage_index i JOIN rm_stage_rows r ON r.row_id = i.row_id"
        return source, _STAGE_POINT, [day, day, pub, pub, pos, pos, clocks.mode]

    # Many rows in one go: executemany runs each row's statement in the library, without a round trip.

    def update_rows(self, cursor: Cursor, table: str, columns: str, keys: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            sets = ", ".join(f"{name} = ?" for name, _kind in typed(columns))
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE {_matching(keys)}", rows)

    def delete_rows(self, cursor: Cursor, table: str, keys: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            cursor.executemany(f"DELETE FROM {table} WHERE {_matching(keys)}", rows)

    def upsert_rows(self, cursor: Cursor, table: str, columns: str, conflict: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            names = typed(columns)
            listed = ", ".join(name for name, _kind in names)
            cursor.executemany(f"INSERT INTO {table} ({listed}) {values('?', len(names))} ON CONFLICT {conflict}", rows)


def _matching(keys: str) -> str:
    return " AND ".join(f"{name} = ?" for name, _kind in typed(keys))
