"""The market-wide timeline, the changes between two days, and time in stage."""

from __future__ import annotations

import csv
import io
from typing import Annotated

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.responses import READ_ERRORS
from api.answers.spreadsheets import BOM, spreadsheet_safe
from api.deps import (
    DAY_PATTERN,
    CertainOnly,
    DayOrNone,
    Fresh,
    KindWord,
    KnownAt,
    MinSourceGrade,
    PageCursor,
    PublishedBy,
    ReplyDep,
    ServicesDep,
    VenueFilter,
    VenueOrMarketWord,
    Vintage,
    clocks_for,
    cursor_checked,
    day_query,
    parse_days,
    word,
)
from projections.clocks import Clocks
from projections.queries.answers import Changes, TimeInStage, Timeline

router = APIRouter(tags=["timeline"])

From = Annotated[
    str,
    Query(
        alias="from",
        description="First day",
        examples=["2025-06-01"],
        max_length=40,
        json_schema_extra={"format": "date", "pattern": DAY_PATTERN},
    ),
]
To = Annotated[DayOrNone, day_query("Last day (default: today in Asia/Shanghai)", "2025-07-31")]
Company = Annotated[str | None, Query(description="Only this company (any name)", examples=["Moore Threads"])]
VenueOrMarket = Annotated[VenueOrMarketWord, Query(description="Only this venue or market", examples=["SSE-STAR"])]
Kind = Annotated[KindWord, Query(description="Only this fact kind", examples=["accepted"])]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size")]
WithBom = Annotated[bool, Query(description="Start with a UTF-8 BOM, so Excel shows Chinese names")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


@router.get("/timeline", responses=READ_ERRORS, response_model=Timeline)
@answered_in_read_threads
def timeline(
    reply: ReplyDep,
    from_: From,
    to: To = None,
    company: Company = None,
    venue: VenueOrMarket = None,
    kind: Kind = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
    limit: Limit = 100,
    offset: Offset = 0,
    cursor: PageCursor = None,
) -> Response:
    """Every fact that happened between two days, in valid-time order, with its sources."""
    start, _ = parse_days("from", from_, "to", to)
    clocks = clocks_for(reply.services, "to", to, known_at, published_by, certain_only, min_source_grade)
    venue = word("venue", venue, inputs.parse_venue_or_market)
    kind = word("kind", kind, inputs.parse_kind)
    with cursor_checked(cursor):
        return reply(
            reply.services.queries.timeline(
                start,
                clocks.as_of,
                clocks,
                company=company,
                venue=venue,
                kind=kind,
                limit=limit,
                offset=offset,
                cursor=cursor,
            )
        )


TIMELINE_CSV_COLUMNS = [
    "fact_id",
    "date",
    "earliest",
    "latest",
    "kind",
    "company_id",
    "company",
    "market",
    "venue",
    "summary",
    "fields",
    "public_from",
    "sources",
]


@router.get(
    "/timeline.csv",
    dependencies=[Fresh],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The facts between two days as CSV"}, **READ_ERRORS},
)
def timeline_csv(
    services: ServicesDep,
    from_: From,
    to: To = None,
    company: Company = None,
    venue: VenueOrMarket = None,
    kind: Kind = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
    bom: WithBom = False,
) -> Response:
    """Every fact between two days as CSV, one row a fact, its sources' documents or links in one cell."""
    start, _ = parse_days("from", from_, "to", to)
    clocks = clocks_for(services, "to", to, known_at, published_by, certain_only, min_source_grade)
    venue = word("venue", venue, inputs.parse_venue_or_market)
    kind = word("kind", kind, inputs.parse_kind)
    facts = services.queries.timeline(start, clocks.as_of, clocks, company=company, venue=venue, kind=kind)["events"]
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(TIMELINE_CSV_COLUMNS)
    for fact in facts:
        cited = " | ".join(source.get("url") or source["document"] for source in fact["sources"])
        writer.writerow(
            [
                fact["fact_id"],
                fact["date"],
                fact["earliest"],
                fact["latest"],
                fact["kind"],
                fact["company_id"] or "",
                spreadsheet_safe(fact["company"] or ""),
                fact["market"] or "",
                fact["venue"] or "",
                spreadsheet_safe(fact["summary"] or ""),
                spreadsheet_safe(orjson.dumps(fact["fields"]).decode()),
                fact["public_from"],
                spreadsheet_safe(cited),
            ]
        )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="timeline-{start}-{clocks.as_of}.csv"'},
    )


@router.get("/changes", responses=READ_ERRORS, response_model=Changes)
@answered_in_read_threads
def changes(
    reply: ReplyDep,
    from_: From,
    to: To = None,
    venue: VenueFilter = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    limit: Limit = 1000,
    cursor: PageCursor = None,
) -> Response:
    """Which companies moved from one stage to another on any day from `from` to `to`, both counted (the
    stage on the eve of `from` against the stage on `to`); a page in (company id, venue) order, follow
    next_cursor for the rest."""
    start, _ = parse_days("from", from_, "to", to)
    clocks = clocks_for(reply.services, "to", to, known_at, published_by, certain_only)
    venue = word("venue", venue, inputs.parse_venue)
    with cursor_checked(cursor):
        return reply(
            reply.services.queries.changes(start, clocks.as_of, clocks, venue=venue, limit=limit, cursor=cursor)
        )


@router.get("/time-in-stage", responses=READ_ERRORS, response_model=TimeInStage)
@answered_in_read_threads
def time_in_stage(
    reply: ReplyDep,
    as_of: Annotated[DayOrNone, day_query("Valid day (default: today in Asia/Shanghai)", "2026-01-31")] = None,
    venue: VenueFilter = None,
    company: Company = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    min_source_grade: MinSourceGrade = None,
    limit: Limit = 1000,
    cursor: PageCursor = None,
    vintage: Vintage = "latest",
) -> Response:
    """Days between the stages of each listing attempt (a page of them; follow next_cursor for the rest),
    with per venue-year medians and quartiles over them all."""
    clocks = clocks_for(reply.services, "as_of", as_of, known_at, published_by, certain_only, min_source_grade)
    if vintage == "as_published":  # as the public could know it on as_of
        by = min(clocks.as_of, clocks.published_by) if clocks.published_by else clocks.as_of
        clocks = Clocks(clocks.as_of, clocks.known_at, by, clocks.certain_only, clocks.min_grade)
    venue = word("venue", venue, inputs.parse_venue)
    with cursor_checked(cursor):
        return reply(
            reply.services.queries.time_in_stage(clocks, venue=venue, company=company, limit=limit, cursor=cursor)
        )
