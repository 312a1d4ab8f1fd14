"""The ``timeline`` command (typer for arguments, rich for tables and progress bars)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from api import inputs
from api.composition import Services, build_services
from api.inputs import InputError
from api.settings import Settings
from api.transfer import export_log, import_log
from projections.clocks import Clocks
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, SeedError, read_seeds

cli = typer.Typer(help="Point-in-time record of China's hard-tech listing pipeline.", no_args_is_help=True)
console = Console()
err_console = Console(stderr=True)

SeedDir = Annotated[Path, typer.Option("--dir", help="Folder holding documents.yaml, companies.yaml and facts/.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Valid day, e.g. 2025-06-30 (default: today, Asia/Shanghai)")]
PublishedBy = Annotated[str | None, typer.Option("--published-by", help="Only facts published by this day")]
CertainOnly = Annotated[bool, typer.Option("--certain-only", help="Only facts that certainly happened")]
KnownAt = Annotated[
    str | None, typer.Option("--known-at", help="As known at this log position or system time (ISO 8601, UTC)")
]


def _clocks(
    services: Services, as_of: str | None, known_at: str | None, published_by: str | None, certain_only: bool
) -> Clocks:
    """The API's clocks parser (same forms, same range), its errors as usage errors."""
    try:
        return inputs.parse_clocks(
            "--as-of", as_of, known_at, published_by, certain_only, services.queries.position_known_at
        )
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=f"--{error.name.replace('_', '-')}") from None


def _word(name: str, text: str | None, parse: Callable[[str, str], str]) -> str | None:
    try:
        return None if text is None else parse(name, text)
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=name) from None


def _exit_if_stuck(services: Services) -> None:
    """A projection that cannot apply an event is reported with its position, and the command fails."""
    stuck = services.stuck(fresh=True)
    for problem in stuck:
        err_console.print(f"[red]{problem.describe()}[/red]")
    if stuck:
        err_console.print("events before it are applied; fix the cause, then run `timeline rebuild` again")
        raise typer.Exit(1)


@contextmanager
def _services(catch_up: bool = True) -> Iterator[Services]:
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


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


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
    """Load the seed files (a second load appends nothing); the read models catch up."""
    with _services(catch_up=False) as services, _progress() as progress:
        task = progress.add_task("loading seed facts", total=len(read_seeds(directory).facts))
        report = load_seeds(services.app, directory, progress=partial(progress.advance, task))
        services.catch_up()
        _exit_if_stuck(services)
    console.print(
        f"{report.companies} companies, {report.facts} facts; {report.appended} events appended; "
        f"log position {report.position}"
    )


Names = Annotated[list[str] | None, typer.Option("--name", help="A projection (repeatable); default: all")]


def _chosen(services: Services, names: list[str] | None) -> list[str]:
    unknown = sorted(set(names or []) - services.projections.keys())
    if unknown:
        raise typer.BadParameter(
            f"no projection {unknown[0]!r}; there are {', '.join(services.projections)}", param_hint="--name"
        )
    return names or list(services.projections)


@cli.command()
def rebuild(name: Names = None, batch_size: Annotated[int, typer.Option(min=1)] = 1000) -> None:
    """Drop read models and rebuild them from the whole log, in batches; the others keep serving."""
    with _services(catch_up=False) as services:
        for chosen in _chosen(services, name):
            with _progress() as progress:
                task = progress.add_task(f"rebuilding {chosen}", total=services.app.position())
                applied = services.projections[chosen].rebuild(batch_size, progress=partial(progress.advance, task))
            console.print(f"{chosen}: rebuilt from {applied} events")
        _exit_if_stuck(services)


@cli.command()
def project(
    name: Names = None,
    batch_size: Annotated[int, typer.Option(min=1)] = 1000,
    poll: Annotated[float, typer.Option(min=0.01, help="Seconds between looks at the log when idle")] = 0.2,
) -> None:
    """Follow the log and keep projections caught up (a worker process); stops on SIGTERM or Ctrl-C."""
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    with _services(catch_up=False) as services:
        runners = [services.projections[chosen] for chosen in _chosen(services, name)]
        err_console.print(f"following the log for {', '.join(r.name for r in runners)}")
        while not stopping.is_set():
            applied = sum(runner.catch_up(batch_size) for runner in runners)
            if not applied:
                stopping.wait(poll)


Loop = Literal["auto", "uvloop", "asyncio"]
Http = Literal["auto", "httptools", "h11"]


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Default: HOST or 127.0.0.1")] = None,
    port: Annotated[int | None, typer.Option(help="Default: PORT or 8000")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Processes; default: TIMELINE_WORKERS or 1")] = None,
    loop: Annotated[Loop | None, typer.Option(help="Event loop; default: TIMELINE_LOOP or auto (uvloop)")] = None,
    http: Annotated[Http | None, typer.Option(help="HTTP parser; default: TIMELINE_HTTP or auto (httptools)")] = None,
    app: Annotated[
        str, typer.Option(hidden=True, help="App factory to serve instead; the HTTP benchmark's hello-world baseline")
    ] = "api.serving:app",
) -> None:
    """Serve the HTTP API (uvicorn); docs/serving.md gives the measured shape."""
    import uvicorn

    settings = Settings()
    host, port = host or settings.host, port or settings.port
    err_console.print(f"docs:   http://{host}:{port}/docs")
    err_console.print(f"sample: http://{host}:{port}/pipeline?as_of=2025-06-30")
    uvicorn.run(
        app,
        factory=True,
        host=host,
        port=port,
        workers=workers or settings.workers,
        loop=loop or settings.loop,
        http=http or settings.http,
        # Requests are logged by the app (api.observability); uvicorn's access log would log each twice.
        access_log=False,
    )


@cli.command("export")
def export_command(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File; default stdout")] = None,
) -> None:
    """The whole event log as JSON Lines: position, topic, aggregate, version, system time, event."""
    with _services(catch_up=False) as services:
        if output is None:
            count = export_log(services.log, sys.stdout)
        else:
            with output.open("w", encoding="utf-8") as handle:
                count = export_log(services.log, handle)
    err_console.print(f"exported {count} events")


@cli.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="A JSON Lines file written by `timeline export`")],
) -> None:
    """Load an exported log into an empty store; every answer is then the same, for every clock."""
    with _services(catch_up=False) as services:
        count = import_log(services.log, source)
        for runner in services.projections.values():
            runner.rebuild()
        _exit_if_stuck(services)
    console.print(f"imported {count} events")


# The question commands register themselves on ``cli``; imported here, after everything they use.
from api import cli_reads  # noqa: E402, F401


def main() -> None:
    cli()
