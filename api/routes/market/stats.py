"""Statistics over the pipeline: counts over time for charts, and time to listing."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.responses import READ_ERRORS
from api.deps import (
    AsOf,
    CertainOnly,
    DayOrNone,
    KnownAt,
    MinSourceGrade,
    PublishedBy,
    ReplyDep,
    VenueFilter,
    Vintage,
    clocks_for,
    day_query,
    invalid,
    parse_days,
    word,
)
from projections.queries.answers import StatsCounts, TimeToListing
from projections.queries.statistics.counts_over_time import counts_over_time, point_count

router = APIRouter(tags=["stats"])
MAX_POINTS = {"month": 400, "day": 4000}


@router.get("/stats/pipeline-counts", responses=READ_ERRORS, response_model=StatsCounts)
@answered_in_read_threads
def pipeline_counts(
    reply: ReplyDep,
    from_: Annotated[
        str,
        Query(
            alias="from",
            description="First day",
            examples=["2019-07-01"],
            max_length=40,
            json_schema_extra={"format": "date"},
        ),
    ],
    to: Annotated[DayOrNone, day_query("Last day (default: today in Asia/Shanghai)", "2026-01-31")] = None,
    venue: VenueFilter = None,
    granularity: Annotated[Literal["month", "day"], Query(description="Month ends, or every day")] = "month",
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
    vintage: Vintage = "latest",
) -> Response:
    """Counts by stage per month end (or per day) between two days, for charts; with
    vintage=as_published each point as the public could know it on its own day."""
    start, end = parse_days("from", from_, "to", to)
    venue = word("venue", venue, inputs.parse_venue)
    wanted = point_count(start, end, granularity)
    if wanted > MAX_POINTS[granularity]:  # counted before anything is built: a wide range costs nothing
        raise invalid("from", from_, f"{wanted} {granularity}s between from and to; at most {MAX_POINTS[granularity]}")
    clocks = clocks_for(reply.services, "to", to, known_at, published_by, certain_only, min_source_grade)
    with reply.services.store.session():
        return reply(counts_over_time(reply.services.store, start, end, granularity, venue, clocks, vintage))


@router.get("/stats/time-to-listing", responses=READ_ERRORS, response_model=TimeToListing)
@answered_in_read_threads
def time_to_listing(
    reply: ReplyDep,
    venue: Annotated[str, Query(description="The venue (required)", examples=["SSE-STAR"], max_length=20)],
    cohort: Annotated[
        Literal["year", "quarter"], Query(description="Group attempts by the year or the quarter they started")
    ] = "year",
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
) -> Response:
    """Kaplan-Meier days from acceptance (HKEX: filing) to listing per start cohort, exits and attempts
    still in review censored, with the median and its 95% interval."""
    checked_venue = word("venue", venue, inputs.parse_venue)
    assert checked_venue is not None  # a required parameter: FastAPI answered 422 without it
    clocks = clocks_for(reply.services, "as_of", as_of, known_at, published_by, certain_only, min_source_grade)
    return reply(reply.services.queries.time_to_listing(clocks, checked_venue, cohort))
