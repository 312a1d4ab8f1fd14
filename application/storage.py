"""Turn the one storage setting, ``TIMELINE_DATABASE_URL``, into eventsourcing's environment."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from uuid import UUID

import orjson
from eventsourcing.persistence import StoredEvent


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
        "POSTGRES_CONNECT_TIMEOUT": "5",
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


def position_of(recorder: Any, originator_id: UUID, version: int) -> int | None:
    """The log position of one stored event of an aggregate, or None if there is no such event.

    eventsourcing returns positions only for events it has just written; a retry that finds its
    correction already stored needs the position of that earlier event, so ask the table.
    """
    if recorder.__class__.__module__ == "eventsourcing.sqlite":
        table = recorder.events_table_name  # the library's own table name, never user input
        statement = f"SELECT rowid FROM {table} WHERE originator_id = ? AND originator_version = ?"  # noqa: S608
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (originator_id.hex, version))
            row = cursor.fetchone()
        return None if row is None else int(row[0])
    from psycopg.sql import SQL, Identifier

    query = SQL(
        "SELECT notification_id FROM {schema}.{table} WHERE originator_id = %s AND originator_version = %s"
    ).format(schema=Identifier(recorder.datastore.schema), table=Identifier(recorder.events_table_name))
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute(query, (originator_id, version))
        found = cursor.fetchone()
    return None if found is None else int(found["notification_id"])


def stored_originators(recorder: Any, originator_ids: Collection[UUID]) -> set[UUID]:
    """Which of these aggregates already have events in the log, in one query however many they are.

    A bulk load checks every item of a batch for idempotency; asking once per item costs a
    round trip (and on SQLite a transaction) each, more than writing the item.
    """
    return {_uuid(row[0]) for row in _events_of(recorder, "DISTINCT originator_id", originator_ids)}


def stored_events_of(recorder: Any, originator_ids: Collection[UUID]) -> dict[UUID, list[StoredEvent]]:
    """The stored events of many aggregates, each in version order, in one query however many they are.

    Only aggregates that have events appear. A bulk load reads every subject of a batch at once
    instead of one round trip per subject.
    """
    found: dict[UUID, list[StoredEvent]] = {}
    rows = _events_of(
        recorder, "originator_id, originator_version, topic, state", originator_ids, "originator_id, originator_version"
    )
    for originator_id, version, topic, state in rows:
        found.setdefault(_uuid(originator_id), []).append(
            StoredEvent(_uuid(originator_id), version, topic, bytes(state))
        )
    return found


def _events_of(recorder: Any, columns: str, originator_ids: Collection[UUID], order: str = "") -> list[tuple[Any, ...]]:
    """``columns`` (our own constant text) of the stored events of these aggregates, one query on either database."""
    if not originator_ids:
        return []
    ordered = f" ORDER BY {order}" if order else ""
    if recorder.__class__.__module__ == "eventsourcing.sqlite":
        table = recorder.events_table_name  # the library's own table name, never user input
        statement = (
            f"SELECT {columns} FROM {table} "  # noqa: S608
            f"WHERE originator_id IN (SELECT value FROM json_each(?)){ordered}"
        )
        with recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (_json_hex(originator_ids),))
            return [tuple(row) for row in cursor.fetchall()]
    from psycopg.sql import SQL, Identifier

    statement = f"SELECT {columns} FROM {{schema}}.{{table}} WHERE originator_id = ANY(%s){ordered}"  # noqa: S608
    query = SQL(statement).format(
        schema=Identifier(recorder.datastore.schema), table=Identifier(recorder.events_table_name)
    )
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute(query, (list(originator_ids),))
        return [tuple(row.values()) for row in cursor.fetchall()]


def _uuid(value: Any) -> UUID:
    """An originator id as either database hands it back: hex text from SQLite, a UUID from psycopg."""
    return value if isinstance(value, UUID) else UUID(value)


def _json_hex(originator_ids: Collection[UUID]) -> str:
    """Ids as one JSON array parameter: SQLite then has no limit on their number to split on,
    and still searches the primary key once per id."""
    return orjson.dumps([originator_id.hex for originator_id in originator_ids]).decode()
