"""The ``timeline`` commands that keep the store: validate and load seeds, rebuild and follow projections, serve."""

from __future__ import annotations

import asyncio
import signal
import threading
from functools import partial
from typing import Annotated, Literal

import typer

from api.cli.options import (
    Names,
    SeedDir,
    chosen_projections,
    console,
    err_console,
    exit_if_stuck,
    open_store,
    progress_bar,
)
from api.composition import Services
from api.settings import Settings
from api.webhooks.worker import Deliverer
from projections.runner import catch_up_together
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, read_seeds
from seeds.seed_set import SeedError


def validate(directory: SeedDir = SEED_DIR) -> None:
    """Check the seed files without loading them."""
    try:
        seeds = read_seeds(directory)
    except SeedError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    sources = sum(len(fact.entries) for fact in seeds.facts)
    console.print(f"OK: {len(seeds.companies)} companies, {len(seeds.facts)} facts from {sources} source entries")


def seed(directory: SeedDir = SEED_DIR) -> None:
    """Load the seed files (a second load appends nothing); the read models catch up."""
    with open_store(catch_up=False) as services, progress_bar() as progress:
        task = progress.add_task("loading seed facts", total=len(read_seeds(directory).facts))
        report = load_seeds(services.app, directory, progress=partial(progress.advance, task))
        services.catch_up()
        exit_if_stuck(services)
    console.print(
        f"{report.companies} companies, {report.facts} facts; {report.appended} events appended; "
        f"log position {report.position}"
    )


def rebuild(name: Names = None, batch_size: Annotated[int, typer.Option(min=1)] = 1000) -> None:
    """Drop read models and rebuild them from the whole log, in batches, reading it once for all of them; the
    others keep serving."""
    with open_store(catch_up=False) as services:
        chosen = chosen_projections(services, name)
        with progress_bar() as progress:
            task = progress.add_task(f"rebuilding {', '.join(chosen)}", total=services.app.position())
            rebuilt = services.rebuild(chosen, batch_size, progress=partial(progress.advance, task))
        for projection, applied in rebuilt.items():
            console.print(f"{projection}: rebuilt from {applied} events")
        exit_if_stuck(services)


def project(
    name: Names = None,
    batch_size: Annotated[int, typer.Option(min=1)] = 1000,
    poll: Annotated[float, typer.Option(min=0.01, help="Seconds between looks at the log when idle")] = 0.2,
) -> None:
    """Follow the log and keep projections caught up (a worker process); stops on SIGTERM or Ctrl-C."""
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    with open_store(catch_up=False) as services:
        if services.store.read_only:
            err_console.print("[red]TIMELINE_READ_ONLY=true: projection workers run against the primary[/red]")
            raise typer.Exit(1)
        runners = [services.projections[chosen] for chosen in chosen_projections(services, name)]
        err_console.print(f"following the log for {', '.join(r.name for r in runners)}")
        while not stopping.is_set():
            applied = sum(catch_up_together(runners, batch_size).values())
            if not applied:
                stopping.wait(poll)


def deliver(
    poll: Annotated[float, typer.Option(min=0.01, help="Seconds between looks when nothing is due")] = 0.5,
) -> None:
    """Send the webhooks of standing queries (a worker process, for PostgreSQL); stops on SIGTERM or Ctrl-C."""
    with open_store(catch_up=False) as services:
        err_console.print("delivering the webhooks of standing queries")
        asyncio.run(_deliver(services, Settings(), poll))


async def _deliver(services: Services, settings: Settings, poll: float) -> None:
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(signum, stop.set)
    await Deliverer(services, settings).run(stop, poll)


Loop = Literal["auto", "uvloop", "asyncio"]
Http = Literal["auto", "httptools", "h11"]


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

    from api.connections import protocol_for

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
        # uvicorn's parser with a deadline to receive each request and a cap on open connections (api/connections.py).
        http=protocol_for(http or settings.http),
        # Requests are logged by the app (api.middleware.observability); uvicorn's access log would log each twice.
        access_log=False,
    )
