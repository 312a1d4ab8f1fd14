"""Who is catching a projection up right now, as every process can read it: ``rm_catch_up``.

Each batch a runner applies beats the projection's lease in the batch's own transaction (one row per
projection: the last holder, whether it is rebuilding, when it last beat). A rebuild folds the log into
tables without their indexes, trusting its memory of what it wrote; another process applying batches
meanwhile would make it read back through tables with no index, so catch-ups leave a live rebuild alone.
A rebuild whose process died (SIGKILL, a crash) leaves its lease behind: a holder known dead, or silent for
``LEASE_SECONDS``, holds nothing, and the next catch-up takes over (building the missing indexes first).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from projections.processes import alive
from projections.store.read_store import Cursor, ReadStore, values

#: How long after its last beat a holder not known dead counts as catching up: one on another machine, whose
#: process cannot be looked at from here, and one frozen or hung here stop counting then.
LEASE_SECONDS = 10.0

DDL = (
    "CREATE TABLE IF NOT EXISTS rm_catch_up (name TEXT PRIMARY KEY, holder TEXT NOT NULL, "
    "rebuilding INTEGER NOT NULL, beat DOUBLE PRECISION NOT NULL)"
)


@dataclass(frozen=True)
class Lease:
    name: str
    holder: str
    rebuilding: bool
    beat: float

    def live(self, now: float | None = None) -> bool:
        """Whether its holder may still be applying batches: not known dead, and heard from lately."""
        if alive(self.holder) is False:
            return False
        return (now if now is not None else time.time()) - self.beat <= LEASE_SECONDS


def beat(store: ReadStore, cursor: Cursor, name: str, holder: str, rebuilding: bool) -> None:
    """Renew ``holder``'s lease in the caller's transaction. A rebuild takes the lease whoever held it (it is
    dropping the tables anyway); a catch-up never takes a rebuild's, which only ``release`` ends."""
    p = store.p
    kept = "" if rebuilding else " WHERE rm_catch_up.rebuilding = 0 OR rm_catch_up.holder = excluded.holder"
    cursor.execute(
        f"""INSERT INTO rm_catch_up (name, holder, rebuilding, beat) {values(p, 4)}
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, rebuilding = excluded.rebuilding,
           beat = excluded.beat{kept}""",
        (name, holder, int(rebuilding), time.time()),
    )


def lease_of(store: ReadStore, name: str) -> Lease | None:
    rows = store.query(f"SELECT holder, rebuilding, beat FROM rm_catch_up WHERE name = {store.p}", (name,))
    return Lease(name, str(rows[0][0]), bool(rows[0][1]), float(rows[0][2])) if rows else None


def with_positions(store: ReadStore, names: list[str]) -> tuple[dict[str, Lease], dict[str, int]]:
    """The leases of several projections (those that have one) and their tracked positions, in one read: on
    PostgreSQL a read is a transaction of its own, a few round trips, and catch-up asked once per projection
    and question."""
    marks = ", ".join([store.p] * len(names))
    with store.reading() as cursor:
        cursor.execute(f"SELECT name, holder, rebuilding, beat FROM rm_catch_up WHERE name IN ({marks})", names)
        held = {
            str(name): Lease(str(name), str(holder), bool(rebuilding), float(beat))
            for name, holder, rebuilding, beat in cursor.fetchall()
        }
        cursor.execute(f"SELECT name, position FROM rm_tracking WHERE name IN ({marks})", names)
        found = {str(name): int(position) for name, position in cursor.fetchall()}
    return held, {name: found.get(name, 0) for name in names}


def release(store: ReadStore, cursor: Cursor, name: str, holder: str) -> None:
    """End ``holder``'s rebuild lease: its own rebuild is over, or it died (then the caller takes over)."""
    p = store.p
    cursor.execute(f"UPDATE rm_catch_up SET rebuilding = 0 WHERE name = {p} AND holder = {p}", (name, holder))
