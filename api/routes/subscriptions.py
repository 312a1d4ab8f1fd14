"""Standing queries: subscribe to a read's changes by signed webhook, see how deliveries go, end it; its Atom feed."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response
from typing_extensions import TypedDict

from api.answers.responses import READ_ERRORS, OrjsonResponse, written
from api.composition import Services
from api.deps import Fresh, ServicesDep, Writer, invalid
from api.inputs import clip
from api.routes.writes import after_write
from api.schemas import SubscriptionIn, SubscriptionWrittenOut
from api.webhooks.atom import ATOM_TYPE, atom_feed
from api.webhooks.standing_queries import BadQuery, read_scope
from api.webhooks.targets import RefusedTarget, TargetPolicy
from application.subscriptions import UnknownSubscription, subscribe, unsubscribe
from projections.subscriptions.subscribers import Subscriber

router = APIRouter(tags=["subscriptions"])

SubscriptionId = Annotated[
    UUID, Path(description="The subscription's id", examples=["0b8c6c3e-6a7e-4f5e-9f8e-1f2d3c4b5a69"])
]
FEED_ENTRIES = 100
SHOWN_DELIVERIES = 20
LINKS = {"GetSubscription": ("subscription", "subscription_id", "subscription_id")}
NOT_KEPT = {"Cache-Control": "no-store"}


class SubscriptionScope(TypedDict):
    company_id: str | None
    venue: str | None
    stage: str | None
    as_of: str | None  # null: today in Asia/Shanghai, at each delivery
    published_by: str | None
    certain_only: bool


class DeliveryMade(TypedDict):
    delivery_id: str
    since: int
    position: int
    made_at: str
    attempts: int
    delivered_at: str | None  # null: not acknowledged yet


class SubscriptionState(TypedDict):
    subscription_id: str
    query: str
    url: str
    scope: SubscriptionScope
    created_position: int
    ended_position: int | None  # set once it is ended (DELETE)
    delivered_position: int  # every change up to here went out, acknowledged (or there was none)
    pending: DeliveryMade | None  # made, not yet acknowledged: sent again with the same id until it is
    attempts: int  # failed attempts at the pending delivery
    next_attempt_at: str | None
    parked: bool  # the last attempt failed: nothing more is sent
    last_error: str | None
    last_attempt_at: str | None
    last_delivered_at: str | None
    deliveries: list[DeliveryMade]  # the newest made, newest first


@router.post(
    "/subscriptions",
    status_code=201,
    dependencies=[Writer],
    responses=written("The subscription", LINKS),
    response_model=SubscriptionWrittenOut,
)
async def create_subscription(request: Request, services: ServicesDep, body: SubscriptionIn) -> dict[str, Any]:
    """Follow a read's answer: every change to it is POSTed to url, signed with secret (never shown again)."""
    try:
        scope = await asyncio.to_thread(read_scope, request.app, services, body.query)
    except BadQuery as error:
        raise invalid("query", clip(body.query), str(error), where="body") from None
    try:
        await TargetPolicy(request.app.state.settings.webhook_hosts).check(body.url)
    except RefusedTarget as error:
        raise invalid("url", clip(body.url), str(error), where="body") from None
    made = await asyncio.to_thread(subscribe, services.app, body.query, body.url, body.secret, scope)
    return await asyncio.to_thread(after_write, services, made, subscription_id=str(made.id))


@router.get(
    "/subscriptions/{subscription_id}", dependencies=[Fresh], responses=READ_ERRORS, response_model=SubscriptionState
)
def subscription(services: ServicesDep, subscription_id: SubscriptionId) -> Response:
    """How a subscription's deliveries go: how far delivered, what is pending, attempts, parked, the last error."""
    found = _found(services, subscription_id)
    made = services.deliveries.made(found.id, SHOWN_DELIVERIES)
    shown = [_made(row) for row in made]
    state: SubscriptionState = {
        "subscription_id": found.id,
        "query": found.query,
        "url": found.url,
        "scope": {
            "company_id": found.company_id,
            "venue": found.venue,
            "stage": found.stage,
            "as_of": found.as_of,
            "published_by": found.published_by,
            "certain_only": found.certain_only,
        },
        "created_position": found.created_position,
        "ended_position": found.ended_position,
        "delivered_position": found.delivered,
        "pending": next((d for d in shown if d["delivery_id"] == found.pending), None),
        "attempts": found.attempts,
        "next_attempt_at": _moment(found.next_at) if found.pending and found.next_at else None,
        "parked": found.parked,
        "last_error": found.last_error,
        "last_attempt_at": found.last_attempt_at,
        "last_delivered_at": found.last_delivered_at,
        "deliveries": shown,
    }
    return OrjsonResponse(state, headers=NOT_KEPT)


@router.delete(
    "/subscriptions/{subscription_id}",
    dependencies=[Writer],
    responses=written("The subscription, ended (or found ended: a retry)", LINKS),
    response_model=SubscriptionWrittenOut,
)
def end_subscription(services: ServicesDep, subscription_id: SubscriptionId) -> dict[str, Any]:
    """End a subscription: nothing more is delivered (a delivery being sent right now may still arrive)."""
    try:
        ended = unsubscribe(services.app, subscription_id)
    except UnknownSubscription as error:
        raise HTTPException(404, str(error)) from None
    return after_write(services, ended, subscription_id=str(ended.id))


@router.get(
    "/subscriptions/{subscription_id}/feed.atom",
    dependencies=[Fresh],
    responses={**READ_ERRORS, 200: {"content": {ATOM_TYPE: {}}, "description": "An Atom feed"}},
    response_class=Response,
)
def subscription_feed(request: Request, services: ServicesDep, subscription_id: SubscriptionId) -> Response:
    """The same changes the webhook receives, as an Atom feed: one entry per delivery made, newest first."""
    found = _found(services, subscription_id)
    made = services.deliveries.made(found.id, FEED_ENTRIES)
    body = atom_feed(found.id, found.query, str(request.url), made, found.created_at)
    return Response(body, media_type=ATOM_TYPE, headers=NOT_KEPT)


def _found(services: Services, subscription_id: UUID) -> Subscriber:
    found = services.subscribers.subscriber(str(subscription_id))
    if found is None:
        raise HTTPException(404, f"no subscription has the id {subscription_id}")
    return found


def _made(row: dict[str, Any]) -> DeliveryMade:
    return {
        "delivery_id": row["delivery_id"],
        "since": int(row["since"]),
        "position": int(row["position"]),
        "made_at": row["made_at"],
        "attempts": int(row["attempts"]),
        "delivered_at": row["delivered_at"],
    }


def _moment(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
