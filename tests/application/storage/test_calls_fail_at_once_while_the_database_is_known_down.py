"""Once no connection could be had for GRACE_SECONDS on end, calls fail at once with DatabaseDown (not retried by
eventsourcing, a 503 in the API) for WINDOW_SECONDS; then they try again; a connection had ends it."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from eventsourcing.persistence import OperationalError, PersistenceError

from application.storage.outage import GRACE_SECONDS, WINDOW_SECONDS, DatabaseDown, Outage, guarded


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class NoConnection(Exception):
    """What the pool raises when it has no connection to give."""


class Pool:
    def __init__(self) -> None:
        self.up = True
        self.asked = 0

    @contextmanager
    def get_connection(self):
        self.asked += 1
        if not self.up:
            raise OperationalError("no connection") from NoConnection()
        yield "connection"


@pytest.fixture
def setup():
    clock, pool = Clock(), Pool()
    outage = Outage(clock)
    return clock, pool, outage, guarded(pool.get_connection, outage, (NoConnection,))


def fails_waiting(connection) -> None:
    with pytest.raises(OperationalError), connection():
        pass


def past_the_grace(clock, pool, connection):
    """The pool down, and asked once more once the grace is over (that failure opens a window)."""
    pool.up = False
    fails_waiting(connection)
    clock.now += GRACE_SECONDS
    fails_waiting(connection)


def test_calls_wait_for_the_pool_until_it_has_failed_for_the_grace(setup):
    clock, pool, outage, connection = setup
    pool.up = False
    for _ in range(int(GRACE_SECONDS)):
        fails_waiting(connection)
        clock.now += 0.99
    assert pool.asked == int(GRACE_SECONDS)
    assert outage.down


def test_past_the_grace_calls_fail_at_once_naming_the_outage_until_the_window_ends(setup):
    clock, pool, _outage, connection = setup
    past_the_grace(clock, pool, connection)  # its last failure opened a window
    asked = pool.asked
    with pytest.raises(DatabaseDown, match=f"no connection for {GRACE_SECONDS:.0f} s") as raised, connection():
        pass
    assert isinstance(raised.value, PersistenceError)
    assert isinstance(raised.value, ConnectionError)
    assert not isinstance(raised.value, OperationalError)  # eventsourcing retries those
    assert pool.asked == asked  # the pool was not asked
    clock.now += WINDOW_SECONDS
    fails_waiting(connection)  # the window is over: the pool is asked again, and another window opens
    assert pool.asked == asked + 1
    with pytest.raises(DatabaseDown), connection():
        pass


def test_a_connection_had_ends_the_outage(setup):
    clock, pool, outage, connection = setup
    past_the_grace(clock, pool, connection)
    pool.up = True
    clock.now += WINDOW_SECONDS
    with connection() as conn:
        assert conn == "connection"
    assert not outage.down
    pool.up = False
    fails_waiting(connection)  # a new outage has a grace of its own
    assert outage.down


def test_the_health_probe_ends_the_outage_when_it_has_a_connection(setup):
    clock, pool, outage, connection = setup
    past_the_grace(clock, pool, connection)
    outage.ended()  # what /healthz calls once its own probe had a connection
    pool.up = True
    with connection() as conn:
        assert conn == "connection"


def test_errors_that_are_not_a_missing_connection_leave_calls_alone(setup):
    clock, _pool, outage, connection = setup
    for _ in range(3):
        with pytest.raises(OperationalError), connection():
            raise OperationalError("canceling statement due to statement timeout")
        clock.now += GRACE_SECONDS
    assert not outage.down
