"""Shapes every answer shares: days, fuzzy days, sources, the log point, freshness and a company's labels."""

from __future__ import annotations

from typing import Annotated, NotRequired

from pydantic import Field
from typing_extensions import TypedDict

from domain.sources import SourceGrade

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
    document (the fact stated in our own words). ``title``, ``publisher``, ``url`` (a link; an article may
    have none), ``language`` and ``grade`` come from the document's own record (``Document.Registered``),
    as known at the answer's knowledge time; a source whose document was never registered has no grade."""

    kind: str  # article, disclosure or report
    document: str  # the document's id: an article's file name, a disclosure's or report's slug
    published: FuzzyDay
    title: NotRequired[str]
    publisher: NotRequired[str]
    url: NotRequired[str]
    language: NotRequired[str]  # en, zh, ja
    quote: NotRequired[str]
    statement: NotRequired[str]
    date_text: NotRequired[str]
    # primary_disclosure (the issuer's or exchange's own announcement), reputable_report (a named,
    # established outlet), other (unsigned pages, self-media, AI-written commentary); min_source_grade reads it
    grade: NotRequired[SourceGrade]
    grade_reason: NotRequired[str]  # why the document has its grade


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
    """A company row's labels for reading and joining (projections/queries/labels/companies.py)."""

    name_en: str | None
    name_zh: str | None  # the full Chinese name
    short_name_zh: str | None
    stock_codes: list[str]  # of the listings made by as_of, as known then (688795.SH)
