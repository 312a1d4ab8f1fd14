"""Query parameters shared by the read routes, parsed into the three clocks."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError

from api.deps import ServicesDep
from domain.errors import InvalidDate
from domain.fuzzy_dates import parse_date
from projections.clocks import Clocks
from projections.schema import MAX_POSITION


def invalid(name: str, value: object, message: str) -> RequestValidationError:
    """The same 422 shape FastAPI gives for its own checks, naming the parameter."""
    return RequestValidationError(
        [{"loc": ("query", name), "msg": f"query parameter '{name}': {message}", "type": "value_error", "input": value}]
    )


def parse_day(name: str, value: str) -> date:
    """A query day: ISO (2025-06-30) or any single-day form (June 30 2025, 2025年6月30日)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        parsed = parse_date(value)
    except InvalidDate as error:
        raise invalid(name, value, str(error)) from None
    if not parsed.is_exact:
        raise invalid(name, value, f"{value!r} spans {parsed.earliest}..{parsed.latest}; give one day")
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
        except RequestValidationError:
            raise invalid("known_at", value, f"{value!r} is neither a log position nor an ISO date-time") from None
    return services.queries.position_known_at(moment)


DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def day_query(description: str, example: str) -> Any:
    """A day parameter, documented as an ISO date; other single-day forms are accepted too."""
    return Query(
        description=description,
        examples=[example],
        max_length=40,
        json_schema_extra={"format": "date", "pattern": DAY_PATTERN},
    )


AsOf = Annotated[str, day_query("Valid day: what had happened by then", "2025-06-30")]
KnownAt = Annotated[
    str | None,
    Query(
        description="System time: only what the store had recorded by then (an RFC 3339 date-time; "
        "a plain integer is read as a log position)",
        examples=["2026-01-01T00:00:00Z"],
        max_length=40,
        json_schema_extra={"format": "date-time"},
    ),
]
PublishedBy = Annotated[
    str | None, day_query("Only facts whose sources were certainly published by this day", "2025-07-21")
]
CertainOnly = Annotated[bool, Query(description="Only facts that certainly happened by as_of")]


def clocks_for(
    services: ServicesDep, name: str, day: str, known_at: str | None, published_by: str | None, certain_only: bool
) -> Clocks:
    """The three clocks from raw query values, ``name`` being the parameter that holds the valid day."""
    return Clocks(
        parse_day(name, day),
        parse_known_at(services, known_at),
        parse_day("published_by", published_by) if published_by else None,
        certain_only,
    )


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
