"""Export the event log as JSON Lines, and import it into an empty store, byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import orjson

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
