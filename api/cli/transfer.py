"""``timeline export`` and ``timeline import``: the event log as JSON Lines with a trailer, into an empty store
at the very same positions, all or nothing; or the whole store as Parquet files at one log position."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from api import inputs
from api.cli.options import KnownAt, console, err_console, exit_if_stuck, open_store
from api.composition import Services
from api.inputs import InputError
from application.log import EventLog
from application.transfer.log_file import ExportWriter
from application.transfer.log_import import import_export

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


class Format(StrEnum):
    JSONL = "jsonl"
    PARQUET = "parquet"


def parquet_export(services: Services, directory: Path, known_at: str | None = None) -> int:
    """The store as Parquet files at the read models' position (or ``known_at``, a position or system time, before
    it), once they have caught up with the log: the files say the position they reflect, and the same position
    gives the same bytes."""
    head = services.log.head()
    services.projection.catch_up()
    if services.projection.position() < head:
        # Stuck at an event (exit_if_stuck names it): the files would miss events the log has.
        raise ValueError(f"the read models are behind the log (position {services.projection.position()} of {head})")
    # Read after the catch-up: a system time is found in the read models' log (rm_log).
    position = (
        None
        if known_at is None
        else inputs.parse_knowledge_time("--known-at", known_at, services.queries.position_known_at)
    )
    # pyarrow is imported only by the command that writes Parquet (60 ms of every other command's start).
    from projections.exports.parquet_files import export_parquet

    return export_parquet(services.store, services.app.recorder, services.app.mapper, directory, position)


def export_command(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (jsonl; default stdout) or folder (parquet)")
    ] = None,
    form: Annotated[
        Format, typer.Option("--format", help="jsonl: the log, for `timeline import`; parquet: five files to analyse")
    ] = Format.JSONL,
    known_at: KnownAt = None,
) -> None:
    """The whole event log as JSON Lines with a trailer; or with --format parquet, events, fact versions, stage
    intervals, companies and names as Parquet files at one log position (docs/analysis.md)."""
    if form is Format.PARQUET:
        if output is None:
            raise typer.BadParameter("--format parquet writes five files: name their folder", param_hint="--output")
        with open_store(catch_up=False) as services:
            try:
                position = parquet_export(services, output, known_at)
            except InputError as error:
                raise typer.BadParameter(error.message, param_hint="--known-at") from None
            except ValueError:
                exit_if_stuck(services)  # names the event the read models stopped at
                raise
        err_console.print(f"exported the store at position {position} to {output}")
        return
    if known_at is not None:
        raise typer.BadParameter("the JSON Lines export is the whole log; --known-at is for --format parquet")
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
        services.rebuild(list(services.projections))
        exit_if_stuck(services)
    console.print(f"imported {count} events")
