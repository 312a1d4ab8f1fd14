"""Run a projector over the event log in batches, exactly once, with its own tracking.

Each batch's rows and the new tracking position are written in one transaction, and the
position is read (and on PostgreSQL locked) inside that transaction, so a crash or a second
process catching up at the same time can neither apply an event twice nor skip one.
Start-up resumes from the tracked position. Several named projections share the log and
the ``rm_tracking`` table, one row each, and can be rebuilt independently.

Events are read and decoded *before* the write transaction opens. On SQLite that transaction
holds the database's only write lock, and eventsourcing's writers hold pool connections while
they wait for it; reading through that pool with the lock held deadlocked three writers.

An event the projector cannot apply stops this projection at that event, never silently
skipped: the failure is kept in ``rm_failures`` (failures.py, so every process's health check sees it;
a row counts only while the tracked position is still before it) and every later catch-up
tries again, so a fix deployed and restarted resumes by itself.

Every batch also beats the projection's lease (``leases.py``): catch-ups leave a live rebuild in
another process alone, and take over one whose process died, building the indexes it left undone.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, runtime_checkable

from projections import leases
from projections.failures import Stuck, record_failure, stuck_at
from projections.processes import this_process
from projections.store.read_store import Cursor, ReadStore, is_transient, values

DEFAULT_BATCH = 1000
_RACED = -1
# Rebuilds running in this process, by projection: another runner here (another Services) sees this
# process named on the lease and must tell a rebuild still running from one that failed to end its lease.
_REBUILDS_HERE: dict[str, int] = {}
logger = logging.getLogger("timeline.projections")


class LogReader(Protocol):
    """Where projections read from: eventsourcing's application recorder fits it."""

    def select_notifications(self, start: int | None, limit: int, stop: int | None = None) -> Sequence[Any]: ...


class Decoder(Protocol):
    """Turns a stored notification into a domain event: eventsourcing's mapper fits it."""

    def to_domain_event(self, stored_event: Any) -> Any: ...


class Projector(Protocol):
    name: str

    def create_tables(self, store: ReadStore) -> None: ...

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None: ...

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        """Write the rows for these (position, topic, event) in the caller's transaction."""


@runtime_checkable
class IndexesLater(Protocol):
    """A projector whose tables fill faster without their secondary indexes, built once they are full."""

    def create_tables(self, store: ReadStore, *, indexes: bool = True) -> None: ...

    def create_indexes(self, store: ReadStore) -> None: ...


class ProjectionRunner:
    def __init__(self, store: ReadStore, log: LogReader, decoder: Decoder, projector: Projector) -> None:
        self.store = store
        self.log = log
        self.decoder = decoder
        self.projector = projector
        self._lock = threading.Lock()  # one catch-up per process at a time; others wait, then find little to do
        self._rebuilding = False
        if not store.read_only:  # on a replica the primary made the tables, and its workers fill them
            self._create(store, projector)

    def _create(self, store: ReadStore, projector: Projector) -> None:
        """This projection's tables and tracking row, dropped and made again if their version changed."""
        p = store.p
        with store.schema_transaction() as cursor:
            cursor.execute(leases.DDL)
            cursor.execute("CREATE TABLE IF NOT EXISTS rm_tracking (name TEXT PRIMARY KEY, position BIGINT NOT NULL)")
            cursor.execute(
                "CREATE TABLE IF NOT EXISTS rm_failures "
                "(name TEXT PRIMARY KEY, position BIGINT NOT NULL, error TEXT NOT NULL, since TEXT NOT NULL)"
            )
            cursor.execute(
                f"INSERT INTO rm_tracking (name, position) VALUES ({p}, 0) ON CONFLICT (name) DO NOTHING", (self.name,)
            )
            cursor.execute("CREATE TABLE IF NOT EXISTS rm_versions (name TEXT PRIMARY KEY, version INTEGER NOT NULL)")
            cursor.execute(f"SELECT version FROM rm_versions WHERE name = {p}", (self.name,))
            found = cursor.fetchone()
            version = int(getattr(projector, "version", 1))  # raised when its tables change: rebuilt then
            if found is None or int(found[0]) != version:
                # Tables of another version: start again from an empty projection; catch-up refills it.
                projector.drop_tables(store, cursor)
                cursor.execute(f"UPDATE rm_tracking SET position = 0 WHERE name = {p}", (self.name,))
                cursor.execute(f"DELETE FROM rm_failures WHERE name = {p}", (self.name,))
                cursor.execute(
                    f"""INSERT INTO rm_versions (name, version) {values(p, 2)}
                       ON CONFLICT (name) DO UPDATE SET version = excluded.version""",
                    (self.name, version),
                )
                if found is not None:
                    logger.warning(
                        "projection rebuilt for a new version",
                        extra={"fields": {"projection": self.name, "from": int(found[0]), "to": version}},
                    )
        projector.create_tables(store)

    @property
    def name(self) -> str:
        return self.projector.name

    @property
    def busy(self) -> bool:
        """Whether this process is applying events to this projection right now."""
        return self._lock.locked()

    def position(self) -> int:
        p = self.store.p
        rows = self.store.query(f"SELECT position FROM rm_tracking WHERE name = {p}", (self.name,))
        return int(rows[0][0]) if rows else 0

    def stuck(self) -> Stuck | None:
        """The event this projection cannot get past, if any (as recorded by whichever process tried)."""
        return stuck_at(self.store, self.name)

    def rebuild(self, batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None) -> int:
        """Drop this projection's tables and tracking in one transaction, then fold the whole log again."""
        if self.store.read_only:  # a ValueError: the command line reports it as bad input, without a traceback
            raise ValueError(f"projection {self.name!r} is not rebuilt on a read-only store: rebuild it on the primary")
        with self._lock:
            self._rebuilding = True
            _REBUILDS_HERE[self.name] = _REBUILDS_HERE.get(self.name, 0) + 1
            try:
                return self._rebuild(batch_size, progress)
            finally:
                _REBUILDS_HERE[self.name] -= 1
                self._rebuilding = False
                self._end_rebuild_lease()

    def _rebuild(self, batch_size: int, progress: Callable[[int], None] | None) -> int:
        p = self.store.p
        with self.store.schema_transaction() as cursor:
            self._locked_position(cursor)
            self.projector.drop_tables(self.store, cursor)
            cursor.execute(f"UPDATE rm_tracking SET position = 0 WHERE name = {p}", (self.name,))
            cursor.execute(f"DELETE FROM rm_failures WHERE name = {p}", (self.name,))
            leases.beat(self.store, cursor, self.name, this_process(), rebuilding=True)
        if not isinstance(self.projector, IndexesLater):
            self.projector.create_tables(self.store)
            applied = self._catch_up(batch_size, progress)
            self.store.refresh_statistics()
            return applied
        # If this process dies before the indexes are built, the next catch-up (or process to start) builds them.
        self.projector.create_tables(self.store, indexes=False)
        try:
            applied = self._catch_up(batch_size, progress)
        finally:
            self.projector.create_indexes(self.store)
        self.store.refresh_statistics()
        return applied

    def _end_rebuild_lease(self) -> None:
        try:
            with self.store.transaction() as cursor:
                leases.release(self.store, cursor, self.name, this_process())
        except self.store.unavailable_errors:
            logger.warning("could not end the rebuild lease; it lapses", extra={"fields": {"projection": self.name}})

    def catch_up(self, batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None) -> int:
        """Apply every event after the tracked position; returns how many were applied.

        Stops early, without raising, at an event the projector cannot apply (see ``stuck``).
        Errors of the database itself (locked, unreachable) are raised: they say nothing about the event.
        Applies nothing while another process rebuilds this projection (see ``leases.py``), nor on a read-only
        store (a replica: the primary's workers apply events there, and replication brings their rows).
        """
        if self.store.read_only:
            return 0
        with self._lock:
            if self._rebuild_elsewhere():
                return 0
            return self._catch_up(batch_size, progress)

    def _rebuild_elsewhere(self) -> bool:
        """Whether a live rebuild holds this projection; a dead one's lease is taken over here."""
        lease = leases.lease_of(self.store, self.name)
        if lease is None or not lease.rebuilding:
            return False
        if lease.live() if lease.holder != this_process() else _REBUILDS_HERE.get(self.name, 0) > 0:
            return True
        # Its process died mid-rebuild (or, here, failed to end its lease): the tables it was filling hold
        # everything up to their tracked position, but not the indexes it meant to build at the end.
        logger.warning(
            "taking over a rebuild that stopped",
            extra={"fields": {"projection": self.name, "holder": lease.holder, "position": self.position()}},
        )
        self.projector.create_tables(self.store)
        with self.store.transaction() as cursor:
            leases.release(self.store, cursor, self.name, lease.holder)
        return False

    def _catch_up(self, batch_size: int, progress: Callable[[int], None] | None) -> int:
        applied = 0
        narrow_until = 0  # after a failed batch, apply its events one at a time to find the failing one
        while True:
            start = self.position()
            size = 1 if start < narrow_until else batch_size
            try:
                count = self._apply_batch(start, size)
            except Exception as error:  # a projector can fail on anything an event holds
                if is_transient(self.store, error):
                    raise
                if size > 1:
                    narrow_until = start + size
                    continue
                failing = self.log.select_notifications(start=start + 1, limit=1)
                record_failure(self.store, self.name, failing[0].id if failing else start + 1, error)
                return applied
            if count == _RACED:
                if not self._rebuilding and self._rebuild_elsewhere():
                    return applied  # a rebuild began meanwhile: leave the tables to it
                continue
            if count == 0:
                return applied
            applied += count
            if progress:
                progress(count)

    def _apply_batch(self, start: int, batch_size: int) -> int:
        with _without_cycle_collection():
            return self._read_and_apply(start, batch_size)

    def _read_and_apply(self, start: int, batch_size: int) -> int:
        p = self.store.p
        notifications = self.log.select_notifications(start=start + 1, limit=batch_size)
        if not notifications:
            return 0
        events = [(n.id, n.topic, self.decoder.to_domain_event(n)) for n in notifications]
        with self.store.transaction() as cursor:
            if self._locked_position(cursor) != start:
                return _RACED  # another process applied these meanwhile; read again from its position
            self.projector.apply(self.store, cursor, events)
            cursor.execute(f"UPDATE rm_tracking SET position = {p} WHERE name = {p}", (notifications[-1].id, self.name))
            leases.beat(self.store, cursor, self.name, this_process(), self._rebuilding)
            return len(notifications)

    def _locked_position(self, cursor: Cursor) -> int:
        p = self.store.p
        cursor.execute(f"SELECT position FROM rm_tracking WHERE name = {p}{self.store.for_update}", (self.name,))
        return int(cursor.fetchone()[0])


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """A batch makes hundreds of thousands of short-lived objects without cycles, which reference
    counting frees; the cycle collector would walk them, and every long-lived object, many times
    per batch for nothing (7% of a rebuild on SQLite, 13% on PostgreSQL, measured at M)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
