"""Read your writes: a read held until the read models reach the position a client names, and told in a header
when the read models it is answered from are stuck or far behind the log."""

from __future__ import annotations

import asyncio
import time

from fastapi import HTTPException, Request, Response

from api.composition import Services
from api.settings import Settings

STALE_HEADER = "X-Read-Models-Stale"


async def read_your_writes(request: Request, response: Response, min_position: int | None) -> None:
    """Read your writes: hold the read until the projection reaches ``min_position``.

    A read answered while a projection is stuck, or from read models far behind the log, says so in the
    ``X-Read-Models-Stale`` header.
    """
    services: Services = request.app.state.services
    settings: Settings = request.app.state.settings
    stuck = services.stuck_if_known()
    if stuck is None:
        stuck = await asyncio.to_thread(services.stuck)
    stale = [f"{s.name} stopped before position {s.position} since {s.since}" for s in stuck]
    lag = services.stale_lag()
    if lag is not None:
        stale.append(f"{lag} events behind the log")
    if stale:
        response.headers[STALE_HEADER] = "; ".join(stale)
    if min_position is None:
        return
    blocking = [s for s in stuck if s.position <= min_position]
    if blocking:
        raise HTTPException(503, f"min_position {min_position} cannot be reached: {blocking[0].describe()}")
    head = await asyncio.to_thread(services.app.position)
    if min_position > head and not settings.read_only:  # a replica's log may not have it yet: it waits
        raise HTTPException(404, f"min_position {min_position} does not exist: the newest log position is {head}")
    deadline = time.monotonic() + settings.min_position_timeout
    while True:
        if settings.catch_up_on_write:
            await asyncio.to_thread(services.catch_up_after_write)
        reached = await asyncio.to_thread(services.lowest_position)
        if reached >= min_position:
            return
        # A replica cut off from its primary would never get there: say so at once, never answer stale data.
        replica = await asyncio.to_thread(services.store.replication) if settings.read_only else None
        problem = replica.problem() if replica is not None else None
        if problem is not None or time.monotonic() >= deadline:
            reason = problem or f"after {settings.min_position_timeout:g}s"
            raise HTTPException(
                503,
                f"read models are at position {reached}, not yet {min_position}, {reason}; retry shortly",
                headers={"Retry-After": "1"},
            )
        await asyncio.sleep(0.05)
