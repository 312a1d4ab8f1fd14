"""Dependencies: the services of this app, write authorisation, read-your-writes."""

from __future__ import annotations

import asyncio
import hmac
import time
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Query, Request, Response

from api.composition import Services
from api.responses import OrjsonResponse
from api.settings import Settings


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def token_problem(tokens: list[str], authorization: str | None) -> tuple[int, str] | None:
    """Why ``Authorization`` does not allow a write (status, message), or None when it does.

    Every configured token is compared, each in constant time, so timing tells nothing; never logged.
    """
    if not tokens:
        return 403, "writes are disabled: no TIMELINE_API_TOKEN is configured on the server"
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return 401, "missing bearer token"
    matches = [hmac.compare_digest(given.encode(), token.encode()) for token in tokens]
    return None if any(matches) else (401, "wrong bearer token")


def require_token(
    settings: SettingsDep,
    authorization: Annotated[str | None, Header()] = None,
    idempotency_key: Annotated[  # noqa: ARG001 - declared for OpenAPI; the write gate reads it
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Retry safely: the same key and body replay the first answer; another body is a 409",
            max_length=200,
            pattern=r"^[\x21-\x7e]+$",
        ),
    ] = None,
) -> None:
    """Writes need ``Authorization: Bearer <token>`` (the write gate checks it, and the key, first; this documents
    both for OpenAPI)."""
    problem = token_problem(settings.tokens, authorization)
    if problem is not None:
        status, message = problem
        raise HTTPException(status, message, headers={"WWW-Authenticate": "Bearer"} if status == 401 else None)


Writer = Depends(require_token)


STALE_HEADER = "X-Read-Models-Stale"


async def wait_for_position(
    services: ServicesDep,
    settings: SettingsDep,
    response: Response,
    min_position: Annotated[
        int | None,
        Query(ge=0, le=2**63 - 1, description="Wait until the read models have applied this log position"),
    ] = None,
) -> None:
    """Read your writes: hold the read until the projection reaches ``min_position``.

    A read answered while a projection is stuck says so in the ``X-Read-Models-Stale`` header.
    """
    stuck = services.stuck_if_known()
    if stuck is None:
        stuck = await asyncio.to_thread(services.stuck)
    if stuck:
        response.headers[STALE_HEADER] = "; ".join(
            f"{s.name} stopped before position {s.position} since {s.since}" for s in stuck
        )
    if min_position is None:
        return
    blocking = [s for s in stuck if s.position <= min_position]
    if blocking:
        raise HTTPException(503, f"min_position {min_position} cannot be reached: {blocking[0].describe()}")
    head = await asyncio.to_thread(services.app.position)
    if min_position > head:
        raise HTTPException(404, f"min_position {min_position} does not exist: the newest log position is {head}")
    deadline = time.monotonic() + settings.min_position_timeout
    while True:
        if settings.catch_up_on_write:
            await asyncio.to_thread(services.catch_up_after_write)
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


class Reply:
    """Renders a read answer with orjson, straight to a response, keeping the headers dependencies set on
    this request, such as X-Read-Models-Stale. The declared response model documents the answer; validating
    it again on the way out cost 62 µs for a 20 kB pipeline page against orjson's 7.5 µs (pydantic
    TypeAdapter validate + dump_json, median of 300, on the seed data), and the tests check the answers
    against the schema instead (tests/api/test_openapi_declares_every_answer.py, schemathesis)."""

    def __init__(self, response: Response) -> None:
        self._headers = response.headers

    def __call__(self, body: Any) -> OrjsonResponse:
        reply = OrjsonResponse(body)
        for name, value in self._headers.items():
            if name not in ("content-length", "content-type"):
                reply.headers[name] = value
        return reply


async def reply(response: Response) -> Reply:
    return Reply(response)


# Dependencies of the read path are async: FastAPI runs a sync one (a class too) in the thread pool,
# a hop that measured a third of a small request's cost (docs/serving.md).
ReplyDep = Annotated[Reply, Depends(reply)]
