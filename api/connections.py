"""uvicorn's HTTP protocols with the bounds it lacks: a deadline to receive a request, a size limit on its
head, and a cap on open connections.

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive``, but any byte received
cancels that timer and nothing re-arms it until a response is sent, so a client that sends part
of a request head (or trickles it a byte at a time) holds its connection, and a descriptor,
forever (uvicorn issue 157 lists ``--timeout-request-start`` as not done); ASGI middleware cannot
help, as it runs only once the head is parsed. So here:

- from the moment a connection opens, or the first byte of each later request, the client has
  ``TIMELINE_REQUEST_TIMEOUT`` seconds to deliver the whole request, head and body; then the
  connection is closed. The deadline ends once the request is received: a slow answer or a long
  ``/feed/stream`` is never cut by it.
- a head (target and headers) past ``MAX_HEAD_BYTES`` is answered 431 and the connection closed,
  with httptools as soon as it grows past it, so no connection buffers more head than that.
- past ``TIMELINE_MAX_CONNECTIONS`` open connections in the process (or the descriptor limit less
  a reserve, if lower), each new one closes the connection that has waited longest for a request
  (a partial head, or idle between requests); when every other connection is busy with a
  received request, the newcomer itself is closed. So held connections cannot use up the
  descriptors, and a client that sends its request promptly is served even while many others stall.

Not covered: a client that sends its request and then reads the answer slowly (the kernel's send
buffer and flow control hold that), and many sockets that never finish the TCP handshake (the
kernel's SYN backlog). A proxy in front bounds both; docs/serving.md gives its settings.

The limits are read from the environment once per process, as uvicorn builds a protocol object
per connection from a class (with ``--workers`` it hands that class to each worker process).
"""

from __future__ import annotations

import asyncio
import sys
import time
from functools import cache
from typing import Any

import h11
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from api.settings import Settings

# Descriptors the process keeps for itself beyond its connections: the listening socket, logs, the loop's
# pipes, and the database; on SQLite one connection per worker thread, each holding the file and its WAL
# (126 descriptors in all after wrk on five routes, 111 of them SQLite's, so twice that for safety).
RESERVED_DESCRIPTORS = 256

MAX_HEAD_BYTES = 16 * 1024  # the longest head uvicorn's h11 protocol takes (h11's default incomplete-event size)
HEAD_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 24\r\nconnection: close\r\n\r\nRequest head too large.\n"
)


class HeadLimit:
    """The app behind a check of the request head's size as parsed (target and headers): past MAX_HEAD_BYTES,
    431 and the connection closed. h11 refuses a head past it only while the head is incomplete, and
    httptools not at all, so a whole head that arrives in one read is checked here, for either parser."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope["raw_path"]) + len(scope["query_string"])
            size += sum(len(name) + len(value) for name, value in scope["headers"])
            if size > MAX_HEAD_BYTES:
                headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
                await send({"type": "http.response.start", "status": 431, "headers": headers})
                await send({"type": "http.response.body", "body": b"Request head too large.\n"})
                return
        await self.app(scope, receive, send)


@cache
def _limits() -> tuple[float, int]:
    """The request deadline in seconds, and the cap: TIMELINE_MAX_CONNECTIONS, or fewer if the process may not
    open that many descriptors (past that, accept() fails and a new client is reset, the very thing to avoid)."""
    settings = Settings()
    cap = settings.max_connections
    if sys.platform != "win32":  # Windows has no such limit to read
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft != resource.RLIM_INFINITY:
            cap = max(1, min(cap, soft - RESERVED_DESCRIPTORS))
    return settings.request_timeout, cap


class RequestDeadline(asyncio.Protocol):
    """What both parsers share: the deadline, when the connection started waiting, and the cap."""

    transport: asyncio.Transport
    loop: asyncio.AbstractEventLoop
    connections: set[Any]
    timeout_keep_alive_task: asyncio.TimerHandle | None
    _deadline: asyncio.TimerHandle | None = None
    # When this connection began to wait for a request (opened, or idle after an answer); None while one is served.
    waiting_since: float | None = None

    app: ASGIApp

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = HeadLimit(self.app)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._expect_request()
        self._admit()

    def connection_lost(self, exc: Exception | None) -> None:
        self._request_received()
        super().connection_lost(exc)

    def _expect_request(self) -> None:
        if self.waiting_since is None:
            self.waiting_since = time.monotonic()
        if self._deadline is None:
            self._deadline = self.loop.call_later(_limits()[0], self._deadline_passed)

    def _request_received(self) -> None:
        self.waiting_since = None
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _idle(self) -> None:
        """After an answer: uvicorn's keep-alive timer now bounds the wait, and the connection may be evicted."""
        if self.timeout_keep_alive_task is not None and self.waiting_since is None:
            self.waiting_since = time.monotonic()

    def _deadline_passed(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()

    def _admit(self) -> None:
        cap = _limits()[1]
        if len(self.connections) <= cap:
            return
        # Over the cap (rare, so the walk over every connection is fine): close the longest waiter,
        # counting only connections not already closing (they leave the set a loop turn later).
        open_ = [c for c in self.connections if not c.transport.is_closing()]
        waiting = [c for c in open_ if getattr(c, "waiting_since", None) is not None]
        if len(open_) > cap and waiting:
            min(waiting, key=lambda c: c.waiting_since).transport.close()


class HttpToolsWithDeadline(RequestDeadline, HttpToolsProtocol):
    """httptools (llhttp): a request begins at its first byte and ends when its message is complete.

    llhttp sets no limit on the size of a head and uvicorn keeps the URL and headers as they come, so
    a head still arriving past ``MAX_HEAD_BYTES`` is answered 431 at once and the connection closed.
    """

    _head_bytes: int | None = None  # URL and header bytes of the current head; None once it is complete

    def data_received(self, data: bytes) -> None:
        self._expect_request()  # bytes where no request was awaited: the head of the next one (or junk)
        super().data_received(data)
        if self._head_bytes is not None and self._head_bytes > MAX_HEAD_BYTES and not self.transport.is_closing():
            self.transport.write(HEAD_TOO_LARGE)
            self.transport.close()

    def on_message_begin(self) -> None:
        self._expect_request()
        self._head_bytes = 0
        super().on_message_begin()

    def on_url(self, url: bytes) -> None:
        self._head_bytes = (self._head_bytes or 0) + len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_bytes = (self._head_bytes or 0) + len(name) + len(value)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._head_bytes = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._request_received()
        super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._idle()

    def handle_websocket_upgrade(self) -> None:
        self._request_received()
        super().handle_websocket_upgrade()


class H11WithDeadline(RequestDeadline, H11Protocol):
    """h11: a request is received once the peer's state leaves IDLE (head pending) and SEND_BODY (body pending)."""

    def data_received(self, data: bytes) -> None:
        self._expect_request()
        super().data_received(data)
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._request_received()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._idle()


def protocol_for(http: str) -> type[asyncio.Protocol]:
    """The bounded protocol for TIMELINE_HTTP: ``auto`` is httptools when installed, as in uvicorn."""
    if http == "auto":
        try:
            import httptools  # noqa: F401
        except ImportError:  # pragma: no cover - httptools is a dependency
            http = "h11"
        else:
            http = "httptools"
    return HttpToolsWithDeadline if http == "httptools" else H11WithDeadline
