"""The FastAPI app, built by ``create_app(settings)``; nothing is built at import time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from eventsourcing.persistence import OperationalError
from fastapi import FastAPI, Request
from fastapi.responses import Response

from api.composition import Services, build_services
from api.observability import BodySizeLimit, Metrics, RequestLogAndMetrics, configure_logging
from api.responses import OrjsonResponse
from api.routes import companies, facts, feed, ops, pipeline, stats, timeline, web
from api.settings import Settings
from application.errors import ConcurrencyConflict
from domain.errors import DomainError, FactRetracted, NameTaken, UnknownCompany, UnknownFact

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
            await asyncio.to_thread(app.state.services.catch_up)  # resume from the tracked positions
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
    for router in (
        pipeline.router,
        companies.router,
        timeline.router,
        facts.router,
        feed.router,
        stats.router,
        ops.router,
    ):
        app.include_router(router)
    web.mount(app)
    _error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLogAndMetrics, metrics=app.state.metrics, logger=logger)
    return app


def _error_handlers(app: FastAPI) -> None:
    statuses: list[tuple[type[Exception], int]] = [
        (UnknownCompany, 404),
        (UnknownFact, 404),
        (FactRetracted, 409),
        (NameTaken, 409),
        (ConcurrencyConflict, 409),
        (DomainError, 422),
        (OperationalError, 503),
    ]
    for error_type, status in statuses:
        app.add_exception_handler(error_type, _handler(status))


def _handler(status: int) -> Callable[[Request, Exception], Awaitable[Response]]:
    async def handle(_request: Request, error: Exception) -> Response:
        if status == 422:  # the shape FastAPI gives its own validation errors
            detail: object = [{"loc": ["body"], "msg": str(error), "type": "value_error"}]
        else:
            detail = str(error) if status != 503 else "the database is unavailable; retry shortly"
        return OrjsonResponse({"detail": detail}, status_code=status)

    return handle
