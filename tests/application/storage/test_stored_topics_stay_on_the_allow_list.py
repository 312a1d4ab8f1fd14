"""A stored event whose topic, or whose creation ``originator_topic``, is not one of this service's event
classes is refused when the server decodes it, and the module it names is never imported: the feed lists
the event as undecodable, the projection reports it stuck, the repository raises."""

from __future__ import annotations

import sys
import uuid

import orjson
import pytest
from eventsourcing.persistence import StoredEvent

from api.composition import build_services
from api.settings import Settings
from application.storage.topics import EVENT_CLASSES, ForeignTopic

PLANTED = "tests.application.planted"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request):
    built = build_services(Settings(TIMELINE_DATABASE_URL=request.getfixturevalue(f"{request.param}_url")))
    yield built
    built.close()


def _state(**fields: object) -> bytes:
    stamp = {"_type_": "datetime_iso", "_data_": "2026-01-01T00:00:00+00:00"}
    return orjson.dumps({"timestamp": stamp, **fields})


def test_a_stored_foreign_topic_is_refused_without_importing_its_module(services):
    assert PLANTED not in sys.modules
    foreign = StoredEvent(uuid.uuid4(), 1, f"{PLANTED}:Planted", _state())
    services.app.recorder.insert_events([foreign])

    (logged,) = services.log.after(0, 10)
    assert logged.event is None
    assert logged.error is not None
    assert "ForeignTopic" in logged.error
    with pytest.raises(ForeignTopic):
        services.app.repository.get(foreign.originator_id)
    services.catch_up()
    stuck = services.stuck(fresh=True)
    assert stuck
    assert all(problem.position == 1 for problem in stuck)
    assert PLANTED not in sys.modules


def test_a_creation_event_naming_a_foreign_aggregate_is_refused_without_importing_it(services):
    assert PLANTED not in sys.modules
    registered = next(topic for topic in EVENT_CLASSES if topic.endswith("Company.Registered"))
    swapped = StoredEvent(
        uuid.uuid4(),
        1,
        registered,
        _state(originator_topic=f"{PLANTED}:Planted", key="x", name="X", aliases=[], sector=None),
    )
    services.app.recorder.insert_events([swapped])

    with pytest.raises(ForeignTopic, match=r"must have originator_topic 'domain\.companies:Company'"):
        services.app.repository.get(swapped.originator_id)
    (logged,) = services.log.after(0, 10)
    assert logged.event is None
    assert PLANTED not in sys.modules
