"""Revisions: what changed in the pipeline on a day between two knowledge times, and why."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.responses import READ_ERRORS
from api.composition import Services
from api.deps import (
    AsOf,
    CertainOnly,
    DayOrNone,
    KnownAt,
    PublishedBy,
    ReplyDep,
    StageWord,
    VenueFilter,
    checked,
    clocks_for,
    day_query,
    invalid,
    parse_day,
    parse_days,
    word,
)
from api.inputs import InputError
from projections.clocks import Clocks
from projections.queries.answers import Revisions

router = APIRouter(tags=["revisions"])


def knowledge_time(description: str, example: str) -> object:
    return Query(
        description=description + " (an RFC 3339 date-time, or a log position)",
        examples=[example],
        max_length=40,
        json_schema_extra={"format": "date-time"},
    )


Since = Annotated[str | None, knowledge_time("The earlier knowledge time", "2026-01-01T00:00:00Z")]
Until = Annotated[str | None, knowledge_time("The later knowledge time (default: everything recorded)", "1200")]
Stage = Annotated[StageWord, Query(description="Only entries at this stage before or after", examples=["accepted"])]


def position(services: Services, name: str, text: str) -> int:
    try:
        return inputs.parse_knowledge_time(name, text, services.queries.position_known_at)
    except InputError as error:
        raise checked(error) from None


PublishedSince = Annotated[
    DayOrNone, day_query("By the publication clock: what the public learned after this day", "2025-07-01")
]
PublishedUntil = Annotated[DayOrNone, day_query("... up to this day (default: today in Asia/Shanghai)", "2025-07-31")]


@router.get("/revisions", responses=READ_ERRORS, response_model=Revisions)
@answered_in_read_threads
def revisions(
    reply: ReplyDep,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    venue: VenueFilter = None,
    stage: Stage = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    published_since: PublishedSince = None,
    published_until: PublishedUntil = None,
    known_at: KnownAt = None,
) -> Response:
    """Every company whose entry in the pipeline on as_of differs between two knowledge times (since,
    until), before and after, with the events in between that touched it; and the counts that moved. Or,
    by the publication clock (published_since, published_until), what the public learned between two
    days, each change citing the statements whose sources became public then."""
    venue, stage = word("venue", venue, inputs.parse_venue), word("stage", stage, inputs.parse_stage)
    if (since is None) == (published_since is None):
        raise invalid("since", since, "give either since (knowledge times) or published_since (publication days)")
    if published_since is not None:
        first_day, last_day = parse_days("published_since", published_since, "published_until", published_until)
        known = position(reply.services, "known_at", known_at) if known_at is not None else Clocks.NOW
        clocks = clocks_for(reply.services, "as_of", as_of, None, None, certain_only)
        return reply(
            reply.services.queries.learned(clocks.as_of, first_day, last_day, known, certain_only, venue, stage)
        )
    assert since is not None
    first = position(reply.services, "since", since)
    last = position(reply.services, "until", until) if until is not None else None
    if last is not None and first > last:
        raise invalid("since", since, f"position {first} is after until (position {last})")
    try:
        day = inputs.parse_day_or_today("as_of", as_of)
    except InputError as error:
        raise checked(error) from None
    by = parse_day("published_by", published_by) if published_by else None
    return reply(reply.services.queries.revisions(day, first, last, by, certain_only, venue, stage))
