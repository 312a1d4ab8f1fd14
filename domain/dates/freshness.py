"""Freshness: how old the newest source behind a state is, seen from the day asked about.

An answer as of D built on sources published long before D may be out of date: the service
never implies that nothing happened just because no source reported it (DESIGN.md, "Freshness").
A source's publication date may be fuzzy ("2026"): the newest source is the one that may have
been published last (latest bound), and its age is counted from its earliest bound, so a source
that might be old is never shown as fresh.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.dates.fuzzy_dates import FuzzyDate

STALE_AFTER_DAYS = 180  # half a year without a newer source: listing steps rarely take longer


def newest(published: Iterable[FuzzyDate], published_by: FuzzyDate | None = None) -> FuzzyDate | None:
    """The publication date of the newest source, among those certainly public by ``published_by``."""
    dates = [day for day in published if published_by is None or day.latest <= published_by.latest]
    return max(dates, key=lambda day: (day.latest, day.earliest), default=None)


def days_since(as_of: FuzzyDate, reported: FuzzyDate) -> int:
    """Days from the earliest the newest source may have appeared to the day asked about
    (negative: it was published after that day)."""
    return (as_of.earliest - reported.earliest).days


def is_stale(as_of: FuzzyDate, reported: FuzzyDate | None) -> bool:
    return reported is None or days_since(as_of, reported) > STALE_AFTER_DAYS
