"""The ``timeline`` command (typer for arguments, rich for output)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from api.composition import build_application
from api.settings import Settings
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, SeedError, read_seeds

cli = typer.Typer(help="Point-in-time record of China's hard-tech listing pipeline.", no_args_is_help=True)
console = Console()
err_console = Console(stderr=True)

SeedDir = Annotated[Path, typer.Option("--dir", help="Folder holding documents.yaml, companies.yaml and facts/.")]


@cli.command()
def validate(directory: SeedDir = SEED_DIR) -> None:
    """Check the seed files without loading them."""
    try:
        seeds = read_seeds(directory)
    except SeedError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    sources = sum(len(fact.entries) for fact in seeds.facts)
    console.print(f"OK: {len(seeds.companies)} companies, {len(seeds.facts)} facts from {sources} source entries")


@cli.command()
def seed(directory: SeedDir = SEED_DIR) -> None:
    """Load the seed files into the store (appends nothing when already loaded)."""
    app = build_application(Settings())
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("loading seed facts", total=None)
            report = load_seeds(app, directory, progress=lambda n: progress.advance(task, n))
    except SeedError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    finally:
        app.close()
    console.print(
        f"{report.companies} companies, {report.facts} facts; {report.appended} writes appended; "
        f"log position {report.position}"
    )


def main() -> None:
    cli()
