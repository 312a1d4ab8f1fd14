"""Companies: state as of a day, registration, and retiring a name registered by mistake."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.examples import COMPANY, example
from api.answers.responses import READ_ERRORS, written
from api.deps import ClocksDep, PublishedBy, ReplyDep, ServicesDep, VenueFilter, Writer, parse_day, word
from api.middleware.read_lane import Lane, as_of, today_clocks
from api.routes.writes import after_write, company_for_write
from api.schemas import CompanyIn, CompanyWrittenOut, NameRetirementIn, sources_of
from projections.queries.answers import Company, CompanyHistory

router = APIRouter(tags=["companies"])

NAME_MAX_CHARS = 200
Name = Annotated[
    str,
    Path(
        description="Any name (any language, any case), the key, or the company id",
        examples=["壁仞科技"],
        max_length=NAME_MAX_CHARS,
    ),
]


@router.get(
    "/companies/{name}",
    responses={**READ_ERRORS, **example(COMPANY)},
    response_model=Company,
)
@answered_in_read_threads
def company(reply: ReplyDep, name: Name, clocks: ClocksDep) -> Response:
    """A company's stage on each venue, its flags and its facts, as of a day."""
    return reply(reply.services.queries.company(name, clocks))


#: ``company`` for a day alone, without FastAPI's machinery (api/middleware/read_lane.py).
LANE = Lane(
    "/companies/{name}",
    {"as_of": as_of},
    lambda services, name, asked: services.queries.company(name, asked.get("as_of") or today_clocks()),
    path_max_chars=NAME_MAX_CHARS,
)


@router.get(
    "/companies/{name}/history",
    responses=READ_ERRORS,
    response_model=CompanyHistory,
)
@answered_in_read_threads
def company_history(
    reply: ReplyDep,
    name: Name,
    venue: VenueFilter = None,
    published_by: PublishedBy = None,
) -> Response:
    """Every stage the company held, as rectangles of valid time x knowledge time (with the day each
    became public): what was believed about when, and how each correction redrew it."""
    venue = word("venue", venue, inputs.parse_venue)
    day = parse_day("published_by", published_by) if published_by else None
    return reply(reply.services.queries.history(name, venue, day))


@router.post(
    "/companies",
    status_code=201,
    dependencies=[Writer],
    responses=written(
        "The company, registered or given its new aliases", {"GetCompany": ("company", "name", "company_id")}
    ),
    response_model=CompanyWrittenOut,
)
def register_company(services: ServicesDep, body: CompanyIn) -> dict[str, Any]:
    """Register a company under all its names (registering again adds only new aliases)."""
    written = services.app.register_company(body.name, body.aliases, body.sector, key=body.key)
    return after_write(services, written, company_id=str(written.id))


CompanyRef = Annotated[
    str,
    Path(description="The company: any of its names, a stock code, or its id", examples=["MetaX"], max_length=200),
]


@router.post(
    "/companies/{company}/names/retire",
    status_code=201,
    dependencies=[Writer],
    responses=written(
        "The name, retired (or found retired already)", {"GetCompany": ("company", "name", "company_id")}
    ),
    response_model=CompanyWrittenOut,
)
def retire_name(services: ServicesDep, company: CompanyRef, body: NameRetirementIn) -> dict[str, Any]:
    """Stop a company answering to a name registered by mistake, with a reason and sources (a new event)."""
    written = services.app.retire_name(
        company_for_write(services, company), body.name, reason=body.reason, sources=sources_of(body.sources)
    )
    return after_write(services, written, company_id=str(written.id))
