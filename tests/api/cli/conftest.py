"""A seeded SQLite store for the command-line tests, the `timeline` command run as a process, and NATS JetStream
with a stream of a test's own for `timeline relay`."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from seeds.loading import load_seeds

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


NATS_URL = os.environ.get("TEST_NATS_URL", "nats://127.0.0.1:4222")


async def _jetstream_reason() -> str | None:
    import nats

    try:
        connection = await nats.connect(NATS_URL, connect_timeout=3, max_reconnect_attempts=0, allow_reconnect=False)
    except Exception as error:
        return f"NATS at {NATS_URL} is unreachable ({type(error).__name__}: {error})"
    try:
        await connection.jetstream().account_info()
    except Exception as error:
        return f"NATS at {NATS_URL} answers without JetStream ({type(error).__name__}: {error})"
    finally:
        await connection.close()
    return None


@pytest.fixture(scope="session")
def nats_url() -> str:
    """The NATS server with JetStream (as in CI); without it a test skips, unless REQUIRE_NATS=1 (then it fails)."""
    reason = asyncio.run(_jetstream_reason())
    if reason is None:
        return NATS_URL
    if os.environ.get("REQUIRE_NATS") == "1":
        pytest.fail(f"REQUIRE_NATS=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason}; set REQUIRE_NATS=1 to make this a failure")


@pytest.fixture
def stream(nats_url: str) -> Iterator[tuple[str, str]]:
    """A stream name and subject of this test's own; the stream is deleted afterwards."""
    tag = uuid.uuid4().hex[:12]
    name, subject = f"TIMELINE_TEST_{tag}", f"timeline-test.{tag}.events"
    yield name, subject

    async def delete() -> None:
        connection = await nats.connect(nats_url)
        try:
            await connection.jetstream().delete_stream(name)
        except nats.js.errors.NotFoundError:
            pass
        finally:
            await connection.close()

    asyncio.run(delete())


def relay(url: str, nats_url: str, stream: tuple[str, str], log: Path, *extra: str) -> subprocess.Popen[bytes]:
    """`timeline relay` started as a process, its output appended to ``log``."""
    env = {**os.environ, "TIMELINE_DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    arguments = ["--nats-url", nats_url, "--stream", stream[0], "--subject", stream[1], "--batch-size", "20"]
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "api", "relay", *arguments, *extra], cwd=ROOT, env=env, stdout=out, stderr=out
        )
