"""A real server process (`timeline serve`, uvicorn) on a seeded SQLite store, for HTTP and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "e2e-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """`timeline serve` in its own process, returned once /healthz answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code in (200, 503):
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"server did not start: {process.stdout.read().decode() if process.stdout else ''}")


def server_env(data: Path, port: int, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DATA_DIR": str(data), "PORT": str(port), "TIMELINE_API_TOKEN": TOKEN, "LOG_LEVEL": "WARNING"}
    env.pop("TIMELINE_DATABASE_URL", None)
    return {**env, **extra}


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("served")
    port = free_port()
    env = server_env(data, port, TIMELINE_MAX_STREAMS="3")
    subprocess.run([sys.executable, "-m", "api", "seed"], cwd=ROOT, env=env, check=True, capture_output=True)
    process = start_server(env, port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
