"""Turn the one storage setting, ``TIMELINE_DATABASE_URL``, into eventsourcing's environment."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from application.storage.event_table import EventTable, PostgresEventTable, SQLiteEventTable


class StorageURLError(ValueError):
    """The database URL is neither ``sqlite:///path`` nor ``postgresql://user@host:port/db``."""


def sqlite_path(database_url: str) -> Path | None:
    """The SQLite file a URL names, or None for a non-SQLite URL."""
    if not database_url.startswith("sqlite:"):
        return None
    if not database_url.startswith("sqlite:///") or database_url == "sqlite:///":
        raise StorageURLError(
            f"TIMELINE_DATABASE_URL {database_url!r}: write sqlite:///relative/path or sqlite:////absolute/path"
        )
    path = database_url.removeprefix("sqlite:///")
    if path == ":memory:" or "mode=memory" in path:
        raise StorageURLError(
            f"TIMELINE_DATABASE_URL {database_url!r}: in-memory SQLite gives each thread its own database; use a file"
        )
    return Path(path)


def environment_for(database_url: str) -> dict[str, str]:
    path = sqlite_path(database_url)
    if path is not None:
        return {
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": str(path),
            "SQLITE_LOCK_TIMEOUT": "30",
        }
    parts = urlsplit(database_url)
    if parts.scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise StorageURLError(f"TIMELINE_DATABASE_URL {database_url!r}: scheme must be sqlite or postgresql")
    dbname = parts.path.lstrip("/")
    if not parts.hostname or not dbname:
        raise StorageURLError(
            f"TIMELINE_DATABASE_URL {database_url!r}: give host and database, postgresql://user@host:port/db"
        )
    query = parse_qs(parts.query)
    env = {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": unquote(dbname),
        "POSTGRES_HOST": parts.hostname,
        "POSTGRES_PORT": str(parts.port or 5432),
        "POSTGRES_USER": unquote(parts.username or "postgres"),
        "POSTGRES_PASSWORD": unquote(parts.password or ""),
        # The pool's wait for a connection, per attempt. eventsourcing retries each recorder call ten times on
        # connection errors; the first writes of an outage answer 503 after its grace (5 s, outage.py), the
        # requests after them at once; the read models' own queries (no retries) after 1 s.
        "POSTGRES_CONNECT_TIMEOUT": "1",
        "POSTGRES_POOL_SIZE": "5",
        "POSTGRES_MAX_OVERFLOW": "10",
        "POSTGRES_PRE_PING": "y",
    }
    if "schema" in query:
        env["POSTGRES_SCHEMA"] = query["schema"][0]
    return env


SCHEMA_LOCK = 7_340_021  # one advisory-lock key for every DDL the timeline runs on PostgreSQL


@contextmanager
def creating_tables(env: Mapping[str, str]) -> Iterator[None]:
    """Serialise table creation across processes: concurrent CREATE ... IF NOT EXISTS on
    PostgreSQL can fail with 'tuple concurrently updated' when several servers start at once."""
    if env.get("PERSISTENCE_MODULE") != "eventsourcing.postgres":
        yield
        return
    import psycopg

    with psycopg.connect(
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        dbname=env["POSTGRES_DBNAME"],
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        autocommit=True,
        connect_timeout=5,
    ) as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", (SCHEMA_LOCK,))
        try:
            yield
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", (SCHEMA_LOCK,))


def event_table_for(env: Mapping[str, str], recorder: Any) -> EventTable:
    """The events-table reader for the database the persistence setting names (chosen once, at start-up)."""
    module = env.get("PERSISTENCE_MODULE")
    if module == "eventsourcing.postgres":
        return PostgresEventTable(recorder)
    if module == "eventsourcing.sqlite":
        return SQLiteEventTable(recorder)
    raise StorageURLError(f"PERSISTENCE_MODULE {module!r}: the timeline stores events in SQLite or PostgreSQL only")
