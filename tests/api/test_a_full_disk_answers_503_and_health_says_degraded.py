"""SQLite on a disk that fills up (a small tmpfs of the test's own, filled by a file): writes, with an
Idempotency-Key or without, answer 503 with Retry-After, never 500; reads go on; /healthz says degraded while
writes fail, and ok again once there is room, when the key of the failed write is free for its retry."""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings

TOKEN = "full-disk-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mounted = tmp_path / "disk"
    mounted.mkdir()
    tried = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mounted)], capture_output=True, text=True, check=False
    )
    if tried.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({tried.stderr.strip() or 'mount failed'}); needs root")
    yield mounted
    # Lazily: the app's worker threads may still hold SQLite connections to files on it.
    subprocess.run(["umount", "-l", str(mounted)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    # Unbuffered: a buffered file keeps the bytes a short write left over and raises ENOSPC again when it is
    # closed, outside pytest.raises, whenever the free space is not a whole number of chunks.
    with filler.open("wb", buffering=0) as out, pytest.raises(OSError, match="No space left") as full:
        _write_forever(out)
    assert full.value.errno == errno.ENOSPC
    return filler


def _write_forever(out: BinaryIO) -> None:
    while True:
        out.write(b"\0" * 65536)
        out.flush()


def test_writes_on_a_full_disk_answer_503_and_health_says_degraded_until_there_is_room(small_disk):
    settings = Settings(TIMELINE_DATABASE_URL=f"sqlite:///{small_disk / 'timeline.db'}", TIMELINE_API_TOKEN=TOKEN)
    build_services(settings).close()  # the tables, before the disk fills
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.post("/companies", headers=AUTH, json={"name": "Before Full"}).status_code == 201
        filler = fill(small_disk)

        keyed = client.post("/companies", headers={**AUTH, "Idempotency-Key": "on-a-full-disk"}, json={"name": "Full"})
        assert keyed.status_code == 503, keyed.text
        assert keyed.headers["retry-after"]
        plain = client.post("/companies", headers=AUTH, json={"name": "Also Full"})
        assert plain.status_code == 503
        assert plain.headers["retry-after"]
        assert client.get("/companies/Before Full", params={"as_of": "2026-01-01"}).status_code == 200
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["status"] == "degraded"
        assert any("write failed" in problem for problem in health.json()["problems"])

        filler.unlink()
        healthy = client.get("/healthz").json()
        head = healthy["log_position"]
        assert head >= 2  # one company and the claims of its name
        assert healthy | {"projections": None} == {
            "status": "ok",
            "database": "reachable",
            "log_position": head,
            "projection_position": head,
            "projection_lag": 0,
            "projections": None,
        }
        retried = client.post(
            "/companies", headers={**AUTH, "Idempotency-Key": "on-a-full-disk"}, json={"name": "Full"}
        )
        assert retried.status_code == 201
        assert "idempotent-replayed" not in retried.headers
