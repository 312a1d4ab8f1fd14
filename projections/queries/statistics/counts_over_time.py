"""Pipeline counts over a range of days, for charts: month ends or every day."""

from __future__ import annotations

from datetime import date, timedelta

from projections.clocks import Clocks
from projections.indexes.daily_counts import daily_counts
from projections.queries.answers import CountsPoint, StatsCounts
from projections.queries.pipeline import Filters, PipelineQueries
from projections.store.read_store import ReadStore


def month_ends(start: date, end: date) -> list[date]:
    """The last day of every month from ``start``'s month to ``end``'s, ``end`` itself last."""
    days, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        following = date(year + (month == 12), month % 12 + 1, 1)
        days.append(min(following - timedelta(days=1), end))
        year, month = following.year, following.month
    return days


def point_count(start: date, end: date, granularity: str) -> int:
    """How many points a range has, known before any is built."""
    if granularity == "month":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    return (end - start).days + 1


def counts_over_time(
    store: ReadStore,
    start: date,
    end: date,
    granularity: str,
    venue: str | None,
    clocks: Clocks,
    vintage: str = "latest",
) -> StatsCounts:
    """Counts by stage at each point. The latest knowledge of every source reads the daily deltas
    in one pass; other clocks ask the stage rows at each point. The ``as_published`` vintage (ALFRED's
    real-time view) counts each point as the public could know it on that point's own day: a chart of
    the past shows what was knowable then, not hindsight."""
    days = (
        month_ends(start, end)
        if granularity == "month"
        else [start + timedelta(n) for n in range((end - start).days + 1)]
    )
    points: list[CountsPoint]
    if vintage == "as_published":
        stages = PipelineQueries(store)
        points = [
            {"date": day.isoformat(), "counts": _totals(stages, _as_published(clocks, day), venue)} for day in days
        ]
        source = "timeline"
    elif clocks.every_source:
        daily = {row["date"]: row[clocks.mode] for row in daily_counts(store, start, end, venue)}
        points = [{"date": day.isoformat(), "counts": daily[day.isoformat()]} for day in days]
        source = "daily_counts"
    else:
        stages = PipelineQueries(store)
        points = [{"date": day.isoformat(), "counts": _totals(stages, clocks.at(day), venue)} for day in days]
        source = "timeline"
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "venue": venue,
        "granularity": granularity,
        "mode": clocks.mode,
        "vintage": vintage,
        "source": source,
        "points": points,
    }


def _as_published(clocks: Clocks, day: date) -> Clocks:
    """The clocks of one point of the as-published vintage: sources public by that day (or by
    ``published_by``, if earlier)."""
    published_by = min(day, clocks.published_by) if clocks.published_by else day
    return Clocks(day, clocks.known_at, published_by, clocks.certain_only, clocks.min_grade)


def _totals(stages: PipelineQueries, clocks: Clocks, venue: str | None) -> dict[str, int]:
    by_stage: dict[str, int] = {}
    for counts in stages.counts(clocks, Filters(venue=venue)).values():
        for stage, n in counts.items():
            by_stage[stage] = by_stage.get(stage, 0) + n
    return by_stage
