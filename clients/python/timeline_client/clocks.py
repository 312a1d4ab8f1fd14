"""The three clocks (and other days) as a caller holds them, turned into what the generated calls take."""

from __future__ import annotations

from datetime import date, datetime

from timeline_client.generated.types import UNSET, Unset

Day = date | str
KnownAt = int | datetime | str


def day(value: Day) -> date:
    """A day as a ``date``; text must be ISO (``2025-06-30``), as the typed calls send ISO days."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def maybe_day(value: Day | None) -> date | Unset:
    return UNSET if value is None else day(value)


def known_at(value: KnownAt | None) -> str | Unset:
    """System time as the service reads it: a log position (an answer's ``basis.position``, a write's
    ``position``) or an RFC 3339 date-time (naive means UTC)."""
    if value is None:
        return UNSET
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
