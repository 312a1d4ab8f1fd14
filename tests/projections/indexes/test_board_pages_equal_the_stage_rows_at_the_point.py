"""Pages from the board index (O(log n + page)) are the stage rows holding at the point, sorted: the
same entries, in the same order, for every day, mode, filter, cursor and offset, on both databases,
after corrections, retractions and catch-up as after a rebuild."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import MAX_POSITION, Clocks
from projections.indexes import board
from projections.indexes.segment_tree import SLOTS, cover
from projections.queries.pipeline import Filters, PipelineQueries, encode_cursor
from projections.stage_rows import MAX_DAY
from projections.timeline.projector import timeline_projection
from tests.projections.synthetic import fill

SECTORS = ["ai", "semiconductors", "biotech"]
FILTERS = [
    Filters(),
    Filters(venue="SSE-STAR"),
    Filters(stage="accepted"),
    Filters(venue="HKEX-MAIN", stage="listed"),
    Filters(sector="ai"),
    Filters(sector="biotech", stage="filed"),
    Filters(sector="semiconductors", venue="SZSE-CHINEXT"),
]
DAYS = [date(2018, 6, 1) + timedelta(days=n) for n in range(0, 3300, 97)]


def synthetic_log(url: str) -> None:
    app = TimelineApplication(environment_for(url))
    for n in range(24):
        app.register_company(f"Synthetic {n:03d}", sector=SECTORS[n % 3] if n % 4 else None)
    fill(app, companies=24, facts=260, seed=11)
    app.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def built(request, filled_url):
    app = TimelineApplication(environment_for(filled_url(request.param, synthetic_log)))
    db = read_store(app)
    projection = timeline_projection(db, app.recorder, app.mapper)
    projection.catch_up(batch_size=40)
    yield app, db, projection
    db.close()
    app.close()


def keys(entries):
    return [(e["company_id"], e["venue"], e["stage"], e["since"], e["fact_id"], e["suspended"]) for e in entries]


def walk(stages, clocks, filters, size):
    entries, cursor = [], None
    while True:
        page = stages.entries(clocks, filters, limit=size, cursor=cursor)
        entries += page
        if len(page) < size:
            return entries
        cursor = encode_cursor(page[-1])


def test_every_page_of_the_board_is_the_sorted_stage_rows_at_its_point(built):
    _app, db, _projection = built
    stages = PipelineQueries(db)
    for day in DAYS:
        for certain_only in (False, True):
            clocks = Clocks(day, certain_only=certain_only)
            assert board.answers(clocks)
            for filters in FILTERS:
                whole = stages.entries(clocks, filters)  # no limit: the stage-point index, sorted whole
                assert keys(walk(stages, clocks, filters, 7)) == keys(whole), (day, certain_only, filters)
                assert stages.entries(clocks, filters, limit=4, offset=5) == whole[5:9]
    assert any(stages.entries(Clocks(day), Filters()) for day in DAYS)


def test_the_board_holds_each_row_believed_now_and_seen_with_every_source_once_per_tiling_node(built):
    _app, db, _projection = built
    believed = db.query(
        f"SELECT row_id, valid_from, valid_to FROM rm_stage_rows WHERE rec_to = {MAX_POSITION} AND pub_to = {MAX_DAY}"
    )
    expected = sorted((row_id * SLOTS + n, node) for row_id, lo, hi in believed for n, node in enumerate(cover(lo, hi)))
    assert expected
    assert [tuple(row) for row in db.query("SELECT board_id, node FROM rm_board ORDER BY board_id")] == expected


def test_counts_for_a_sector_from_the_board_equal_the_stage_rows_counted_at_the_point(built):
    _app, db, _projection = built
    stages = PipelineQueries(db)
    counted = 0
    for day in DAYS:
        for certain_only in (False, True):
            clocks = Clocks(day, certain_only=certain_only)
            for filters in [f for f in FILTERS if f.sector] + [Filters(sector="no such sector")]:
                expected = sorted(stages.counted_at_point(clocks, filters))
                found = board.counts(db, clocks, venue=filters.venue, stage=filters.stage, sector=str(filters.sector))
                assert sorted(found) == [tuple(row) for row in expected], (day, certain_only, filters)
                counted += sum(n for _venue, _stage, n in found)
    assert counted


def test_the_board_counts_are_the_board_rows_counted_by_node(built):
    _app, db, _projection = built
    grouped = db.query(
        "SELECT b.mode, b.node, COALESCE(b.sector, ''), b.venue, b.rank, count(*) FROM rm_board b "
        "GROUP BY b.mode, b.node, COALESCE(b.sector, ''), b.venue, b.rank ORDER BY 1, 2, 3, 4, 5"
    )
    kept = db.query(
        "SELECT mode, node, sector, venue, rank, n FROM rm_board_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5"
    )
    assert [tuple(row) for row in kept] == [tuple(row) for row in grouped]


def test_a_correction_of_the_earliest_day_alone_moves_the_entry_in_the_board(built):
    app, db, projection = built
    stages = PipelineQueries(db)
    source = Source("q1.txt", parse_date("2023-04-02"), "a listing some time in the first quarter")
    written = app.record_fact(kind="listed", company="Synthetic 001", venue="BSE", date="2023-Q1", sources=[source])
    # Listed between the corrected fact's earliest days before and after: the board order must change.
    app.record_fact(kind="listed", company="Synthetic 002", venue="BSE", date="2023-02-10", sources=[source])
    projection.catch_up()
    fix = Source("fix.txt", parse_date("2023-05-01"), "the listing was in March")
    app.correct_fact(written.id, reason="the month is known", sources=[fix], date="2023-03")
    projection.catch_up()
    for certain_only in (False, True):  # in certain mode the row's days do not change, only its ``since``
        clocks = Clocks(date(2024, 1, 1), certain_only=certain_only)
        paged = stages.entries(clocks, Filters(venue="BSE"), limit=100)
        assert keys(paged) == keys(stages.entries(clocks, Filters(venue="BSE")))
        assert [e["since"]["earliest"] for e in paged] == ["2023-02-10", "2023-03-01"]
        assert paged[-1]["fact_id"] == str(written.id)


def test_a_day_outside_the_tree_is_answered_from_the_stage_point_index(built):
    _app, db, _projection = built
    stages = PipelineQueries(db)
    late = Clocks(date(2200, 1, 1))
    assert not board.answers(late)
    assert keys(stages.entries(late, Filters(), limit=50)) == keys(stages.entries(late, Filters())[:50])


# The cursor reduced by the filter's fixed places, against comparing whole keys.
text = st.sampled_from(["BSE", "HKEX-MAIN", "SSE-STAR"])
ranks = st.integers(0, 3)
key = st.tuples(text, ranks, st.integers(0, 3), st.sampled_from(["a", "b"]), st.sampled_from(["x", "y"]))


@given(key, key, st.booleans(), st.booleans())
def test_after_a_cursor_with_fixed_places_is_after_it_in_the_whole_order(cursor, candidate, venue, rank):
    fixed = {i: candidate[i] for i, on in ((0, venue), (1, rank)) if on}
    rest = board.after(list(cursor), fixed)
    if rest is True or rest is False:
        decided = rest
    else:
        positions, comparison = rest
        left, right = tuple(candidate[i] for i in positions), tuple(cursor[i] for i in positions)
        decided = left >= right if comparison == ">=" else left > right
    assert decided == (candidate > cursor)
