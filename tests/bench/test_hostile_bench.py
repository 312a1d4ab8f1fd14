"""The hostile-client benchmark at a tiny length: both trees are served and measured in one run, and this tree
closes the stalled connections and answers a new client (no timing targets here)."""

from __future__ import annotations

import shutil

import pytest

from bench.hostile import measure, table


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="the baseline tree comes from git archive")
def test_both_trees_are_measured_under_the_same_flood_and_stall(monkeypatch):
    monkeypatch.setenv("TIMELINE_REQUEST_TIMEOUT", "1")
    wrk = shutil.which("wrk") is not None
    result = measure(requests=20, pads=(20_000, 1000), stalled=30, hit_seconds=1 if wrk else 0)
    for tree in ("this_tree", "as_before"):
        assert result[tree]["flood_1000"] == "20 × 200"
        assert result[tree]["rss_after_flood_1000_mb"] > 0
        assert result[tree]["opened"] == 30
        assert not wrk or result[tree]["hit_rps"] > 0
    assert result["this_tree"]["flood_20000"] == "20 × 431"  # past the head limit
    assert result["as_before"]["flood_20000"] == "20 × 200"
    assert result["this_tree"]["new_client"].startswith("yes")
    assert result["this_tree"]["held_after_timeout"] == 0
    assert "as before (0abe251, same run)" in table(result)
