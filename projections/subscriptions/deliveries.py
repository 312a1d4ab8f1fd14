"""The bookkeeping of deliveries: what each subscription has had and what it is owed.

Per subscription, ``rm_subscription_progress`` keeps a position, ``delivered``, as ``rm_tracking`` keeps one
per projection: every change up to it went out (or there was none). The next delivery covers the span
after it: the revisions of the subscription's scope between ``delivered`` and the core read models'
position (``/revisions``' own answer, filtered to the company it follows). A span without changes moves
``delivered`` on with nothing sent. A span with changes becomes a delivery: its id (a uuid5 of the
subscription and span, so the same span is the same delivery) and its body's bytes are stored *before*
anything is sent, and the progress row names it ``pending``. It is sent, again and again with the same id
and bytes, until a receiver acknowledges it; only then, in one transaction with the acknowledgement, does
``delivered`` move to its position. So a delivery is never lost (at least once), never followed by the next
before it is acknowledged (position order), and a crash anywhere resends at most the pending one, which
the receiver recognises by its ``delivery_id``; the bookkeeping itself changes exactly once per step, every
step a compare-and-set on the row, made only by the process holding the row's claim (subscribers.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import NAMESPACE_URL, uuid5

import orjson

from projections.processes import this_process
from projections.queries.answers import Revision
from projections.queries.questions import Queries
from projections.store.read_store import Cursor, ReadStore
from projections.subscriptions.subscribers import Subscriber

#: The most log positions one delivery spans: a subscription far behind catches up in deliveries of bounded work.
MAX_SPAN = 5000
#: The longest wait between attempts, however many failed.
MAX_BACKOFF_SECONDS = 3600.0
MAX_ERROR_CHARS = 500
DELIVERY_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:delivery")


@dataclass(frozen=True)
class Delivery:
    delivery_id: str
    subscription_id: str
    since: int
    position: int
    body: bytes


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Deliveries:
    def __init__(self, store: ReadStore, queries: Queries) -> None:
        self.store = store
        self.queries = queries

    # Reading --------------------------------------------------------------------------------

    def made(self, subscription_id: str, limit: int) -> list[dict[str, Any]]:
        """The newest deliveries made for a subscription (sent or not), newest first."""
        p = self.store.p
        rows = self.store.query(
            f"""SELECT delivery_id, since, position, body, made_at, attempts, delivered_at FROM rm_deliveries
                WHERE subscription_id = {p} ORDER BY position DESC LIMIT {p}""",
            (subscription_id, limit),
        )
        keys = ("delivery_id", "since", "position", "body", "made_at", "attempts", "delivered_at")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def head(self) -> int:
        """How far the core read models reach: a delivery's changes are read from them."""
        rows = self.store.query("SELECT position FROM rm_tracking WHERE name = 'timeline'")
        return int(rows[0][0]) if rows else 0

    # The next delivery ----------------------------------------------------------------------

    def next(self, subscriber: Subscriber, today: date) -> Delivery | None:
        """The delivery this subscription is owed now: the pending one, or one made for the changes after
        ``delivered``; None when it is up to date (or another process took it over)."""
        p = self.store.p
        while True:
            rows = self.store.query(
                f"SELECT delivered, pending, holder FROM rm_subscription_progress WHERE id = {p}", (subscriber.id,)
            )
            delivered, pending, holder = int(rows[0][0]), rows[0][1], rows[0][2]
            if holder != this_process():
                return None
            if pending is not None:
                return self._delivery(str(pending))
            until = min(self.head(), delivered + MAX_SPAN)
            if until <= delivered:
                return None
            changes = self.changes(subscriber, delivered, until, today)
            if changes:
                made = self._make(subscriber, delivered, until, changes)
                if made is not None:
                    return made
            else:
                self._moved_on(subscriber.id, until)
            # Moved on past a quiet span, or the row moved meanwhile: look again.

    def changes(self, subscriber: Subscriber, since: int, until: int, today: date) -> list[Revision]:
        """What /revisions says changed in the subscription's scope between two positions."""
        answer = self.queries.revisions(
            date.fromisoformat(subscriber.as_of) if subscriber.as_of else today,
            since,
            until,
            date.fromisoformat(subscriber.published_by) if subscriber.published_by else None,
            subscriber.certain_only,
            subscriber.venue,
            subscriber.stage,
        )
        wanted = subscriber.company_id
        return [change for change in answer["changes"] if wanted is None or change["company_id"] == wanted]

    def _make(self, subscriber: Subscriber, since: int, until: int, changes: list[Revision]) -> Delivery | None:
        """Store the delivery for a span with changes, naming it pending; None when the row moved meanwhile."""
        delivery_id = str(uuid5(DELIVERY_NAMESPACE, f"{subscriber.id}:{since}:{until}"))
        body = orjson.dumps(
            {
                "subscription_id": subscriber.id,
                "delivery_id": delivery_id,
                "since": since,
                "position": until,
                "query": subscriber.query,
                "changes": changes,
            }
        )
        p = self.store.p
        with self.store.transaction() as cursor:
            if not self._still(cursor, subscriber.id, since):
                return None
            cursor.execute(
                f"""INSERT INTO rm_deliveries (delivery_id, subscription_id, since, position, body, made_at)
                    VALUES ({p}, {p}, {p}, {p}, {p}, {p}) ON CONFLICT (delivery_id) DO NOTHING""",
                (delivery_id, subscriber.id, since, until, body.decode(), _now_text()),
            )
            cursor.execute(
                f"UPDATE rm_subscription_progress SET pending = {p}, beat = {p} WHERE id = {p}",
                (delivery_id, time.time(), subscriber.id),
            )
        return Delivery(delivery_id, subscriber.id, since, until, body)

    def _moved_on(self, subscription_id: str, until: int) -> None:
        """Move ``delivered`` past a span without changes (unless the row moved meanwhile)."""
        p = self.store.p
        with self.store.transaction() as cursor:
            cursor.execute(
                f"""UPDATE rm_subscription_progress SET delivered = {p}, beat = {p}
                    WHERE id = {p} AND pending IS NULL AND delivered < {p} AND holder = {p}""",
                (until, time.time(), subscription_id, until, this_process()),
            )

    def _still(self, cursor: Cursor, subscription_id: str, since: int) -> bool:
        """Whether the row is as this process left it: held here, at ``since``, nothing pending (locked)."""
        p = self.store.p
        cursor.execute(
            f"SELECT delivered, pending, holder FROM rm_subscription_progress WHERE id = {p}{self.store.for_update}",
            (subscription_id,),
        )
        delivered, pending, holder = cursor.fetchone()
        return int(delivered) == since and pending is None and holder == this_process()

    def _delivery(self, delivery_id: str) -> Delivery:
        rows = self.store.query(
            "SELECT delivery_id, subscription_id, since, position, body FROM rm_deliveries "
            f"WHERE delivery_id = {self.store.p}",
            (delivery_id,),
        )
        found = rows[0]
        return Delivery(str(found[0]), str(found[1]), int(found[2]), int(found[3]), str(found[4]).encode())

    # Outcomes -------------------------------------------------------------------------------

    def acknowledged(self, delivery: Delivery) -> bool:
        """The receiver answered 2xx: the span is delivered (False if another process recorded it first)."""
        p, now = self.store.p, _now_text()
        with self.store.transaction() as cursor:
            cursor.execute(
                f"""UPDATE rm_subscription_progress SET delivered = {p}, pending = NULL, attempts = 0, next_at = 0,
                    last_error = NULL, last_attempt_at = {p}, last_delivered_at = {p}, beat = {p}
                    WHERE id = {p} AND pending = {p}""",
                (delivery.position, now, now, time.time(), delivery.subscription_id, delivery.delivery_id),
            )
            done = bool(cursor.rowcount)
            cursor.execute(
                f"UPDATE rm_deliveries SET attempts = attempts + 1, delivered_at = {p} WHERE delivery_id = {p}",
                (now, delivery.delivery_id),
            )
        return done

    def failed(self, delivery: Delivery, error: str, max_attempts: int, backoff: float) -> bool:
        """An attempt failed: try again after ``backoff`` seconds doubled per failed attempt, or park the
        subscription after ``max_attempts``; True when it is parked now."""
        p, now = self.store.p, time.time()
        with self.store.transaction() as cursor:
            cursor.execute(
                f"""SELECT attempts FROM rm_subscription_progress
                    WHERE id = {p} AND pending = {p}{self.store.for_update}""",
                (delivery.subscription_id, delivery.delivery_id),
            )
            row = cursor.fetchone()
            if row is None:
                return False  # recorded meanwhile by another process
            attempts = int(row[0]) + 1
            parked = attempts >= max_attempts
            wait = min(backoff * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS)
            cursor.execute(
                f"""UPDATE rm_subscription_progress SET attempts = {p}, parked = {p}, next_at = {p},
                    last_error = {p}, last_attempt_at = {p}, beat = {p} WHERE id = {p}""",
                (
                    attempts,
                    int(parked),
                    now + wait,
                    error[:MAX_ERROR_CHARS],
                    _now_text(),
                    now,
                    delivery.subscription_id,
                ),
            )
            cursor.execute(
                f"UPDATE rm_deliveries SET attempts = attempts + 1 WHERE delivery_id = {p}", (delivery.delivery_id,)
            )
        return parked
