"""The event log for downstream consumers: pages by position, and a live Server-Sent Events tail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import StreamingResponse

from api.composition import Services
from api.deps import ServicesDep
from application.views import plain

router = APIRouter(tags=["feed"])

After = Annotated[int, Query(ge=0, description="Return events after this position", examples=[0])]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many events")]
POLL_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0


def feed_items(services: Services, after: int, limit: int) -> list[dict[str, Any]]:
    notifications = services.app.recorder.select_notifications(start=after + 1, limit=limit)
    items = [feed_item(n.id, n.topic, services.app.mapper.to_domain_event(n)) for n in notifications]
    kinds = services.queries.fact_kinds([item["fact_id"] for item in items if item.get("fact_id")])
    for item in items:
        if item.get("fact_id") and "kind" not in item:
            item["kind"] = kinds.get(item["fact_id"])
    return items


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
    if "source" in item:
        item["sources"] = [item.pop("source")]
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
    after: After = 0,
    last_event_id: Annotated[str | None, Header(description="Resume after this position")] = None,
) -> StreamingResponse:
    """A live tail of the log as Server-Sent Events; reconnecting resumes from Last-Event-ID."""
    start = int(last_event_id) if last_event_id and last_event_id.isdigit() else after
    return StreamingResponse(
        _stream(request, services, start),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


async def _stream(request: Request, services: Services, after: int) -> AsyncIterator[bytes]:
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
