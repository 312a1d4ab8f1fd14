"""Who is owed deliveries and who sends them: each subscription with its progress, and the claims on them.

One process sends a subscription's deliveries at a time, so they go out in position order: it claims the
progress row (``holder``, ``beat``, named as in ``processes.py``). A holder known dead, or silent past the
lease, holds nothing, so a worker SIGKILLed mid-send is replaced at once by the next one to look.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any

from projections.processes import alive, this_process
from projections.store.read_store import ReadStore

_COLUMNS = """s.id, s.query, s.url, s.secret, s.company_id, s.venue, s.stage, s.as_of, s.published_by,
    s.certain_only, s.created_position, s.created_at, s.ended_position, g.delivered, g.pending, g.attempts, g.next_at,
    g.parked, g.last_error, g.last_attempt_at, g.last_delivered_at, g.holder, g.beat"""
_FROM = "rm_subscriptions s JOIN rm_subscription_progress g ON g.id = s.id"


@dataclass(frozen=True)
class Subscriber:
    """A subscription with its progress, as one row read it."""

    id: str
    query: str
    url: str
    secret: str
    company_id: str | None
    venue: str | None
    stage: str | None
    as_of: str | None
    published_by: str | None
    certain_only: bool
    created_position: int
    created_at: str
    ended_position: int | None
    delivered: int
    pending: str | None
    attempts: int
    next_at: float
    parked: bool
    last_error: str | None
    last_attempt_at: str | None
    last_delivered_at: str | None
    holder: str | None
    beat: float

    @classmethod
    def of(cls, row: Any) -> Subscriber:
        found = cls(*row)
        return replace(found, certain_only=bool(found.certain_only), parked=bool(found.parked))


class Subscribers:
    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def subscriber(self, subscription_id: str) -> Subscriber | None:
        rows = self.store.query(f"SELECT {_COLUMNS} FROM {_FROM} WHERE s.id = {self.store.p}", (subscription_id,))
        return Subscriber.of(rows[0]) if rows else None

    def claim_due(self, lease_seconds: float, now: float | None = None) -> list[Subscriber]:
        """The live, unparked subscriptions with something to send now that this process holds, claiming free
        ones. Looked for first without a lock, so an idle service takes no write lock to find nothing due."""
        now = time.time() if now is None else now
        me, p = this_process(), self.store.p
        due = f"""SELECT {_COLUMNS} FROM {_FROM} WHERE s.ended_position IS NULL AND g.parked = 0 AND g.next_at <= {p}
            AND (g.pending IS NOT NULL OR g.delivered < (SELECT position FROM rm_tracking WHERE name = 'timeline'))
            ORDER BY s.created_position"""
        if not self.store.query(due, (now,)):
            return []
        claimed: list[Subscriber] = []
        with self.store.transaction() as cursor:
            cursor.execute(due + self.store.for_update, (now,))
            for subscriber in map(Subscriber.of, cursor.fetchall()):
                holder = subscriber.holder
                if holder not in (None, me) and alive(holder) is not False and now - subscriber.beat <= lease_seconds:
                    continue  # another live process is sending this one's deliveries
                cursor.execute(
                    f"UPDATE rm_subscription_progress SET holder = {p}, beat = {p} WHERE id = {p}",
                    (me, now, subscriber.id),
                )
                claimed.append(subscriber)
        return claimed

    def let_go(self) -> None:
        """Give up this process's claims (it is stopping), so another takes them over at once."""
        held = f"SELECT id FROM rm_subscription_progress WHERE holder = {self.store.p}"
        if not self.store.query(held, (this_process(),)):
            return
        with self.store.transaction() as cursor:
            cursor.execute(
                f"UPDATE rm_subscription_progress SET holder = NULL WHERE holder = {self.store.p}", (this_process(),)
            )
