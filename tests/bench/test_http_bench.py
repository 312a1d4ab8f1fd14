"""The HTTP benchmark at a tiny length: both servers start in the chosen shape, wrk answers for every path,
and the table names each path with its share of hello-world (no timing targets here)."""

from __future__ import annotations

import shutil

import pytest

from bench.http import PATHS, Shape, measure, shapes_table, table


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (`make wrk`)")
def test_every_path_is_measured_beside_hello_world_in_one_shape():
    result = measure(Shape(1, "asyncio", "h11"), seconds=1, rounds=1, connections=2, warm_up=0)
    assert result["shape"] == {"workers": 1, "loop": "asyncio", "http": "h11"}
    assert set(result["figures"]) == set(PATHS)
    for figure in result["figures"].values():
        assert figure["rps"] > 0
        assert 0 < figure["p50_ms"] <= figure["p99_ms"]
        assert figure["cpu_us"] > 0
    assert result["figures"]["hello-world"]["of_hello"] == 1
    assert "company as-of `/companies/MiniMax?as_of=2026-01-09`" in table(result)
    assert "distinct questions (bench/distinct.lua)" in table(result)
    assert "workers=1 loop=asyncio http=h11" in shapes_table([result])
