"""Start and stop the service's own processes (servers, workers) against one database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.e2e.conftest import ROOT, TOKEN, free_port


def environment(database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "TIMELINE_DATABASE_URL": database_url,
        "TIMELINE_API_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def start_server(database_url: str, log: Path, **extra: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "serve", "--port", str(port)],
        cwd=ROOT,
        env=environment(database_url, **extra),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"server did not start; see {log}")


def start_worker(database_url: str, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "api", "project", "--batch-size", "25", "--poll", "0.05"],
        cwd=ROOT,
        env=environment(database_url),
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_caught_up(base: str, timeout: float = 60) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        health = httpx.get(f"{base}/healthz", timeout=5).json()
        if health["projection_lag"] == 0:
            return health
        time.sleep(0.1)
    raise AssertionError(f"read models still behind after {timeout}s: {health}")
