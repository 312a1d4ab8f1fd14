"""The pipeline board and the changes between two days."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, DaySpan, LogPoint, VenueState


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
