"""Standing queries: a reader asks to be told, by a signed webhook, whenever a read's answer changes.

A subscription is an aggregate of its own, in the log with the facts: created with the query as the
reader wrote it, the scope the service read from it (the company, venue, stage and clocks it follows),
the receiver's URL and the secret its deliveries are signed with; ended when the reader says so. What
was delivered is bookkeeping of the delivering process, not a fact about the world, so it is kept in
the read store beside the projection of these events (projections/subscriptions/), never in the log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError
from domain.text import check_text
from domain.vocabulary import Stage, Venue

MIN_SECRET_CHARS = 16
MAX_SECRET_CHARS = 256
MAX_URL_CHARS = 2000
MAX_QUERY_CHARS = 1000


class InvalidSubscription(DomainError):
    """A subscription's query, URL or secret is not acceptable; the message names which."""


def check_secret(secret: str) -> str:
    """Printable ASCII of 16 to 256 characters: signed bytes need a secret a receiver can type and keep."""
    if not (MIN_SECRET_CHARS <= len(secret) <= MAX_SECRET_CHARS) or not all(" " < c <= "~" for c in secret):
        raise InvalidSubscription(
            f"secret must be {MIN_SECRET_CHARS} to {MAX_SECRET_CHARS} printable ASCII characters without spaces"
        )
    return secret


def check_length(text: str, field: str, limit: int) -> str:
    check_text(text, field)
    if not text or len(text) > limit:
        raise InvalidSubscription(f"{field} must be 1 to {limit} characters")
    return text


def check_scope(company_id: Any, venue: Any, stage: Any, as_of: Any, published_by: Any, certain_only: Any) -> None:
    """The scope is what the service read from the query: ids, vocabulary words and ISO days, or none."""
    for field, value, parse in (
        ("company_id", company_id, UUID),
        ("venue", venue, Venue),
        ("stage", stage, Stage),
        ("as_of", as_of, date.fromisoformat),
        ("published_by", published_by, date.fromisoformat),
    ):
        _optional(field, value, parse)
    if not isinstance(certain_only, bool):
        raise InvalidSubscription("certain_only must be true or false")


def _optional(field: str, value: Any, parse: Callable[[str], Any]) -> None:
    if value is None:
        return
    try:
        if not isinstance(value, str):
            raise TypeError(type(value).__name__)
        parse(value)
    except (TypeError, ValueError):
        raise InvalidSubscription(f"scope {field} {str(value)[:40]!r} is not one the service reads") from None


class Subscription(Aggregate):
    """A standing query and where its changes go."""

    @event("Created")
    def __init__(
        self,
        query: str,
        url: str,
        secret: str,
        company_id: str | None,
        venue: str | None,
        stage: str | None,
        as_of: str | None,
        published_by: str | None,
        certain_only: bool,
    ) -> None:
        self.query = check_length(query, "query", MAX_QUERY_CHARS)
        self.url = check_length(url, "url", MAX_URL_CHARS)
        self.secret = check_secret(secret)
        check_scope(company_id, venue, stage, as_of, published_by, certain_only)
        # The scope read from the query when it was made (a company by its id, so a renamed company is
        # still followed); as_of None follows today in Asia/Shanghai, as the query itself would.
        self.company_id = company_id
        self.venue = venue
        self.stage = stage
        self.as_of = as_of
        self.published_by = published_by
        self.certain_only = certain_only
        self.ended = False

    def end(self) -> bool:
        """End it; False (nothing appended) when it had ended already, so a retried DELETE is harmless."""
        if self.ended:
            return False
        self._ended()
        return True

    @event("Ended")
    def _ended(self) -> None:
        self.ended = True
