"""Statistics over the pipeline: time in stage, time to listing, counts over time."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, LogPoint

Span = TypedDict(
    "Span",
    {
        "company_id": str,
        "company": str,
        "venue": str,
        "attempt": int,
        "from": str,
        "to": str,
        "from_date": str,
        "to_date": str,
        "days": float,  # between the two dates' midpoints
        "min_days": int,
        "max_days": int,
        "certain": bool,
        "year": int,
        "name_en": NotRequired[str | None],  # the labels (CompanyLabels), on every span of the answer
        "name_zh": NotRequired[str | None],
        "short_name_zh": NotRequired[str | None],
        "stock_codes": NotRequired[list[str]],
    },
)
SpanSummary = TypedDict(
    "SpanSummary",
    {
        "venue": str,
        "from": str,
        "to": str,
        "year": int,
        "count": int,
        "median": float,
        "q1": float,
        "q3": float,
        "uncertain": int,
    },
)


class TimeInStage(TypedDict):
    as_of: Day
    spans: list[Span]  # a page of them
    summary: list[SpanSummary]  # over every span, on every page
    next_cursor: str | None
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class CurvePoint(TypedDict):
    """The Kaplan-Meier curve just after ``day`` (days from the start fact) and who was at risk just before it."""

    day: float
    survival: float  # the share of attempts not yet listed
    lower: float  # the pointwise band at ``confidence`` (log(-log) Greenwood)
    upper: float
    at_risk: int


class MedianInterval(TypedDict):
    lower: float | None  # null: the band's edge never falls to one half
    upper: float | None


class MedianBounds(TypedDict):
    """The median with every span at its certain shortest (min_days) or longest (max_days): how far fuzzy dates
    could move it."""

    shortest: float | None
    longest: float | None


class ListingSpan(TypedDict):
    """One attempt from its start fact to its listing, its exit, or as_of."""

    company_id: str
    company: str
    attempt: int  # as /time-in-stage numbers the pair's attempts
    start: str  # the start fact's date text
    end: str | None  # the listing's or the exit's date text; null: still in review at as_of
    # listed, censored (in review at as_of), or the exit: withdrawn, terminated, rejected, lapsed, delisted
    outcome: str
    days: float  # between midpoints (to as_of itself when censored there), never past as_of
    min_days: int  # the certain bounds: start's last day to end's first, and first to last
    max_days: int
    certain: bool  # both dates are exact days


class ListingCohort(TypedDict):
    cohort: str  # the year (2025) or quarter (2025-Q3) of the start fact's midpoint; "all" pools every cohort
    at_risk: int  # attempts at day 0
    listed: int
    censored: int  # still in review at as_of
    exited: int  # withdrawn, terminated, rejected, lapsed: censored at the exit day, counted apart
    exits: dict[str, int]  # exit stage -> attempts
    fuzzy: int  # spans with a date that is not one exact day (measured between midpoints)
    median_days: float | None  # null: fewer than half listed by the end of the curve
    median_days_ci: MedianInterval
    median_days_bounds: MedianBounds
    curve: list[CurvePoint]
    spans: list[ListingSpan]


class TimeToListing(TypedDict):
    as_of: Day
    known_at: int | None
    published_by: Day | None
    certain_only: bool
    venue: str
    start: str  # the stage the clock starts at: accepted, or filed on HKEX venues
    cohort: str  # year or quarter
    confidence: float
    method: str  # the estimator and the interval, in words
    dates: str  # how fuzzy dates become days, in words
    cohorts: list[ListingCohort]  # oldest first
    overall: ListingCohort  # every cohort pooled
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class CountsPoint(TypedDict):
    date: Day
    counts: dict[str, int]  # stage -> companies


StatsCounts = TypedDict(
    "StatsCounts",
    {
        "from": Day,
        "to": Day,
        "venue": str | None,
        "granularity": str,
        "mode": str,
        # latest: every point as known now; as_published: each point as the public could know it that day
        "vintage": str,
        "source": str,
        "points": list[CountsPoint],
        "basis": NotRequired[LogPoint],
    },
)
