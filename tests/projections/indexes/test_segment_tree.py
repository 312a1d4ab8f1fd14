"""The segment tree over days: an interval holds on a day exactly when one of its nodes is on the day's path."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.indexes.segment_tree import LEAVES, LEVELS, ORIGIN, cover, holds, path

days = st.integers(ORIGIN - 400, ORIGIN + LEAVES + 400)


@given(days, days, st.integers(ORIGIN, ORIGIN + LEAVES - 1))
def test_an_interval_holds_on_a_day_when_exactly_one_of_its_nodes_is_on_the_days_path(start, end, day):
    nodes = cover(start, end)
    on_path = set(path(day)) & set(nodes)
    assert len(on_path) == (1 if start <= day < end else 0)
    assert len(nodes) == len(set(nodes)) <= 2 * LEVELS


def test_an_open_ended_interval_is_clipped_to_the_last_day_the_tree_holds():
    since = date(2025, 6, 30).toordinal()
    forever = date.max.toordinal()
    assert any(node in cover(since, forever) for node in path(ORIGIN + LEAVES - 1))
    assert not any(node in cover(since, forever) for node in path(since - 1))


def test_a_days_path_runs_from_its_leaf_to_the_root():
    nodes = path(ORIGIN + 5)
    assert (nodes[0], nodes[-1], len(nodes)) == (LEAVES + 5, 1, LEVELS + 1)
    assert all(child // 2 == parent for child, parent in pairwise(nodes))


@pytest.mark.parametrize("day", [ORIGIN - 1, ORIGIN + LEAVES])
def test_a_day_outside_the_tree_has_no_path(day):
    assert not holds(day)
    with pytest.raises(ValueError, match="outside the tree"):
        path(day)


def test_an_empty_or_reversed_interval_has_no_nodes():
    assert cover(ORIGIN + 10, ORIGIN + 10) == []
    assert cover(ORIGIN + 10, ORIGIN + 3) == []
