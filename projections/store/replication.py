"""A streaming replica's view of its primary, as PostgreSQL reports it (``ReadStore.replication``).

A read-only server on a replica serves what the replica has replayed; whether it is still receiving the
primary's WAL and replaying it decides whether a read that must see a newer position can wait for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

#: One statement, read by the health check and by reads that wait for a position. ``pg_is_wal_replay_paused``
#: fails outside recovery, hence the CASE (its branches are evaluated only when taken). The lag in seconds is
#: PostgreSQL's usual one: none while everything received is replayed (so an idle primary is no lag), else
#: the age of the last transaction replayed.
QUERY = """SELECT pg_is_in_recovery(),
       CASE WHEN pg_is_in_recovery() THEN pg_is_wal_replay_paused() END,
       (SELECT status FROM pg_stat_wal_receiver LIMIT 1),
       pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
       pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint,
       pg_last_xact_replay_timestamp(),
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END"""


@dataclass(frozen=True)
class Replication:
    receiver: str | None  # the WAL receiver's status ("streaming" when all is well), None when none runs
    replay_paused: bool
    received_lsn: str | None
    replayed_lsn: str | None
    lag_bytes: int | None  # WAL received and not yet replayed
    lag_seconds: float | None  # 0 when everything received is replayed, else the last replayed commit's age
    last_replayed_at: datetime | None  # the commit time of the last transaction replayed

    @classmethod
    def from_row(cls, row: tuple[object, ...]) -> Replication | None:
        """The replica's state from ``QUERY``'s row; None on a server that is not a replica."""
        in_recovery, paused, receiver, received, replayed, lag_bytes, replayed_at, lag_seconds = row
        if not in_recovery:
            return None
        return cls(
            receiver=str(receiver) if receiver is not None else None,
            replay_paused=bool(paused),
            received_lsn=str(received) if received is not None else None,
            replayed_lsn=str(replayed) if replayed is not None else None,
            lag_bytes=int(str(lag_bytes)) if lag_bytes is not None else None,
            lag_seconds=float(str(lag_seconds)) if lag_seconds is not None else None,
            last_replayed_at=replayed_at if isinstance(replayed_at, datetime) else None,
        )

    def problem(self) -> str | None:
        """Why this replica cannot catch up with its primary now, or None while it streams and replays."""
        if self.receiver != "streaming":
            state = f"its WAL receiver is {self.receiver}" if self.receiver else "no WAL receiver is running"
            return f"this replica is not receiving the primary's WAL ({state})"
        if self.replay_paused:
            return "this replica's WAL replay is paused"
        return None
