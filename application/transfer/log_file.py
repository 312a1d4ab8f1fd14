"""The export file: one JSON line per event, then a trailer that lets an import prove the file whole.

An event line holds the event as stored: its position, topic, aggregate, version, system time
and state (the transcoder's JSON). The trailer, always the last line, counts the event lines and
holds the SHA-256 of their bytes, so a file cut at a line boundary (no trailer), a duplicated,
dropped, reordered or edited line (another count or digest) is refused before anything is stored.
The digest proves the file is the one export wrote, not who wrote it: anyone can recompute it, so
an import also replays every event through the domain (``log_replay``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import orjson
from eventsourcing.persistence import StoredEvent

from application.log import ExportedEvent

TRAILER = "timeline export"
MAX_POSITION = 2**63 - 1  # positions and versions are signed 64-bit integers in both databases
_EVENT_KEYS = frozenset({"position", "topic", "originator_id", "originator_version", "recorded_at", "state"})


class RefusedFile(ValueError):
    """The file is not a whole, unedited ``timeline export``; the message names the line."""


@dataclass(frozen=True)
class LoggedLine:
    """One event line read back: where it is in the file, its position in the log, the event as stored."""

    number: int
    position: int
    stored: StoredEvent


class ExportWriter:
    """Writes event lines to ``out`` and, on ``close``, the trailer that vouches for them."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out
        self._digest = hashlib.sha256()
        self.count = 0
        self.head = 0

    def write(self, event: ExportedEvent) -> None:
        line = orjson.dumps(
            {
                "position": event.position,
                "topic": event.topic,
                "originator_id": str(event.aggregate_id),
                "originator_version": event.version,
                "recorded_at": event.recorded_at,
                "state": event.state,
            }
        )
        self._digest.update(line + b"\n")
        self._out.write(line.decode() + "\n")
        self.count += 1
        self.head = event.position

    def close(self) -> None:
        trailer = {"trailer": TRAILER, "count": self.count, "head": self.head, "sha256": self._digest.hexdigest()}
        self._out.write(orjson.dumps(trailer).decode() + "\n")


class ExportFile:
    """An export on disk, read as often as needed: ``lines`` yields every event line in order, each
    checked alone and against the one before it; after the last, the trailer is checked against
    them all, and against what an earlier reading found (the file must not change in between)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sha256: str | None = None

    def lines(self) -> Iterator[LoggedLine]:
        digest = hashlib.sha256()
        count, previous, previous_line = 0, 0, 0
        with self.path.open("rb") as lines:
            for number, line in enumerate(lines, start=1):
                item = _parsed(number, line)
                if item.get("trailer") == TRAILER and "position" not in item:
                    self._check_trailer(number, item, count, previous, digest.hexdigest())
                    if lines.read():
                        raise RefusedFile(f"line {number + 1}: there is more after the trailer, which ends the file")
                    return
                logged = _event(number, item)
                if logged.position <= previous:
                    again = "a duplicated line" if logged.position == previous else "lines out of order"
                    raise RefusedFile(
                        f"line {number}: position {logged.position} does not come after position {previous} "
                        f"(line {previous_line}): {again}"
                    )
                digest.update(line if line.endswith(b"\n") else line + b"\n")
                count, previous, previous_line = count + 1, logged.position, number
                yield logged
        last = f"after line {count}" if count else "with no line at all"
        raise RefusedFile(
            f"line {count + 1}: the file ends {last} without the trailer `timeline export` writes last: "
            "it was cut short, or not written by `timeline export`"
        )

    def _check_trailer(self, number: int, trailer: dict[str, Any], count: int, head: int, sha256: str) -> None:
        if set(trailer) != {"trailer", "count", "head", "sha256"}:
            raise RefusedFile(f"line {number}: the trailer holds {', '.join(sorted(trailer))}, not count, head, sha256")
        if trailer["count"] != count:
            raise RefusedFile(
                f"line {number}: the trailer counts {str(trailer['count'])[:40]} events, the file holds {count}: "
                "lines were added or removed"
            )
        if trailer["head"] != head:
            raise RefusedFile(
                f"line {number}: the trailer's last position is {str(trailer['head'])[:40]}, the file's is {head}"
            )
        if trailer["sha256"] != sha256:
            raise RefusedFile(
                f"line {number}: the SHA-256 of the event lines is {sha256}, the trailer says "
                f"{str(trailer['sha256'])[:64]}: a line was edited, or lines were swapped"
            )
        if self.sha256 is not None and self.sha256 != sha256:
            raise RefusedFile(f"line {number}: the file changed while it was being imported")
        self.sha256 = sha256


def _parsed(number: int, line: bytes) -> dict[str, Any]:
    try:
        item = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise RefusedFile(f"line {number}: not JSON ({error})") from None
    if not isinstance(item, dict):
        raise RefusedFile(f"line {number}: not a JSON object")
    return item


def _event(number: int, item: dict[str, Any]) -> LoggedLine:
    if set(item) != _EVENT_KEYS:
        missing, extra = sorted(_EVENT_KEYS - set(item)), sorted(set(item) - _EVENT_KEYS)
        problem = f"missing {', '.join(missing)}" if missing else f"unexpected {', '.join(extra)}"
        raise RefusedFile(f"line {number}: not an exported event ({problem})")
    position, version, topic, state = item["position"], item["originator_version"], item["topic"], item["state"]
    if not _count(position):
        raise RefusedFile(
            f"line {number}: position {str(position)[:40]!r} is not a whole number from 1 to {MAX_POSITION}"
        )
    if not _count(version):
        raise RefusedFile(f"line {number}: originator_version {str(version)[:40]!r} is not a whole number from 1")
    if not isinstance(topic, str):
        raise RefusedFile(f"line {number}: topic is not text")
    if not isinstance(state, dict):
        raise RefusedFile(f"line {number}: state is not an object")
    try:
        aggregate_id = UUID(item["originator_id"])
    except (TypeError, ValueError, AttributeError):
        raise RefusedFile(f"line {number}: originator_id {str(item['originator_id'])[:40]!r} is not a UUID") from None
    if str(aggregate_id) != item["originator_id"]:
        raise RefusedFile(
            f"line {number}: originator_id {item['originator_id'][:40]!r} is not written as export writes it"
        )
    exported = ExportedEvent(position, topic, aggregate_id, version, state)
    if item["recorded_at"] != exported.recorded_at:
        raise RefusedFile(f"line {number}: recorded_at is not the time the event's state carries")
    return LoggedLine(number, position, StoredEvent(aggregate_id, version, topic, orjson.dumps(state)))


def _count(value: Any) -> bool:
    return type(value) is int and 1 <= value <= MAX_POSITION
