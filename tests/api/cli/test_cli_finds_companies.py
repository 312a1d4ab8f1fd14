"""The command line finds companies as the API does: every spelling, stock codes, a search, and
today (Asia/Shanghai) when --as-of is not given."""

from __future__ import annotations

import pytest

from tests.api.cli.conftest import timeline
from tests.api.cli.exports import timeline_in_process
from tests.api.finding import SPELLINGS

pytestmark = pytest.mark.slow  # each test runs the `timeline` command as a process


def test_timeline_company_finds_every_spelling_and_codes_without_an_as_of(store):
    # The first of each as a process, the rest by the same code in this process (what differs is the input alone).
    for n, (spelling, _key) in enumerate(SPELLINGS[:6]):
        done = (timeline if n == 0 else timeline_in_process)(store, "company", spelling)
        assert done.returncode == 0, done.stderr
        assert "as of" in done.stdout
    for n, code in enumerate(("688998", "688998.SH", "SH688998")):
        done = (timeline if n == 0 else timeline_in_process)(store, "company", code)
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
