"""The command line finds companies as the API does: every spelling, stock codes, a search, and
today (Asia/Shanghai) when --as-of is not given."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from application.service import TimelineApplication
from application.storage import environment_for
from domain.date_parsing import parse_date
from domain.sources import Source
from seeds.loading import load_seeds
from tests.api.finding import SPELLINGS

pytestmark = pytest.mark.slow  # each test runs the `timeline` command as a process

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'timeline.db'}"
    app = TimelineApplication(environment_for(url))
    load_seeds(app)
    app.register_company("Code Co")
    app.record_fact(
        kind="listed",
        company="Code Co",
        venue="SSE-STAR",
        date="2025-12-05",
        fields={"stock_code": "688998"},
        sources=[Source("cli.txt", parse_date("2025-12-05"), "a quote")],
    )
    app.close()
    return url


def timeline(store: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TIMELINE_DATABASE_URL": store, "LOG_LEVEL": "CRITICAL", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "api", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


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
