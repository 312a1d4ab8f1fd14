"""The one composition root: settings in; application, read models and queries out."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from eventsourcing.sqlite import SQLiteDatastore

from api.health import HealthProbe
from api.middleware.idempotency import IdempotencyStore
from api.settings import Settings
from application.log import EventLog
from application.service import TimelineApplication
from application.storage.database_url import SCHEMA_LOCK, environment_for, sqlite_path
from projections.failures import Stuck
from projections.indexes.daily_counts import daily_counts_projection
from projections.queries.answers import LogPoint
from projections.queries.questions import Queries
from projections.runner import DEFAULT_BATCH, ProjectionRunner, catch_up_together, rebuild_together
from projections.store.read_store import ReadStore
from projections.store.sqlite import SQLiteStore
from projections.subscriptions.deliveries import Deliveries
from projections.subscriptions.projector import subscriptions_projection
from projections.subscriptions.subscribers import Subscribers
from projections.timeline.projector import timeline_projection

STUCK_CHECK_SECONDS = 1.0
logger = logging.getLogger("timeline")


@dataclass
class Services:
    app: TimelineApplication
    store: ReadStore
    projections: dict[str, ProjectionRunner]
    queries: Queries
    idempotency: IdempotencyStore
    log: EventLog
    health: HealthProbe
    catch_up_on_write: bool = True
    stale_after: int = 100  # reads from read models this many events behind the log say so
    _stuck_cache: tuple[float, list[Stuck]] = field(default=(0.0, []), repr=False)
    log_points: dict[int, LogPoint] = field(default_factory=dict, repr=False)  # api/answers/basis.py keeps them
    # Called after each catch-up following a write here (the in-process deliverer's wake-up: api/webhooks/).
    after_catch_up: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @functools.cached_property
    def deliveries(self) -> Deliveries:
        """The bookkeeping of standing queries' webhooks (projections/subscriptions/)."""
        return Deliveries(self.store, self.queries)

    @functools.cached_property
    def subscribers(self) -> Subscribers:
        """Standing queries with their progress, and which process sends each one's deliveries."""
        return Subscribers(self.store)

    @property
    def delivers_in_process(self) -> bool:
        """Whether the serving process sends webhooks itself: on SQLite; on PostgreSQL `timeline deliver` does."""
        return isinstance(self.store, SQLiteStore)

    @property
    def projection(self) -> ProjectionRunner:
        """The core read models every query route reads."""
        return self.projections["timeline"]

    def catch_up(self) -> int:
        """Every read model caught up, the log read once for all of them; how many events were applied in all."""
        return sum(catch_up_together(list(self.projections.values())).values())

    def rebuild(
        self, names: Sequence[str], batch_size: int = DEFAULT_BATCH, progress: Callable[[int], None] | None = None
    ) -> dict[str, int]:
        """These read models rebuilt from the whole log in one pass over it; the events each applied."""
        return rebuild_together([self.projections[name] for name in names], batch_size, progress)

    def catch_up_after_write(self) -> bool:
        """Catch up once a write is stored; False (logged) if the database refused just now.

        The write is stored whatever happens here, so its answer must not depend on this:
        readers that need it wait with ``min_position``, and the next catch-up applies it.
        """
        try:
            self.catch_up()
        except self.store.unavailable_errors as error:
            logger.warning("catch-up after a write failed", extra={"fields": {"error": f"{type(error).__name__}"}})
            self.health.write_failed(error)
            return False
        for hook in self.after_catch_up:
            hook()
        return True

    def write_failed(self, error: BaseException) -> None:
        """A write (or its catch-up) met database trouble: /healthz says degraded until writes go through."""
        self.health.write_failed(error)

    def write_went_through(self) -> None:
        self.health.write_went_through()

    def behind(self) -> tuple[int, int]:
        """(newest log position, events the slowest read model has yet to apply), read now."""
        # Through the read store, not the recorder: eventsourcing retries a recorder's call ten times when the
        # database is down, and this look (every second, and on the read path) should fail at once instead.
        with self.store.reading() as cursor:
            head = self.app.event_table.newest_position(cursor)
        lag = head - self.lowest_position()
        self.health.seen_behind(head - lag, lag)
        return head, lag

    def stale_lag(self) -> int | None:
        """Events the read models were behind at the last look, if that is ``stale_after`` or more. Reads look
        again with ``stuck`` once the last look is a second old, so the figure is never older than that."""
        lag = self.health.lag
        return lag if lag >= self.stale_after else None

    def stuck_if_known(self) -> list[Stuck] | None:
        """The stuck projections as checked within the last second, or None if that is longer ago
        (then ``stuck`` must ask the database); lets a read skip a thread hop on the hot path."""
        checked_at, known = self._stuck_cache
        return known if time.monotonic() - checked_at <= STUCK_CHECK_SECONDS else None

    def stuck(self, fresh: bool = False) -> list[Stuck]:
        """Projections stopped at an event they cannot apply (checked at most once a second unless fresh)."""
        checked_at, known = self._stuck_cache
        now = time.monotonic()
        if fresh or now - checked_at > STUCK_CHECK_SECONDS:
            known = [s for s in (runner.stuck() for runner in self.projections.values()) if s is not None]
            self.behind()  # in the same look, so a read can say how far behind it is as well
            self._stuck_cache = (now, known)
        return known

    def lowest_position(self) -> int:
        return min(runner.position() for runner in self.projections.values())

    def read_position(self) -> int:
        """The position every read model has reached, in one read (what a cached answer is keyed on)."""
        # Only this service's projections: a downstream one sharing the table must not pin the key.
        names = sorted(self.projections)
        marks = ", ".join([self.store.p] * len(names))
        rows = self.store.query(f"SELECT min(position) FROM rm_tracking WHERE name IN ({marks})", names)  # noqa: S608
        return int(rows[0][0] or 0)

    def close(self) -> None:
        self.store.close()
        self.app.close()


def build_application(settings: Settings) -> TimelineApplication:
    url = settings.resolved_database_url
    path = sqlite_path(url)
    env = environment_for(url)
    if settings.read_only:
        env["CREATE_TABLE"] = "n"  # a replica is read-only to the database itself: the primary made the tables
    elif path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return TimelineApplication(env)


def read_store(app: TimelineApplication, read_only: bool = False) -> ReadStore:
    """The read models' store, in the application's database (on PostgreSQL, sharing its pool)."""
    datastore = app.recorder.datastore  # type: ignore[attr-defined]
    if isinstance(datastore, SQLiteDatastore):
        return SQLiteStore(Path(app.env["SQLITE_DBNAME"]), read_only)
    from projections.store.postgres import PostgresStore  # psycopg is imported only where PostgreSQL is used

    return PostgresStore(datastore, SCHEMA_LOCK, read_only)


def build_services(settings: Settings) -> Services:
    """Everything wired to one database; read models resume from their tracked position."""
    app = build_application(settings)
    store = read_store(app, settings.read_only)
    projections = {
        runner.name: runner
        for runner in (
            timeline_projection(store, app.recorder, app.mapper),
            daily_counts_projection(store, app.recorder, app.mapper),
            subscriptions_projection(store, app.recorder, app.mapper),
        )
    }
    return Services(
        app,
        store,
        projections,
        Queries(store),
        IdempotencyStore(store),
        EventLog(app, app.event_table),
        HealthProbe(app, store, projections),
        settings.catch_up_on_write,
        settings.stale_after_events,
    )
