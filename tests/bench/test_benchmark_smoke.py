"""The benchmark at a tiny size: every phase runs and reports sane numbers (no timing targets here)."""

from __future__ import annotations

import pytest

from bench.generate import plan
from bench.run import measure, table


def test_the_generator_is_deterministic_and_reaches_its_size():
    first, again = plan("S"), plan("S")
    assert first.facts == again.facts
    assert 9_500 <= first.events <= 10_500
    fuzzy = sum(1 for fact in first.facts if len(fact["date"]) != 10)
    assert 0.2 < fuzzy / len(first.facts) < 0.4
    assert 0.015 < len(first.revisions) / len(first.facts) < 0.025
    assert all(
        company.aliases and any("\u4e00" <= ch <= "\u9fff" for ch in company.aliases[0]) for company in first.companies
    )


@pytest.mark.slow
def test_every_benchmark_phase_runs_at_a_tiny_size():
    result = measure("tiny", "sqlite", seconds=0.5)
    assert result["load"]["events"] == result["rebuild"]["events"] == result["decode"]["events"] > 500
    assert result["plain_save"]["events"] == result["raw_insert"]["events"] == plan("tiny").events
    figures = ("company", "counts", "page", "page_deep", "page_sector", "page_at_point", "known_at")
    for name in (*figures, "naive_company", "naive_counts"):
        assert 0 < result["queries"][name]["p50"] <= result["queries"][name]["p99"]
    for name in ("hello", "company", "counts"):
        assert result["http"][name]["rps"] > 0
    assert "bulk load through the application" in table(result)
    assert "half-way down" in table(result)
