"""The FastAPI app, built by ``create_app(settings)``; nothing is built at import time."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute

from api.answers.responses import OrjsonResponse, render_json
from api.composition import Services, build_services
from api.follower import follow
from api.inputs import InputError, clip
from api.middleware.answer_cache import AnswerCache
from api.middleware.head import HeadAsGet
from api.middleware.observability import HttpEdge, Metrics, configure_logging
from api.middleware.read_lane import ReadLane
from api.middleware.write_gate import WriteGate
from api.routes import companies, facts, feed, ops, search, subscriptions, vocabulary, web
from api.routes.feed import OpenStreams
from api.routes.market import panel, pipeline, revisions, stats, timeline
from api.settings import Settings
from api.unavailable import DATABASE_ERRORS, HEADERS, detail_for
from api.webhooks.worker import deliver_in_background
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
        if settings.tokens and not settings.read_only:
            await asyncio.to_thread(_claim_older_names, app.state.services, logger)
        if settings.catch_up_on_write:
            # Resume from the tracked positions. A stuck projection does not stop start-up (reads are
            # served stale and /healthz says why); nor does a database that is busy right now.
            caught_up = await asyncio.to_thread(app.state.services.catch_up_after_write)
            if not caught_up:
                logger.warning("start-up catch-up deferred: the database refused; the next write or read retries")
        try:
            for stuck in await asyncio.to_thread(app.state.services.stuck, True):
                logger.error("started degraded", extra={"fields": {"problem": stuck.describe()}})
        except DATABASE_ERRORS as error:
            logger.warning("started without the database", extra={"fields": {"error": type(error).__name__}})
        following = None
        if settings.catch_up_on_write and settings.catch_up_poll > 0:
            following = asyncio.create_task(follow(app.state.services, settings.catch_up_poll))
        delivering, stop_delivering = None, asyncio.Event()
        # On PostgreSQL `timeline deliver` workers send webhooks; a read-only replica writes no delivery.
        if app.state.services.delivers_in_process and not settings.read_only:
            delivering = asyncio.create_task(deliver_in_background(app.state.services, settings, stop_delivering))
        writes = "read-only" if settings.read_only else "enabled" if settings.tokens else "disabled"
        logger.info("started", extra={"fields": {"writes": writes}})
        yield
        if following is not None:
            following.cancel()
            await asyncio.gather(following, return_exceptions=True)
        if delivering is not None:
            stop_delivering.set()
            await asyncio.gather(delivering, return_exceptions=True)
        if owned:
            app.state.services.close()

    app = TimelineAPI(
        title="Hard-tech listing pipeline timeline",
        version="0.1.0",
        description=DESCRIPTION,
        default_response_class=OrjsonResponse,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
    )
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.streams = OpenStreams()
    _add_routes(app)
    web.mount(app)
    _error_handlers(app)
    app.add_middleware(ReadLane, lanes=(companies.LANE, pipeline.LANE), counted=app.state.metrics.read_lane)
    app.add_middleware(AnswerCache, max_bytes=settings.answer_cache_mb * 1024 * 1024)
    app.add_middleware(WriteGate, settings=settings)
    app.add_middleware(HttpEdge, metrics=app.state.metrics, logger=logger)
    app.add_middleware(HeadAsGet)  # outermost: every layer within sees the GET it answers
    return app


def operation_id(route: APIRoute) -> str:
    """An operation's id is its endpoint's name (``pipeline``, ``company``, ``record_fact``): client generators
    name their calls by it, and FastAPI's own (``pipeline_pipeline_get``) reads badly there. Names are unique
    within the app, which the OpenAPI test checks."""
    return route.name


def _claim_older_names(services: Services, logger: logging.Logger) -> None:
    """A process taking writes first makes sure the names of companies registered before names had identity
    claims hold them (once per store), so a new name is checked against those too; never stops start-up."""
    try:
        shared = services.app.claim_older_names()
    except services.store.unavailable_errors as error:
        logger.warning("claiming older names deferred", extra={"fields": {"error": type(error).__name__}})
        return
    for name in shared:
        logger.warning("a name two companies share", extra={"fields": {"name": name}})


class TimelineAPI(FastAPI):
    """FastAPI, with its OpenAPI document rendered to bytes once. FastAPI keeps the schema but re-encodes its
    ~60 kB with the standard library's json on every request (~0.5 ms); clients and fuzzers fetch it often."""

    def setup(self) -> None:
        self._rendered_schemas: dict[str, bytes] = {}
        if self.openapi_url:
            # Added before FastAPI's own schema route, which is then never reached; its docs pages stay.
            self.add_route(self.openapi_url, self._openapi_document, include_in_schema=False)
        super().setup()

    async def _openapi_document(self, request: Request) -> Response:
        root_path = request.scope.get("root_path", "").rstrip("/")
        rendered = self._rendered_schemas.get(root_path)
        if rendered is None:
            schema = self.openapi()
            if (
                root_path
                and self.root_path_in_servers
                and root_path not in {s.get("url") for s in schema.get("servers", [])}
            ):
                schema = {**schema, "servers": [{"url": root_path}, *schema.get("servers", [])]}
            rendered = self._rendered_schemas[root_path] = render_json(schema)
        return Response(rendered, media_type="application/json")


# What an APIRoute keeps of its arguments, to add it again elsewhere unchanged (older FastAPIs lack the last few).
ROUTE_OPTIONS = (
    "response_model",
    "status_code",
    "tags",
    "dependencies",
    "summary",
    "description",
    "response_description",
    "responses",
    "deprecated",
    "name",
    "methods",
    "operation_id",
    "response_model_include",
    "response_model_exclude",
    "response_model_by_alias",
    "response_model_exclude_unset",
    "response_model_exclude_defaults",
    "response_model_exclude_none",
    "include_in_schema",
    "response_class",
    "callbacks",
    "openapi_extra",
    "generate_unique_id_function",
    "strict_content_type",
    "max_body_size",
    "form_limits",
)


ROUTERS = (
    pipeline.router,
    companies.router,
    search.router,
    timeline.router,
    revisions.router,
    panel.router,
    facts.router,
    feed.router,
    stats.router,
    vocabulary.router,
    ops.router,
    subscriptions.router,
)


def _add_routes(app: FastAPI) -> None:
    app.router.routes.extend(_flat_routes())


@functools.cache
def _flat_routes() -> tuple[APIRoute, ...]:
    """Every router's routes, flat, as include_router added them before FastAPI 0.137; built once per process.

    Since 0.137 include_router keeps each router as a lazy branch that every request walks (a version check
    and a match per branch) before it reaches a route of a later router: 20-25 µs a request on /healthz, the
    last one, a third of a whole hello-world request. The OpenAPI document and the answers are the same either
    way (tests/api/middleware/test_http_edge.py). Building a route solves its dependencies and makes a pydantic
    adapter per parameter (~0.2 s for all of them): every app of a process (one per test) shares the same
    route objects, which hold nothing of an app (no dependency overrides are used; services come per request).
    """
    flat = APIRouter(default_response_class=OrjsonResponse, generate_unique_id_function=operation_id)
    for router in ROUTERS:
        for route in router.routes:
            if not isinstance(route, APIRoute):
                raise TypeError(f"{route!r}: only API routes can be added flat; include its router instead")
            options = {name: getattr(route, name) for name in ROUTE_OPTIONS if hasattr(route, name)}
            flat.add_api_route(route.path, route.endpoint, **options)
    return tuple(route for route in flat.routes if isinstance(route, APIRoute))


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
        *((error_type, 503) for error_type in DATABASE_ERRORS),
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
        if "input" in item and tuple(item.get("loc", ()))[-1:] != ("secret",):
            shown = item["input"]
            if isinstance(shown, dict) and "secret" in shown:  # a webhook's secret is never echoed, even whole
                shown = {key: value for key, value in shown.items() if key != "secret"}
            entry["input"] = _echo(shown)
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
    async def handle(request: Request, error: Exception) -> Response:
        if status == 503:
            if request.method != "GET":
                request.app.state.services.write_failed(error)  # /healthz says degraded until writes go through
            return OrjsonResponse({"detail": detail_for(error)}, status_code=503, headers=HEADERS)
        if status == 422:  # the shape FastAPI gives its own validation errors
            detail: object = [{"loc": ["body"], "msg": str(error)[:MAX_MESSAGE_CHARS], "type": "value_error"}]
        else:
            detail = str(error)[:MAX_MESSAGE_CHARS]
        return OrjsonResponse({"detail": detail}, status_code=status)

    return handle
