"""An exported log into an empty store, all or nothing: the file proven whole, every event replayed
through the domain, and only then everything stored at its own position in one transaction."""

from __future__ import annotations

from pathlib import Path

from application.log import EventLog
from application.storage.event_table import StoreNotEmpty
from application.transfer.log_file import ExportFile, RefusedFile
from application.transfer.log_replay import LogReplay, RefusedEvent


def import_export(log: EventLog, path: Path) -> int:
    """Import the export at ``path``; the number of events stored. RefusedFile (naming the file, the line
    and what is wrong) or StoreNotEmpty leave the store as it was."""
    if log.head() != 0:  # checked again inside the transaction; here to say so before a long check
        raise StoreNotEmpty(log.head())
    export = ExportFile(path)
    try:
        line_of: dict[int, int] = {}
        replay = LogReplay(log.mapper)
        try:
            for line in export.lines():
                line_of[line.position] = line.number
                replay.apply(line.position, line.stored)
            replay.finish()
        except RefusedEvent as refused:
            raise RefusedFile(
                f"line {line_of[refused.position]} (position {refused.position}): {refused.problem}"
            ) from None
        # Read again rather than held in memory: a log of millions of events need not fit. The second
        # reading checks the digest too, and a file changed since the first makes the transaction roll back.
        return log.insert_at_positions((line.position, line.stored) for line in export.lines())
    except RefusedFile as refused:
        raise RefusedFile(f"{path.name} {refused}; nothing was imported") from None
