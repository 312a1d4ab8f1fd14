"""Query parameters shared by the read routes, parsed into the three clocks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Query

from api.deps import ServicesDep
from domain.errors import InvalidDate
from domain.fuzzy_dates import parse_date
from projections.clocks import Clocks
from projections.schema import MAX_POSITION


def parse_day(name: str, value: str) -> date:
    """A query day: any single-day form (2025-06-30, June 30 2025, 2025年6月30日)."""
    try:
        parsed = parse_date(value)
    except InvalidDate as error:
        raise HTTPException(422, f"query parameter '{name}': {error}") from None
    if not parsed.is_exact:
        raise HTTPException(
            422, f"query parameter '{name}': {value!r} spans {parsed.earliest}..{parsed.latest}; give one day"
        )
    return parsed.earliest


def parse_known_at(services: ServicesDep, value: str | None) -> int:
    """A log position (an integer) or a system time (ISO 8601; naive means UTC)."""
    if value is None:
        return MAX_POSITION - 1
    if value.isdigit():
        return int(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.combine(parse_day("known_at", value), datetime.max.time(), UTC)
        except HTTPException:
            raise HTTPException(
                422, f"query parameter 'known_at': {value!r} is neither a log position nor an ISO date-time"
            ) from None
    return services.queries.position_known_at(moment)


AsOf = Annotated[str, Query(description="Valid day: what had happened by then", examples=["2025-06-30"])]
KnownAt = Annotated[
    str | None,
    Query(
        description="System time: only what the store had recorded by then (ISO date-time or log position)",
        examples=["2026-01-01T00:00:00Z"],
    ),
]
PublishedBy = Annotated[
    str | None,
    Query(description="Only facts whose sources were certainly published by this day", examples=["2025-07-21"]),
]
CertainOnly = Annotated[bool, Query(description="Only facts that certainly happened by as_of")]
MinPosition = Annotated[
    int | None, Query(ge=0, description="Wait until the read models have applied this log position (read your writes)")
]


def clocks(
    services: ServicesDep,
    as_of: AsOf,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
) -> Clocks:
    return Clocks(
        as_of=parse_day("as_of", as_of),
        known_at=parse_known_at(services, known_at),
        published_by=parse_day("published_by", published_by) if published_by else None,
        certain_only=certain_only,
    )


ClocksDep = Annotated[Clocks, Depends(clocks)]
