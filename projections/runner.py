"""Run a projector over the event log in batches, exactly once, with its own tracking.

Each batch's rows and the new tracking position are written in one transaction, and the
position is read (and on PostgreSQL locked) inside that transaction, so a crash or a second
process catching up at the same time can neither apply an event twice nor skip one.
Start-up resumes from the tracked position. Several named projections share the log and
the ``rm_tracking`` table, one row each, and can be rebuilt independently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from projections.database import Cursor, Database

DEFAULT_BATCH = 1000


class EventLog(Protocol):
    """Where projections read from: eventsourcing's application recorder fits it."""

    def select_notifications(self, start: int | None, limit: int, stop: int | None = None) -> Sequence[Any]: ...


class Decoder(Protocol):
    """Turns a stored notification into a domain event: eventsourcing's mapper fits it."""

    def to_domain_event(self, stored_event: Any) -> Any: ...


class Projector(Protocol):
    name: str

    def create_tables(self, db: Database) -> None: ...

    def drop_tables(self, cursor: Cursor, dialect: str) -> None: ...

    def apply(self, cursor: Cursor, dialect: str, events: Sequence[tuple[int, str, Any]]) -> None:
        """Write the rows for these (position, topic, event) in the caller's transaction."""


class ProjectionRunner:
    def __init__(self, db: Database, log: EventLog, decoder: Decoder, projector: Projector) -> None:
        self.db = db
        self.log = log
        self.decoder = decoder
        self.projector = projector
        with db.schema_transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS rm_tracking (name TEXT PRIMARY KEY, position BIGINT NOT NULL)")
            cursor.execute(
                "INSERT INTO rm_tracking (name, position) VALUES (?, 0) ON CONFLICT (name) DO NOTHING", (self.name,)
            )
        projector.create_tables(db)

    @property
    def name(self) -> str:
        return self.projector.name

    def position(self) -> int:
        rows = self.db.query("SELECT position FROM rm_tracking WHERE name = ?", (self.name,))
        return int(rows[0][0]) if rows else 0

    def rebuild(self, batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None) -> int:
        """Drop this projection's tables and tracking in one transaction, then fold the whole log again."""
        with self.db.schema_transaction() as cursor:
            self._locked_position(cursor)
            self.projector.drop_tables(cursor, self.db.dialect)
            cursor.execute("UPDATE rm_tracking SET position = 0 WHERE name = ?", (self.name,))
        self.projector.create_tables(self.db)
        return self.catch_up(batch_size, progress)

    def catch_up(self, batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event after the tracked position; returns how many were applied."""
        applied = 0
        while True:
            count = self._apply_batch(batch_size)
            if count == 0:
                return applied
            applied += count
            if progress:
                progress(count)

    def _apply_batch(self, batch_size: int) -> int:
        with self.db.transaction() as cursor:
            position = self._locked_position(cursor)
            notifications = self.log.select_notifications(start=position + 1, limit=batch_size)
            if not notifications:
                return 0
            events = [(n.id, n.topic, self.decoder.to_domain_event(n)) for n in notifications]
            self.projector.apply(cursor, self.db.dialect, events)
            cursor.execute("UPDATE rm_tracking SET position = ? WHERE name = ?", (notifications[-1].id, self.name))
            return len(notifications)

    def _locked_position(self, cursor: Cursor) -> int:
        lock = " FOR UPDATE" if self.db.dialect == "postgres" else ""
        cursor.execute(f"SELECT position FROM rm_tracking WHERE name = ?{lock}", (self.name,))
        return int(cursor.fetchone()[0])
