"""The events table takes an import in one transaction: into an empty table only, checked inside that
transaction, and a failure part-way (a refusal found while reading the file again) stores nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import orjson
import pytest
from eventsourcing.persistence import StoredEvent

from api.composition import build_services
from api.settings import Settings
from application.storage.event_table import StoreNotEmpty


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request):
    built = build_services(Settings(TIMELINE_DATABASE_URL=request.getfixturevalue(f"{request.param}_url")))
    yield built
    built.close()


def _events(count: int) -> Iterator[tuple[int, StoredEvent]]:
    state = orjson.dumps({"timestamp": {"_type_": "datetime_iso", "_data_": "2026-01-01T00:00:00+00:00"}})
    for position in range(1, count + 1):
        yield position * 2, StoredEvent(uuid.uuid4(), 1, "domain.markets:Market.Opened", state)


class Refused(ValueError):
    pass


def _then_refused(count: int) -> Iterator[tuple[int, StoredEvent]]:
    yield from _events(count)
    raise Refused("found on the second reading")


def test_a_failure_after_thousands_of_inserted_events_stores_none_of_them(services):
    with pytest.raises(Refused):
        services.log.insert_at_positions(_then_refused(2500))
    assert services.log.head() == 0
    assert services.log.insert_at_positions(_events(3)) == 3
    assert [event.position for event in services.log.after(0, 10)] == [2, 4, 6]


def test_a_table_with_events_takes_no_import_even_when_asked_directly(services):
    services.app.register_company("Already Here")
    head = services.log.head()
    with pytest.raises(StoreNotEmpty, match=f"up to position {head}"):
        services.log.insert_at_positions(_events(3))
    assert services.log.head() == head
