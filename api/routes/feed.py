"""The event log for downstream consumers: pages by position, and a live Server-Sent Events tail."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from typing import Annotated, Any, NotRequired

import orjson
from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send
from typing_extensions import TypedDict

from api import inputs
from api.answers.responses import OrjsonResponse
from api.composition import Services
from api.deps import ServicesDep, SettingsDep, checked
from api.inputs import InputError
from application.log import LoggedEvent
from domain.plain import plain
from projections.queries.answers import Source

router = APIRouter(tags=["feed"])


class FeedEvent(TypedDict):
    """One event of the log. Besides these, it carries the event's own attributes (name, date, fields,
    reason ... as the event type has them); ``undecodable`` instead when this code cannot read it."""

    position: int
    type: str  # e.g. Fact.Recorded, Company.Registered
    topic: str
    aggregate_id: str
    version: int
    recorded_at: NotRequired[str]
    fact_id: NotRequired[str]
    kind: NotRequired[str | None]
    sources: NotRequired[list[Source]]
    undecodable: NotRequired[str]


class FeedPage(TypedDict):
    after: int
    events: list[FeedEvent]
    next_after: int  # pass as after for the next page
    head: int  # the newest position in the log


After = Annotated[
    int, Query(ge=0, le=inputs.MAX_POSITION_INPUT, description="Return events after this position", examples=[0])
]
StreamAfter = Annotated[
    int | None,
    Query(
        ge=0,
        le=inputs.MAX_POSITION_INPUT,
        description="Replay events after this position; without it (and without Last-Event-ID) the stream "
        "starts at the newest event",
        examples=[0],
    ),
]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many events")]
POLL_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0


def feed_items(services: Services, after: int, limit: int) -> list[FeedEvent]:
    items = [feed_item(logged) for logged in services.log.after(after, limit)]
    kinds = services.queries.fact_kinds([item["fact_id"] for item in items if "fact_id" in item])
    for item in items:
        if "fact_id" in item and "kind" not in item:
            item["kind"] = kinds.get(item["fact_id"])
    return items


def feed_item(logged: LoggedEvent) -> FeedEvent:
    """One stored event as JSON: its position, type, aggregate, system time and attributes; an event
    this code cannot decode is still listed, saying why, so the feed never stops."""
    item: FeedEvent = {
        "position": logged.position,
        "type": logged.type,
        "topic": logged.topic,
        "aggregate_id": str(logged.aggregate_id),
        "version": logged.version,
    }
    if logged.event is None:
        item["undecodable"] = logged.error or "undecodable"
        return item
    event = logged.event
    item["recorded_at"] = event.timestamp.isoformat()
    for name, value in vars(event).items():
        if name not in ("originator_id", "originator_version", "timestamp", "secret"):  # a webhook secret: never shown
            item[name] = plain(value)  # type: ignore[literal-required]
    if logged.type.startswith("Fact."):
        item["fact_id"] = item["aggregate_id"]
    source = item.pop("source", None)  # type: ignore[typeddict-item]  # a corroboration's, or an alias's when it cites one
    if source is not None:
        item["sources"] = [source]
    return item


@router.get("/feed", response_model=FeedPage)
def feed(services: ServicesDep, after: After = 0, limit: Limit = 100) -> OrjsonResponse:
    """The event log in append order with stable positions; page on with after=next_after."""
    items = feed_items(services, after, limit)
    page: FeedPage = {
        "after": after,
        "events": items,
        "next_after": items[-1]["position"] if items else after,
        "head": services.log.head(),
    }
    return OrjsonResponse(page)


@router.get(
    "/feed/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"}},
)
async def feed_stream(
    request: Request,
    services: ServicesDep,
    settings: SettingsDep,
    after: StreamAfter = None,
    last_event_id: Annotated[
        str | None, Header(description="Resume after this position (sent by EventSource on reconnect)", max_length=40)
    ] = None,
) -> StreamingResponse:
    """A live tail of the log as Server-Sent Events, from the newest event unless told where to resume."""
    if last_event_id is not None:
        try:
            start = inputs.parse_position("Last-Event-ID", last_event_id.strip())
        except InputError as error:
            raise checked(error, "header") from None
    elif after is not None:
        start = after
    else:
        start = await asyncio.to_thread(services.log.head)
    # The place is taken here, before any await, so requests arriving together cannot all pass the count.
    slot = request.app.state.streams.reserve(settings.max_streams)
    if slot is None:
        raise HTTPException(
            503,
            f"{settings.max_streams} live streams are open, the most this server keeps; retry later",
            headers={"Retry-After": "5"},
        )
    return HeldStreamResponse(
        _events(request, services, start),
        slot,
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


class OpenStreams:
    """How many live streams this process serves (reserved on the event loop, in the endpoint)."""

    def __init__(self) -> None:
        self.open = 0

    def reserve(self, cap: int) -> StreamSlot | None:
        if self.open >= cap:
            return None
        self.open += 1
        return StreamSlot(self)


class StreamSlot:
    """One place among the open streams, given back once however the stream ends."""

    def __init__(self, streams: OpenStreams) -> None:
        self._streams: OpenStreams | None = streams

    def release(self) -> None:
        streams, self._streams = self._streams, None
        if streams is not None:
            streams.open -= 1


class HeldStreamResponse(StreamingResponse):
    """A stream that gives its place back when it ends, when the client leaves, or, if the server never
    sends it (the connection failed first), when the response is collected."""

    def __init__(self, content: AsyncIterator[bytes], slot: StreamSlot, **kwargs: Any) -> None:
        super().__init__(content, **kwargs)
        self.slot = slot
        weakref.finalize(self, slot.release)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.slot.release()


async def _events(request: Request, services: Services, after: int) -> AsyncIterator[bytes]:
    quiet = 0.0
    while not await request.is_disconnected():
        items = await asyncio.to_thread(feed_items, services, after, 100)
        for item in items:
            yield b"id: %d\nevent: %s\ndata: %s\n\n" % (item["position"], item["type"].encode(), orjson.dumps(item))
            after = item["position"]
        if items:
            quiet = 0.0
            continue
        await asyncio.sleep(POLL_SECONDS)
        quiet += POLL_SECONDS
        if quiet >= KEEPALIVE_SECONDS:
            quiet = 0.0
            yield b": keep-alive\n\n"
