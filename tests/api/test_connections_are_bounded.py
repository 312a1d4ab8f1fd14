"""Connections that stall are closed, and stalled ones never crowd out a client that asks promptly
(`timeline serve`, a real process, with each HTTP parser)."""

from __future__ import annotations

import resource
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import pytest

from tests.e2e.conftest import ROOT, TOKEN, free_port, server_env

PARTIAL_HEAD = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: stalled"
WAIT = 20  # seconds: a generous deadline for what the server must do, never a speed claim


@contextmanager
def serving(tmp_path, http: str, descriptors: int | None = None, **settings: str) -> Iterator[str]:
    port = free_port()
    env = server_env(tmp_path, port, **settings)

    command = [sys.executable, "-m", "api", "serve", "--http", http]
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    if descriptors is not None:  # Linux's prlimit: in place long before the server accepts its first connection
        resource.prlimit(process.pid, resource.RLIMIT_NOFILE, (descriptors, descriptors))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/healthz", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((tmp_path / "server.log").read_text()) from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def stalled(base: str, first_bytes: bytes = PARTIAL_HEAD) -> socket.socket:
    """A connection that sent ``first_bytes`` and then nothing."""
    host, port = base.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=WAIT)
    if first_bytes:
        connection.sendall(first_bytes)
    return connection


def closed_by_server(connection: socket.socket) -> bool:
    """Whether the server has closed it (end of stream or reset), without waiting."""
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) == b""
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True
    finally:
        connection.settimeout(WAIT)


def read_until_closed(connection: socket.socket) -> bytes:
    """What the server sent before closing; raises TimeoutError if it is still open after WAIT seconds."""
    received = b""
    try:
        while chunk := connection.recv(4096):
            received += chunk
    except ConnectionResetError:
        pass
    return received


@pytest.fixture(scope="module", params=["httptools", "h11"])
def quick_timeout(request, tmp_path_factory) -> Iterator[str]:
    """One server per parser for the module: each test's connections are its own, and no test leaves one open."""
    with serving(tmp_path_factory.mktemp(request.param), request.param, TIMELINE_REQUEST_TIMEOUT="1") as base:
        yield base


@pytest.mark.slow  # a real server process
def test_a_connection_that_sent_part_of_a_request_head_is_closed_after_the_timeout(quick_timeout):
    with stalled(quick_timeout) as connection:
        assert read_until_closed(connection) == b""  # closed, not left open (recv times out after WAIT)
    assert httpx.get(f"{quick_timeout}/healthz").status_code == 200


@pytest.mark.slow
def test_a_connection_that_sends_nothing_at_all_is_closed_after_the_timeout(quick_timeout):
    with stalled(quick_timeout, b"") as connection:
        assert read_until_closed(connection) == b""


@pytest.mark.slow
def test_a_head_trickled_a_byte_at_a_time_is_closed_though_each_byte_comes_within_the_timeout(quick_timeout):
    with stalled(quick_timeout, b"G") as connection:
        deadline = time.monotonic() + WAIT
        for byte in PARTIAL_HEAD[1:]:
            time.sleep(0.25)
            try:
                connection.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            if closed_by_server(connection):
                break
            assert time.monotonic() < deadline
        else:
            pytest.fail("the server kept a connection that never finished its head")


@pytest.mark.slow
def test_a_body_that_never_arrives_is_closed_and_the_write_is_not_made(quick_timeout):
    head = (
        b"POST /companies HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: 100\r\n\r\n"
    )
    with stalled(quick_timeout, head + b'{"name": "Half') as connection:
        read_until_closed(connection)
    assert httpx.get(f"{quick_timeout}/search", params={"q": "Half"}).json()["results"] == []


@pytest.mark.slow
@pytest.mark.parametrize("http", ["httptools", "h11"])
def test_a_prompt_client_is_served_while_more_stalled_connections_than_descriptors_are_open(tmp_path, http):
    # 512 descriptors for the whole process, a cap of 64 connections, and 600 stalled connections held for
    # longer than the test: only the cap keeps descriptors free for the newcomer.
    settings = {"TIMELINE_MAX_CONNECTIONS": "64", "TIMELINE_REQUEST_TIMEOUT": "300"}
    with serving(tmp_path, http, descriptors=512, **settings) as base, ExitStack() as stack:
        connections = [stack.enter_context(stalled(base)) for _ in range(600)]
        answer = httpx.get(f"{base}/healthz", timeout=WAIT)
        assert answer.status_code == 200
        deadline = time.monotonic() + WAIT
        while sum(not closed_by_server(c) for c in connections) > 64:
            assert time.monotonic() < deadline, "the server holds more connections than its cap"
            time.sleep(0.2)


@pytest.mark.slow
def test_a_head_over_16_kib_is_refused_and_closed_and_one_under_it_is_served(quick_timeout):
    assert httpx.get(f"{quick_timeout}/search", params={"q": "x", "pad": "p" * 10_000}).status_code == 200
    whole = httpx.get(f"{quick_timeout}/search", params={"q": "x", "pad": "p" * 20_000})
    assert whole.status_code in {431, 400}  # httptools says 431; uvicorn's h11 says 400
    with stalled(quick_timeout, b"GET /search?q=x&pad=" + b"p" * 40_000) as connection:
        answer = read_until_closed(connection)  # the head is not even complete: refused as it grows
    assert answer.split(b" ", 2)[1] in {b"431", b"400"}  # httptools says 431; uvicorn's h11 says 400


@pytest.mark.slow
def test_the_deadline_ends_once_the_request_is_in_so_a_stream_outlives_it(quick_timeout):
    request = b"GET /feed/stream?after=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    with stalled(quick_timeout, request) as connection:
        assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        time.sleep(2)  # twice TIMELINE_REQUEST_TIMEOUT
        assert not closed_by_server(connection)
