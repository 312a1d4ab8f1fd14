"""Query parameters shared by the read routes, parsed into the three clocks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError

from api import inputs
from api.deps import ServicesDep
from api.inputs import InputError, clip
from projections.clocks import Clocks


def invalid(name: str, value: object, message: str, where: str = "query") -> RequestValidationError:
    """The same 422 shape FastAPI gives for its own checks, naming the parameter."""
    return RequestValidationError(
        [{"loc": (where, name), "msg": f"{where} parameter '{name}': {message}", "type": "value_error", "input": value}]
    )


def checked(error: InputError, where: str = "query") -> RequestValidationError:
    return invalid(error.name, clip(error.value), error.message, where)


def parse_days(start_name: str, start: str, end_name: str, end: str | None) -> tuple[date, date]:
    """Two days of a range; the first after the second is a 422."""
    try:
        return inputs.parse_day_range(start_name, start, end_name, end)
    except InputError as error:
        raise checked(error) from None


def parse_day(name: str, value: str) -> date:
    """A query day, in any single-day form a write accepts (2025-06-30, June 30 2025, 2025年6月30日)."""
    try:
        return inputs.parse_day(name, value)
    except InputError as error:
        raise checked(error) from None


def parse_known_at(services: ServicesDep, value: str | None) -> int:
    """A log position (an integer) or a system time (ISO 8601; naive means UTC), as a log position."""
    return clocks_for(services, "as_of", None, value, None, False).known_at


def word(name: str, value: str | None, parse: Callable[[str, str], str]) -> str | None:
    """A vocabulary filter (venue, stage, kind): unknown words are a 422 listing the allowed ones."""
    if value is None:
        return None
    try:
        return parse(name, value)
    except InputError as error:
        raise checked(error) from None


DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def day_query(description: str, example: str) -> Any:
    """A day parameter, documented as an ISO date; other single-day forms are accepted too."""
    return Query(
        description=description,
        examples=[example],
        max_length=40,
        json_schema_extra={"format": "date", "pattern": DAY_PATTERN},
    )


AsOf = Annotated[
    str | None, day_query("Valid day: what had happened by then (default: today in Asia/Shanghai)", "2025-06-30")
]
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
    services: ServicesDep,
    name: str,
    day: str | None,
    known_at: str | None,
    published_by: str | None,
    certain_only: bool,
) -> Clocks:
    """The three clocks from raw query values, ``name`` being the parameter that holds the valid day."""
    try:
        return inputs.parse_clocks(name, day, known_at, published_by, certain_only, services.queries.position_known_at)
    except InputError as error:
        raise checked(error) from None


async def clocks(
    services: ServicesDep,
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
) -> Clocks:
    return clocks_for(services, "as_of", as_of, known_at, published_by, certain_only)


ClocksDep = Annotated[Clocks, Depends(clocks)]
