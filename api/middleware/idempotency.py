"""Idempotency-Key: a retried write gets the first answer back instead of being done twice.

A key is claimed in the database before the write runs, so two processes (or two requests of
one) with the same key never both run it: the second waits for the first answer, then replays
it. The same key with another method, path or body is a 409. Only 2xx answers are kept (a
failed write may be retried with the same key); keys are forgotten after ``RETENTION`` seconds,
and a claim whose owner vanished (a crash mid-write) may be taken over after ``ABANDONED``.
"""

from __future__ import annotations

import hashlib
import re
import time
import uuid
from dataclasses import dataclass

from projections.store.read_store import ReadStore

RETENTION = 24 * 3600.0
ABANDONED = 60.0
KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII, like the header values clients send


@dataclass(frozen=True)
class Claim:
    """``outcome`` is ``run`` (ours to do), ``replay`` (done before), ``pending`` or ``mismatch``."""

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
        owner = uuid.uuid4().hex
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
            known, claimed_by, status, body, created = cursor.fetchone()
            if known != fingerprint:
                return Claim("mismatch")
            if claimed_by == owner:
                return Claim("run", owner)
            if status is not None:
                return Claim("replay", status=int(status), body=str(body))
            if now - float(created) > ABANDONED:
                cursor.execute(
                    f"UPDATE api_idempotency SET owner = {p}, created = {p} WHERE key = {p} AND owner = {p}",
                    (owner, now, key, claimed_by),
                )
                return Claim("run", owner)
            return Claim("pending")

    def finish(self, key: str, owner: str, status: int, body: str) -> None:
        p = self.store.p
        with self.store.transaction() as cursor:
            cursor.execute(
                f"UPDATE api_idempotency SET status = {p}, body = {p} WHERE key = {p} AND owner = {p}",
                (status, body, key, owner),
            )

    def release(self, key: str, owner: str) -> None:
        """Forget a claim whose write did not succeed, so that a retry runs it again."""
        p = self.store.p
        with self.store.transaction() as cursor:
            cursor.execute(
                f"DELETE FROM api_idempotency WHERE key = {p} AND owner = {p} AND status IS NULL", (key, owner)
            )
