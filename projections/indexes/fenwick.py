"""Day counts as a Fenwick tree (binary indexed tree) over every day the service can be asked about.

The count of (mode, venue, stage) on day D is the sum of the +1/-1 deltas on days up to D. A
Fenwick tree keeps partial sums in nodes so that one delta touches at most log2(days) ~ 17
nodes and one day's counts read at most 17: O(log n) both ways, whatever the log's size.
These functions only name the nodes; the rows live in ``dc_tree`` (daily_counts.py).
"""

from __future__ import annotations

from datetime import date

from domain.dates.fuzzy_dates import MAX_YEAR, MIN_YEAR

FIRST_DAY = date(MIN_YEAR, 1, 1).toordinal()
#: A delta may fall on the day after the last a date can name (an interval's exclusive end).
SIZE = date(MAX_YEAR, 12, 31).toordinal() + 2 - FIRST_DAY


def _index(day: int) -> int:
    return day - FIRST_DAY + 1  # 1-based


def nodes_to_update(day: int) -> list[int]:
    """The nodes a delta on ``day`` adds to (none past the last day: no question reaches it)."""
    index, nodes = max(_index(day), 1), []
    while index <= SIZE:
        nodes.append(index)
        index += index & -index
    return nodes


def nodes_to_sum(day: int) -> list[int]:
    """The nodes whose sum is every delta on days up to ``day``."""
    index, nodes = min(_index(day), SIZE), []
    while index > 0:
        nodes.append(index)
        index -= index & -index
    return nodes
