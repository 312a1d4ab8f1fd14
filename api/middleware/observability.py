"""Structured logs, Prometheus metrics, and security headers (one pure ASGI middleware)."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.unavailable import DATABASE_ERRORS, answer_unavailable


class JsonFormatter(logging.Formatter):
    """One JSON object per line; extra fields given as ``extra={"fields": {...}}``."""

    _second: tuple[int, str] = (-1, "")

    def format(self, record: logging.LogRecord) -> str:
        second = int(record.created)
        if second != self._second[0]:  # every request logs a line: strftime once a second, not each time
            self._second = (second, self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"))
        entry: dict[str, Any] = {
            "time": self._second[1],
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class LinesPerTurn(logging.StreamHandler):  # type: ignore[type-arg]
    """Lines logged on the event loop's thread are written together once the loop's current turn is done: one
    write for the log lines of every request answered in that turn instead of one write (and one release of
    the GIL, which the loop then waits to take back from a worker thread) per line. Lines logged elsewhere
    (start-up, worker threads, commands) are written at once, as any StreamHandler does."""

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            super().emit(record)
            return
        try:
            line = self.format(record)
        except Exception:  # as StreamHandler.emit: a line that cannot be formatted is reported, never raised
            self.handleError(record)
            return
        if not self._pending:
            loop.call_soon(self._write)
        self._pending.append(line)

    def _write(self) -> None:
        self.flush()

    def flush(self) -> None:
        """The pending lines, then the stream's own flush (logging calls it at exit, so none is left behind)."""
        with self.lock:  # type: ignore[union-attr]  # created by Handler.__init__
            lines, self._pending = self._pending, []
            if lines:
                try:
                    self.stream.write("".join(f"{line}{self.terminator}" for line in lines))
                except Exception:  # as StreamHandler: reported, never raised into the request that logged
                    self.handleError(logging.makeLogRecord({"msg": f"{len(lines)} log lines not written"}))
            super().flush()


def configure_logging(level: str) -> logging.Logger:
    logger = logging.getLogger("timeline")
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = LinesPerTurn()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(level.upper())
    return logger


class Metrics:
    """One registry per app, so several apps in one process (tests) never share counters."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "timeline_http_requests_total", "HTTP requests", ["method", "route", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "timeline_http_request_seconds", "HTTP request latency", ["method", "route"], registry=self.registry
        )
        self.read_lane = Counter(
            "timeline_read_lane_requests_total",
            "Requests on a read lane's routes, by whether the lane answered them or left them to the routes",
            ["outcome"],
            registry=self.registry,
        )
        self.log_position = Gauge("timeline_log_position", "Newest position in the event log", registry=self.registry)
        self.projection_position = Gauge(
            "timeline_projection_position", "Position the read models have applied", registry=self.registry
        )
        self.projection_lag = Gauge(
            "timeline_projection_lag_events", "Events not yet applied to the read models", registry=self.registry
        )
        self.projection_stuck_at = Gauge(
            "timeline_projection_stuck_position",
            "Log position of the event a projection cannot apply (0 while it applies everything)",
            ["projection"],
            registry=self.registry,
        )


# Methods outside this set are counted as "other": the method is the client's to choose, and every
# distinct label value would be a new time series kept forever.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
COMMON_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"))
VIEWER_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
VIEWER_HEADERS = (*COMMON_HEADERS, (b"content-security-policy", VIEWER_CSP.encode()))


class HttpEdge:
    """What every HTTP answer passes on its way out, in one pure ASGI layer (one wrapped ``send`` per request
    rather than one per concern): security headers, a count and a time per route template, one log line.

    Headers: nosniff and no referrer on every answer; the viewer's pages also get a self-only CSP. /docs keeps
    FastAPI's Swagger page, which loads its assets from a CDN, so the CSP is not global.

    The log line has method, path, route, status and time, never headers (they may carry the write token).

    Database trouble that escapes the layers inside (the routes' handlers answer their own) is a 503 with
    ``Retry-After`` here, never a 500, as long as no answer has started.
    """

    def __init__(self, app: ASGIApp, metrics: Metrics, logger: logging.Logger) -> None:
        self.app = app
        self.metrics = metrics
        self.logger = logger
        # Labelled children by (method, route, status): prometheus_client's labels() takes a lock and checks
        # its arguments on every call, a measurable share of a small request.
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        path: str = scope["path"]
        extra = VIEWER_HEADERS if path == "/" or path.startswith("/static/") else COMMON_HEADERS
        status = 500
        answering = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, answering
            if message["type"] == "http.response.start":
                status, answering = message["status"], True
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except DATABASE_ERRORS as error:
            if answering:
                raise
            await answer_unavailable(send_with_headers, error)
        finally:
            self._observe(scope, status, time.perf_counter() - started)

    def _observe(self, scope: Scope, status: int, elapsed: float) -> None:
        method = scope["method"] if scope["method"] in KNOWN_METHODS else "other"
        route = getattr(scope.get("route"), "path", "unmatched")
        children = self._children.get((method, route, status))
        if children is None:
            children = (
                self.metrics.requests.labels(method, route, str(status)),
                self.metrics.latency.labels(method, route),
            )
            self._children[method, route, status] = children
        children[0].inc()
        children[1].observe(elapsed)
        if self.logger.isEnabledFor(logging.INFO):
            fields = {
                "method": scope["method"],
                "path": scope["path"],
                "route": route,
                "status": status,
                "ms": round(elapsed * 1000, 2),
            }
            self.logger.info("request", extra={"fields": fields})
