"""The subscriptions projection: each standing query as its events made it, tracked like every projection.

``rm_subscriptions`` is rebuilt from the log like any read model. The delivery bookkeeping
(``rm_subscription_progress``, ``rm_deliveries``: see deliveries.py) is not: what was sent to a receiver
cannot be unsent by a rebuild, so those tables are created here but never dropped with this projection. A
subscription's progress row is made in the same transaction as its projected creation (exactly once, from
the position of its ``Created`` event: a subscriber hears of changes after it subscribed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from projections.clocks import system_time
from projections.runner import Decoder, LogReader, ProjectionRunner
from projections.store.read_store import Cursor, ReadStore, values

_OWN = [
    """CREATE TABLE IF NOT EXISTS rm_subscriptions (id TEXT PRIMARY KEY, query TEXT NOT NULL, url TEXT NOT NULL,
       secret TEXT NOT NULL, company_id TEXT, venue TEXT, stage TEXT, as_of TEXT, published_by TEXT,
       certain_only INTEGER NOT NULL, created_position BIGINT NOT NULL, created_at TEXT NOT NULL,
       ended_position BIGINT)""",
]
_BOOKKEEPING = [
    # delivered: the position up to which this subscription's changes went out (or were found to be none);
    # pending: the delivery made and not yet acknowledged, sent again (same id, same bytes) until it is.
    """CREATE TABLE IF NOT EXISTS rm_subscription_progress (id TEXT PRIMARY KEY, delivered BIGINT NOT NULL,
       pending TEXT, attempts INTEGER NOT NULL DEFAULT 0, next_at DOUBLE PRECISION NOT NULL DEFAULT 0,
       parked INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_attempt_at TEXT, last_delivered_at TEXT,
       holder TEXT, beat DOUBLE PRECISION NOT NULL DEFAULT 0)""",
    """CREATE TABLE IF NOT EXISTS rm_deliveries (delivery_id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL,
       since BIGINT NOT NULL, position BIGINT NOT NULL, body TEXT NOT NULL, made_at TEXT NOT NULL,
       attempts INTEGER NOT NULL DEFAULT 0, delivered_at TEXT)""",
    "CREATE INDEX IF NOT EXISTS rm_deliveries_by_position ON rm_deliveries (subscription_id, position)",
]


class SubscriptionsProjector:
    name = "subscriptions"
    version = 1

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            for statement in (*_OWN, *_BOOKKEEPING):
                cursor.execute(statement)

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS rm_subscriptions")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        p = store.p
        for position, topic, event in events:
            name = topic.partition(":")[2]
            if name == "Subscription.Created":
                subscription_id = str(event.originator_id)
                cursor.execute(
                    f"""INSERT INTO rm_subscriptions (id, query, url, secret, company_id, venue, stage, as_of,
                        published_by, certain_only, created_position, created_at) {values(p, 12)}
                        ON CONFLICT (id) DO NOTHING""",
                    (
                        subscription_id,
                        event.query,
                        event.url,
                        event.secret,
                        event.company_id,
                        event.venue,
                        event.stage,
                        event.as_of,
                        event.published_by,
                        int(bool(event.certain_only)),
                        position,
                        system_time(event.timestamp),
                    ),
                )
                cursor.execute(
                    f"""INSERT INTO rm_subscription_progress (id, delivered) {values(p, 2)}
                        ON CONFLICT (id) DO NOTHING""",
                    (subscription_id, position),
                )
            elif name == "Subscription.Ended":
                cursor.execute(
                    f"UPDATE rm_subscriptions SET ended_position = {p} WHERE id = {p}",
                    (position, str(event.originator_id)),
                )


def subscriptions_projection(store: ReadStore, log: LogReader, decoder: Decoder) -> ProjectionRunner:
    return ProjectionRunner(store, log, decoder, SubscriptionsProjector())
