"""The FastAPI app, built by ``create_app(settings)``; nothing is built at import time."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import psycopg
import psycopg_pool
from eventsourcing.persistence import OperationalError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response

from api.composition import Services, build_services
from api.inputs import InputError, clip
from api.observability import Metrics, RequestLogAndMetrics, SecurityHeaders, configure_logging
from api.responses import OrjsonResponse
from api.routes import companies, facts, feed, ops, pipeline, search, stats, timeline, web
from api.routes.feed import OpenStreams
from api.settings import Settings
from api.write_gate import WriteGate
from application.errors import ConcurrencyConflict
from domain.errors import AmbiguousName, DomainError, FactRetracted, NameTaken, UnknownCompany, UnknownFact

DESCRIPTION = """Point-in-time record of China's hard-tech listing pipeline (STAR Market, other A-share
boards, HKEX). Every answer can be asked as of a valid day (`as_of`), as known at a system
time (`known_at`), and as the public could have known it (`published_by`)."""


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    settings = settings or Settings()
    logger = configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = services is None
        app.state.services = services or build_services(settings)
        if settings.catch_up_on_write:
            # Resume from the tracked positions. A stuck projection does not stop start-up (reads are
            # served stale and /healthz says why); nor does a database that is busy right now.
            caught_up = await asyncio.to_thread(app.state.services.catch_up_after_write)
            if not caught_up:
                logger.warning("start-up catch-up deferred: the database refused; the next write or read retries")
        for stuck in app.state.services.stuck(fresh=True):
            logger.error("started degraded", extra={"fields": {"problem": stuck.describe()}})
        logger.info("started", extra={"fields": {"writes": "enabled" if settings.tokens else "disabled"}})
        yield
        if owned:
            app.state.services.close()

    app = FastAPI(
        title="Hard-tech listing pipeline timeline",
        version="0.1.0",
        description=DESCRIPTION,
        default_response_class=OrjsonResponse,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.streams = OpenStreams()
    for router in (
        pipeline.router,
        companies.router,
        search.router,
        timeline.router,
        facts.router,
        feed.router,
        stats.router,
        ops.router,
    ):
        app.include_router(router)
    web.mount(app)
    _error_handlers(app)
    app.add_middleware(WriteGate, settings=settings)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestLogAndMetrics, metrics=app.state.metrics, logger=logger)
    return app


def _error_handlers(app: FastAPI) -> None:
    statuses: list[tuple[type[Exception], int]] = [
        (UnknownCompany, 404),
        (UnknownFact, 404),
        (FactRetracted, 409),
        (NameTaken, 409),
        (AmbiguousName, 409),
        (ConcurrencyConflict, 409),
        (DomainError, 422),
        (InputError, 422),
        (OperationalError, 503),
        (sqlite3.OperationalError, 503),
        (psycopg.OperationalError, 503),
        (psycopg_pool.PoolTimeout, 503),
    ]
    for error_type, status in statuses:
        app.add_exception_handler(error_type, _handler(status))
    app.add_exception_handler(RequestValidationError, _validation_failed)


MAX_MESSAGE_CHARS = 600


async def _validation_failed(_request: Request, error: Exception) -> Response:
    """FastAPI's 422 shape, echoing at most 200 characters of any input, rendered by orjson
    (which writes NaN as null instead of failing as the standard library's renderer does)."""
    assert isinstance(error, RequestValidationError)
    detail = []
    for item in error.errors():
        entry = {key: item[key] for key in ("loc", "msg", "type") if key in item}
        entry["msg"] = str(entry.get("msg", ""))[:MAX_MESSAGE_CHARS]
        if "input" in item:
            entry["input"] = _echo(item["input"])
        detail.append(entry)
    return OrjsonResponse({"detail": detail}, status_code=422)


def _echo(value: object) -> object:
    """An input as an error may show it: short text as is, anything else as clipped text."""
    if value is None or (isinstance(value, (bool, int)) and abs(int(value)) < 2**53):
        return value
    if isinstance(value, str):
        return clip(value)
    return clip(repr(value))


def _handler(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(_request: Request, error: Exception) -> Response:
        if status == 422:  # the shape FastAPI gives its own validation errors
            detail: object = [{"loc": ["body"], "msg": str(error)[:MAX_MESSAGE_CHARS], "type": "value_error"}]
        else:
            detail = str(error)[:MAX_MESSAGE_CHARS] if status != 503 else "the database is unavailable; retry shortly"
        return OrjsonResponse({"detail": detail}, status_code=status)

    return handle
