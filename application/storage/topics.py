"""Which topics a stored event may name: this project's own event classes, and nothing else.

eventsourcing turns a stored topic into a class by importing the module it names
(``eventsourcing.utils.resolve_topic``), so a topic written into the log, by an import or by
hand, could make the server import any module on its path (``this:s`` prints the Zen of
Python). The mapper here checks a topic against a fixed table of our event classes before the
library resolves it, and refuses the rest; likewise the ``originator_topic`` a creation event
carries (the library resolves that one when the event makes its aggregate).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper, StoredEvent
from eventsourcing.utils import get_topic

from domain.companies import Company, CompanyName, NameClaimsComplete, NameIdentityClaim
from domain.facts import Fact
from domain.markets import Market
from domain.sources import Document
from domain.subscriptions.subscription import Subscription

# Each aggregate with the events it raises; the first is the one that creates it.
_EVENTS: dict[type[Aggregate], tuple[str, ...]] = {
    Company: ("Registered", "AliasAdded", "NameRetired", "FactAttached"),
    CompanyName: ("Claimed", "Released", "ClaimedAgain"),
    NameIdentityClaim: ("Claimed", "Released", "ClaimedAgain"),
    NameClaimsComplete: ("Marked",),
    Market: ("Opened", "FactAttached"),
    Fact: ("Recorded", "Corroborated", "Corrected", "Retracted"),
    Subscription: ("Created", "Ended"),
    Document: ("Registered", "Described"),
}

EVENT_CLASSES: dict[str, type[Any]] = {
    get_topic(getattr(aggregate, name)): getattr(aggregate, name)
    for aggregate, names in _EVENTS.items()
    for name in names
}
"""Every topic the log may hold -> its event class."""

CREATED_BY: dict[str, str] = {
    get_topic(getattr(aggregate, names[0])): get_topic(aggregate) for aggregate, names in _EVENTS.items()
}
"""The topic of each creation event -> the one ``originator_topic`` it may carry (its aggregate's)."""

AGGREGATE_OF: dict[type[Any], type[Aggregate]] = {
    getattr(aggregate, name): aggregate for aggregate, names in _EVENTS.items() for name in names
}
"""Each event class -> the aggregate class it changes."""


class ForeignTopic(ValueError):
    """A stored event names a topic that is not one of this project's event classes."""


def event_class(topic: str) -> type[Any]:
    """The event class ``topic`` names, or ForeignTopic."""
    cls = EVENT_CLASSES.get(topic)
    if cls is None:
        raise ForeignTopic(f"topic {topic[:120]!r} is not one of this service's event classes")
    return cls


def check_originator_topic(topic: str, originator_topic: object) -> None:
    """A creation event's ``originator_topic`` names its own aggregate; any other event carries none."""
    expected = CREATED_BY.get(topic)
    if originator_topic == expected:
        return
    shown = str(originator_topic)[:120]
    if expected is None:
        raise ForeignTopic(f"a {topic} event carries an originator_topic ({shown!r}); only creation events do")
    raise ForeignTopic(f"a {topic} event must have originator_topic {expected!r}, not {shown!r}")


class AllowListMapper(Mapper[UUID]):
    """eventsourcing's mapper, refusing any topic outside ``EVENT_CLASSES`` before it imports anything."""

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        event_class(stored_event.topic)  # before eventsourcing's resolve_topic imports what it names
        event = super().to_domain_event(stored_event)
        # A creation event's mutate resolves originator_topic in turn: it must be its own aggregate's.
        check_originator_topic(stored_event.topic, getattr(event, "originator_topic", None))
        return event
