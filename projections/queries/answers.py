"""The shape of every read answer: plain dicts, typed for mypy and described field by field in OpenAPI.

TypedDicts, not classes: the answers stay plain data (orjson writes them as they are, which
measured fastest), while the API declares them as response models. ``typing_extensions``'
TypedDict because pydantic needs it to describe them on Python 3.11.
"""

from __future__ import annotations

from typing import Annotated, Any, NotRequired

from pydantic import Field
from typing_extensions import TypedDict

# An ISO day (YYYY-MM-DD), declared `format: date` so a generated client reads it as a date. Only for
# fields that always hold one day; a fuzzy date's canonical text ("late 2023") stays plain text.
Day = Annotated[str, Field(json_schema_extra={"format": "date"})]


class DaySpan(TypedDict):
    """A fuzzy date: its canonical text and the first and last day it may mean."""

    text: str
    earliest: Day
    latest: Day


class FuzzyDay(DaySpan):
    raw: str  # as the source wrote it


class Source(TypedDict):
    """Where a fact comes from: one of the five articles (document, quote) or another public
    document (url, title, publisher and the fact stated in our own words)."""

    kind: str
    document: str
    published: FuzzyDay
    title: NotRequired[str]
    publisher: NotRequired[str]
    url: NotRequired[str]
    quote: NotRequired[str]
    statement: NotRequired[str]
    date_text: NotRequired[str]


class LogPoint(TypedDict):
    """A knowledge time: a log position and the system time recorded there (null before the first event)."""

    position: int
    recorded_at: str | None


class Freshness(TypedDict):
    last_reported: DaySpan | None  # the newest source behind the state, as public by published_by
    days_since_reported: int | None  # from that source to as_of
    stale: bool


class VenueState(Freshness):
    venue: str
    stage: str
    suspended: bool
    since: DaySpan
    certain: bool  # false when the deciding fact only possibly happened by as_of
    fact_id: str


class CompanyLabels(TypedDict):
    """A company row's labels for reading and joining (projections/queries/labels.py)."""

    name_en: str | None
    name_zh: str | None  # the full Chinese name
    short_name_zh: str | None
    stock_codes: list[str]  # of the listings made by as_of, as known then (688795.SH)


class PipelineEntry(VenueState):
    company_id: str
    company: str
    aliases: list[str]
    sector: str | None
    name_en: NotRequired[str | None]  # the labels (CompanyLabels): on /pipeline and /changes rows
    name_zh: NotRequired[str | None]
    short_name_zh: NotRequired[str | None]
    stock_codes: NotRequired[list[str]]


class Pipeline(TypedDict):
    as_of: Day
    known_at: int | None
    published_by: Day | None
    certain_only: bool
    reported_since: Day | None
    total: int
    counts: dict[str, dict[str, int]]  # venue -> stage -> companies, stages in pipeline order
    entries: list[PipelineEntry]
    next_cursor: str | None  # pass as cursor for the page after this one; null on the last page
    # With published_by: stage facts recorded here that had (possibly) happened by as_of but whose
    # newest statement was not yet public then, so the answer shows them in no or an earlier version
    held_back: int | None
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class Fact(TypedDict):
    fact_id: str
    kind: str
    subject_type: str  # company or market
    company_id: str | None
    company: str | None
    market: str | None
    venue: str | None
    date: str
    date_raw: str
    earliest: Day
    latest: Day
    fields: dict[str, Any]  # kind-specific: amounts keep their currency, counts are integers
    summary: str | None
    sources: list[Source]
    public_from: Day  # the first day one of its sources was certainly published
    certain: NotRequired[bool]  # asked as of a day: false when it only possibly happened by then


class HistoryStep(TypedDict):
    position: int
    step: str  # recorded, corroborated, corrected, retracted
    recorded_at: str
    date: NotRequired[FuzzyDay]
    venue: NotRequired[str]
    fields: NotRequired[dict[str, Any]]
    reason: NotRequired[str]
    sources: NotRequired[list[Source]]
    source: NotRequired[Source]


class FactWithHistory(Fact):
    retracted: bool
    history: list[HistoryStep]
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class Flag(TypedDict):
    value: bool
    certain: bool
    since: str | None
    fact_id: NotRequired[str]


class Money(TypedDict):
    amount: str  # exact decimal as text
    currency: str


class FundingTotal(TypedDict):
    amount: str  # the sum of the rounds in this currency, never converted
    rounds: int
    certain: bool


class Valuation(TypedDict):
    valuation: Money
    date: str
    certain: bool
    fact_id: str


class Flags(TypedDict):
    blacklisted: Flag
    growth_tier: Flag
    u_mark_removed: Flag
    profitable: Flag
    funding_raised: dict[str, FundingTotal]  # currency -> total
    latest_valuation: Valuation | None


class NameUse(TypedDict):
    name: str
    source: Source | None  # null: given when the company was registered


class RetiredName(TypedDict):
    name: str  # as the retirement gave it
    names: list[str]  # every spelling (or key) of it the company stopped answering to
    reason: str
    sources: list[Source]
    position: int
    recorded_at: str


class StockCode(TypedDict):
    venue: str
    code: str


class CompanyRecord(TypedDict):
    company_id: str
    key: str
    name: str
    aliases: list[str]
    sector: str | None


class Company(CompanyRecord):
    names: list[NameUse]
    retired_names: list[RetiredName]
    codes: list[StockCode]
    as_of: Day
    venues: list[VenueState]
    flags: Flags
    facts: list[Fact]
    retracted: list[FactWithHistory]
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


# "from" is a Python keyword: these answers use the functional form.
Change = TypedDict(
    "Change",
    {
        "company_id": str,
        "company": str,
        "venue": str,
        "from": str | None,
        "to": str | None,
        "since": DaySpan | None,
        "certain": bool,
        "name_en": str | None,
        "name_zh": str | None,
        "short_name_zh": str | None,
        "stock_codes": list[str],
    },
)
# next_cursor: pass as cursor for the page after this one; null on the last page
Changes = TypedDict(
    "Changes",
    {"from": Day, "to": Day, "changes": list[Change], "next_cursor": str | None, "basis": NotRequired[LogPoint]},
)
Timeline = TypedDict(
    "Timeline",
    {
        "from": Day,
        "to": Day,
        "total": int,
        "events": list[Fact],
        "next_cursor": str | None,
        "basis": NotRequired[LogPoint],
    },
)
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


class SearchHit(TypedDict):
    company_id: str
    name: str
    matched: str  # the name or code that matched
    why: str
    score: float


class Search(TypedDict):
    query: str
    results: list[SearchHit]
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


class RevisionState(TypedDict):
    stage: str
    since: DaySpan
    certain: bool
    suspended: bool


class Cause(TypedDict):
    """An event between the two knowledge times that touched the entry's facts."""

    position: int
    step: str  # recorded, corroborated, corrected or retracted
    fact_id: str
    kind: str
    reason: str | None  # a correction's or retraction's
    recorded_at: str
    sources: list[Source]  # the step's sources; by the publication clock, those that became public in the window


class Revision(TypedDict):
    company_id: str
    company: str
    venue: str
    before: RevisionState | None  # null: no entry then
    after: RevisionState | None
    causes: list[Cause]


class CountMove(TypedDict):
    before: int
    after: int


class Revisions(TypedDict):
    as_of: Day
    published_by: Day | None
    # By the publication clock: what the public learned between these two days (since = until = known_at)
    published_since: Day | None
    published_until: Day | None
    since: LogPoint
    until: LogPoint
    changes: list[Revision]  # in board order
    counts: dict[str, dict[str, CountMove]]  # venue -> stage -> companies, only the counts that moved
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class HistoryRectangle(TypedDict):
    """A stage held over valid days [valid_from, valid_to), believed from known_from until known_to."""

    venue: str
    stage: str
    suspended: bool
    certain: bool  # true: the stage certainly held on these days; false: it possibly did
    fact_id: str  # the fact that decides it
    valid_from: Day
    valid_to: Day | None  # exclusive; null: still open
    known_from: LogPoint
    known_to: LogPoint | None  # exclusive; null: still believed
    public_from: Day  # the first day the sources recorded here show it


class CompanyHistory(TypedDict):
    company_id: str
    name: str
    published_by: Day | None
    rectangles: list[HistoryRectangle]
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


class PanelRow(TypedDict):
    date: Day
    company_id: str
    company: str
    venue: str
    stage_as_published: str | None  # the stage the public could know that day (null: none was knowable)
    certain_as_published: bool | None
    stage_hindsight: str | None  # the stage as known now (at known_at)
    certain_hindsight: bool | None
    leak: bool  # the two differ: the row a hindsight panel gets wrong
    name_en: str | None  # the company's labels, by its names as believed at known_at
    name_zh: str | None
    short_name_zh: str | None


Panel = TypedDict(
    "Panel",
    {
        "from": Day,
        "to": Day,
        "freq": str,
        "known_at": int | None,
        "rows": list[PanelRow],
        "basis": NotRequired[LogPoint],
    },
)


class PanelPoint(TypedDict):
    date: Day
    rows: int
    leaks: int  # rows a hindsight panel gets wrong on that date


PanelLeaks = TypedDict(
    "PanelLeaks",
    {
        "from": Day,
        "to": Day,
        "freq": str,
        "known_at": int | None,
        "points": list[PanelPoint],
        "basis": NotRequired[LogPoint],
    },
)
