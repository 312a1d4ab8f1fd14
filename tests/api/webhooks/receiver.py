"""A webhook receiver for the tests: a real HTTP server on 127.0.0.1 in a thread of the test, recording every
request it gets (headers and raw body) and answering as the test scripts it (statuses in turn, a redirect, a
delay, a huge body)."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return orjson.loads(self.body)

    def signed_with(self, secret: str) -> bool:
        expected = "sha256=" + hmac.new(secret.encode(), self.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(self.headers.get("x-timeline-signature", ""), expected)


@dataclass
class Script:
    statuses: list[int] = field(default_factory=list)  # answered in turn; 200 once they run out
    redirect_to: str | None = None
    delay: float = 0.0  # seconds before answering
    huge: bool = False  # a 500 whose body never ends


class Receiver:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.script = Script()
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                assert left > 0, f"{len(self.received)} requests arrived, not {count}"
                self.arrived.wait(left)
            return list(self.received)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length", "0"))
        body = handler.rfile.read(length)
        with self.arrived:
            self.received.append(Received({k.lower(): v for k, v in handler.headers.items()}, body))
            status = self.script.statuses.pop(0) if self.script.statuses else 200
            self.arrived.notify_all()
        script = self.script
        if script.delay:
            time.sleep(script.delay)
        if script.redirect_to is not None:
            handler.send_response(307)
            handler.send_header("Location", script.redirect_to)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        if script.huge:
            handler.send_response(500)
            handler.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(100_000):  # 6.5 GB unless the client hangs up
                    handler.wfile.write(chunk)
            except OSError:
                pass
            return
        text = b"ok" if status < 300 else b"receiver says no"
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(text)))
        handler.end_headers()
        handler.wfile.write(text)


@contextmanager
def receiving() -> Iterator[Receiver]:
    receiver = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver._answer(self)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.server = server
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
