"""Counts over time, and which company a name, code or id means, read straight from the read models."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import UnknownCompany
from projections.clocks import Clocks
from projections.queries.statistics.counts_over_time import counts_over_time, month_ends, point_count


def test_month_ends_are_each_months_last_day_with_the_range_end_last():
    assert month_ends(date(2024, 11, 15), date(2025, 2, 10)) == [
        date(2024, 11, 30),
        date(2024, 12, 31),
        date(2025, 1, 31),
        date(2025, 2, 10),
    ]
    assert month_ends(date(2024, 2, 1), date(2024, 2, 29)) == [date(2024, 2, 29)]


def test_a_ranges_points_are_counted_before_any_is_built():
    assert point_count(date(2024, 11, 15), date(2025, 2, 10), "month") == 4
    assert point_count(date(2025, 1, 1), date(2025, 1, 31), "day") == 31
    assert point_count(date(2025, 1, 1), date(2025, 1, 1), "day") == 1


def test_daily_and_point_counts_agree_on_every_month_end(seeded):
    seeded.catch_up()
    start, end = date(2019, 1, 1), date(2026, 6, 30)
    for certain in (False, True):
        now = counts_over_time(seeded.store, start, end, "month", "SSE-STAR", Clocks(end, certain_only=certain))
        # A known_at position at the head asks the same question through the stage rows.
        head = Clocks(end, known_at=seeded.app.position(), certain_only=certain)
        counted = counts_over_time(seeded.store, start, end, "month", "SSE-STAR", head)
        assert (now["source"], counted["source"]) == ("daily_counts", "timeline")
        assert now["mode"] == ("certain" if certain else "possible")
        assert now["points"] == counted["points"]
        assert len(now["points"]) == 90
        assert any(point["counts"] for point in now["points"])


def test_a_name_in_another_script_width_or_case_finds_the_company(seeded):
    assert seeded.queries.resolve("摩尔线程")["name"] == "Moore Threads"
    assert seeded.queries.resolve("  MOORE threads ")["name"] == "Moore Threads"
    found = seeded.queries.resolve("Moore Threads")
    assert seeded.queries.resolve(found["company_id"]) == found
    assert seeded.queries.resolve(found["company_id"].replace("-", "").upper()) == found


def test_an_unknown_name_suggests_the_nearest_and_never_guesses(seeded):
    with pytest.raises(UnknownCompany, match="did you mean 'Moore Threads'"):
        seeded.queries.resolve("Moore Thredas Inc")
    with pytest.raises(UnknownCompany, match="no company is called"):
        seeded.queries.resolve("\x00")
    with pytest.raises(UnknownCompany):
        seeded.queries.resolve("   ")


def test_a_stock_code_in_any_spelling_finds_the_listed_company(seeded):
    listed = [row for row in seeded.store.query("SELECT company_id, code, venue FROM rm_codes") if row[2] == "SSE-STAR"]
    assert listed
    company_id, code, _venue = listed[0]
    digits = code.split(".")[0]
    for spelling in (code, f"SH{digits}", digits):
        assert seeded.queries.resolve(spelling)["company_id"] == company_id
    assert seeded.queries.search(code)[0]["why"] == "stock code"


def test_search_ranks_the_exact_name_first_and_says_why(seeded):
    hits = seeded.queries.search("moore thread", limit=3)
    assert hits[0]["name"] == "Moore Threads"
    assert hits[0]["score"] >= hits[-1]["score"]
    assert len(hits) <= 3
    assert all(hit["why"] for hit in hits)
