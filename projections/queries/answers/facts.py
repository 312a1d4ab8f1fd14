"""A fact as answers show it, with its history of corrections, and the timeline of facts."""

from __future__ import annotations

from typing import Any, NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, FuzzyDay, LogPoint, Source


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
