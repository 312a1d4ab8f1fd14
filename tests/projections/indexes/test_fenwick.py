"""The Fenwick tree's nodes give the same day counts as summing every delta.

The ends of the Fenwick tree's range of days: a delta on (or before) the first day a date can
name counts from that very day, and one on the day after the last is kept in the last node.
"""

from __future__ import annotations

import random
from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from projections.indexes.fenwick import FIRST_DAY, SIZE, nodes_to_sum, nodes_to_update

# Deltas fall on days a date can name, or the day after the last; questions may ask any day.
DELTA_DAYS = st.integers(min_value=FIRST_DAY - 5, max_value=FIRST_DAY + SIZE - 1)
ASKED_DAYS = st.integers(min_value=FIRST_DAY - 5, max_value=FIRST_DAY + SIZE + 5)


@given(
    st.lists(st.tuples(DELTA_DAYS, st.integers(-3, 3)), max_size=40),
    st.lists(ASKED_DAYS, min_size=1, max_size=10),
)
def test_summing_nodes_equals_summing_every_delta_up_to_the_day(deltas, days):
    tree: dict[int, int] = defaultdict(int)
    for day, delta in deltas:
        for node in nodes_to_update(day):
            tree[node] += delta
    for day in days:
        expected = sum(delta for delta_day, delta in deltas if max(delta_day, FIRST_DAY) <= day)
        assert sum(tree[node] for node in nodes_to_sum(day)) == expected


def test_a_delta_or_a_question_touches_at_most_eighteen_nodes():
    rng = random.Random(3)
    for day in (rng.randrange(FIRST_DAY, FIRST_DAY + SIZE) for _ in range(1000)):
        assert len(nodes_to_update(day)) <= 18
        assert len(nodes_to_sum(day)) <= 18


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
