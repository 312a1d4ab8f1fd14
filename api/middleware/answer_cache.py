"""Read answers replayed while the read models stay where they were (pure ASGI).

An answer to a GET of a read route is a function of its path and query, of the position the
read models have reached, and of today's date (the default ``as_of``). So an answer rendered
once is served again, byte for byte, to the same request until any projection moves or the day
changes (then every answer kept is dropped: none can be asked for again), or the answer is
evicted (least recently used first, within a byte budget). A hit skips routing, validation and
the query: it costs one read of the tracked positions, in a worker thread so that a database
that hangs holds the request, never the event loop; a database that refuses answers 503.

The budget counts what an entry holds in memory (key, headers, body and the objects around
them), not only the body, since any client may choose the key. Never cached: other methods and
routes; a query string longer than ``MAX_KEY_CHARS`` or naming a parameter the route does not
declare in its OpenAPI operation (answered as usual: unknown parameters are ignored, as the
contract has always said); ``min_position`` (the caller asks to wait); any answer while a
projection is stuck (those carry ``X-Read-Models-Stale``) or whose status is not 200.
"""

from __future__ import annotations

import asyncio
import sys
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.answers.basis import matches
from api.deps import declared_query
from api.inputs import today

READ_ROUTES = ("/pipeline", "/companies/", "/timeline", "/changes", "/time-in-stage", "/search", "/stats/", "/facts/")
# The longest question the routes take in earnest is about 300 characters (every /pipeline filter
# at once); a longer key is answered afresh, so padding cannot buy memory.
MAX_KEY_CHARS = 1024
# What the ordered dict spends per entry beyond the objects it points at (its hash-table slot
# and the linked node that keeps the order), measured on CPython 3.11 with tracemalloc.
SLOT_BYTES = 120
UNAVAILABLE = orjson.dumps({"detail": "the database is unavailable; retry shortly"})

Key = tuple[str, bytes]
Basis = tuple[int, str]  # the read models' position and today's date: what every kept answer shares
Answer = tuple[list[tuple[bytes, bytes]], bytes, Any, int]  # headers, body, route, the bytes it holds


class AnswerCache:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Key, Answer] = OrderedDict()
        self._bytes = 0
        self._basis: Basis | None = None
        self._declared: dict[str, frozenset[str]] = {}  # route template -> query parameters its operation declares
        self._positions: PositionReads | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.max_bytes or not _cacheable(scope):
            await self.app(scope, receive, send)
            return
        services = scope["app"].state.services
        if services.stuck_if_known() != []:  # stuck, or not checked this second: answer afresh
            await self.app(scope, receive, send)
            return
        if self._positions is None:
            self._positions = PositionReads(services)
        try:
            position = await self._positions.read()
        except services.store.unavailable_errors:
            await _unavailable(send)
            return
        basis = (position, today().isoformat())
        self._settle(basis)
        key = (scope["path"], scope.get("query_string", b""))
        cached = self._answers.get(key)
        if cached is not None:
            self._answers.move_to_end(key)
            headers, body, route, _ = cached
            scope["route"] = route  # for the request log and metrics, as the routed answer had it
            if _revalidated(scope, headers):  # the client holds these bytes: say so, without them
                kept = [(name, value) for name, value in headers if name in (b"etag", b"cache-control")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []
        room = self.max_bytes // 8  # body bytes worth copying: a longer answer is never kept (see _keep)

        async def keeping(message: Message) -> None:
            nonlocal start, room
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body" and room >= 0 and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                room -= len(chunks[-1])
                if room < 0:
                    chunks.clear()
                elif not message.get("more_body", False) and self._declares(scope, key[1]):
                    self._keep(key, basis, start, b"".join(chunks), scope.get("route"))
            await send(message)

        await self.app(scope, receive, keeping)

    @property
    def held_bytes(self) -> int:
        """What the kept answers hold, as the budget counts it."""
        return self._bytes

    def _settle(self, basis: Basis) -> None:
        """Drop every answer of another position or day: no request can ask for them again."""
        if basis != self._basis:
            self._answers.clear()
            self._bytes = 0
            self._basis = basis

    def _declares(self, scope: Scope, query: bytes) -> bool:
        """Whether the route that answered declares every parameter of the query string."""
        route = scope.get("route")
        template = getattr(route, "path", None)
        if template is None:
            return False
        declared = self._declared.get(template)
        if declared is None:
            declared = self._declared[template] = declared_query(route)
        return all(name in declared for name, _ in parse_qsl(query.decode("latin-1"), keep_blank_values=True))

    def _keep(self, key: Key, basis: Basis, start: Message, body: bytes, route: Any) -> None:
        headers = list(start.get("headers", ()))
        if basis != self._basis:  # the read models moved while this answer was rendered
            return
        if start.get("status") != 200 or any(name.lower() == b"x-read-models-stale" for name, _ in headers):
            return
        size = _size(key, headers, body)
        if size > self.max_bytes // 8:  # one answer never crowds out the rest
            return
        replaced = self._answers.pop(key, None)
        if replaced is not None:
            self._bytes -= replaced[3]
        self._answers[key] = (headers, body, route, size)
        self._bytes += size
        while self._bytes > self.max_bytes:
            _, dropped = self._answers.popitem(last=False)
            self._bytes -= dropped[3]


class PositionReads:
    """The read models' position, read in a worker thread, one read at a time: a request waits for the next
    read that starts after it arrived (so it sees every write acknowledged before it asked), and every
    request arriving while one read runs shares the next. Under load that is one thread hop for many
    requests instead of one each, which halved the req/s of cache hits."""

    def __init__(self, services: Any) -> None:
        self.services = services
        self._next: asyncio.Future[int] | None = None
        self._reader: asyncio.Task[None] | None = None

    async def read(self) -> int:
        if self._next is None:
            self._next = asyncio.get_running_loop().create_future()
            self._next.add_done_callback(_retrieved)
        upcoming = self._next
        if self._reader is None:
            self._reader = asyncio.create_task(self._read_while_asked())
        return await asyncio.shield(upcoming)

    async def _read_while_asked(self) -> None:
        try:
            while self._next is not None:
                asked, self._next = self._next, None
                try:
                    asked.set_result(await anyio.to_thread.run_sync(self.services.read_position))
                except Exception as error:  # not handled here: each request waiting on this read raises it
                    asked.set_exception(error)
        finally:
            self._reader = None


def _retrieved(future: asyncio.Future[int]) -> None:
    """Marks an error as seen even when every request that waited for it has gone (no warning in the log)."""
    if not future.cancelled():
        future.exception()


def _cacheable(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(READ_ROUTES):
        return False
    query: bytes = scope.get("query_string", b"")
    return len(scope["path"]) + len(query) <= MAX_KEY_CHARS and b"min_position" not in query


def _size(key: Key, headers: list[tuple[bytes, bytes]], body: bytes) -> int:
    """The bytes one entry keeps alive: its key, its answer, and the containers around them."""
    size = SLOT_BYTES + sys.getsizeof(key) + sum(map(sys.getsizeof, key)) + sys.getsizeof(body)
    size += sys.getsizeof((headers, body, None, 0)) + sys.getsizeof(headers) + sys.getsizeof(2**20)
    for pair in headers:
        size += sys.getsizeof(pair) + sys.getsizeof(pair[0]) + sys.getsizeof(pair[1])
    return size


async def _unavailable(send: Send) -> None:
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(UNAVAILABLE)).encode()),
        (b"retry-after", b"1"),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": UNAVAILABLE})


def _revalidated(scope: Scope, headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether the request's If-None-Match names the kept answer's ETag."""
    asked = next((value for name, value in scope.get("headers", ()) if name == b"if-none-match"), None)
    tag = next((value for name, value in headers if name == b"etag"), None)
    return asked is not None and tag is not None and matches(asked.decode("latin-1"), tag.decode("latin-1"))
