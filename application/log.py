"""The event log as readers outside the application see it: positions, topics and events.

The feed, the export and the projections read the log through this port rather than the
library's recorder, mapper and transcoder; the one place that knows how eventsourcing stores
an event is here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.application import Application
from eventsourcing.persistence import Mapper, StoredEvent

from application.storage.event_table import EventTable

MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class LoggedEvent:
    """One stored event; ``event`` is None when this code cannot decode it, and ``error`` says why."""

    position: int
    topic: str
    aggregate_id: UUID
    version: int
    event: Any | None
    error: str | None = None

    @property
    def type(self) -> str:
        return self.topic.partition(":")[2]


@dataclass(frozen=True)
class ExportedEvent:
    """An event as stored, in the transcoder's JSON, for a byte-for-byte export and import."""

    position: int
    topic: str
    aggregate_id: UUID
    version: int
    state: dict[str, Any]

    @property
    def recorded_at(self) -> str | None:
        """The system time the event carries, read without decoding it (it may not decode)."""
        stamp = self.state.get("timestamp")
        return stamp.get("_data_") if isinstance(stamp, dict) else None


class EventLog:
    def __init__(self, app: Application[UUID], table: EventTable) -> None:
        self._recorder = app.recorder
        self._mapper = app.mapper
        self._table = table

    @property
    def mapper(self) -> Mapper[UUID]:
        """The application's mapper: it decodes only this service's topics (application/storage/topics.py)."""
        return self._mapper

    def head(self) -> int:
        return int(self._recorder.max_notification_id() or 0)

    def after(self, position: int, limit: int) -> list[LoggedEvent]:
        """Up to ``limit`` events after ``position``, decoded where they can be."""
        return [self._logged(n) for n in self._recorder.select_notifications(start=position + 1, limit=limit)]

    def exported_after(self, position: int, limit: int) -> list[ExportedEvent]:
        return [
            ExportedEvent(n.id, n.topic, UUID(str(n.originator_id)), n.originator_version, orjson.loads(n.state))
            for n in self._recorder.select_notifications(start=position + 1, limit=limit)
        ]

    def insert_at_positions(self, events: Iterable[tuple[int, StoredEvent]]) -> int:
        """Store events exactly at their positions, into an empty log, in one transaction."""
        return self._table.insert_at_positions(events)

    def _logged(self, notification: Any) -> LoggedEvent:
        try:
            event = self._mapper.to_domain_event(notification)
        except Exception as error:  # any decoding failure: the event stays in the log, and readers see why
            return LoggedEvent(
                notification.id,
                notification.topic,
                notification.originator_id,
                notification.originator_version,
                None,
                f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS],
            )
        return LoggedEvent(
            notification.id, notification.topic, notification.originator_id, notification.originator_version, event
        )
