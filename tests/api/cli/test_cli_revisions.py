"""`timeline revisions` says what the seed corrections changed and why, and refuses a window run backwards."""

from __future__ import annotations

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from tests.api.cli.conftest import timeline

pytestmark = pytest.mark.slow  # each test runs the `timeline` command as a process


def first_correction(url: str) -> int:
    app = TimelineApplication(environment_for(url))
    try:
        notifications = app.recorder.select_notifications(start=1, limit=10**9)
        return next(n.id for n in notifications if n.topic.endswith("Fact.Corrected"))
    finally:
        app.close()


def test_revisions_name_the_moved_entries_and_the_corrections_that_moved_them(store):
    since = first_correction(store) - 1
    done = timeline(store, "revisions", "--since", str(since), "--as-of", "2025-06-30")
    assert done.returncode == 0, done.stderr
    assert "Shanghai Zhaoxin" in done.stdout
    assert "corrected at" in done.stdout


def test_a_window_run_backwards_is_a_usage_error_naming_since(store):
    done = timeline(store, "revisions", "--since", "20", "--until", "10")
    assert done.returncode == 2
    assert "--since" in done.stderr
