"""What the ``timeline`` commands share: their common options, console, and the store they open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from api import inputs
from api.composition import Services, build_services
from api.inputs import InputError
from api.settings import Settings
from projections.clocks import Clocks

console = Console()
err_console = Console(stderr=True)

SeedDir = Annotated[Path, typer.Option("--dir", help="Folder holding documents.yaml, companies.yaml and facts/.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Valid day, e.g. 2025-06-30 (default: today, Asia/Shanghai)")]
PublishedBy = Annotated[str | None, typer.Option("--published-by", help="Only facts published by this day")]
CertainOnly = Annotated[bool, typer.Option("--certain-only", help="Only facts that certainly happened")]
KnownAt = Annotated[
    str | None, typer.Option("--known-at", help="As known at this log position or system time (ISO 8601, UTC)")
]


def parse_clocks(
    services: Services, as_of: str | None, known_at: str | None, published_by: str | None, certain_only: bool
) -> Clocks:
    """The API's clocks parser (same forms, same range), its errors as usage errors."""
    try:
        return inputs.parse_clocks(
            "--as-of", as_of, known_at, published_by, certain_only, services.queries.position_known_at
        )
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=f"--{error.name.replace('_', '-')}") from None


def parse_word(name: str, text: str | None, parse: Callable[[str, str], str]) -> str | None:
    try:
        return None if text is None else parse(name, text)
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=name) from None


def exit_if_stuck(services: Services) -> None:
    """A projection that cannot apply an event is reported with its position, and the command fails."""
    stuck = services.stuck(fresh=True)
    for problem in stuck:
        err_console.print(f"[red]{problem.describe()}[/red]")
    if stuck:
        err_console.print("events before it are applied; fix the cause, then run `timeline rebuild` again")
        raise typer.Exit(1)


@contextmanager
def open_store(catch_up: bool = True) -> Iterator[Services]:
    """The store from the environment; bad input (seed files, names, imports) exits 1 with its message."""
    services = build_services(Settings())
    try:
        if catch_up:
            services.catch_up()
        yield services
    except ValueError as error:  # DomainError, SeedError and import errors name their problem
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    finally:
        services.close()


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


Names = Annotated[list[str] | None, typer.Option("--name", help="A projection (repeatable); default: all")]


def chosen_projections(services: Services, names: list[str] | None) -> list[str]:
    unknown = sorted(set(names or []) - services.projections.keys())
    if unknown:
        raise typer.BadParameter(
            f"no projection {unknown[0]!r}; there are {', '.join(services.projections)}", param_hint="--name"
        )
    return names or list(services.projections)
