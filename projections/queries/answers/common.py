"""Shapes every answer shares: days, fuzzy days, sources, the log point, freshness and a company's labels."""

from __future__ import annotations

from typing import Annotated, NotRequired

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
