"""What /healthz reports, found off the event loop and answered within a deadline whatever the database does.

- ``unavailable`` (503): the database did not answer the probe (a bounded wait for a connection, a statement
  timeout, and a deadline on the whole probe; a probe still running is shared, never started twice);
- ``degraded`` (503): a projection is stuck at an event; or the last write this process tried failed and a
  small write still fails (a full disk reads fine and refuses every write); or the read models lag the log
  and nothing catches them up (no catch-up here, no live lease elsewhere) for ``lag_grace`` seconds;
- ``ok`` (200) otherwise, ``catching_up`` saying whether a lag is being worked off.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from datetime import UTC, datetime
from typing import NotRequired

from typing_extensions import TypedDict

from api.unavailable import DATABASE_ERRORS
from application.service import TimelineApplication
from projections import leases
from projections.processes import this_process
from projections.runner import ProjectionRunner
from projections.store.read_store import ReadStore
from projections.store.replication import Replication

PROBE_SECONDS = 1.0  # the probe's wait for a connection, and each statement's limit
DEADLINE_SECONDS = 1.5  # /healthz answers by then, probe finished or not
LAG_GRACE_SECONDS = 5.0  # a lag nobody works off for this long is degraded (a write's own catch-up is quicker)
logger = logging.getLogger("timeline")


class ProjectionHealth(TypedDict):
    position: int
    lag: int  # events recorded but not yet applied
    stuck_at: NotRequired[int]  # the event this projection cannot apply
    error: NotRequired[str]
    since: NotRequired[str]


class ReplicaHealth(TypedDict):
    """A read-only server's replica, as PostgreSQL reports it."""

    receiver: str | None  # the WAL receiver's status: streaming, or null when none runs (degraded)
    replay_paused: bool  # degraded when true
    received_lsn: str | None
    replayed_lsn: str | None
    replay_lag_bytes: int | None  # WAL received and not yet replayed
    replay_lag_seconds: float | None  # 0 while everything received is replayed, else the last replayed commit's age
    last_replayed_at: str | None  # commit time of the last transaction replayed


class Health(TypedDict):
    status: str  # ok, degraded (503) or unavailable (503)
    database: str
    log_position: NotRequired[int]
    projection_position: NotRequired[int]
    projection_lag: NotRequired[int]
    catching_up: NotRequired[bool]  # while lagging: whether some process is applying the lag now
    projections: NotRequired[dict[str, ProjectionHealth]]
    replica: NotRequired[ReplicaHealth]  # only on a read-only server (TIMELINE_READ_ONLY) on a streaming replica
    problems: NotRequired[list[str]]


class HealthProbe:
    def __init__(self, app: TimelineApplication, store: ReadStore, projections: dict[str, ProjectionRunner]) -> None:
        self.app = app
        self.store = store
        self.projections = projections
        self.lag_grace = LAG_GRACE_SECONDS
        self._write_failure: str | None = None
        self._behind: tuple[int, float] | None = None  # (lowest position, when first seen lagging there)
        self.lag = 0  # events the read models were behind the log at the last look (any look: health, reads, follower)
        self._guard = threading.Lock()
        self._running: tuple[asyncio.AbstractEventLoop, asyncio.Future[tuple[int, Health]]] | None = None
        if store.read_only:
            return  # never writes: the write probe below runs only after a write of this process failed
        with store.schema_transaction() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS api_health (name TEXT PRIMARY KEY, checked DOUBLE PRECISION)")

    # What this process saw of the database's writes -----------------------------------------

    def write_failed(self, error: BaseException) -> None:
        when = datetime.now(UTC).isoformat(timespec="seconds")
        self._write_failure = f"{type(error).__name__} at {when}"
        logger.warning("a write failed: the database refused it", extra={"fields": {"error": type(error).__name__}})

    def write_went_through(self) -> None:
        self._write_failure = None

    def seen_behind(self, lowest: int, lag: int) -> float:
        """Seconds the read models have lagged at this position, as this process saw it (0 when not lagging)."""
        now = time.monotonic()
        with self._guard:
            self.lag = lag
            if lag <= 0:
                self._behind = None
                return 0.0
            if self._behind is None or self._behind[0] != lowest:
                self._behind = (lowest, now)
            return now - self._behind[1]

    def catching_up(self) -> bool:
        """Whether a catch-up runs here, or a live lease says one runs elsewhere."""
        if any(runner.busy for runner in self.projections.values()):
            return True
        found = [leases.lease_of(self.store, name) for name in self.projections]
        return any(lease is not None and lease.holder != this_process() and lease.live() for lease in found)

    # The check ---------------------------------------------------------------------------

    async def check(self) -> tuple[int, Health]:
        """The report, or ``unavailable`` if it is not ready within the deadline."""
        loop = asyncio.get_running_loop()
        if self._running is None or self._running[0] is not loop or self._running[1].done():
            self._running = (loop, asyncio.ensure_future(asyncio.to_thread(self.report)))
        try:
            return await asyncio.wait_for(asyncio.shield(self._running[1]), DEADLINE_SECONDS)
        except TimeoutError:
            return 503, {"status": "unavailable", "database": f"no answer within {DEADLINE_SECONDS:g} s"}

    def report(self) -> tuple[int, Health]:
        try:
            with self.store.probing(PROBE_SECONDS):
                with self.store.reading() as cursor:
                    head = self.app.event_table.newest_position(cursor)
                positions = {name: runner.position() for name, runner in self.projections.items()}
                stuck = {s.name: s for s in (runner.stuck() for runner in self.projections.values()) if s is not None}
                catching = self.catching_up()
                replica = self.store.replication() if self.store.read_only else None
        except (*DATABASE_ERRORS, *self.store.unavailable_errors) as error:
            return 503, {"status": "unavailable", "database": f"unreachable: {type(error).__name__}"}
        self.app.outage.ended()  # the probe had a connection: calls need not fail at once any more
        applied = min(positions.values())
        lag = head - applied
        projections: dict[str, ProjectionHealth] = {}
        for name, position in positions.items():
            projections[name] = {"position": position, "lag": head - position}
            if name in stuck:
                projections[name] |= {
                    "stuck_at": stuck[name].position,
                    "error": stuck[name].error,
                    "since": stuck[name].since,
                }
        problems = [s.describe() for s in stuck.values()]
        replica_problem = replica.problem() if replica is not None else None
        if replica_problem is not None:
            problems.append(replica_problem)
        if self._write_failure is not None and not self._writes_go_through():
            problems.append(f"the last write failed ({self._write_failure}) and writes still fail")
        behind_for = self.seen_behind(applied, lag)
        if lag > 0 and not stuck and not catching and behind_for >= self.lag_grace:
            problems.append(f"the read models are {lag} events behind the log and no catch-up is running")
        body: Health = {
            "status": "degraded" if problems else "ok",
            "database": "reachable",
            "log_position": head,
            "projection_position": applied,
            "projection_lag": lag,
            "projections": projections,
        }
        if lag > 0:
            body["catching_up"] = catching
        if replica is not None:
            body["replica"] = _replica_health(replica)
        if problems:
            body["problems"] = problems
        return (503 if problems else 200), body

    def _writes_go_through(self) -> bool:
        """One small write, bounded like the probe; clears the failure if it commits."""
        p = self.store.p
        try:
            with self.store.probing(PROBE_SECONDS, write=True), self.store.reading() as cursor:
                cursor.execute(
                    f"""INSERT INTO api_health (name, checked) VALUES ('write', {p})
                       ON CONFLICT (name) DO UPDATE SET checked = excluded.checked""",  # noqa: S608 - our placeholder
                    (time.time(),),
                )
        except (*DATABASE_ERRORS, *self.store.unavailable_errors):
            return False
        self.write_went_through()
        return True


def _replica_health(replica: Replication) -> ReplicaHealth:
    return {
        "receiver": replica.receiver,
        "replay_paused": replica.replay_paused,
        "received_lsn": replica.received_lsn,
        "replayed_lsn": replica.replayed_lsn,
        "replay_lag_bytes": replica.lag_bytes,
        "replay_lag_seconds": replica.lag_seconds,
        "last_replayed_at": replica.last_replayed_at.isoformat() if replica.last_replayed_at else None,
    }
