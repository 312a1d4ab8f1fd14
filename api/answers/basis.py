"""What a read answer reflects and how it is sent: its basis (the log position and the system time there), whether it is
pinned, and the validators HTTP caches revalidate with; ``Reply`` sends a read answer with all three.

An answer asked with ``known_at`` at or before the position the read models have reached, and with every
day it depends on given (none defaulting to today), is fixed for ever: the read models are bitemporal, so
later writes, corrections included, do not change what was believed then. Such an answer is served
``immutable``. Only routes whose every field is kept by knowledge time qualify: a company's answer also
lists its current names and codes, and search is about now, so they revalidate like any other answer.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import anyio
import anyio.to_thread
from fastapi import Request, Response

from api import inputs
from api.answers.responses import render_json
from api.composition import Services
from projections.queries.answers import LogPoint
from projections.queries.revisions import log_point

#: Route -> (the parameters that pin knowledge time, the days the answer depends on): all must be given.
PINNABLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "/pipeline": (("known_at",), ("as_of",)),
    "/timeline": (("known_at",), ("to",)),
    "/changes": (("known_at",), ("to",)),
    "/time-in-stage": (("known_at",), ("as_of",)),
    "/stats/pipeline-counts": (("known_at",), ("to",)),
    "/stats/time-to-listing": (("known_at",), ("as_of",)),
    "/facts/{fact_id}": (("known_at",), ()),
    "/revisions": (("until",), ("as_of",)),
}
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"  # keep it, but ask again with If-None-Match: a 304 costs no body


def basis_of(services: Services, route: str, query: Mapping[str, str]) -> tuple[LogPoint, bool]:
    """The answer's basis, and whether it is pinned (the same for ever)."""
    reached = services.read_position()
    pinned_by, days = PINNABLE.get(route, ((), ()))
    asked = [query[name] for name in pinned_by if name in query]
    if route == "/revisions" and "published_since" in query:  # by the publication clock: known_at pins it
        asked, days = [query[name] for name in ("known_at",) if name in query], ("as_of", "published_until")
    if asked and all(day in query for day in days):
        position = inputs.parse_knowledge_time("known_at", asked[0], services.queries.position_known_at)
        if position <= reached:
            return point_of(services, position), True
    return point_of(services, reached), False


# A position the read models have reached keeps its system time for ever (the log before it is written), so
# each is read once: every answer of a position otherwise read it again (a statement per request).
POINTS_KEPT = 256


def point_of(services: Services, position: int) -> LogPoint:
    """``log_point`` of a position the read models have reached, read once per position and services."""
    kept = services.log_points
    point = kept.get(position)
    if point is None:
        point = log_point(services.store, position)
        if point["recorded_at"] is not None:  # a store still empty there may yet record it
            if len(kept) >= POINTS_KEPT:
                kept.clear()
            kept[position] = point
    return {**point}


def etag(position: int, content: bytes) -> str:
    """A strong validator: the basis position and a digest of the bytes."""
    return f'"{position}-{hashlib.blake2b(content, digest_size=12).hexdigest()}"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an If-None-Match header names this validator (weak comparison, as RFC 9110 has it for GET)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(candidate.strip().removeprefix("W/") == tag for candidate in if_none_match.split(","))


class Reply:
    """Renders a read answer with orjson, straight to a response, keeping the headers dependencies set on
    this request, such as X-Read-Models-Stale; adds the answer's ``basis`` (api/answers/basis.py), an ETag and a
    Cache-Control saying whether it is pinned, and answers 304 to an If-None-Match that names it. The
    declared response model documents the answer; validating it again on the way out cost 62 µs for a
    20 kB pipeline page against orjson's 7.5 µs (pydantic TypeAdapter validate + dump_json, median of 300,
    on the seed data), and the tests check the answers against the schema instead
    (tests/api/test_openapi_declares_every_answer.py, schemathesis)."""

    def __init__(
        self, request: Request, response: Response, services: Services, threads: anyio.CapacityLimiter | None = None
    ) -> None:
        self._request = request
        self._headers = response.headers
        self.services = services  # the routes that reply read through it: one dependency fewer to solve
        self.threads = threads  # the read threads the route runs in (answered_in_read_threads)

    def __call__(self, body: Any) -> Response:
        route = getattr(self._request.scope.get("route"), "path", "")
        asked, if_none_match = self._request.query_params, self._request.headers.get("if-none-match")
        sent = rendered(self.services, route, asked, if_none_match, body)
        if sent.not_modified:
            return Response(status_code=304, headers={"ETag": sent.tag, "Cache-Control": sent.cache})
        reply = Response(sent.content, media_type="application/json")
        for name, value in self._headers.items():
            if name not in ("content-length", "content-type"):
                reply.headers[name] = value
        reply.headers["ETag"] = sent.tag
        reply.headers["Cache-Control"] = sent.cache
        return reply


@dataclass(frozen=True)
class Rendered:
    """A read answer's bytes with its validator and caching rule; ``not_modified`` when the client holds them."""

    content: bytes
    tag: str
    cache: str
    not_modified: bool

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers ``Reply`` sends with these bytes, in its order (Starlette's Response, then ETag and
        Cache-Control): for senders that write to ASGI themselves."""
        validators = [(b"etag", self.tag.encode("latin-1")), (b"cache-control", self.cache.encode("latin-1"))]
        if self.not_modified:
            return validators
        length = (b"content-length", str(len(self.content)).encode("latin-1"))
        return [length, (b"content-type", b"application/json"), *validators]


def rendered(
    services: Services, route: str, query: Mapping[str, str], if_none_match: str | None, body: Any
) -> Rendered:
    """A read answer given its basis, rendered with orjson, with the ETag and Cache-Control it is sent with."""
    body["basis"], pinned = basis_of(services, route, query)
    content = render_json(body)
    tag = etag(body["basis"]["position"], content)
    return Rendered(content, tag, IMMUTABLE if pinned else REVALIDATE, matches(if_none_match, tag))


def read_threads(request: Request) -> anyio.CapacityLimiter:
    """The app's read threads (``TIMELINE_READ_THREADS``), made on the first read, inside the event loop."""
    return read_threads_of(request.app.state)


def read_threads_of(state: Any) -> anyio.CapacityLimiter:
    """``read_threads`` from the app's state."""
    threads: anyio.CapacityLimiter | None = getattr(state, "read_threads", None)
    if threads is None:
        threads = state.read_threads = anyio.CapacityLimiter(state.settings.read_threads)
    return threads


def answered_in_read_threads(endpoint: Callable[..., Response]) -> Callable[..., Awaitable[Response]]:
    """A read route that replies, run in one of a few read threads rather than FastAPI's pool of forty.

    Its query and its answer still run off the event loop (a database that hangs holds the request, never the
    loop), but in as few threads as there are cores: the sqlite3 and psycopg drivers let go of the GIL around
    every statement and row step, and with sixteen requests in as many threads each let-go became a contended
    hand-over between threads; on the seed data with wrk's sixteen connections, two threads spent a quarter
    less CPU per distinct question than forty (BENCHMARKS.md, 2026-12-03, issue 26). FastAPI reads the
    endpoint's own parameters (``functools.wraps``); it must take ``reply: ReplyDep``.
    """

    @functools.wraps(endpoint)
    async def in_read_threads(*args: Any, **kwargs: Any) -> Response:
        reply: Reply = kwargs["reply"]
        return await anyio.to_thread.run_sync(functools.partial(endpoint, *args, **kwargs), limiter=reply.threads)

    return in_read_threads
