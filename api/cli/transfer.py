"""``timeline export`` and ``timeline import``: the event log as JSON Lines with a trailer, into an empty store
at the very same positions, all or nothing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from api.cli.options import console, err_console, exit_if_stuck, open_store
from application.log import EventLog
from application.log_file import ExportWriter
from application.log_import import import_export

BATCH = 1000


def export_log(log: EventLog, out: IO[str]) -> int:
    """One line per event (position, topic, aggregate, version, system time, event), then the trailer."""
    writer = ExportWriter(out)
    while exported := log.exported_after(writer.head, BATCH):
        for event in exported:
            writer.write(event)
    writer.close()
    return writer.count


def import_log(log: EventLog, path: Path) -> int:
    """Store an export in an empty store: checked whole and replayed through the domain first, then
    written in one transaction at the positions it had, so a refusal or a crash stores nothing."""
    return import_export(log, path)


def export_command(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File; default stdout")] = None,
) -> None:
    """The whole event log as JSON Lines: position, topic, aggregate, version, system time, event; then a trailer."""
    with open_store(catch_up=False) as services:
        if output is None:
            count = export_log(services.log, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                count = export_log(services.log, handle)
    err_console.print(f"exported {count} events")


def import_command(
    source: Annotated[
        Path, typer.Argument(help="A JSON Lines file written by `timeline export`", exists=True, dir_okay=False)
    ],
) -> None:
    """Load an export into an empty store, all or nothing, at the same positions; every answer is then the same."""
    with open_store(catch_up=False) as services:
        count = import_log(services.log, source)
        for runner in services.projections.values():
            runner.rebuild()
        exit_if_stuck(services)
    console.print(f"imported {count} events")
