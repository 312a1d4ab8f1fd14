"""The use cases of standing queries: subscribe, and end a subscription (domain/subscriptions)."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from application.service import TimelineApplication
from application.writes import Written, retried
from domain.subscriptions.subscription import Subscription


class UnknownSubscription(LookupError):
    """No subscription has the given id."""


@dataclass(frozen=True)
class Scope:
    """What a standing query follows, as the service read it from the query's path and parameters."""

    company_id: str | None = None
    venue: str | None = None
    stage: str | None = None
    as_of: str | None = None  # an ISO day; None follows today (Asia/Shanghai), as the query would
    published_by: str | None = None
    certain_only: bool = False


@retried
def subscribe(app: TimelineApplication, query: str, url: str, secret: str, scope: Scope) -> Written:
    """A new subscription (a new id each time: two readers may follow the same query)."""
    subscription = Subscription(
        query,
        url,
        secret,
        scope.company_id,
        scope.venue,
        scope.stage,
        scope.as_of,
        scope.published_by,
        scope.certain_only,
    )
    recordings = app.save(subscription)
    return Written(subscription.id, True, max(r.notification.id for r in recordings))


@retried
def unsubscribe(app: TimelineApplication, subscription_id: UUID) -> Written:
    """End a subscription; ending it again appends nothing and answers the newest position."""
    try:
        subscription: Subscription = app.repository.get(subscription_id)
    except AggregateNotFoundError:
        raise UnknownSubscription(f"no subscription has the id {subscription_id}") from None
    if not isinstance(subscription, Subscription):
        raise UnknownSubscription(f"no subscription has the id {subscription_id}")
    if not subscription.end():
        return Written(subscription.id, False, app.position())
    recordings = app.save(subscription)
    return Written(subscription.id, True, max(r.notification.id for r in recordings))
