"""The ``timeline`` command (typer for arguments, rich for tables and progress bars)."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

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


@cli.command()
def pipeline(
    as_of: AsOf = None,
    venue: str | None = None,
    stage: str | None = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
) -> None:
    """The pipeline on a day: who stood where, and the counts."""
    venue, stage = _word("--venue", venue, inputs.parse_venue), _word("--stage", stage, inputs.parse_stage)
    with _services() as services:
        clocks = _clocks(services, as_of, known_at, published_by, certain_only)
        snapshot = services.queries.pipeline(clocks, venue=venue, stage=stage)
    table = Table(title=f"Pipeline as of {clocks.as_of}")
    for column in ("venue", "stage", "company", "since", "certain"):
        table.add_column(column)
    for entry in snapshot["entries"]:
        table.add_row(
            entry["venue"],
            entry["stage"],
            entry["company"],
            entry["since"]["text"],
            "yes" if entry["certain"] else "possibly",
        )
    console.print(table)


@cli.command()
def search(text: str, limit: Annotated[int, typer.Option(min=1, max=50)] = 10) -> None:
    """Companies ranked for a partial, misspelled or mixed-language name, or a stock code."""
    query = _word("TEXT", text, inputs.parse_text) or ""
    with _services() as services:
        results = services.queries.search(query, limit)
    table = Table(title=f"Companies for {query!r}")
    for column in ("company", "matched", "why", "score"):
        table.add_column(column)
    for result in results:
        table.add_row(result["name"], result["matched"], result["why"], f"{result['score']:.0f}")
    console.print(table if results else f"no company resembles {query!r}")


@cli.command()
def company(
    name: Annotated[str, typer.Argument(help="Any name, in any language or spelling, or a stock code (688795.SH)")],
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
) -> None:
    """A company as of a day: stage per venue, codes, flags and facts."""
    with _services() as services:
        clocks = _clocks(services, as_of, known_at, published_by, False)
        answer = services.queries.company(name, clocks)
    console.print(f"[bold]{answer['name']}[/bold] ({', '.join(answer['aliases'])}) as of {clocks.as_of}")
    if answer["codes"]:
        console.print("  codes: " + ", ".join(f"{code['code']} ({code['venue']})" for code in answer["codes"]))
    for venue in answer["venues"]:
        console.print(
            f"  {venue['venue']}: {venue['stage']} since {venue['since']['text']}"
            + ("" if venue["certain"] else " (possibly)")
        )
    flags = {
        name: flag["value"] for name, flag in answer["flags"].items() if isinstance(flag, dict) and "value" in flag
    }
    console.print(f"  flags: {flags}")
    _facts_table(answer["facts"], f"Facts of {answer['name']}")


@cli.command("timeline")
def timeline_command(
    from_: Annotated[str, typer.Option("--from", help="First day")],
    to: Annotated[str | None, typer.Option("--to", help="Last day (default: today, Asia/Shanghai)")] = None,
    company: str | None = None,
    venue: str | None = None,
    kind: str | None = None,
) -> None:
    """Every fact between two days, in valid-time order."""
    try:
        start, end = inputs.parse_day_range("--from", from_, "--to", to)
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=error.name) from None
    venue, kind = _word("--venue", venue, inputs.parse_venue_or_market), _word("--kind", kind, inputs.parse_kind)
    with _services() as services:
        clocks = _clocks(services, end.isoformat(), None, None, False)
        answer = services.queries.timeline(start, end, clocks, company=company, venue=venue, kind=kind)
    _facts_table(answer["events"], f"Timeline {start} .. {end}")


def _facts_table(facts: Sequence[Mapping[str, object]], title: str) -> None:
    table = Table(title=title)
    for column in ("date", "kind", "subject", "venue", "summary"):
        table.add_column(column)
    for fact in facts:
        table.add_row(
            str(fact["date"]),
            str(fact["kind"]),
            str(fact["company"] or fact["market"]),
            str(fact["venue"] or ""),
            str(fact["summary"] or ""),
        )
    console.print(table)


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


def main() -> None:
    cli()
