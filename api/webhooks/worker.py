"""The delivery loop: in the serving process on SQLite (a background task, as api/follower.py), and in
``timeline deliver`` workers on PostgreSQL.

Each round claims the subscriptions due now (projections/subscriptions/subscribers.py: one process sends a
subscription's deliveries at a time), then, for each at once, sends what it is owed in position order until
it is up to date or an attempt fails (then it waits out its backoff, or is parked after the last attempt).
Database calls run off the event loop; the HTTP attempts share one client, each bounded by
``TIMELINE_WEBHOOK_TIMEOUT``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from api.composition import Services
from api.inputs import today
from api.settings import Settings
from api.unavailable import DATABASE_ERRORS
from api.webhooks.sender import Sender
from api.webhooks.targets import TargetPolicy
from projections.leases import LEASE_SECONDS
from projections.subscriptions.subscribers import Subscriber

POLL_SECONDS = 0.5
logger = logging.getLogger("timeline.webhooks")


class Deliverer:
    def __init__(self, services: Services, settings: Settings) -> None:
        self.deliveries = services.deliveries
        self.subscribers = services.subscribers
        self.troubles = (*DATABASE_ERRORS, *services.store.unavailable_errors)
        self.sender = Sender(TargetPolicy(settings.webhook_hosts), settings.webhook_timeout)
        self.attempts = settings.webhook_attempts
        self.backoff = settings.webhook_backoff
        # A claim outlives the longest attempt, so a live sender is not taken over in the middle of one.
        self.lease = settings.webhook_timeout + LEASE_SECONDS
        self._loop: asyncio.AbstractEventLoop | None = None
        self._woken = asyncio.Event()

    def wake(self) -> None:
        """Look now rather than at the next poll (a write of this process was caught up); from any thread."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._woken.set)

    async def run(self, stop: asyncio.Event, poll: float = POLL_SECONDS) -> None:
        """Deliver until ``stop`` is set; database trouble is logged once and waited out."""
        troubled = False
        self._loop = asyncio.get_running_loop()
        try:
            while not stop.is_set():
                try:
                    sent = await self.round()
                except self.troubles as error:
                    if not troubled:
                        logger.warning("deliveries: the database refused", extra={"fields": {"error": repr(error)}})
                    troubled, sent = True, 0
                except Exception:
                    # A fault of this code, not of the database: say so, and keep delivering (the next look may pass).
                    logger.exception("deliveries failed")
                    sent = 0
                else:
                    troubled = False
                if not sent:
                    await self._pause(stop, poll)
        finally:
            await self.sender.close()
            with contextlib.suppress(*self.troubles):
                await asyncio.to_thread(self.subscribers.let_go)

    async def _pause(self, stop: asyncio.Event, poll: float) -> None:
        """Until the poll is up, ``stop`` is set or a write wakes this deliverer."""
        waits = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self._woken.wait())]
        await asyncio.wait(waits, timeout=poll, return_when=asyncio.FIRST_COMPLETED)
        for wait in waits:
            wait.cancel()
        self._woken.clear()

    async def round(self) -> int:
        """One look: every due subscription brought up to date (or to its next failure); deliveries sent."""
        due = await asyncio.to_thread(self.subscribers.claim_due, self.lease)
        outcomes = await asyncio.gather(*(self._catch_up(subscriber) for subscriber in due), return_exceptions=True)
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome  # the others ran to their end; the loop logs this one
        return sum(outcome for outcome in outcomes if isinstance(outcome, int))

    async def _catch_up(self, subscriber: Subscriber) -> int:
        sent = 0
        while True:
            delivery = await asyncio.to_thread(self.deliveries.next, subscriber, today())
            if delivery is None:
                return sent
            error = await self.sender.send(subscriber.url, subscriber.secret, delivery)
            if error is None:
                await asyncio.to_thread(self.deliveries.acknowledged, delivery)
                sent += 1
                continue
            parked = await asyncio.to_thread(self.deliveries.failed, delivery, error, self.attempts, self.backoff)
            fields = {"subscription": subscriber.id, "delivery": delivery.delivery_id, "error": error}
            logger.warning("subscription parked" if parked else "delivery failed", extra={"fields": fields})
            return sent


async def deliver_in_background(services: Services, settings: Settings, stop: asyncio.Event) -> None:
    """The serving process's own deliveries (SQLite), until ``stop`` is set; each write of this process wakes it,
    so a change goes out as soon as it is caught up rather than at the next poll."""
    deliverer = Deliverer(services, settings)
    services.after_catch_up.append(deliverer.wake)
    try:
        await deliverer.run(stop)
    finally:
        services.after_catch_up.remove(deliverer.wake)
