"""The market-wide pipeline as of a day."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.examples import PIPELINE, example
from api.answers.responses import READ_ERRORS
from api.answers.spreadsheets import BOM, spreadsheet_safe
from api.deps import (
    ClocksDep,
    DayOrNone,
    Fresh,
    PageCursor,
    ReplyDep,
    SectorFilter,
    ServicesDep,
    StageWord,
    VenueFilter,
    cursor_checked,
    day_query,
    parse_day,
    word,
)
from api.middleware.read_lane import Lane, as_of, today_clocks, whole_number
from projections.queries.answers import Pipeline

router = APIRouter(tags=["pipeline"])

StageQ = Annotated[StageWord, Query(description="Only this stage", examples=["accepted"])]
LIMIT, OFFSET = (1, 1000), (0, 10_000_000)
PAGE = 100  # entries a page holds when the question names no limit (the route and its lane alike)
Limit = Annotated[int, Query(ge=LIMIT[0], le=LIMIT[1], description="Page size")]
Offset = Annotated[
    int, Query(ge=OFFSET[0], le=OFFSET[1], description="Entries to skip (a cursor pages deep lists faster)")
]
ReportedSince = Annotated[
    DayOrNone,
    day_query("Only entries whose deciding fact has a source published on or after this day", "2025-12-01"),
]
SponsorQ = Annotated[
    str | None,
    Query(description="Only applications whose sponsor (保荐机构) contains this text", examples=["中信证券"]),
]
WithBom = Annotated[bool, Query(description="Start with a UTF-8 BOM, so Excel shows Chinese names")]
CSV_COLUMNS = [
    "company_id",
    "company",
    "sector",
    "venue",
    "stage",
    "since",
    "since_earliest",
    "since_latest",
    "certain",
    "suspended",
    "last_reported",
    "days_since_reported",
    "stale",
    "name_en",
    "name_zh",
    "short_name_zh",
    "stock_codes",
]


@router.get("/pipeline", responses={**READ_ERRORS, **example(PIPELINE)}, response_model=Pipeline)
@answered_in_read_threads
def pipeline(
    reply: ReplyDep,
    clocks: ClocksDep,
    venue: VenueFilter = None,
    stage: StageQ = None,
    sector: SectorFilter = None,
    limit: Limit = PAGE,
    offset: Offset = 0,
    reported_since: ReportedSince = None,
    cursor: PageCursor = None,
    sponsor: SponsorQ = None,
) -> Response:
    """Who stood at which stage on which venue on a day, with counts and how fresh each entry's sources are."""
    venue, stage = word("venue", venue, inputs.parse_venue), word("stage", stage, inputs.parse_stage)
    sector = word("sector", sector, inputs.parse_text)
    since = parse_day("reported_since", reported_since) if reported_since else None
    sponsor = word("sponsor", sponsor, inputs.parse_text)
    with cursor_checked(cursor):
        answer = reply.services.queries.pipeline(
            clocks,
            venue=venue,
            stage=stage,
            sector=sector,
            limit=limit,
            offset=offset,
            reported_since=since,
            cursor=cursor,
            sponsor=sponsor,
        )
    return reply(answer)


#: ``pipeline`` by day, venue, stage and page, without FastAPI's machinery (api/middleware/read_lane.py).
LANE = Lane(
    "/pipeline",
    {
        "as_of": as_of,
        "venue": lambda value: inputs.parse_venue("venue", value),
        "stage": lambda value: inputs.parse_stage("stage", value),
        "limit": whole_number(*LIMIT),
        "offset": whole_number(*OFFSET),
    },
    lambda services, _, asked: services.queries.pipeline(
        asked.get("as_of") or today_clocks(),
        venue=asked.get("venue"),
        stage=asked.get("stage"),
        limit=asked.get("limit", PAGE),
        offset=asked.get("offset", 0),
    ),
)


@router.get(
    "/pipeline.csv",
    dependencies=[Fresh],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "The pipeline snapshot as CSV"}, **READ_ERRORS},
)
def pipeline_csv(
    services: ServicesDep,
    clocks: ClocksDep,
    venue: VenueFilter = None,
    stage: StageQ = None,
    sector: SectorFilter = None,
    bom: WithBom = False,
) -> Response:
    """The whole pipeline snapshot of a day as CSV (one row per company and venue)."""
    venue, stage = word("venue", venue, inputs.parse_venue), word("stage", stage, inputs.parse_stage)
    sector = word("sector", sector, inputs.parse_text)
    snapshot = services.queries.pipeline(clocks, venue=venue, stage=stage, sector=sector)
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in snapshot["entries"]:
        since = entry["since"]
        writer.writerow(
            [
                entry["company_id"],
                spreadsheet_safe(entry["company"]),
                spreadsheet_safe(entry["sector"] or ""),
                entry["venue"],
                entry["stage"],
                since["text"],
                since["earliest"],
                since["latest"],
                entry["certain"],
                entry["suspended"],
                entry["last_reported"]["text"] if entry["last_reported"] else "",
                "" if entry["days_since_reported"] is None else entry["days_since_reported"],
                entry["stale"],
                spreadsheet_safe(entry.get("name_en") or ""),
                spreadsheet_safe(entry.get("name_zh") or ""),
                spreadsheet_safe(entry.get("short_name_zh") or ""),
                " ".join(entry.get("stock_codes", [])),
            ]
        )
    filename = f"pipeline-{clocks.as_of.isoformat()}.csv"
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
