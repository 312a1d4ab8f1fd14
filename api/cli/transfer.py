"""``timeline export`` and ``timeline import``: the event log as JSON Lines, into an empty store byte for byte."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any
from uuid import UUID

import orjson
import typer

from api.cli.options import console, err_console, exit_if_stuck, open_store
from application.log import EventLog

BATCH = 1000


def export_log(log: EventLog, out: IO[str]) -> int:
    """One line per event: stable position, topic, aggregate, version, system time and the event."""
    count, after = 0, 0
    while exported := log.exported_after(after, BATCH):
        for event in exported:
            line = {
                "position": event.position,
                "topic": event.topic,
                "originator_id": str(event.aggregate_id),
                "originator_version": event.version,
                "recorded_at": event.recorded_at,
                "state": event.state,
            }
            out.write(orjson.dumps(line).decode() + "\n")
            count += 1
            after = event.position
    return count


def import_log(log: EventLog, path: Path) -> int:
    """Append exported events, in their order, to an empty store.

    The whole file is checked before anything is written, so a broken line stores nothing.
    """
    if log.head() != 0:
        raise ValueError("import needs an empty store: this one already has events")
    count = sum(1 for _ in _stored_events(path))
    batch: list[tuple[UUID, int, str, dict[str, Any]]] = []
    for stored in _stored_events(path):
        batch.append(stored)
        if len(batch) >= BATCH:
            log.append_exported(batch)
            batch = []
    if batch:
        log.append_exported(batch)
    return count


def _stored_events(path: Path) -> Iterator[tuple[UUID, int, str, dict[str, Any]]]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item: dict[str, Any] = orjson.loads(line)
                state = item["state"]
                if not isinstance(state, dict):
                    raise TypeError("state is not an object")
                yield UUID(item["originator_id"]), int(item["originator_version"]), str(item["topic"]), state
            except (orjson.JSONDecodeError, KeyError, ValueError, TypeError) as error:
                raise ValueError(f"{path.name} line {number}: not an exported event ({error})") from None


def export_command(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File; default stdout")] = None,
) -> None:
    """The whole event log as JSON Lines: position, topic, aggregate, version, system time, event."""
    with open_store(catch_up=False) as services:
        if output is None:
            count = export_log(services.log, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                count = export_log(services.log, handle)
    err_console.print(f"exported {count} events")


def import_command(
    source: Annotated[Path, typer.Argument(help="A JSON Lines file written by `timeline export`")],
) -> None:
    """Load an exported log into an empty store; every answer is then the same, for every clock."""
    with open_store(catch_up=False) as services:
        count = import_log(services.log, source)
        for runner in services.projections.values():
            runner.rebuild()
        exit_if_stuck(services)
    console.print(f"imported {count} events")
