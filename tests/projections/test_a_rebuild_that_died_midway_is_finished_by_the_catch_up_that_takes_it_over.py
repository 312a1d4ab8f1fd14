"""A rebuild leaves what is derived from whole tables (the stage-point index, the board's counts) to its end; one
whose process died before then is finished by the catch-up that takes its lease over: the same rows, counts and
answers as a rebuild that ran to its end."""

from __future__ import annotations

import time
from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from projections.clocks import Clocks
from projections.folding import fold
from tests.projections.dump import dump
from tests.projections.synthetic import fill

DEAD = "another-host|boot|1|1"  # alive as far as anyone here knows, until its beat is older than the lease


class Died(Exception):
    """The rebuilding process stops after its first batch."""


def stop(_moved: int) -> None:
    raise Died


def answers(services) -> list:
    days = [date(2019, 6, 1), date(2020, 3, 15), date(2021, 1, 1)]
    # Every source: the board and its counts; sources published by the day: the stage-point index.
    clocks = [Clocks(day) for day in days] + [Clocks(day, published_by=day) for day in days]
    return [services.queries.pipeline(clock) for clock in clocks]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_a_dead_rebuild_taken_over_ends_as_a_whole_rebuild(url):
    settings = Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false")
    first = build_services(settings)
    fill(first.app, companies=12, facts=120, seed=3)
    runner = first.projections["timeline"]
    runner.rebuild(batch_size=50)
    whole, answered = dump(first.store), answers(first)

    runner._begin_rebuild()  # as rebuild_together begins one, in a process that then dies after a batch
    with pytest.raises(Died):
        fold([runner], {runner.name: 0}, 50, stop)
    assert 0 < runner.position() < first.app.position()
    first.close()

    later = build_services(settings)
    try:
        with later.store.transaction() as cursor:  # its last beat, long enough ago
            p = later.store.p
            cursor.execute(
                f"UPDATE rm_catch_up SET holder = {p}, beat = {p} WHERE name = 'timeline'", (DEAD, time.time() - 60)
            )
        later.projections["timeline"].catch_up()
        assert dump(later.store) == whole
        assert answers(later) == answered
    finally:
        later.close()
