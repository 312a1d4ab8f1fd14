"""One small connection wrapper over SQLite and PostgreSQL for the read models.

Read models live in the same database as the events. SQL is written once with ``?``
placeholders; PostgreSQL gets them as ``%s``. Each ``transaction()`` is all-or-nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from application.storage import SCHEMA_LOCK, environment_for, sqlite_path


class Cursor(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def fetchone(self) -> Any: ...


class Database:
    """Thread-safe: SQLite gets a connection per thread, PostgreSQL a small pool."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.path = sqlite_path(database_url)
        self.dialect = "sqlite" if self.path is not None else "postgres"
        self._local = threading.local()
        self._pool: Any = None
        if self.dialect == "postgres":
            from psycopg_pool import ConnectionPool

            env = environment_for(database_url)
            self.schema = env.get("POSTGRES_SCHEMA", "public")
            conninfo = (
                f"host={env['POSTGRES_HOST']} port={env['POSTGRES_PORT']} dbname={env['POSTGRES_DBNAME']} "
                f"user={env['POSTGRES_USER']} password={env['POSTGRES_PASSWORD']} connect_timeout=5"
            )
            self._pool = ConnectionPool(
                conninfo, min_size=1, max_size=8, open=True, kwargs={"options": f"-c search_path={self.schema}"}
            )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    @property
    def unavailable_errors(self) -> tuple[type[BaseException], ...]:
        """Errors of the database itself (busy, locked, unreachable): they say nothing about the data."""
        from eventsourcing.persistence import InterfaceError, OperationalError

        errors: tuple[type[BaseException], ...] = (sqlite3.OperationalError, OperationalError, InterfaceError, OSError)
        if self.dialect == "postgres":
            import psycopg
            import psycopg_pool

            errors += (psycopg.OperationalError, psycopg.InterfaceError, psycopg_pool.PoolTimeout)
        return errors

    def is_transient(self, error: BaseException) -> bool:
        return isinstance(error, self.unavailable_errors)

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.dialect == "postgres" else statement

    def _sqlite(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(str(self.path), isolation_level=None, timeout=30, check_same_thread=False)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """A write transaction: everything in it commits together or not at all."""
        if self.dialect == "sqlite":
            connection = self._sqlite()
            cursor = connection.cursor()
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield _SQLiteCursor(cursor)
            except BaseException:
                connection.rollback()
                raise
            connection.commit()
            return
        with self._pool.connection() as connection, connection.transaction(), connection.cursor() as cursor:
            yield _PostgresCursor(cursor)

    @contextmanager
    def schema_transaction(self) -> Iterator[Cursor]:
        """A transaction for DDL, serialised across processes on PostgreSQL (see creating_tables)."""
        with self.transaction() as cursor:
            if self.dialect == "postgres":
                cursor.execute("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
            yield cursor

    @contextmanager
    def reading(self) -> Iterator[Cursor]:
        """A consistent read: one snapshot for every statement inside."""
        if self.dialect == "sqlite":
            connection = self._sqlite()
            cursor = connection.cursor()
            cursor.execute("BEGIN")
            try:
                yield _SQLiteCursor(cursor)
            finally:
                connection.rollback()
            return
        with self._pool.connection() as connection, connection.transaction(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield _PostgresCursor(cursor)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.reading() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()


class _SQLiteCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._cursor.executemany(sql, rows)

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def fetchone(self) -> Any:
        return self._cursor.fetchone()


class _PostgresCursor:
    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._cursor.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> Any:
        return self._cursor.executemany(sql.replace("?", "%s"), rows)

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall())

    def fetchone(self) -> Any:
        return self._cursor.fetchone()
