"""The ``timeline`` command (typer for arguments, rich for tables and progress bars): every command, in help order."""

from __future__ import annotations

import typer

from api.cli import admin, ingest, reads, relay, transfer

cli = typer.Typer(help="Point-in-time record of China's hard-tech listing pipeline.", no_args_is_help=True)
cli.command()(admin.validate)
cli.command()(admin.seed)
cli.command()(admin.rebuild)
cli.command()(admin.project)
cli.command()(admin.deliver)
cli.command()(admin.serve)
cli.command("export")(transfer.export_command)
cli.command("import")(transfer.import_command)
cli.command("ingest")(ingest.ingest_command)
cli.command("fetch")(ingest.fetch_command)
cli.command("relay")(relay.relay_command)
cli.command()(reads.pipeline)
cli.command()(reads.search)
cli.command()(reads.company)
cli.command("timeline")(reads.timeline_command)
cli.command()(reads.revisions)


def main() -> None:
    cli()
