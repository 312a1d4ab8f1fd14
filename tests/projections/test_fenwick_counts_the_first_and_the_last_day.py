"""The ends of the Fenwick tree's range of days: a delta on (or before) the first day a date can
name counts from that very day, and one on the day after the last is kept in the last node."""

from __future__ import annotations

from collections import defaultdict

from projections.indexes.fenwick import FIRST_DAY, SIZE, nodes_to_sum, nodes_to_update


def count_on(deltas: list[tuple[int, int]], day: int) -> int:
    tree: dict[int, int] = defaultdict(int)
    for delta_day, delta in deltas:
        for node in nodes_to_update(delta_day):
            tree[node] += delta
    return sum(tree[node] for node in nodes_to_sum(day))


def test_a_delta_on_the_first_day_counts_on_the_first_day():
    assert nodes_to_sum(FIRST_DAY) == [1]
    assert count_on([(FIRST_DAY, 1)], FIRST_DAY) == 1
    assert count_on([(FIRST_DAY - 3, 2), (FIRST_DAY + 1, 5)], FIRST_DAY) == 2
    assert count_on([(FIRST_DAY, 1)], FIRST_DAY - 1) == 0


def test_the_day_after_the_last_is_the_last_node_and_later_days_none():
    last = FIRST_DAY + SIZE - 1
    assert nodes_to_update(last) == [SIZE]
    assert nodes_to_update(last + 1) == []
    assert nodes_to_sum(last + 10) == nodes_to_sum(last)
    assert count_on([(last, 1), (FIRST_DAY, 1)], last) == 2
