"""A projection stopped at an event it cannot apply: kept in ``rm_failures`` so every process's health check
sees it, and counted only while the projection's tracked position is still before it (a fix deployed and
restarted resumes by itself, and the failure then stops counting)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from projections.store.read_store import ReadStore, values

MAX_ERROR_CHARS = 500
logger = logging.getLogger("timeline.projections")


@dataclass(frozen=True)
class Stuck:
    """A projection stopped at an event it cannot apply."""

    name: str
    position: int
    error: str
    since: str

    def describe(self) -> str:
        return f"projection {self.name!r} cannot apply the event at position {self.position}: {self.error}"


def stuck_at(store: ReadStore, name: str) -> Stuck | None:
    """The event projection ``name`` cannot get past, if any (as recorded by whichever process tried)."""
    p = store.p
    rows = store.query(
        f"""SELECT f.position, f.error, f.since FROM rm_failures f JOIN rm_tracking t ON t.name = f.name
           WHERE f.name = {p} AND f.position > t.position""",
        (name,),
    )
    return Stuck(name, int(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None


def record_failure(store: ReadStore, name: str, position: int, error: BaseException) -> None:
    text = f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS]
    known = stuck_at(store, name)
    if known is not None and known.position == position and known.error == text:
        return
    since = datetime.now(UTC).isoformat(timespec="seconds")
    p = store.p
    with store.transaction() as cursor:
        cursor.execute(
            f"""INSERT INTO rm_failures (name, position, error, since) {values(p, 4)}
               ON CONFLICT (name) DO UPDATE SET position = excluded.position, error = excluded.error,
               since = excluded.since""",
            (name, position, text, since),
        )
    logger.error("projection stuck", extra={"fields": {"projection": name, "position": position, "error": text}})
