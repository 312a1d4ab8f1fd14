"""The three clocks of a question: valid day, system time (as a log position), publication day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import ClassVar

from projections.stage_rows import MAX_DAY

MAX_POSITION = 2_147_483_647  # fits SQLite's 32-bit R-tree; the log may grow to 2e9 events


def system_time(moment: datetime) -> str:
    """The one text form of a system time: UTC, always with microseconds, so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Clocks:
    """``known_at`` is a log position: only events up to it count (``NOW``: everything recorded).

    ``min_grade`` (a ``SourceGrade`` rank, 0 for none) narrows which sources count, as ``published_by``
    does: a fact counts only with a source of at least that grade, public by ``published_by``, the
    source's document graded so at ``known_at`` (projections/queries/labels/sources.py)."""

    NOW: ClassVar[int] = MAX_POSITION - 1

    as_of: date
    known_at: int = MAX_POSITION - 1
    published_by: date | None = None
    certain_only: bool = False
    min_grade: int = 0

    @property
    def is_now(self) -> bool:
        return self.known_at >= self.NOW

    @property
    def every_source(self) -> bool:
        """The latest knowledge of every source: what the daily counts and the board hold."""
        return self.is_now and self.published_by is None and not self.min_grade

    @property
    def day(self) -> int:
        return self.as_of.toordinal()

    @property
    def publication_day(self) -> int:
        return self.published_by.toordinal() if self.published_by else MAX_DAY - 1

    @property
    def mode(self) -> str:
        return "certain" if self.certain_only else "possible"

    def at(self, as_of: date) -> Clocks:
        return Clocks(as_of, self.known_at, self.published_by, self.certain_only, self.min_grade)
