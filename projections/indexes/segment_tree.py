"""A segment tree over days: which intervals of days hold on one day, in O(log n) tree nodes.

The days from ``ORIGIN`` on are the leaves of a complete binary tree, numbered as a heap (the
root is 1, node k's children are 2k and 2k+1). An interval of days is stored at the few nodes
whose ranges tile it exactly (``cover``: at most two per level); a day's leaf and its ancestors
(``path``) are the only nodes whose ranges hold that day. So an interval holds on a day exactly
when one of its nodes is on the day's path, and never at two of them: a question reads
``LEVELS + 1`` nodes, whatever the number of intervals.
"""

from __future__ import annotations

from datetime import date

LEVELS = 16
LEAVES = 1 << LEVELS
ORIGIN = date(1990, 1, 1).toordinal()  # the first day the tree holds; LEAVES days on, to 2169
#: Room for the nodes of one interval, which are never more than two per level.
SLOTS = 64
assert 2 * LEVELS <= SLOTS


def cover(valid_from: int, valid_to: int) -> list[int]:
    """The nodes tiling the days [valid_from, valid_to) (ordinals), clipped to the days the tree holds."""
    low = min(max(valid_from - ORIGIN, 0), LEAVES) + LEAVES
    high = min(max(valid_to - ORIGIN, 0), LEAVES) + LEAVES
    nodes = []
    while low < high:
        if low & 1:
            nodes.append(low)
            low += 1
        if high & 1:
            high -= 1
            nodes.append(high)
        low >>= 1
        high >>= 1
    return nodes


def holds(day: int) -> bool:
    """Whether the tree holds this day (an ordinal); a day outside it is answered another way."""
    return 0 <= day - ORIGIN < LEAVES


def path(day: int) -> list[int]:
    """The nodes whose ranges hold this day: its leaf and every ancestor up to the root."""
    if not holds(day):
        raise ValueError(f"day {date.fromordinal(day)} is outside the tree")
    node = day - ORIGIN + LEAVES
    nodes = []
    while node:
        nodes.append(node)
        node >>= 1
    return nodes
