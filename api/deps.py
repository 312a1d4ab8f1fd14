"""Every dependency of the routes: the services, write authorisation, read-your-writes, and the query
parameters shared by the read routes, parsed into the three clocks."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import Field

from api import inputs
from api.answers.basis import Reply, read_threads
from api.answers.waiting import read_your_writes
from api.composition import Services
from api.inputs import InputError, clip
from api.settings import Settings
from domain.sources import SourceGrade
from domain.vocabulary import FactKind, MarketGroup, Sector, Stage, Venue
from projections.clocks import Clocks
from projections.queries.cursors import BadCursor


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def token_problem(tokens: list[str], authorization: str | None) -> tuple[int, str] | None:
    """Why ``Authorization`` does not allow a write (status, message), or None when it does.

    Every configured token is compared, each in constant time, so timing tells nothing; never logged.
    """
    if not tokens:
        return 403, "writes are disabled: no TIMELINE_API_TOKEN is configured on the server"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return 401, "missing bearer token"
    matches = [hmac.compare_digest(given.encode(), token.encode()) for token in tokens]
    return None if any(matches) else (401, "wrong bearer token")


def require_token(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[  # noqa: ARG001 - declared for OpenAPI; the write gate reads it
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Retry safely: the same key and body replay the first answer; another body is a 409",
            max_length=200,
            pattern=r"^[\x21-\x7e]+$",
        ),
    ] = None,
) -> None:
    """Writes need ``Authorization: Bearer <token>`` (the write gate checks it, and the key, first; this documents
    both for OpenAPI)."""
    problem = token_problem(settings.tokens, authorization)
    if problem is not None:
        status, message = problem
        raise HTTPException(status, message, headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)


Writer = Depends(require_token)


# The dependencies of every read take the request and find the services and settings on the app themselves:
# FastAPI solves each sub-dependency anew on every request (its cache saves only the call), about 25 µs each,
# and ServicesDep in three of them made a read solve nine dependencies instead of five.


MinPosition = Annotated[
    int | None,
    Query(ge=0, le=2**63 - 1, description="Wait until the read models have applied this log position"),
]


async def wait_for_position(request: Request, response: Response, min_position: MinPosition = None) -> None:
    await read_your_writes(request, response, min_position)


# Reads that send their answer with ReplyDep wait through it; Fresh is for the others (CSV, streamed panels).
Fresh = Depends(wait_for_position)


async def reply(request: Request, response: Response, min_position: MinPosition = None) -> Reply:
    """A read answer's sender, once the read may go ahead (``wait_for_position``): one dependency for both, as
    every read that replies also waits, so each request solves one fewer."""
    await wait_for_position(request, response, min_position)
    return Reply(request, response, request.app.state.services, read_threads(request))


# Dependencies of the read path are async: FastAPI runs a sync one (a class too) in the thread pool,
# a hop that measured a third of a small request's cost (docs/serving.md).
ReplyDep = Annotated[Reply, Depends(reply)]


# Query parameters shared by the read routes, parsed into the three clocks ----------------------


def declared_query(route: object) -> frozenset[str]:
    """The query parameters a route declares, by the names clients send: what its OpenAPI operation lists, read
    from its dependencies, so that knowing them never renders the whole document (~90 ms an app)."""
    names: set[str] = set()
    pending = [getattr(route, "dependant", None)]
    while pending:
        dependant = pending.pop()
        if dependant is None:
            continue
        names.update(
            field.alias for field in dependant.query_params if getattr(field.field_info, "include_in_schema", True)
        )
        pending.extend(dependant.dependencies)
    return frozenset(names)


def invalid(name: str, value: object, message: str, where: str = "query") -> RequestValidationError:
    """The same 422 shape FastAPI gives for its own checks, naming the parameter."""
    return RequestValidationError(
        [{"loc": (where, name), "msg": f"{where} parameter '{name}': {message}", "type": "value_error", "input": value}]
    )


PageCursor = Annotated[
    str | None,
    Query(max_length=1000, description="Start after this place in the list: the next_cursor of the page before"),
]


@contextmanager
def cursor_checked(cursor: str | None) -> Iterator[None]:
    """A cursor the service did not hand out is a 422 naming ``cursor``, whatever it holds."""
    try:
        yield
    except BadCursor as error:
        raise invalid("cursor", clip(cursor), str(error).removeprefix("cursor: ")) from None


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


# Vocabulary filters are declared as the vocabulary's enum or any text (OpenAPI: anyOf [Venue, string]): a
# generated client gets an enum type to offer, and the server still reads every word it reads today and any
# alias it learns (a word it cannot read is a 422 from word(...), listing the allowed ones). Declared as the
# enum alone, FastAPI would refuse aliases before our parser saw them.
VenueWord = Venue | str | None
VenueOrMarketWord = Venue | MarketGroup | str | None
StageWord = Stage | str | None
KindWord = FactKind | str | None
SectorWord = Sector | str | None
VenueFilter = Annotated[VenueWord, Query(description="Only this venue", examples=["SSE-STAR"])]
SectorFilter = Annotated[SectorWord, Query(description="Only this sector", examples=["semiconductors"])]


DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


# An optional day: documented as an ISO date on the text branch itself (anyOf [{string, format: date}, null]),
# where generators look for it (at the parameter's top level they read it as plain text); other single-day
# forms (2025年6月30日, June 30 2025) are still accepted.
DAY_MAX_CHARS = 40
DayOrNone = (
    Annotated[str, Field(max_length=DAY_MAX_CHARS, json_schema_extra={"format": "date", "pattern": DAY_PATTERN})] | None
)


def day_query(description: str, example: str) -> Any:
    """An optional day parameter (declared ``DayOrNone``), described."""
    return Query(description=description, examples=[example])


AsOf = Annotated[
    DayOrNone, day_query("Valid day: what had happened by then (default: today in Asia/Shanghai)", "2025-06-30")
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
    DayOrNone, day_query("Only facts whose sources were certainly published by this day", "2025-07-21")
]
CertainOnly = Annotated[bool, Query(description="Only facts that certainly happened by as_of")]
MinSourceGrade = Annotated[
    SourceGrade | None,
    Query(
        description="Only facts with a source of at least this grade (primary_disclosure > reputable_report > "
        "other), public by published_by; on the board, the entries whose deciding stage fact has one"
    ),
]
Vintage = Annotated[
    Literal["latest", "as_published"],
    Query(
        description="latest: as known now; as_published: each point (or as_of) as the public could know it on "
        "that day, no hindsight"
    ),
]


def clocks_for(
    services: ServicesDep,
    name: str,
    day: str | None,
    known_at: str | None,
    published_by: str | None,
    certain_only: bool,
    min_source_grade: str | None = None,
) -> Clocks:
    """The three clocks from raw query values, ``name`` being the parameter that holds the valid day."""
    try:
        position_at = services.queries.position_known_at
        return inputs.parse_clocks(name, day, known_at, published_by, certain_only, position_at, min_source_grade)
    except InputError as error:
        raise checked(error) from None


async def clocks(
    request: Request,
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
) -> Clocks:
    services: Services = request.app.state.services
    asked = (services, "as_of", as_of, known_at, published_by, certain_only, min_source_grade)
    if known_at is not None and not known_at.strip().isdigit():
        # A system time is looked up in the read models: off the event loop, which a slow database would block.
        return await asyncio.to_thread(clocks_for, *asked)
    return clocks_for(*asked)


ClocksDep = Annotated[Clocks, Depends(clocks)]
