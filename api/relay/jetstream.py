"""Every event of the log published into a NATS JetStream stream, in log order, exactly once.

Each event goes out as ``/feed`` gives it (``feed_items``, encoded by orjson as the feed's answer is), with
the header ``Nats-Msg-Id`` set to its position, and the next is published only once the stream has
acknowledged it, so the stream holds the log's order. After each batch the last acknowledged position is
recorded in the store (``tracking.py``). A relay killed between an acknowledgement and that record starts
again from the newest position the stream itself holds on the subject (read from its last message), else from
the tracked one; a publish whose acknowledgement was lost with the process (sent, stored, never answered)
is sent again and the stream's de-duplication window, keyed on ``Nats-Msg-Id``, drops it.

Events go out once the read models have applied them: the feed names the kind of a fact a correction or a
retraction concerns from them. So the relay catches them up itself when they lag, as a serving process
does, and waits (saying so) while a projection is stuck before an event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass

import nats
import orjson
from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig
from nats.js.errors import NotFoundError

from api.composition import Services
from api.relay import FIRST_CONNECT_SECONDS
from api.relay.tracking import RelayTracking
from api.routes.feed import FeedEvent, feed_items
from api.unavailable import DATABASE_ERRORS

MSG_ID = "Nats-Msg-Id"
ACK_SECONDS = 5.0
RETRY_SECONDS = 1.0
logger = logging.getLogger("timeline.relay")


class RelayError(Exception):
    """The relay cannot go on: the stream does not fit, or a projection is stuck before the next event."""


@dataclass(frozen=True)
class Target:
    nats_url: str
    stream: str
    subject: str
    duplicate_window: float = 120.0  # seconds; for a stream the relay creates
    first_connect: float = FIRST_CONNECT_SECONDS  # seconds a server that never answered is waited for

    @property
    def tracking_name(self) -> str:
        return f"relay:{self.stream}:{self.subject}"


@dataclass
class Outcome:
    published: int = 0  # acknowledged as new messages
    duplicates: int = 0  # acknowledged as already held (the de-duplication window at work)
    position: int = 0  # the last acknowledged position


async def relay(
    services: Services,
    target: Target,
    *,
    until_caught_up: bool = False,
    batch_size: int = 100,
    poll: float = 0.5,
    stopping: asyncio.Event | None = None,
) -> Outcome:
    """Relay until ``stopping`` is set or, with ``until_caught_up``, until the stream holds the log's head."""
    stopping = stopping or asyncio.Event()
    # Once connected, the client reconnects for ever (a NATS restart does not stop the relay); a server that never
    # answered in the first place is a mistake to report, not to wait out.
    connection = await asyncio.wait_for(
        nats.connect(
            target.nats_url,
            connect_timeout=min(5, target.first_connect),
            max_reconnect_attempts=-1,
            error_cb=_nats_trouble,
        ),
        target.first_connect,
    )
    try:
        stream = connection.jetstream(timeout=ACK_SECONDS)
        await ensure_stream(stream, target)
        tracking = RelayTracking(services.store, target.tracking_name)
        relayed, head = await newest_relayed(stream, target), services.log.head()
        if relayed > head:
            raise RelayError(
                f"stream {target.stream!r} holds position {relayed} on {target.subject!r}, past this log's newest "
                f"({head}): another store filled it; name another stream or subject"
            )
        outcome = Outcome(position=max(tracking.position(), relayed))
        logger.info("relaying", extra={"fields": {"stream": target.stream, "after": outcome.position}})
        await _follow(services, stream, target, tracking, outcome, until_caught_up, batch_size, poll, stopping)
        return outcome
    finally:
        with contextlib.suppress(Exception):
            await connection.drain()


async def _nats_trouble(error: Exception) -> None:
    """nats-py's reports, one line each (its default prints a traceback for every attempt to reconnect)."""
    logger.warning("NATS", extra={"fields": {"error": f"{type(error).__name__}: {error}"[:300]}})


async def ensure_stream(stream: JetStreamContext, target: Target) -> None:
    """Create the stream if it is missing; refuse one that does not take the subject."""
    try:
        info = await stream.stream_info(target.stream)
    except NotFoundError:
        await stream.add_stream(
            StreamConfig(
                name=target.stream,
                subjects=[target.subject],
                storage=StorageType.FILE,
                duplicate_window=target.duplicate_window,
            )
        )
        logger.info("stream created", extra={"fields": {"stream": target.stream, "subject": target.subject}})
        return
    subjects = info.config.subjects or []
    if not any(_matches(pattern, target.subject) for pattern in subjects):
        raise RelayError(
            f"stream {target.stream!r} takes {', '.join(subjects) or 'no subjects'}, not {target.subject!r}; "
            "name another stream or subject"
        )


def _matches(pattern: str, subject: str) -> bool:
    """Whether a NATS subject pattern (``*`` one token, ``>`` the rest) covers a subject."""
    wanted, given = pattern.split("."), subject.split(".")
    for index, part in enumerate(wanted):
        if part == ">":
            return len(given) > index
        if index >= len(given) or part not in ("*", given[index]):
            return False
    return len(wanted) == len(given)


async def newest_relayed(stream: JetStreamContext, target: Target) -> int:
    """The position of the newest message the stream holds on the subject (0 if none, or not ours)."""
    try:
        last = await stream.get_last_msg(target.stream, target.subject)
    except NotFoundError:
        return 0
    value = (last.headers or {}).get(MSG_ID, "")
    return int(value) if value.isascii() and value.isdigit() else 0


async def _follow(
    services: Services,
    stream: JetStreamContext,
    target: Target,
    tracking: RelayTracking,
    outcome: Outcome,
    until_caught_up: bool,
    batch_size: int,
    poll: float,
    stopping: asyncio.Event,
) -> None:
    idle = 0.0
    while not stopping.is_set():
        try:
            holder = tracking.relaying_elsewhere()
            if holder is not None:
                logger.info("another relay holds this stream; waiting", extra={"fields": {"holder": holder}})
                await _pause(stopping, poll)
                continue
            outcome.position = max(outcome.position, tracking.position())
            items = _next_events(services, outcome.position, batch_size)
            if not items:
                if until_caught_up and outcome.position >= services.log.head():
                    return
                idle += poll
                if idle >= 2.0:  # keep the lease (it lapses after leases.LEASE_SECONDS without a beat)
                    tracking.beat()
                    idle = 0.0
                await _pause(stopping, poll)
                continue
        except DATABASE_ERRORS as error:
            logger.warning("the database refused; retrying", extra={"fields": {"error": type(error).__name__}})
            await _pause(stopping, RETRY_SECONDS)
            continue
        idle = 0.0
        for item in items:
            await _publish(stream, target, item["position"], orjson.dumps(item), outcome, stopping)
            if stopping.is_set():
                return
        outcome.position = await _recorded(tracking, items[-1]["position"], stopping)


def _next_events(services: Services, after: int, limit: int) -> list[FeedEvent]:
    """The next events as the feed gives them, among those the read models have applied."""
    services.catch_up()
    reached = services.projection.position()
    if reached <= after:
        stuck = services.projection.stuck()
        if stuck is not None and stuck.position == after + 1:
            raise RelayError(f"the relay waits at position {after}: {stuck.describe()}")
        return []
    return [item for item in feed_items(services, after, limit) if item["position"] <= reached]


async def _publish(
    stream: JetStreamContext, target: Target, position: int, body: bytes, outcome: Outcome, stopping: asyncio.Event
) -> None:
    """Publish one event and wait for the stream's acknowledgement, trying again (the same id) until it comes."""
    while not stopping.is_set():
        try:
            ack = await stream.publish(
                target.subject, body, timeout=ACK_SECONDS, stream=target.stream, headers={MSG_ID: str(position)}
            )
        except (TimeoutError, nats.errors.Error) as error:
            logger.warning(
                "no acknowledgement; publishing again",
                extra={"fields": {"position": position, "error": type(error).__name__}},
            )
            await _pause(stopping, RETRY_SECONDS)
            continue
        if ack.duplicate:
            outcome.duplicates += 1
        else:
            outcome.published += 1
        return


async def _recorded(tracking: RelayTracking, position: int, stopping: asyncio.Event) -> int:
    """Record the acknowledged position, waiting out database trouble: the stream already holds the events."""
    while True:
        try:
            return tracking.advance(position)
        except DATABASE_ERRORS as error:
            logger.warning("could not record the position; retrying", extra={"fields": {"error": repr(error)}})
            if stopping.is_set():
                return position
            await _pause(stopping, RETRY_SECONDS)


async def _pause(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), seconds)
