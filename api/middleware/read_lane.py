"""The commonest read questions answered without FastAPI's routing and parameter solving (pure ASGI).

A distinct question (a company or a board page on a day no one asked before) spent about as much CPU in
FastAPI's machinery on the event loop (routing, request objects, solving each dependency and query
parameter, the response object) as in its query (docs/serving.md, issue 26). For the few routes that
journalists scrub and scripts walk, a lane takes the request when every parameter it carries is one the
lane reads and reads cleanly, runs the route's own query in the read threads and sends what ``Reply``
would send, byte for byte and header for header (tests/api/middleware/test_read_lane.py compares both).

Anything else is left to the routes, which answer it as always: a parameter the lane does not read, a
repeated or empty one, a value it does not take as FastAPI would (the 422s stay FastAPI's), read models
stuck or behind (their header is the routes' to set), and any error the query raises (a 404, a database
that refuses: the routes ask again and answer it their way; reads change nothing, so asking twice is safe).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
from prometheus_client import Counter
from starlette.types import ASGIApp, Receive, Scope, Send

from api import inputs
from api.answers.basis import Rendered, read_threads_of, rendered
from api.composition import Services
from api.deps import DAY_MAX_CHARS
from api.inputs import InputError
from projections.clocks import Clocks

Asked = dict[str, Any]


class LeftToRoutes(Exception):
    """The lane does not take this request: the routes answer it."""


@dataclass(frozen=True)
class Lane:
    """One route's lane: its path template (at most one ``{parameter}``, the last segment), the query parameters
    it reads with their parsers (each raises ``LeftToRoutes`` for a value the route's own declaration would not
    read the same way), and its answer from the services, the path parameter and the parsed values (run in a
    read thread)."""

    template: str
    params: Mapping[str, Callable[[str], Any]]
    answer: Callable[[Services, str, Asked], Any]
    path_max_chars: int = 0  # the path parameter's declared max_length

    @property
    def prefix(self) -> str:
        return self.template.partition("{")[0]

    def path_value(self, path: str) -> str | None:
        """The path parameter of a path this lane takes ("" for a template without one), else None."""
        if "{" not in self.template:
            return "" if path == self.template else None
        if not path.startswith(self.prefix):
            return None
        value = path[len(self.prefix) :]
        return value if value and "/" not in value and len(value) <= self.path_max_chars else None

    def asked(self, query_string: bytes) -> tuple[dict[str, str], Asked]:
        """The query parameters as given and parsed; ``LeftToRoutes`` for any the lane does not take."""
        # As Starlette reads a query string (QueryParams), so both see the same names and values.
        given = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
        raw = dict(given)
        if len(raw) != len(given) or not all(raw.values()) or not raw.keys() <= self.params.keys():
            raise LeftToRoutes(query_string)
        try:
            return raw, {name: self.params[name](value) for name, value in raw.items()}
        except InputError as error:  # the routes answer it with their 422
            raise LeftToRoutes(error.name) from None


class ReadLane:
    def __init__(self, app: ASGIApp, lanes: tuple[Lane, ...], counted: Counter) -> None:
        self.app = app
        self.lanes = lanes
        self._answered, self._left = counted.labels("answered"), counted.labels("left")  # /metrics
        self._routes: dict[str, Any] = {}
        self._batched: Batches | None = None

    def _batches(self, scope: Scope) -> Batches:
        if self._batched is None:
            self._batched = Batches(read_threads_of(scope["app"].state))
        return self._batched

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        taken = self._taken(scope)
        if taken is None:
            await self.app(scope, receive, send)
            return
        lane, value, (raw, asked) = taken
        services: Services = scope["app"].state.services
        if_none_match = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"if-none-match"), None)
        answer = functools.partial(_answer, services, lane, value, (raw, asked), if_none_match)
        try:
            sent: Rendered = await self._batches(scope).run(answer)
        except Exception:  # the routes ask again and answer it their way (a 404, a 503)
            self._left.inc()
            await self.app(scope, receive, send)
            return
        self._answered.inc()
        scope["route"] = self._route(scope, lane.template)  # for the answer cache, the log line and metrics
        scope["path_params"] = {lane.template[len(lane.prefix) + 1 : -1]: value} if value else {}
        status = 304 if sent.not_modified else 200
        await send({"type": "http.response.start", "status": status, "headers": sent.raw_headers()})
        await send({"type": "http.response.body", "body": b"" if sent.not_modified else sent.content})

    def _taken(self, scope: Scope) -> tuple[Lane, str, tuple[dict[str, str], Asked]] | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        found = [(lane, value) for lane in self.lanes if (value := lane.path_value(scope["path"])) is not None]
        if not found:
            return None
        lane, value = found[0]
        services: Services = scope["app"].state.services
        try:
            if self._route(scope, lane.template) is None:
                raise LeftToRoutes("no such route in this app")
            if services.stuck_if_known() or services.stale_lag() is not None:
                raise LeftToRoutes("stale")  # the routes say so in a header
            return lane, value, lane.asked(scope.get("query_string", b""))
        except LeftToRoutes:
            self._left.inc()
            return None

    def _route(self, scope: Scope, template: str) -> Any:
        """The app's GET route of this template (None if the app has none of its own, as with include_router)."""
        if template not in self._routes:
            routes = scope["app"].routes
            ours = (r for r in routes if getattr(r, "path", None) == template and "GET" in getattr(r, "methods", ()))
            self._routes[template] = next(ours, None)
        return self._routes[template]


class Batches:
    """Answers computed in the read threads a batch at a time: every request that arrives while the threads are
    busy joins the next batch, and a batch is one hop to a thread and one back, however many it holds."""

    def __init__(self, threads: anyio.CapacityLimiter) -> None:
        self.threads = threads
        self._waiting: list[tuple[Callable[[], Any], asyncio.Future[Any]]] = []
        self._senders: set[asyncio.Task[None]] = set()

    async def run(self, work: Callable[[], Any]) -> Any:
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((work, future))
        if len(self._senders) < self.threads.total_tokens:  # else a sender busy now takes it with the next batch
            sender = asyncio.ensure_future(self._send())  # starts on the loop's next turn, with all that came meanwhile
            self._senders.add(sender)
            sender.add_done_callback(self._senders.discard)
        return await future

    async def _send(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                outcomes = await anyio.to_thread.run_sync(_each, [work for work, _ in batch], limiter=self.threads)
            except BaseException as error:  # the sender itself stopped (cancelled at shutdown): none may wait forever
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error) if isinstance(error, Exception) else future.cancel()
                raise
            for (_, future), (ok, outcome) in zip(batch, outcomes, strict=True):
                if not future.done():
                    future.set_result(outcome) if ok else future.set_exception(outcome)


def _each(works: list[Callable[[], Any]]) -> list[tuple[bool, Any]]:
    outcomes: list[tuple[bool, Any]] = []
    for work in works:
        try:
            outcomes.append((True, work()))
        except Exception as error:  # each request's own: the others of the batch are answered
            outcomes.append((False, error))
    return outcomes


def _answer(
    services: Services, lane: Lane, value: str, asked: tuple[dict[str, str], Asked], if_none_match: str | None
) -> Rendered:
    raw, parsed = asked
    if services.stuck_if_known() is None and (services.stuck() or services.stale_lag() is not None):
        raise LeftToRoutes("stale")  # looked again in this thread, as the routes would (api/answers/waiting.py)
    return rendered(services, lane.template, raw, if_none_match, lane.answer(services, value, parsed))


# Readers of the lanes' query parameters -----------------------------------------------------------------
# Each takes only what the route's declaration reads to the same value, and leaves the rest to the routes.


def as_of(value: str) -> Clocks:
    """The valid day (declared text of at most 40 characters) as the routes' ``clocks`` read it, alone."""
    if len(value) > DAY_MAX_CHARS:
        raise LeftToRoutes("as_of")
    return inputs.parse_clocks("as_of", value, None, None, False, _no_knowledge_time)


def today_clocks() -> Clocks:
    """The clocks of a question that gives no day: today, as known now."""
    return inputs.parse_clocks("as_of", None, None, None, False, _no_knowledge_time)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An integer query parameter declared with ge=low, le=high: plain digits only (no sign, space or leading
    zero, which pydantic may read otherwise), within the bounds."""

    def read(value: str) -> int:
        if not (value.isascii() and value.isdigit()) or (value[0] == "0" and value != "0") or len(value) > 12:
            raise LeftToRoutes(value)
        number = int(value)
        if not low <= number <= high:
            raise LeftToRoutes(value)
        return number

    return read


def _no_knowledge_time(_moment: datetime) -> int:
    raise LeftToRoutes("known_at")  # never asked: the lanes take no known_at
