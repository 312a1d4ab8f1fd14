"""Pipeline counts over time, for charts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api import inputs
from api.deps import Fresh, ServicesDep
from api.params import CertainOnly, KnownAt, PublishedBy, clocks_for, day_query, invalid, parse_days, word
from api.responses import READ_ERRORS
from projections.clocks import Clocks
from projections.daily_counts import daily_counts

router = APIRouter(tags=["stats"])
MAX_POINTS = {"month": 400, "day": 4000}


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from ``start``'s month to ``end``'s, ``end`` itself last."""
    days, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        following = date(year + (month == 12), month % 12 + 1, 1)
        days.append(min(following - timedelta(days=1), end))
        year, month = following.year, following.month
    return days


def point_count(start: date, end: date, granularity: str) -> int:
    if granularity == "month":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    return (end - start).days + 1


@router.get("/stats/pipeline-counts", dependencies=[Fresh], responses=READ_ERRORS)
def pipeline_counts(
    services: ServicesDep,
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
    to: Annotated[str | None, day_query("Last day (default: today in Asia/Shanghai)", "2026-01-31")] = None,
    venue: Annotated[str | None, Query(description="Only this venue", examples=["SSE-STAR"], max_length=20)] = None,
    granularity: Annotated[Literal["month", "day"], Query(description="Month ends, or every day")] = "month",
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
) -> dict[str, Any]:
    """Counts by stage per month end (or per day) between two days, for charts."""
    start, end = parse_days("from", from_, "to", to)
    venue = word("venue", venue, inputs.parse_venue)
    wanted = point_count(start, end, granularity)
    if wanted > MAX_POINTS[granularity]:  # counted before anything is built: a wide range costs nothing
        raise invalid("from", from_, f"{wanted} {granularity}s between from and to; at most {MAX_POINTS[granularity]}")
    days = (
        month_ends(start, end)
        if granularity == "month"
        else [start + timedelta(n) for n in range((end - start).days + 1)]
    )
    mode = "certain" if certain_only else "possible"
    if known_at is None and published_by is None:
        # The incrementally maintained daily table: one pass over the days that changed.
        daily = {row["date"]: row[mode] for row in daily_counts(services.db, start, end, venue)}
        points = [{"date": day.isoformat(), "counts": daily[day.isoformat()]} for day in days]
        source = "daily_counts"
    else:
        base = clocks_for(services, "to", to, known_at, published_by, certain_only)
        points = [{"date": day.isoformat(), "counts": _totals(services, base.at(day), venue)} for day in days]
        source = "timeline"
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "venue": venue,
        "granularity": granularity,
        "mode": mode,
        "source": source,
        "points": points,
    }


def _totals(services: ServicesDep, clocks: Clocks, venue: str | None) -> dict[str, int]:
    by_stage: dict[str, int] = {}
    for stages in services.queries.pipeline(clocks, venue=venue, limit=0)["counts"].values():
        for stage, n in stages.items():
            by_stage[stage] = by_stage.get(stage, 0) + n
    return by_stage
