"""What a panel question asks (its dates, its filters) and its one refusal, apart from the arrays that answer it
(arrays.py): numpy and Arrow (~60 MB, ~0.1 s to load) load with the first panel asked, not with every process."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from projections.queries.statistics.counts_over_time import month_ends


class PanelTooLarge(ValueError):
    """The panel would have more rows than allowed; says how many."""

    def __init__(self, rows: int, limit: int) -> None:
        super().__init__(f"{rows:,} rows, more than the {limit:,} a panel may have: narrow the range or the freq")
        self.rows = rows


@dataclass(frozen=True)
class PanelFilters:
    venue: str | None = None
    stage: str | None = None  # rows where either stage is this one
    company_id: str | None = None
    sector: str | None = None


def grid(start: date, end: date, freq: str) -> list[date]:
    """The panel's dates: every day; every 7th day from ``start``; or month ends (``end`` last), as charts have."""
    if freq == "month":
        return month_ends(start, end)
    return [date.fromordinal(d) for d in range(start.toordinal(), end.toordinal() + 1, 7 if freq == "week" else 1)]
