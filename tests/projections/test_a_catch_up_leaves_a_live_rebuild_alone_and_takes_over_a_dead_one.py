"""A catch-up applies nothing while another live process holds the projection's rebuild lease (its tables are
half built, without their indexes), and takes over at once from a holder that died: indexes built, lease ended,
every event applied. A new rebuild takes the lease whoever held it."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from api.composition import build_services
from api.settings import Settings
from projections import leases
from projections.processes import name_of


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request, sqlite_url):
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else sqlite_url
    built = build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_CATCH_UP_ON_WRITE="false"))
    for name in ("Lease Co A", "Lease Co B"):
        built.app.register_company(name)
    yield built
    built.close()


def hold_rebuild_lease(services, holder: str) -> None:
    p = services.store.p
    with services.store.transaction() as cursor:
        cursor.execute(
            f"INSERT INTO rm_catch_up (name, holder, rebuilding, beat) VALUES ({p}, {p}, 1, {p}) "
            "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, rebuilding = 1, beat = excluded.beat",
            ("timeline", holder, time.time()),
        )


def test_a_live_rebuild_is_left_alone_and_a_dead_ones_lease_is_taken_over(services):
    runner = services.projections["timeline"]
    rebuilder = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        hold_rebuild_lease(services, name_of(rebuilder.pid))
        assert runner.catch_up() == 0
        assert runner.position() == 0
    finally:
        rebuilder.kill()
        rebuilder.wait()
    assert runner.catch_up() == services.app.position()
    lease = leases.lease_of(services.store, "timeline")
    assert lease is not None
    assert not lease.rebuilding


def test_a_rebuild_takes_the_lease_a_dead_rebuild_left(services):
    runner = services.projections["timeline"]
    hold_rebuild_lease(services, "another-host|boot|1|1")  # on another machine: alive as far as anyone here knows
    assert runner.catch_up() == 0
    assert runner.rebuild() == services.app.position()
    lease = leases.lease_of(services.store, "timeline")
    assert lease is not None
    assert not lease.rebuilding
    assert runner.catch_up() == 0  # nothing left, and nothing held
