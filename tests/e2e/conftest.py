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


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("served")
    port = free_port()
    env = {**os.environ, "DATA_DIR": str(data), "PORT": str(port), "TIMELINE_API_TOKEN": TOKEN, "LOG_LEVEL": "WARNING"}
    env.pop("TIMELINE_DATABASE_URL", None)
    timeline = [sys.executable, "-m", "api"]
    subprocess.run([*timeline, "seed"], cwd=ROOT, env=env, check=True, capture_output=True)
    process = subprocess.Popen(
        [*timeline, "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        raise AssertionError(f"server did not start: {process.stdout.read().decode() if process.stdout else ''}")
    yield base
    process.terminate()
    process.wait(timeout=10)
