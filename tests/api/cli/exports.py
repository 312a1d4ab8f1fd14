"""Export files for the import tests: read one into lines, edit them, write them back with the trailer
`timeline export` writes (recomputed) or with the one the untouched file had."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from application.service import TimelineApplication
from application.storage.database_url import environment_for

ROOT = Path(__file__).resolve().parents[3]


def event_lines(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The event lines of an export, parsed, and its trailer (None if it has none)."""
    lines = [orjson.loads(line) for line in path.read_bytes().splitlines()]
    if lines and "trailer" in lines[-1]:
        return lines[:-1], lines[-1]
    return lines, None


def write_export(path: Path, events: list[dict[str, Any]], trailer: dict[str, Any] | str | None = "fresh") -> Path:
    """``events`` as lines; ``trailer`` "fresh" (what export would write for them), a given one, or None."""
    lines = [orjson.dumps(event) + b"\n" for event in events]
    if trailer == "fresh":
        trailer = {
            "trailer": "timeline export",
            "count": len(events),
            "head": events[-1]["position"] if events else 0,
            "sha256": hashlib.sha256(b"".join(lines)).hexdigest(),
        }
    if trailer is not None:
        lines.append(orjson.dumps(trailer) + b"\n")
    path.write_bytes(b"".join(lines))
    return path


def first(events: list[dict[str, Any]], topic_end: str, test: Callable[[dict[str, Any]], bool] = lambda e: True) -> int:
    """The index of the first event whose topic ends with ``topic_end`` and that passes ``test``."""
    return next(i for i, event in enumerate(events) if event["topic"].endswith(topic_end) and test(event))


def timeline(url: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The real `timeline` command, as a process, on the store at ``url``."""
    env = {**os.environ, "TIMELINE_DATABASE_URL": url, "LOG_LEVEL": "CRITICAL", "COLUMNS": "300"}
    return subprocess.run(
        [sys.executable, "-m", "api", *arguments], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def timeline_in_process(url: str, *arguments: str) -> Done:
    """The same command's code run in this process (typer's runner), for cases that differ only in their input file:
    what it prints and its exit code, without a process start each (~0.7 s). ``timeline`` covers the process."""
    from typer.testing import CliRunner

    from api.cli.main import cli

    env = {"TIMELINE_DATABASE_URL": url, "LOG_LEVEL": "CRITICAL", "COLUMNS": "300"}
    result = CliRunner().invoke(cli, list(arguments), env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash, which the process would have shown as a traceback
    return Done(result.exit_code, result.stdout, result.stderr)


def head_of(url: str) -> int:
    app = TimelineApplication(environment_for(url))
    try:
        return app.position()
    finally:
        app.close()
