"""Run a projector over the event log in batches, exactly once, with its own tracking.

Each batch's rows and the new tracking position are written in one transaction, and the
position is read (and on PostgreSQL locked) inside that transaction, so a crash or a second
process catching up at the same time can neither apply an event twice nor skip one.
Start-up resumes from the tracked position. Several named projections share the log and
the ``rm_tracking`` table, one row each, and can be rebuilt independently, or together
(``rebuild_together``, ``catch_up_together``): the log is then read and decoded once for all of them
(folding.py), and each still gets its own transactions, tracking, lease and failures.

An event the projector cannot apply stops this projection at that event, never silently
skipped: the failure is kept in ``rm_failures`` (failures.py, so every process's health check sees it;
a row counts only while the tracked position is still before it) and every later catch-up
tries again, so a fix deployed and restarted resumes by itself.

Every batch also beats the projection's lease (``leases.py``): catch-ups leave a live rebuild in
another process alone, and take over one whose process died, building the indexes it left undone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, Protocol, runtime_checkable

from projections import leases
from projections.failures import Stuck, record_failure, stuck_at
from projections.folding import Broken, Decoder, Event, LogReader, fold
from projections.processes import this_process
from projections.store.read_store import Cursor, ReadStore, is_transient, values

__all__ = ["DEFAULT_BATCH", "Decoder", "LogReader", "ProjectionRunner", "catch_up_together", "rebuild_together"]
DEFAULT_BATCH = 1000
_RACED = -1
# Rebuilds running in this process, by projection: another runner here (another Services) sees this
# process named on the lease and must tell a rebuild still running from one that failed to end its lease.
_REBUILDS_HERE: dict[str, int] = {}
logger = logging.getLogger("timeline.projections")


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
        return rebuild_together([self], batch_size, progress)[self.name]

    def _begin_rebuild(self) -> None:
        """Tables and tracking dropped in one transaction, the lease taken, the tables made again (their
        secondary indexes later, where the projector can wait for them)."""
        p = self.store.p
        with self.store.schema_transaction() as cursor:
            self._locked_position(cursor)
            self.projector.drop_tables(self.store, cursor)
            cursor.execute(f"UPDATE rm_tracking SET position = 0 WHERE name = {p}", (self.name,))
            cursor.execute(f"DELETE FROM rm_failures WHERE name = {p}", (self.name,))
            leases.beat(self.store, cursor, self.name, this_process(), rebuilding=True)
        if isinstance(self.projector, IndexesLater):
            # If this process dies before the indexes are built, the next catch-up (or process to start) builds them.
            self.projector.create_tables(self.store, indexes=False)
        else:
            self.projector.create_tables(self.store)

    def _finish_rebuild(self) -> None:
        if isinstance(self.projector, IndexesLater):
            self.projector.create_indexes(self.store)

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
        return catch_up_together([self], batch_size, progress)[self.name]

    def _rebuild_elsewhere(self, lease: leases.Lease | None) -> bool:
        """Whether a live rebuild holds this projection (``lease``, as just read); a dead one's is taken over here."""
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
        if isinstance(self.projector, IndexesLater):
            self.projector.create_indexes(self.store)  # and what its rebuild left for them to the end
        else:
            self.projector.create_tables(self.store)
        with self.store.transaction() as cursor:
            leases.release(self.store, cursor, self.name, lease.holder)
        return False

    @contextmanager
    def _held_for_rebuild(self) -> Iterator[None]:
        self._rebuilding = True
        _REBUILDS_HERE[self.name] = _REBUILDS_HERE.get(self.name, 0) + 1
        try:
            yield
        finally:
            _REBUILDS_HERE[self.name] -= 1
            self._rebuilding = False
            self._end_rebuild_lease()

    def hand(self, start: int, events: list[Event], broken: Broken | None) -> tuple[int | None, int]:
        """Apply a batch's ``events`` after ``start``: (the new position, or None once this projection stops here,
        how many applied). ``broken``: the event after them, which could not be decoded."""
        position: int | None
        try:
            position, applied = (self._take(start, events), len(events)) if events else (start, 0)
        except Exception as error:  # a projector can fail on anything an event holds
            if is_transient(self.store, error):
                raise
            position, applied = self._narrow(start, events, error)
        if position == _RACED:  # another process applied these meanwhile: on from its position
            if not self._rebuilding and self._rebuild_elsewhere(leases.lease_of(self.store, self.name)):
                return None, applied  # a rebuild began meanwhile: leave the tables to it
            return self.position(), applied
        if position is not None and broken is not None and position < broken[0]:
            record_failure(self.store, self.name, broken[0], broken[1])
            return None, applied
        return position, applied

    def _narrow(self, start: int, events: list[Event], error: Exception) -> tuple[int | None, int]:
        """A batch failed: apply its events one at a time, to keep those before the failing one and name it."""
        if len(events) > 1:
            position = start
            for applied, event in enumerate(events):
                try:
                    position = self._take(position, [event])
                except Exception as failure:
                    if is_transient(self.store, failure):
                        raise
                    record_failure(self.store, self.name, event[0], failure)
                    return None, applied
                if position == _RACED:
                    return _RACED, applied
            return position, len(events)
        record_failure(self.store, self.name, events[0][0], error)
        return None, 0

    def _take(self, start: int, events: list[Event]) -> int:
        """The events after ``start`` in one transaction with the tracking: the new position, or _RACED."""
        p = self.store.p
        with self.store.transaction() as cursor:
            if self._locked_position(cursor) != start:
                return _RACED
            self.projector.apply(self.store, cursor, events)
            cursor.execute(f"UPDATE rm_tracking SET position = {p} WHERE name = {p}", (events[-1][0], self.name))
            leases.beat(self.store, cursor, self.name, this_process(), self._rebuilding)
            return events[-1][0]

    def _locked_position(self, cursor: Cursor) -> int:
        p = self.store.p
        cursor.execute(f"SELECT position FROM rm_tracking WHERE name = {p}{self.store.for_update}", (self.name,))
        return int(cursor.fetchone()[0])


def rebuild_together(
    runners: Sequence[ProjectionRunner], batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Rebuild several projections of one log in one pass: each batch is read and decoded once and handed to
    every one, each in its own transaction with its own tracking, lease and failures, as each alone would be.
    Returns the events each applied; ``progress`` hears how far the slowest one moved after each batch."""
    for runner in runners:
        if runner.store.read_only:  # a ValueError: the command line reports it as bad input, without a traceback
            raise ValueError(
                f"projection {runner.name!r} is not rebuilt on a read-only store: rebuild it on the primary"
            )
    with ExitStack() as stack:
        for runner in sorted(runners, key=lambda runner: runner.name):  # one order: two callers cannot deadlock
            stack.enter_context(runner._lock)
        for runner in runners:
            stack.enter_context(runner._held_for_rebuild())
        for runner in runners:
            runner._begin_rebuild()
        try:
            applied = fold(runners, dict.fromkeys((runner.name for runner in runners), 0), batch_size, progress)
        finally:
            for runner in runners:
                runner._finish_rebuild()
        for store in {id(runner.store): runner.store for runner in runners}.values():
            store.refresh_statistics()
        return applied


def catch_up_together(
    runners: Sequence[ProjectionRunner], batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Catch several projections of one log up in one pass (see ``ProjectionRunner.catch_up``): each is handed
    only the events after its own position."""
    applied = dict.fromkeys((runner.name for runner in runners), 0)
    writable = [runner for runner in runners if not runner.store.read_only]
    with ExitStack() as stack:
        for runner in sorted(writable, key=lambda runner: runner.name):
            stack.enter_context(runner._lock)
        held: dict[str, leases.Lease] = {}
        positions: dict[str, int] = {}
        for store in {id(runner.store): runner.store for runner in writable}.values():  # one read a store
            found = leases.with_positions(store, [runner.name for runner in writable if runner.store is store])
            held, positions = held | found[0], positions | found[1]
        free = [runner for runner in writable if not runner._rebuild_elsewhere(held.get(runner.name))]
        if free:
            applied.update(fold(free, {runner.name: positions[runner.name] for runner in free}, batch_size, progress))
    return applied
