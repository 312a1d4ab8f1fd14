"""`timeline relay` SIGKILLed again and again while a writer goes on: afterwards the JetStream stream holds every
event of the log exactly once, in log order, each with its position as `Nats-Msg-Id` and the body `/feed` gives."""

from __future__ import annotations

import asyncio
import random
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import nats
import orjson
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from tests.api.cli.conftest import relay

pytestmark = pytest.mark.slow
KILLS = 8


def _write_until(url: str, stop: threading.Event, written: list[int]) -> None:
    """Companies, facts and corrections of facts (whose feed entries name their kind from the read models)."""
    services = build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false"))
    try:
        number = 0
        while not stop.is_set():
            number += 1
            name = f"Relay Test Company {number}"
            source = Source("relay.txt", parse_date("2025-06-30"), f"{name} applied")
            services.app.register_company(name)
            fact = services.app.record_fact(
                kind="accepted", company=name, venue="SSE-STAR", date="2025-06-30", sources=[source]
            )
            if number % 3 == 0:
                services.app.correct_fact(fact.id, reason="the day was misread", date="2025-07-01", sources=[source])
            written.append(number)
            stop.wait(0.02)  # a client's pace: a writer in a tight loop would starve SQLite's other writers
    finally:
        services.close()


async def _stream_messages(nats_url: str, name: str) -> list[tuple[int, str, bytes]]:
    """(stream sequence, Nats-Msg-Id, body) of every message the stream holds."""
    connection = await nats.connect(nats_url)
    try:
        stream = connection.jetstream()
        state = (await stream.stream_info(name)).state
        messages = []
        for sequence in range(state.first_seq, state.last_seq + 1):
            message = await stream.get_msg(name, sequence)
            messages.append((sequence, (message.headers or {}).get("Nats-Msg-Id", ""), message.data or b""))
        return messages
    finally:
        await connection.close()


async def _stream_count(nats_url: str, name: str) -> int:
    connection = await nats.connect(nats_url)
    try:
        return (await connection.jetstream().stream_info(name)).state.messages
    except nats.js.errors.NotFoundError:
        return 0
    finally:
        await connection.close()


def _wait_for_more_than(nats_url: str, name: str, count: int, running: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while asyncio.run(_stream_count(nats_url, name)) <= count:
        assert running.poll() is None, log.read_text()
        assert time.monotonic() < deadline, f"the relay published nothing in 60 s: {log.read_text()}"
        time.sleep(0.05)


def test_a_relay_killed_repeatedly_while_writes_go_on_leaves_every_event_in_the_stream_exactly_once_in_order(
    tmp_path: Path, nats_url: str, stream: tuple[str, str]
) -> None:
    url = f"sqlite:///{tmp_path / 'timeline.db'}"
    log = tmp_path / "relay.log"
    stop, written = threading.Event(), []
    writer = threading.Thread(target=_write_until, args=(url, stop, written))
    writer.start()
    counts: list[int] = []
    chance = random.Random(25)
    started: list[subprocess.Popen[bytes]] = []
    try:
        for _ in range(KILLS):
            started.append(running := relay(url, nats_url, stream, log))
            # Killed once it is publishing (it has added to the stream), at a random moment after that.
            _wait_for_more_than(nats_url, stream[0], counts[-1] if counts else 0, running, log)
            time.sleep(chance.uniform(0, 0.5))
            running.send_signal(signal.SIGKILL)
            running.wait()
            counts.append(asyncio.run(_stream_count(nats_url, stream[0])))
        stop.set()
        writer.join()
        assert written, "the writer wrote nothing"
        started.append(final := relay(url, nats_url, stream, log, "--until-caught-up"))
        assert final.wait(timeout=120) == 0, log.read_text()
    finally:
        stop.set()
        writer.join()
        for process in started:
            if process.poll() is None:
                process.kill()
                process.wait()

    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=url))) as client:
        feed, after = [], 0
        while True:
            page = client.get("/feed", params={"after": after, "limit": 1000}).json()
            feed += page["events"]
            if not page["events"]:
                break
            after = page["next_after"]
    assert counts[-1] < len(feed)
    messages = asyncio.run(_stream_messages(nats_url, stream[0]))
    assert [int(msg_id) for _, msg_id, _ in messages] == [event["position"] for event in feed]
    assert [orjson.loads(body) for _, _, body in messages] == feed
    assert any(event["type"] == "Fact.Corrected" and event["kind"] == "accepted" for event in feed)


def test_a_relay_refuses_a_stream_that_does_not_take_its_subject_naming_both(
    tmp_path: Path, nats_url: str, stream: tuple[str, str]
) -> None:
    async def create() -> None:
        connection = await nats.connect(nats_url)
        try:
            await connection.jetstream().add_stream(name=stream[0], subjects=[f"{stream[1]}.other"])
        finally:
            await connection.close()

    asyncio.run(create())
    log = tmp_path / "relay.log"
    refused = relay(f"sqlite:///{tmp_path / 'timeline.db'}", nats_url, stream, log, "--until-caught-up")
    assert refused.wait(timeout=60) == 1
    said = " ".join(log.read_text().split())
    assert f"stream {stream[0]!r} takes {stream[1]}.other, not {stream[1]!r}" in said


def test_a_relay_refuses_a_stream_another_store_filled_further_than_this_log(
    tmp_path: Path, store: str, nats_url: str, stream: tuple[str, str]
) -> None:
    log = tmp_path / "relay.log"
    assert relay(store, nats_url, stream, log, "--until-caught-up").wait(timeout=120) == 0, log.read_text()
    refused = relay(f"sqlite:///{tmp_path / 'empty.db'}", nats_url, stream, log, "--until-caught-up")
    assert refused.wait(timeout=60) == 1
    said = " ".join(log.read_text().split())
    assert f"stream {stream[0]!r} holds position" in said
    assert "past this log's newest (0): another store filled it" in said


def test_a_relay_to_a_nats_server_that_never_answers_exits_1_saying_so_after_its_connect_timeout(
    tmp_path: Path,
) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        nowhere = f"nats://127.0.0.1:{unused.getsockname()[1]}"
    log = tmp_path / "relay.log"
    store, where = f"sqlite:///{tmp_path / 'timeline.db'}", ("NOWHERE", "nowhere.events")
    refused = relay(store, nowhere, where, log, "--connect-timeout", "1.5")
    assert refused.wait(timeout=60) == 1
    said = " ".join(log.read_text().split())
    assert f"NATS at {nowhere} is unreachable: no connection within 1.5 s" in said
    assert "Traceback" not in said
