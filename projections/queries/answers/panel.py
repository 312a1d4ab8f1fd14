"""The date-by-company panel and its look-ahead leaks."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, LogPoint


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
