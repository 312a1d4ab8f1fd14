"""Inside a session, every statement of an answer reads one state of the read models."""

from __future__ import annotations

import threading

import pytest

from api.composition import build_services
from api.settings import Settings


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request):
    services = build_services(Settings(TIMELINE_DATABASE_URL=request.getfixturevalue(f"{request.param}_url")))
    yield services.store
    services.close()


def write_elsewhere(store):
    def write():
        with store.transaction() as cursor:
            cursor.execute(f"INSERT INTO rm_markets (market_id, code) VALUES ({store.p}, {store.p})", ("m-1", "X"))

    thread = threading.Thread(target=write)  # another thread: another connection
    thread.start()
    thread.join()


def test_a_write_committed_during_a_session_is_not_seen_until_it_ends(store):
    count = "SELECT count(*) FROM rm_markets"
    with store.session():
        before = store.query(count)[0][0]
        write_elsewhere(store)
        assert store.query(count)[0][0] == before
        with store.reading() as cursor:  # a read inside a session is the session's read
            cursor.execute(count)
            assert cursor.fetchone()[0] == before
    assert store.query(count)[0][0] == before + 1


def test_sessions_nest_and_the_outer_one_holds(store):
    with store.session():
        before = store.query("SELECT count(*) FROM rm_markets")[0][0]
        with store.session():
            write_elsewhere(store)
        assert store.query("SELECT count(*) FROM rm_markets")[0][0] == before
