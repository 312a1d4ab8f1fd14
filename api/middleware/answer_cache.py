"""Read answers replayed while the read models stay where they were (pure ASGI).

An answer to a GET of a read route is a function of its path and query, of the position the
read models have reached, and of today's date (the default ``as_of``). So an answer rendered
once is served again, byte for byte, to the same request until any projection moves, the day
changes, or the answer is evicted (least recently used first, within a byte budget). A hit
skips routing, validation and the query: it costs one read of the tracked positions.

Never cached: other methods and routes; ``min_position`` (the caller asks to wait); any answer
while a projection is stuck (those carry ``X-Read-Models-Stale``) or whose status is not 200.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.inputs import today

READ_ROUTES = ("/pipeline", "/companies/", "/timeline", "/changes", "/time-in-stage", "/search", "/stats/", "/facts/")

Key = tuple[str, bytes, int, str]


class AnswerCache:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._answers: OrderedDict[Key, tuple[list[tuple[bytes, bytes]], bytes, Any]] = OrderedDict()
        self._bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope) if self.max_bytes else None
        if key is None:
            await self.app(scope, receive, send)
            return
        cached = self._answers.get(key)
        if cached is not None:
            self._answers.move_to_end(key)
            headers, body, route = cached
            scope["route"] = route  # for the request log and metrics, as the routed answer had it
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def keeping(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._keep(key, start, b"".join(chunks), scope.get("route"))
            await send(message)

        await self.app(scope, receive, keeping)

    def _key(self, scope: Scope) -> Key | None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(READ_ROUTES):
            return None
        query: bytes = scope.get("query_string", b"")
        if b"min_position" in query:
            return None
        services = scope["app"].state.services
        if services.stuck_if_known() != []:  # stuck, or not checked this second: answer afresh
            return None
        return scope["path"], query, services.read_position(), today().isoformat()

    def _keep(self, key: Key, start: Message, body: bytes, route: Any) -> None:
        headers = list(start.get("headers", ()))
        if start.get("status") != 200 or any(name.lower() == b"x-read-models-stale" for name, _ in headers):
            return
        if len(body) > self.max_bytes // 8:  # one answer never crowds out the rest
            return
        self._answers[key] = (headers, body, route)
        self._bytes += len(body)
        while self._bytes > self.max_bytes:
            _, (_, dropped, _) = self._answers.popitem(last=False)
            self._bytes -= len(dropped)
