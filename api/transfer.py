"""Export the event log as JSON Lines, and import it into an empty store, byte for byte."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import orjson
from eventsourcing.persistence import StoredEvent

from application.service import TimelineApplication

BATCH = 1000


def export_log(app: TimelineApplication, out: IO[str]) -> int:
    """One line per event: stable position, topic, aggregate, version, system time and the event."""
    count, after = 0, 0
    while True:
        notifications = app.recorder.select_notifications(start=after + 1, limit=BATCH)
        if not notifications:
            return count
        for n in notifications:
            event = orjson.loads(n.state)
            line = {
                "position": n.id,
                "topic": n.topic,
                "originator_id": str(n.originator_id),
                "originator_version": n.originator_version,
                "recorded_at": event.get("timestamp", {}).get("_data_"),
                "state": event,
            }
            out.write(orjson.dumps(line).decode() + "\n")
            count += 1
            after = n.id


def import_log(app: TimelineApplication, path: Path) -> int:
    """Append exported events, in their order, to an empty store.

    The whole file is checked before anything is written, so a broken line stores nothing.
    """
    if app.position() != 0:
        raise ValueError("import needs an empty store: this one already has events")
    count = sum(1 for _ in _stored_events(path))
    batch: list[StoredEvent] = []
    for stored in _stored_events(path):
        batch.append(stored)
        if len(batch) >= BATCH:
            app.recorder.insert_events(batch)
            batch = []
    if batch:
        app.recorder.insert_events(batch)
    return count


def _stored_events(path: Path) -> Iterator[StoredEvent]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item: dict[str, Any] = orjson.loads(line)
                yield StoredEvent(
                    originator_id=UUID(item["originator_id"]),
                    originator_version=int(item["originator_version"]),
                    topic=str(item["topic"]),
                    state=orjson.dumps(item["state"]),
                )
            except (orjson.JSONDecodeError, KeyError, ValueError, TypeError) as error:
                raise ValueError(f"{path.name} line {number}: not an exported event ({error})") from None
