"""The client's layer turns days and knowledge times into what the service reads, and keeps pandas optional."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime

import pytest
from timeline_client import Listing
from timeline_client.clocks import day, known_at, maybe_day
from timeline_client.generated.types import UNSET


def test_a_day_is_a_date_or_iso_text():
    assert day("2025-06-30") == day(date(2025, 6, 30)) == date(2025, 6, 30)
    assert maybe_day(None) is UNSET
    with pytest.raises(ValueError, match="Invalid isoformat"):
        day("June 30 2025")


def test_a_knowledge_time_is_a_position_or_a_moment():
    assert known_at(None) is UNSET
    assert known_at(42) == "42"
    assert known_at(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00+00:00"
    assert known_at("2026-01-01T00:00:00Z") == "2026-01-01T00:00:00Z"


class Answer:
    def __init__(self, entries):
        self.entries = entries
        self.next_cursor = None


class Row:
    def __init__(self, **fields):
        self.fields = fields

    def to_dict(self):
        return self.fields


def test_a_listing_reads_through_to_its_answer_and_its_rows_become_a_frame():
    listing = Listing(Answer([Row(company="MetaX", since={"earliest": "2025-06-30"})]), "entries")
    assert len(listing) == 1
    assert listing.next_cursor is None
    pytest.importorskip("pandas")
    frame = listing.to_pandas()
    assert list(frame.columns) == ["company", "since.earliest"]


def test_without_pandas_to_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # an import of it now fails, as where it is not installed
    with pytest.raises(ImportError, match=r"timeline-client\[pandas\]"):
        Listing(Answer([]), "entries").to_pandas()
