"""Idempotency-Key: a retried write gets the first answer back instead of being done twice.

A key is claimed in the database before the write runs, so two processes (or two requests of
one) with the same key never both run it: the second waits for the first answer, then replays
it. The same key with another method, path or body is a 409. Only 2xx answers are kept (a
failed write may be retried with the same key); keys are forgotten after ``RETENTION`` seconds.

A claim names the process that made it (``projections.processes``), so a claim left by a process
that died between claiming and storing (a crash, a SIGKILL, a restart) is taken over at once by the
next request with its key: on the same machine a dead process is known at once, and a claim this
process made but no longer runs (its answer could not be kept) is known here. A claim from another
machine, or from before claims named their process, is taken over after ``ABANDONED`` seconds.
A waiting retry looks with a read (``peek``), not a write: it claims again only once the claim is gone.
"""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

from projections.processes import alive, this_process
from projections.store.read_store import ReadStore

RETENTION = 24 * 3600.0
ABANDONED = 60.0
# Owners of the claims this process is running now (every store here: owners are unique, and two apps in
# one process, as in tests, must not take over each other's claims).
_RUNNING: set[str] = set()
KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII, like the header values clients send


@dataclass(frozen=True)
class Claim:
    """``outcome`` is ``run`` (ours to do), ``replay`` (done before), ``pending``, ``mismatch``, or ``free``
    (from ``peek`` only: nobody holds the key any more, so claim it)."""

    outcome: str
    owner: str = ""
    status: int = 0
    body: str = ""


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class IdempotencyStore:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        if store.read_only:
            return  # a read-only server refuses every write before a key is claimed (api/middleware/write_gate.py)
        with store.schema_transaction() as cursor:
            cursor.execute(
                """CREATE TABLE IF NOT EXISTS api_idempotency (
                       key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, owner TEXT NOT NULL,
                       status INTEGER, body TEXT, created DOUBLE PRECISION NOT NULL)"""
            )
            cursor.execute("CREATE INDEX IF NOT EXISTS api_idempotency_created ON api_idempotency (created)")

    def claim(self, key: str, fingerprint: str) -> Claim:
        p = self.store.p
        now = time.time()
        owner = f"{this_process()}#{uuid.uuid4().hex}"
        # Running before the claim is visible: a request of this process that reads the claim between its
        # commit and the line after must not take it for abandoned.
        _RUNNING.add(owner)
        seen = Claim("pending")
        try:
            with self.store.transaction() as cursor:
                cursor.execute(f"DELETE FROM api_idempotency WHERE created < {p}", (now - RETENTION,))
                cursor.execute(
                    f"""INSERT INTO api_idempotency (key, fingerprint, owner, status, body, created)
                       VALUES ({p}, {p}, {p}, NULL, NULL, {p}) ON CONFLICT (key) DO NOTHING""",
                    (key, fingerprint, owner, now),
                )
                cursor.execute(
                    f"SELECT fingerprint, owner, status, body, created FROM api_idempotency WHERE key = {p}", (key,)
                )
                found = cursor.fetchone()
                claimed_by = found[1]
                seen = self._outcome(fingerprint, found, now)
                if claimed_by == owner:
                    seen = Claim("run", owner)
                elif seen.outcome == "free":
                    cursor.execute(
                        f"UPDATE api_idempotency SET owner = {p}, created = {p} WHERE key = {p} AND owner = {p}",
                        (owner, now, key, claimed_by),
                    )
                    seen = Claim("run", owner) if cursor.rowcount == 1 else Claim("pending")
        finally:
            if seen.outcome != "run":
                _RUNNING.discard(owner)
        return seen

    def peek(self, key: str, fingerprint: str) -> Claim:
        """What ``claim`` would find, read without writing: a waiting retry looks with this."""
        p = self.store.p
        rows = self.store.query(
            f"SELECT fingerprint, owner, status, body, created FROM api_idempotency WHERE key = {p}", (key,)
        )
        if not rows:
            return Claim("free")
        return self._outcome(fingerprint, tuple(rows[0]), time.time())

    def _outcome(self, fingerprint: str, found: tuple[Any, ...], now: float) -> Claim:
        """``found``: the key's row (fingerprint, owner, status, body, created)."""
        known, claimed_by, status, body, created = found
        if known != fingerprint:
            return Claim("mismatch")
        if status is not None:
            return Claim("replay", status=int(status), body=str(body))
        return Claim("free") if self._abandoned(claimed_by, float(created), now) else Claim("pending")

    def _abandoned(self, owner: str, created: float, now: float) -> bool:
        """Whether nobody will ever finish this claim."""
        process, _, _ = owner.rpartition("#")
        if process == this_process():
            return owner not in _RUNNING
        if process and alive(process) is False:
            return True
        return now - created > ABANDONED

    def finish(self, key: str, owner: str, status: int, body: str) -> None:
        p = self.store.p
        try:
            with self.store.transaction() as cursor:
                cursor.execute(
                    f"UPDATE api_idempotency SET status = {p}, body = {p} WHERE key = {p} AND owner = {p}",
                    (status, body, key, owner),
                )
        finally:
            _RUNNING.discard(owner)  # kept or not, nobody here finishes it now: a retry may take it over

    def release(self, key: str, owner: str) -> None:
        """Forget a claim whose write did not succeed, so that a retry runs it again."""
        p = self.store.p
        try:
            with self.store.transaction() as cursor:
                cursor.execute(
                    f"DELETE FROM api_idempotency WHERE key = {p} AND owner = {p} AND status IS NULL", (key, owner)
                )
        finally:
            _RUNNING.discard(owner)
