"""The event log for downstream consumers: pages by position, and a live Server-Sent Events tail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from api import inputs
from api.composition import Services
from api.deps import ServicesDep, SettingsDep
from api.inputs import InputError
from api.params import checked
from application.views import plain

router = APIRouter(tags=["feed"])

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


def feed_items(services: Services, after: int, limit: int) -> list[dict[str, Any]]:
    notifications = services.app.recorder.select_notifications(start=after + 1, limit=limit)
    items = [decoded_item(services, n) for n in notifications]
    kinds = services.queries.fact_kinds([item["fact_id"] for item in items if item.get("fact_id")])
    for item in items:
        if item.get("fact_id") and "kind" not in item:
            item["kind"] = kinds.get(item["fact_id"])
    return items


def decoded_item(services: Services, notification: Any) -> dict[str, Any]:
    """A feed item; an event this code cannot decode is still listed, saying why, so the feed never stops."""
    try:
        event = services.app.mapper.to_domain_event(notification)
    except Exception as error:  # any decoding failure; the event stays in the log and the feed
        return {
            "position": notification.id,
            "type": notification.topic.partition(":")[2],
            "topic": notification.topic,
            "aggregate_id": str(notification.originator_id),
            "version": notification.originator_version,
            "undecodable": f"{type(error).__name__}: {error}"[:500],
        }
    return feed_item(notification.id, notification.topic, event)


def feed_item(position: int, topic: str, event: Any) -> dict[str, Any]:
    """One stored event as JSON: its position, type, aggregate, system time and attributes."""
    attributes = {
        name: plain(value)
        for name, value in vars(event).items()
        if name not in ("originator_id", "originator_version", "timestamp")
    }
    event_type = topic.partition(":")[2]
    item: dict[str, Any] = {
        "position": position,
        "type": event_type,
        "topic": topic,
        "aggregate_id": str(event.originator_id),
        "version": event.originator_version,
        "recorded_at": event.timestamp.isoformat(),
        **attributes,
    }
    if event_type.startswith("Fact."):
        item["fact_id"] = item["aggregate_id"]
    source = item.pop("source", None)  # a corroboration's, or an alias's when it cites one
    if source is not None:
        item["sources"] = [source]
    return item


@router.get("/feed")
def feed(services: ServicesDep, after: After = 0, limit: Limit = 100) -> dict[str, Any]:
    """The event log in append order with stable positions; page on with after=next_after."""
    items = feed_items(services, after, limit)
    return {
        "after": after,
        "events": items,
        "next_after": items[-1]["position"] if items else after,
        "head": services.app.position(),
    }


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
        start = await asyncio.to_thread(services.app.position)
    streams = request.app.state.streams
    if streams.open >= settings.max_streams:
        raise HTTPException(
            503,
            f"{streams.open} live streams are open, the most this server keeps; retry later",
            headers={"Retry-After": "5"},
        )
    return StreamingResponse(
        _stream(request, services, start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


class OpenStreams:
    """How many live streams this process serves (checked and changed on the event loop only)."""

    def __init__(self) -> None:
        self.open = 0


async def _stream(request: Request, services: Services, after: int) -> AsyncIterator[bytes]:
    # Counted from the first chunk, so a stream that never starts is never counted and never leaks.
    request.app.state.streams.open += 1
    try:
        async for chunk in _events(request, services, after):
            yield chunk
    finally:
        request.app.state.streams.open -= 1


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
