"""SIGKILL `timeline import` while it is writing: the store is left empty, and the same file then imports.

The child is the real command in a process of its own. It counts the events its database driver has
been handed for the events table, and once it has written more than a batch it says so and waits,
so the kill lands mid-write every time instead of racing the import."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from api.cli.transfer import export_log
from api.composition import build_services
from api.settings import Settings
from tests.api.cli.exports import ROOT, head_of, timeline
from tests.projections.synthetic import fill

pytestmark = pytest.mark.slow

WRITTEN_BEFORE_THE_KILL = 2000  # past the first two batches of 1000 a batch-by-batch import would commit

CHILD = textwrap.dedent(
    """
    import re, sys, threading
    import psycopg
    from eventsourcing.sqlite import SQLiteCursor

    THRESHOLD = int(sys.argv[1])
    written = 0

    def rows(statement, params, many):
        text = (statement if isinstance(statement, str) else statement.as_string(None)).replace('"', "")
        inserts = re.search(r"INSERT INTO \\S*(stored|timeline)_events", text) or "es_insert_events" in text
        if not inserts or not params:
            return 0
        if many:
            return len(params)
        if "unnest" in text or "es_insert_events" in text:  # eventsourcing on PostgreSQL: one array of events
            return len(params[0])
        return 1

    def counted(method, many):
        def run(self, *args, **kwargs):
            global written
            result = method(self, *args, **kwargs)
            statement = args[0] if args else kwargs["query"]
            params = args[1] if len(args) > 1 else kwargs.get("params_seq" if many else "params") or ()
            written += rows(statement, params, many)
            if written >= THRESHOLD:
                print("written", written, flush=True)
                threading.Event().wait()  # until the parent's SIGKILL
            return result
        return run

    for cls in (SQLiteCursor, psycopg.Cursor):
        cls.execute = counted(cls.execute, False)
        cls.executemany = counted(cls.executemany, True)

    from api.cli.main import cli
    cli(["import", sys.argv[2]])
    """
)


@pytest.fixture(scope="module")
def big_export(tmp_path_factory) -> Path:
    """A log of a few thousand events (more than two batches), exported."""
    folder = tmp_path_factory.mktemp("big")
    source = build_services(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{folder / 'source.db'}"))
    fill(source.app, companies=20, facts=1300, seed=3)
    path = folder / "log.jsonl"
    with path.open("w", encoding="utf-8") as out:
        assert export_log(source.log, out) > WRITTEN_BEFORE_THE_KILL + 100
    source.close()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_an_import_killed_while_writing_leaves_the_store_empty_and_importable(big_export, target_url):
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(WRITTEN_BEFORE_THE_KILL), str(big_export)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "TIMELINE_DATABASE_URL": target_url, "LOG_LEVEL": "CRITICAL"},
    )
    assert child.stdout is not None
    said = child.stdout.readline()
    if not said.startswith("written"):
        child.wait()
        pytest.fail(f"the import ended before writing {WRITTEN_BEFORE_THE_KILL} events: {said}{child.stderr.read()}")
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    assert head_of(target_url) == 0  # nothing of the killed import is stored
    done = timeline(target_url, "import", str(big_export))
    assert done.returncode == 0, done.stdout + done.stderr
    assert head_of(target_url) == int(big_export.read_bytes().splitlines()[-2].split(b'"position":')[1].split(b",")[0])
