"""What a correction changed: revisions, and a company's history as known over time."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, DaySpan, LogPoint, Source


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
