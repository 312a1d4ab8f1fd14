"""Dependencies: the services of this app, write authorisation, read-your-writes."""

from __future__ import annotations

import asyncio
import hmac
import time
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query, Request

from api.composition import Services
from api.settings import Settings


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def require_token(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need ``Authorization: Bearer <token>``; compared in constant time, never logged."""
    tokens = settings.tokens
    if not tokens:
        raise HTTPException(403, "writes are disabled: no TIMELINE_API_TOKEN is configured on the server")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    matches = [hmac.compare_digest(given.encode(), token.encode()) for token in tokens]
    if not any(matches):
        raise HTTPException(401, "wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


Writer = Depends(require_token)


async def wait_for_position(
    services: ServicesDep,
    settings: SettingsDep,
    min_position: Annotated[
        int | None, Query(ge=0, description="Wait until the read models have applied this log position")
    ] = None,
) -> None:
    """Read your writes: hold the read until the projection reaches ``min_position``."""
    if min_position is None:
        return
    head = await asyncio.to_thread(services.app.position)
    if min_position > head:
        raise HTTPException(404, f"min_position {min_position} does not exist: the newest log position is {head}")
    deadline = time.monotonic() + settings.min_position_timeout
    while True:
        if settings.catch_up_on_write:
            await asyncio.to_thread(services.catch_up)
        reached = await asyncio.to_thread(services.lowest_position)
        if reached >= min_position:
            return
        if time.monotonic() >= deadline:
            raise HTTPException(
                503,
                f"read models are at position {reached}, not yet {min_position}, after "
                f"{settings.min_position_timeout:g}s; retry shortly",
                headers={"Retry-After": "1"},
            )
        await asyncio.sleep(0.05)


Fresh = Depends(wait_for_position)
