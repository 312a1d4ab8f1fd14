"""Pages of the pipeline: a cursor walks the whole board in order, each entry once."""

from __future__ import annotations

import base64
from datetime import date

import orjson
import pytest

from projections.clocks import Clocks
from projections.queries.cursors import BadCursor

DAY = Clocks(date(2026, 1, 31))


def walk(queries, clocks, size, **filters):
    entries, cursor = [], None
    while True:
        page = queries.pipeline(clocks, limit=size, cursor=cursor, **filters)
        entries += page["entries"]
        cursor = page["next_cursor"]
        if cursor is None:
            return entries
        assert len(page["entries"]) == size


def test_walking_by_cursor_gives_the_whole_board_in_order_each_entry_once(seeded):
    whole = seeded.queries.pipeline(DAY)["entries"]
    assert len(whole) > 7  # enough entries for several pages of three
    walked = walk(seeded.queries, DAY, 3)
    assert [(e["company_id"], e["venue"]) for e in walked] == [(e["company_id"], e["venue"]) for e in whole]


def test_a_cursor_page_equals_the_offset_page_at_the_same_place(seeded):
    first = seeded.queries.pipeline(DAY, limit=4)
    after_cursor = seeded.queries.pipeline(DAY, limit=4, cursor=first["next_cursor"])
    after_offset = seeded.queries.pipeline(DAY, limit=4, offset=4)
    assert after_cursor["entries"] == after_offset["entries"]
    assert after_cursor["counts"] == first["counts"]  # counts describe the whole board on every page


def test_filters_hold_on_every_page_of_a_walk(seeded):
    walked = walk(seeded.queries, DAY, 2, venue="SSE-STAR")
    assert walked
    assert {e["venue"] for e in walked} == {"SSE-STAR"}
    assert len(walked) == sum(seeded.queries.pipeline(DAY, venue="SSE-STAR", limit=0)["counts"]["SSE-STAR"].values())


def test_the_last_page_has_no_next_cursor(seeded):
    total = seeded.queries.pipeline(DAY, limit=0)["total"]
    assert seeded.queries.pipeline(DAY, limit=total - 1)["next_cursor"] is not None
    # A list that ends on a full page has no cursor: no empty page follows (as on /timeline).
    assert seeded.queries.pipeline(DAY, limit=total)["next_cursor"] is None
    assert seeded.queries.pipeline(DAY, limit=total + 1)["next_cursor"] is None


@pytest.mark.parametrize(
    "cursor",
    [
        "not base64 at all!",
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR", "3", "2025-01-01", "x", "y"])).decode(),
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR", 3, "not a day", "x", "y"])).decode(),
        base64.urlsafe_b64encode(b"{}").decode(),
        # forged to reach the database: a rank past its integers, a NUL PostgreSQL text cannot hold
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR", 2**63, "2025-01-01", "x", "y"])).decode(),
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR", -1, "2025-01-01", "x", "y"])).decode(),
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR\u0000", 3, "2025-01-01", "x", "y"])).decode(),
        base64.urlsafe_b64encode(orjson.dumps(["SSE-STAR", 3, "2025-01-01", "x" * 100_000, "y"])).decode(),
    ],
)
def test_a_cursor_the_service_did_not_hand_out_is_refused_by_name(seeded, cursor):
    with pytest.raises(BadCursor, match="cursor"):
        seeded.queries.pipeline(DAY, limit=3, cursor=cursor)
