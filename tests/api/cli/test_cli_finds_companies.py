"""The command line finds companies as the API does: every spelling, stock codes, a search, and
today (Asia/Shanghai) when --as-of is not given."""

from __future__ import annotations

import pytest

from tests.api.cli.conftest import timeline
from tests.api.finding import SPELLINGS

pytestmark = pytest.mark.slow  # each test runs the `timeline` command as a process


def test_timeline_company_finds_every_spelling_and_codes_without_an_as_of(store):
    for spelling, _key in SPELLINGS[:6]:
        done = timeline(store, "company", spelling)
        assert done.returncode == 0, done.stderr
        assert "as of" in done.stdout
    for code in ("688998", "688998.SH", "SH688998"):
        done = timeline(store, "company", code)
        assert done.returncode == 0, done.stderr
        assert "Code Co" in done.stdout
        assert "688998 (SSE-STAR)" in done.stdout


def test_timeline_search_ranks_the_intended_company_first(store):
    done = timeline(store, "search", "moore thread")
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if "│" in line and "company" not in line]
    assert "Moore Threads" in rows[0]


def test_an_unknown_name_fails_with_the_nearest_names(store):
    done = timeline(store, "company", "Moore Thraeds")
    assert done.returncode == 1
    assert "did you mean" in done.stderr
