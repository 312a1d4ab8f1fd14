"""A PostgreSQL primary and its streaming replica, both of the test's own: a writer API and a projection worker on
the primary, a read-only API (TIMELINE_READ_ONLY) on the replica. A write's position passed as `min_position` to
the replica waits for replication and projection, then answers the write; an answer pinned by `known_at` is the same
bytes and ETag from either, immutable; /healthz there reports the replay lag;
writes sent there are refused naming the primary; with the replica's WAL receiver stopped, a `min_position` read
is a 503 with Retry-After at once (never stale data) until it streams again."""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx
import psycopg
import pytest

from tests.e2e.conftest import TOKEN
from tests.own_postgres import OwnCluster, own_replica
from tests.scaling.processes import start_server, start_worker, stop

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _eventually(check: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}"
        time.sleep(0.1)


def _on(cluster: OwnCluster, statement: str) -> list[tuple[object, ...]]:
    with psycopg.connect(cluster.url, autocommit=True) as connection:
        cursor = connection.execute(statement)
        return cursor.fetchall() if cursor.description else []


def _write(primary_api: str, name: str) -> int:
    written = httpx.post(f"{primary_api}/companies", headers=AUTH, json={"name": name}, timeout=30)
    assert written.status_code == 201, written.text
    return int(written.json()["position"])


def test_a_read_only_api_on_a_replica_reads_the_primarys_writes_refuses_writes_and_never_answers_stale(
    own_postgres: OwnCluster, tmp_path
) -> None:
    log = tmp_path / "processes.log"
    writer, primary_api = start_server(own_postgres.url, log, TIMELINE_CATCH_UP_ON_WRITE="false")
    worker = start_worker(own_postgres.url, log)
    try:
        # The base backup is taken once the primary's tables exist: the read-only API never creates any.
        with own_replica(own_postgres) as replica:
            reader, replica_api = start_server(
                replica.url,
                log,
                TIMELINE_READ_ONLY="true",
                TIMELINE_PRIMARY_URL=primary_api,
                TIMELINE_MIN_POSITION_TIMEOUT="60",
            )
            try:
                _check_the_replica(own_postgres, replica, primary_api, replica_api)
            finally:
                stop(reader)
    finally:
        stop(worker)
        stop(writer)


def _check_the_replica(primary: OwnCluster, replica: OwnCluster, primary_api: str, replica_api: str) -> None:
    # Read your write on the replica: the read waits until the row has been replicated and projected.
    position = _write(primary_api, "Replica Reader One")
    answer = httpx.get(f"{replica_api}/companies/Replica Reader One", params={"min_position": position}, timeout=30)
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == "Replica Reader One"
    assert answer.json()["basis"]["position"] >= position

    # An answer pinned by known_at is the same bytes and ETag from the replica as from the primary, and immutable:
    # any HTTP cache in front of replicas may keep it for ever (docs/scaling.md).
    pinned = {"as_of": "2025-06-30", "known_at": position, "min_position": position}
    from_replica = httpx.get(f"{replica_api}/pipeline", params=pinned, timeout=30)
    from_primary = httpx.get(f"{primary_api}/pipeline", params=pinned, timeout=30)
    assert from_replica.status_code == from_primary.status_code == 200, from_replica.text
    assert from_replica.content == from_primary.content
    assert from_replica.headers["etag"] == from_primary.headers["etag"]
    assert from_replica.headers["cache-control"] == "public, max-age=31536000, immutable"
    revalidated = httpx.get(
        f"{replica_api}/pipeline", params=pinned, headers={"If-None-Match": from_primary.headers["etag"]}, timeout=30
    )
    assert revalidated.status_code == 304

    health = httpx.get(f"{replica_api}/healthz", timeout=5)
    assert health.status_code == 200, health.text
    lag = health.json()["replica"]
    assert lag["receiver"] == "streaming"
    assert lag["replay_paused"] is False
    assert lag["replay_lag_bytes"] >= 0
    assert lag["replay_lag_seconds"] >= 0
    assert lag["last_replayed_at"]
    assert "replica" not in httpx.get(f"{primary_api}/healthz", timeout=5).json()

    # Writes, with or without an Idempotency-Key, are refused naming the primary; nothing reaches the database.
    for headers in (AUTH, {**AUTH, "Idempotency-Key": "to-the-replica"}):
        refused = httpx.post(f"{replica_api}/companies", headers=headers, json={"name": "Not Here"}, timeout=30)
        assert refused.status_code == 405, refused.text
        assert primary_api in refused.json()["detail"]
        assert refused.headers["allow"] == "GET, HEAD"

    # Cut the replica off its primary: its WAL receiver stops.
    (conninfo,) = _on(replica, "SHOW primary_conninfo")[0]
    _on(replica, "ALTER SYSTEM SET primary_conninfo = ''")
    _on(replica, "SELECT pg_reload_conf()")
    _eventually(lambda: not _on(replica, "SELECT 1 FROM pg_stat_wal_receiver"), "the WAL receiver stops")

    cut_off = _write(primary_api, "Replica Reader Two")
    on_primary = httpx.get(f"{primary_api}/companies/Replica Reader Two", params={"min_position": cut_off}, timeout=30)
    assert on_primary.status_code == 200, on_primary.text
    # Not stale data, and not a wait for the whole timeout (60 s, past this client's 30): a 503 to retry.
    stale = httpx.get(f"{replica_api}/companies/Replica Reader Two", params={"min_position": cut_off}, timeout=30)
    assert stale.status_code == 503, stale.text
    assert stale.headers["retry-after"]
    assert "not receiving the primary's WAL" in stale.json()["detail"]
    degraded = httpx.get(f"{replica_api}/healthz", timeout=5)
    assert degraded.status_code == 503
    assert degraded.json()["replica"]["receiver"] is None
    assert any("not receiving the primary's WAL" in problem for problem in degraded.json()["problems"])
    # Reads without a position still answer, from what the replica holds.
    assert httpx.get(f"{replica_api}/companies/Replica Reader One", timeout=30).status_code == 200

    # Connected again, it catches up and the same read answers the write.
    _on(replica, f"ALTER SYSTEM SET primary_conninfo = '{conninfo.replace(chr(39), chr(39) * 2)}'")
    _on(replica, "SELECT pg_reload_conf()")
    # Until its receiver streams, a read waiting for a position is still told at once to retry.
    _eventually(
        lambda: _on(replica, "SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'") != [],
        "the WAL receiver streams again",
    )
    answer = httpx.get(f"{replica_api}/companies/Replica Reader Two", params={"min_position": cut_off}, timeout=70)
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == "Replica Reader Two"
    _eventually(lambda: httpx.get(f"{replica_api}/healthz", timeout=5).status_code == 200, "the replica is healthy")
