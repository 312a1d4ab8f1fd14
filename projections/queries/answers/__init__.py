"""The shape of every read answer: plain dicts, typed for mypy and described field by field in OpenAPI.

TypedDicts, not classes: the answers stay plain data (orjson writes them as they are, which
measured fastest), while the API declares them as response models. ``typing_extensions``'
TypedDict because pydantic needs it to describe them on Python 3.11.

Each family of answers is a module of this package; the package names them all, so a query or a route
imports its shapes from one place.
"""

from projections.queries.answers.common import (
    CompanyLabels,
    Day,
    DaySpan,
    Freshness,
    FuzzyDay,
    LogPoint,
    Source,
    VenueState,
)
from projections.queries.answers.company import (
    Company,
    CompanyRecord,
    Flag,
    Flags,
    FundingTotal,
    Money,
    NameUse,
    RetiredName,
    Search,
    SearchHit,
    StockCode,
    Valuation,
)
from projections.queries.answers.facts import Fact, FactWithHistory, HistoryStep, Timeline
from projections.queries.answers.panel import Panel, PanelLeaks, PanelPoint, PanelRow
from projections.queries.answers.pipeline import Change, Changes, Pipeline, PipelineEntry
from projections.queries.answers.revisions import (
    Cause,
    CompanyHistory,
    CountMove,
    HistoryRectangle,
    Revision,
    Revisions,
    RevisionState,
)
from projections.queries.answers.statistics import (
    CountsPoint,
    CurvePoint,
    ListingCohort,
    ListingSpan,
    MedianBounds,
    MedianInterval,
    Span,
    SpanSummary,
    StatsCounts,
    TimeInStage,
    TimeToListing,
)

__all__ = [
    "Cause",
    "Change",
    "Changes",
    "Company",
    "CompanyHistory",
    "CompanyLabels",
    "CompanyRecord",
    "CountMove",
    "CountsPoint",
    "CurvePoint",
    "Day",
    "DaySpan",
    "Fact",
    "FactWithHistory",
    "Flag",
    "Flags",
    "Freshness",
    "FundingTotal",
    "FuzzyDay",
    "HistoryRectangle",
    "HistoryStep",
    "ListingCohort",
    "ListingSpan",
    "LogPoint",
    "MedianBounds",
    "MedianInterval",
    "Money",
    "NameUse",
    "Panel",
    "PanelLeaks",
    "PanelPoint",
    "PanelRow",
    "Pipeline",
    "PipelineEntry",
    "RetiredName",
    "Revision",
    "RevisionState",
    "Revisions",
    "Search",
    "SearchHit",
    "Source",
    "Span",
    "SpanSummary",
    "StatsCounts",
    "StockCode",
    "TimeInStage",
    "TimeToListing",
    "Timeline",
    "Valuation",
    "VenueState",
]
