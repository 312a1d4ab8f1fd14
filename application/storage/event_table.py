"""Reads of eventsourcing's events table that the library does not offer, one small class per database.

The composition root (``storage.event_table_for``) picks the class from the persistence setting,
once; nothing here looks at the recorder's class to decide which database it is talking to.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol
from uuid import UUID

import orjson
from eventsourcing.persistence import StoredEvent


class EventTable(Protocol):
    """What the application reads of its own events table beyond the library's API."""

    def position_of(self, originator_id: UUID, version: int) -> int | None:
        """The log position of one stored event of an aggregate, or None if there is no such event.

        eventsourcing returns positions only for events it has just written; a retry that finds its
        correction already stored needs the position of that earlier event, so ask the table.
        """

    def rows_of(self, columns: str, originator_ids: Collection[UUID], order: str = "") -> list[tuple[Any, ...]]:
        """``columns`` (our own constant text) of the stored events of these aggregates, in one query."""

    def newest_position(self, cursor: Any) -> int:
        """The newest log position, read on the caller's cursor (a health probe's, bounded in time)."""

    def insert_at_positions(self, events: Iterable[tuple[int, StoredEvent]]) -> int:
        """Store (position, event) pairs at exactly those positions, gaps kept, in one transaction,
        into an empty table only (else StoreNotEmpty); the next write goes after the last of them.
        An exception from ``events`` itself rolls everything back. Returns how many were stored."""


class StoreNotEmpty(ValueError):
    """An import needs an empty store."""

    def __init__(self, head: object) -> None:
        super().__init__(
            f"import needs an empty store: this one already holds events (up to position {head}); "
            "point TIMELINE_DATABASE_URL at a new database or schema"
        )


INSERT_BATCH = 1000


def _batches(events: Iterable[tuple[int, StoredEvent]]) -> Iterator[list[tuple[int, StoredEvent]]]:
    iterator = iter(events)
    while batch := list(islice(iterator, INSERT_BATCH)):
        yield batch


class SQLiteEventTable:
    def __init__(self, recorder: Any) -> None:
        self.recorder = recorder
        self.table = recorder.events_table_name  # the library's own table name, never user input

    def position_of(self, originator_id: UUID, version: int) -> int | None:
        statement = f"SELECT rowid FROM {self.table} WHERE originator_id = ? AND originator_version = ?"  # noqa: S608
        with self.recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (originator_id.hex, version))
            row = cursor.fetchone()
        return None if row is None else int(row[0])

    def rows_of(self, columns: str, originator_ids: Collection[UUID], order: str = "") -> list[tuple[Any, ...]]:
        if not originator_ids:
            return []
        ordered = f" ORDER BY {order}" if order else ""
        statement = (
            f"SELECT {columns} FROM {self.table} "  # noqa: S608
            f"WHERE originator_id IN (SELECT value FROM json_each(?)){ordered}"
        )
        with self.recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(statement, (_json_hex(originator_ids),))
            return [tuple(row) for row in cursor.fetchall()]

    def insert_at_positions(self, events: Iterable[tuple[int, StoredEvent]]) -> int:
        # The position is SQLite's rowid; the library appends at max(rowid) + 1, so gaps stay gaps.
        insert = (
            f"INSERT INTO {self.table} (rowid, originator_id, originator_version, topic, state) "  # noqa: S608
            "VALUES (?, ?, ?, ?, ?)"
        )
        count = 0
        with self.recorder.datastore.transaction(commit=True) as cursor:
            # BEGIN is deferred: a write that matches nothing takes the write lock now, so no other writer
            # can append between the emptiness check and the inserts.
            cursor.execute(f"DELETE FROM {self.table} WHERE rowid < 0")  # noqa: S608
            cursor.execute(f"SELECT max(rowid) FROM {self.table}")  # noqa: S608
            head = cursor.fetchone()[0]
            if head is not None:
                raise StoreNotEmpty(head)
            for batch in _batches(events):
                cursor.executemany(
                    insert,
                    [(p, UUID(str(e.originator_id)).hex, e.originator_version, e.topic, e.state) for p, e in batch],
                )
                count += len(batch)
        return count

    def newest_position(self, cursor: Any) -> int:
        cursor.execute(self.recorder.select_max_notification_id_statement)
        return int(cursor.fetchone()[0] or 0)


class PostgresEventTable:
    def __init__(self, recorder: Any) -> None:
        from psycopg.sql import Identifier

        self.recorder = recorder
        self.schema = Identifier(recorder.datastore.schema)
        self.table = Identifier(recorder.events_table_name)

    def position_of(self, originator_id: UUID, version: int) -> int | None:
        from psycopg.sql import SQL

        query = SQL(
            "SELECT notification_id FROM {schema}.{table} WHERE originator_id = %s AND originator_version = %s"
        ).format(schema=self.schema, table=self.table)
        with self.recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(query, (originator_id, version))
            found = cursor.fetchone()
        return None if found is None else int(found["notification_id"])

    def rows_of(self, columns: str, originator_ids: Collection[UUID], order: str = "") -> list[tuple[Any, ...]]:
        from psycopg.sql import SQL

        if not originator_ids:
            return []
        ordered = f" ORDER BY {order}" if order else ""
        statement = f"SELECT {columns} FROM {{schema}}.{{table}} WHERE originator_id = ANY(%s){ordered}"  # noqa: S608
        query = SQL(statement).format(schema=self.schema, table=self.table)
        with self.recorder.datastore.transaction(commit=False) as cursor:
            cursor.execute(query, (list(originator_ids),))
            return [tuple(row.values()) for row in cursor.fetchall()]

    def insert_at_positions(self, events: Iterable[tuple[int, StoredEvent]]) -> int:
        from psycopg.sql import SQL, Identifier

        names = {"schema": self.schema, "table": self.table}
        insert = SQL(
            "INSERT INTO {schema}.{table} (notification_id, originator_id, originator_version, topic, state) "
            "VALUES (%s, %s, %s, %s, %s)"
        ).format(**names)
        count, head = 0, 0
        with self.recorder.datastore.transaction(commit=True) as cursor:
            # The library's own writers take this lock to append; holding it, nobody writes until we commit.
            cursor.execute(SQL("LOCK TABLE {schema}.{table} IN EXCLUSIVE MODE").format(**names))
            cursor.execute(SQL("SELECT max(notification_id) AS head FROM {schema}.{table}").format(**names))
            found = cursor.fetchone()
            if found is not None and found["head"] is not None:
                raise StoreNotEmpty(found["head"])
            for batch in _batches(events):
                cursor.executemany(
                    insert, [(p, e.originator_id, e.originator_version, e.topic, e.state) for p, e in batch]
                )
                count, head = count + len(batch), batch[-1][0]
            if head:
                # notification_id is a bigserial: explicit ids leave its sequence behind, so set it past the
                # head or the next write would collide. setval is not rolled back with the transaction;
                # last, it can only leave an empty table with a higher next id, which the next import resets.
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(quote_ident(%s) || '.' || quote_ident(%s), "
                    "'notification_id'), %s)",
                    (self.recorder.datastore.schema, self.recorder.events_table_name, head),
                )
                cursor.execute(SQL("NOTIFY {channel}").format(channel=Identifier(self.recorder.channel_name)))
        return count

    def newest_position(self, cursor: Any) -> int:
        cursor.execute(self.recorder.max_notification_id_statement)
        return int(cursor.fetchone()[0] or 0)


def stored_originators(table: EventTable, originator_ids: Collection[UUID]) -> set[UUID]:
    """Which of these aggregates already have events in the log, in one query however many they are.

    A bulk load checks every item of a batch for idempotency; asking once per item costs a
    round trip (and on SQLite a transaction) each, more than writing the item.
    """
    return {_uuid(row[0]) for row in table.rows_of("DISTINCT originator_id", originator_ids)}


def stored_events_of(table: EventTable, originator_ids: Collection[UUID]) -> dict[UUID, list[StoredEvent]]:
    """The stored events of many aggregates, each in version order, in one query however many they are.

    Only aggregates that have events appear. A bulk load reads every subject of a batch at once
    instead of one round trip per subject.
    """
    found: dict[UUID, list[StoredEvent]] = {}
    rows = table.rows_of(
        "originator_id, originator_version, topic, state", originator_ids, "originator_id, originator_version"
    )
    for originator_id, version, topic, state in rows:
        found.setdefault(_uuid(originator_id), []).append(
            StoredEvent(_uuid(originator_id), version, topic, bytes(state))
        )
    return found


def _uuid(value: Any) -> UUID:
    """An originator id as either database hands it back: hex text from SQLite, a UUID from psycopg."""
    return value if isinstance(value, UUID) else UUID(value)


def _json_hex(originator_ids: Collection[UUID]) -> str:
    """Ids as one JSON array parameter: SQLite then has no limit on their number to split on,
    and still searches the primary key once per id."""
    return orjson.dumps([originator_id.hex for originator_id in originator_ids]).decode()
