"""How far a relay has gone, kept in the store beside the projections' positions.

A relay's position is a row of ``rm_tracking`` (named ``relay:<stream>:<subject>``, so the projections' own
rows and answers never count it) and its process a lease in ``rm_catch_up`` (``projections/leases.py``): the
last position the bus acknowledged, and who is relaying now. The row only moves forward, so two relays
meeting on one stream (a restart racing a process not yet dead) never move it back.
"""

from __future__ import annotations

from projections import leases
from projections.processes import this_process
from projections.store.read_store import ReadStore, values


class RelayTracking:
    def __init__(self, store: ReadStore, name: str) -> None:
        self.store = store
        self.name = name
        p = store.p
        # The table is the projections' (ProjectionRunner creates it, and build_services builds those first).
        with store.transaction() as cursor:
            cursor.execute(
                f"INSERT INTO rm_tracking (name, position) {values(p, 2)} ON CONFLICT (name) DO NOTHING", (name, 0)
            )

    def position(self) -> int:
        """The last position the bus acknowledged, as recorded by whichever relay got there."""
        rows = self.store.query(f"SELECT position FROM rm_tracking WHERE name = {self.store.p}", (self.name,))
        return int(rows[0][0]) if rows else 0

    def advance(self, position: int) -> int:
        """Record that the bus acknowledged every event up to ``position``, and beat this relay's lease, in one
        transaction; returns the tracked position afterwards (further already, if another relay got there)."""
        p = self.store.p
        with self.store.transaction() as cursor:
            cursor.execute(f"SELECT position FROM rm_tracking WHERE name = {p}{self.store.for_update}", (self.name,))
            tracked = int(cursor.fetchone()[0])
            if position > tracked:
                cursor.execute(f"UPDATE rm_tracking SET position = {p} WHERE name = {p}", (position, self.name))
                tracked = position
            leases.beat(self.store, cursor, self.name, this_process(), rebuilding=False)
        return tracked

    def beat(self) -> None:
        """Keep this relay's lease while it has nothing to publish."""
        with self.store.transaction() as cursor:
            leases.beat(self.store, cursor, self.name, this_process(), rebuilding=False)

    def relaying_elsewhere(self) -> str | None:
        """The live process relaying to this stream and subject now, if it is another one."""
        lease = leases.lease_of(self.store, self.name)
        if lease is None or lease.holder == this_process() or not lease.live():
            return None
        return lease.holder
