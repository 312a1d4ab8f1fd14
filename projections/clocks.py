"""The three clocks of a question: valid day, system time (as a log position), publication day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from projections.schema import MAX_POSITION
from projections.stage_rows import MAX_DAY


@dataclass(frozen=True)
class Clocks:
    """``known_at`` is a log position: only events up to it count (MAX_POSITION - 1 = now)."""

    as_of: date
    known_at: int = MAX_POSITION - 1
    published_by: date | None = None
    certain_only: bool = False

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
        return Clocks(as_of, self.known_at, self.published_by, self.certain_only)
