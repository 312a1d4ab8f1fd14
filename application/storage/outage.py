"""Fail at once while PostgreSQL is known to be down.

eventsourcing retries each recorder call ten times on connection errors; with a 1 s wait for a pooled connection a
write would wait ~12 s. That rides out a restart, but during a real outage every request would hold a worker thread
that long, and clients' retries would pile up behind them. So once no connection could be had for ``GRACE_SECONDS``
on end (a write during a shorter blip still goes through), calls fail at once with ``DatabaseDown`` (a 503 naming
the outage, never retried by eventsourcing) for the next ``WINDOW_SECONDS``; then calls try the pool again, which
either ends the outage or opens another window. A connection had by anyone (a call, or /healthz's own probe) ends
it at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from eventsourcing.persistence import PersistenceError

GRACE_SECONDS = 5.0
WINDOW_SECONDS = 2.0  # as long as the Retry-After of a 503


class DatabaseDown(PersistenceError, ConnectionError):
    """PostgreSQL gave no connection for a while just now: failing at once rather than waiting again. A
    PersistenceError (the API answers 503) and a ConnectionError, which eventsourcing does not retry and the read
    models take for the database's trouble, never for an event they cannot apply."""


class Outage:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failing_since: float | None = None
        self._retry_at = 0.0

    def check(self) -> None:
        """Raise DatabaseDown while a window is open."""
        with self._lock:
            failing_since, now = self._failing_since, self._clock()
            if failing_since is None or now - failing_since < GRACE_SECONDS or now >= self._retry_at:
                return
        raise DatabaseDown(
            f"PostgreSQL has given no connection for {now - failing_since:.0f} s; not waiting for it again yet"
        )

    def failed(self) -> None:
        """No connection could be had."""
        with self._lock:
            now = self._clock()
            if self._failing_since is None:
                self._failing_since = now
            self._retry_at = now + WINDOW_SECONDS

    def ended(self) -> None:
        """A connection was had."""
        if self._failing_since is not None:  # read without the lock: on every call, and almost always None
            with self._lock:
                self._failing_since = None

    @property
    def down(self) -> bool:
        with self._lock:
            return self._failing_since is not None


def guarded(
    get_connection: Callable[[], AbstractContextManager[Any]],
    outage: Outage,
    no_connection: tuple[type[Exception], ...],
) -> Callable[[], AbstractContextManager[Any]]:
    """``get_connection`` failing at once while ``outage`` is on, and telling it when a connection is had or not
    (``no_connection``: the errors a pool raises when it has none to give)."""

    @contextmanager
    def connection() -> Iterator[Any]:
        outage.check()
        try:
            with get_connection() as conn:
                outage.ended()
                yield conn
        except PersistenceError as error:
            if isinstance(error.__cause__, no_connection):
                outage.failed()
            raise

    return connection


def watched(env: Mapping[str, str], recorder: Any) -> Outage:
    """The outage of the recorder's database: on PostgreSQL its datastore hands out connections through ``guarded``
    (the read models borrow the same pool and method); on SQLite, a file, nothing to wait for and never on."""
    outage = Outage()
    if env.get("PERSISTENCE_MODULE") == "eventsourcing.postgres":
        import psycopg_pool

        datastore = recorder.datastore
        datastore.get_connection = guarded(datastore.get_connection, outage, (psycopg_pool.PoolTimeout,))
    return outage
