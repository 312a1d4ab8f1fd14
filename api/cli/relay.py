"""``timeline relay``: the log published into NATS JetStream, exactly once, until stopped or caught up."""

from __future__ import annotations

import asyncio
import signal
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli.options import err_console, open_store
from api.middleware.observability import configure_logging
from api.relay import FIRST_CONNECT_SECONDS
from api.settings import Settings

if TYPE_CHECKING:
    from api.composition import Services
    from api.relay.jetstream import Outcome, Target

# api.relay.jetstream (nats-py, FastAPI) is imported by the command itself: it loads when `timeline relay` runs, not
# with every command.


def relay_command(
    nats_url: Annotated[str, typer.Option("--nats-url", help="The NATS server, e.g. nats://127.0.0.1:4222")],
    stream: Annotated[str, typer.Option("--stream", help="The JetStream stream; created if missing")],
    subject: Annotated[str, typer.Option("--subject", help="The subject every event is published on")],
    until_caught_up: Annotated[
        bool, typer.Option("--until-caught-up", help="Stop once the stream holds the log's newest event")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Events acknowledged between records of the position")] = 100,
    poll: Annotated[float, typer.Option(min=0.01, help="Seconds between looks at the log when idle")] = 0.5,
    duplicate_window: Annotated[
        float, typer.Option(min=1, help="Seconds of de-duplication by Nats-Msg-Id, for a stream created here")
    ] = 120.0,
    connect_timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for a NATS server that has never answered before giving up")
    ] = FIRST_CONNECT_SECONDS,
) -> None:
    """Publish every event into a JetStream stream in log order (Nats-Msg-Id = its position), resuming where the
    last run stopped; stops on SIGTERM or Ctrl-C."""
    from nats.errors import NoServersError

    from api.relay.jetstream import RelayError, Target

    configure_logging(Settings().log_level)
    target = Target(nats_url, stream, subject, duplicate_window, connect_timeout)
    with open_store(catch_up=False) as services:
        try:
            outcome = asyncio.run(_run(services, target, until_caught_up, batch_size, poll))
        except RelayError as error:
            err_console.print(f"[red]{error}[/red]")
            raise typer.Exit(1) from None
        except (OSError, TimeoutError, NoServersError) as error:
            why = str(error) or f"no connection within {connect_timeout:g} s"
            err_console.print(f"[red]NATS at {nats_url} is unreachable: {why}[/red]")
            raise typer.Exit(1) from None
    err_console.print(
        f"relayed to {stream}: {outcome.published} published, {outcome.duplicates} already held; "
        f"position {outcome.position}"
    )


async def _run(services: Services, target: Target, until_caught_up: bool, batch_size: int, poll: float) -> Outcome:
    from api.relay.jetstream import relay

    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    return await relay(
        services, target, until_caught_up=until_caught_up, batch_size=batch_size, poll=poll, stopping=stopping
    )
