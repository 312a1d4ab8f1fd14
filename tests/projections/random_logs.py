"""What the property tests over random logs share: a log and its read models on one store per test, and
the one way they search (derandomized, so CI and a laptop try the same logs; no shrinking, which replays
into an ever-growing store for minutes; a failing example is printed unshrunk)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, settings

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.store.read_store import ReadStore


def search(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )


class RandomLogs:
    """Subclassed once per storage, which gives ``database_url``."""

    @pytest.fixture
    def store(self, database_url: str) -> Iterator[tuple[TimelineApplication, ReadStore]]:
        app = TimelineApplication(environment_for(database_url))
        db = read_store(app)
        yield app, db
        db.close()
        app.close()
