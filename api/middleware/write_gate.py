"""The gate every write passes before any route sees it (pure ASGI middleware), in this order:

0. a read-only server (``TIMELINE_READ_ONLY``, on a replica) refuses it: 405, naming the primary;
1. size: a declared Content-Length over the limit is 413 at once;
2. token: 401/403 before the body is read or judged, so an anonymous client learns nothing of the schema;
3. body: read whole, counted as it streams (chunked bodies too), 413 past the limit;
4. JSON the store can keep: no NaN or Infinity, integers within signed 64 bits, nesting within
   orjson's depth, no lone surrogates; else a 422 naming the problem;
5. Idempotency-Key: a retry replays the first answer (see ``api.middleware.idempotency``).

Database trouble met here (claiming a key) is a 503 with ``Retry-After``, like anywhere else.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import token_problem
from api.middleware.idempotency import KEY_PATTERN, Claim, IdempotencyStore, fingerprint
from api.settings import Settings
from api.unavailable import DATABASE_ERRORS, answer_unavailable

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
INT64 = (-(2**63), 2**63 - 1)
# A retry waiting for the first request with its key looks again after these many seconds, doubling up to the
# last; a request of this process that finishes with the key wakes it at once.
FIRST_LOOK_SECONDS, LAST_LOOK_SECONDS = 0.05, 1.0
logger = logging.getLogger("timeline")


class BodyRefused(Exception):
    def __init__(self, status: int, detail: object, headers: dict[str, str] | None = None) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail
        self.headers = headers or {}


class WriteGate:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self._settled: dict[str, asyncio.Event] = {}  # keys retries here wait on, set when their request ends

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        if self.settings.read_only:
            await _answer(send, 405, {"detail": read_only_detail(self.settings)}, {"Allow": "GET, HEAD"})
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        try:
            self._check_declared_size(headers)
            problem = token_problem(self.settings.tokens, headers.get("authorization"))
            if problem is not None:
                status, detail = problem
                raise BodyRefused(status, detail, {"WWW-Authenticate": "Bearer"} if status == 401 else None)
            body = await self._read_body(receive)
            check_json(body, headers.get("content-type"))
            key = headers.get("idempotency-key")
            if key is not None and not KEY_PATTERN.fullmatch(key):
                raise BodyRefused(
                    422, _detail("header", "Idempotency-Key", "must be 1 to 200 printable ASCII characters")
                )
        except BodyRefused as refused:
            await _answer(send, refused.status, {"detail": refused.detail}, refused.headers)
            return
        replay = _replaying(body, receive)
        if key is None:
            await self.app(scope, replay, send)
            return
        await self._idempotent(
            scope, replay, send, key, fingerprint(scope["method"], scope["path"], scope["query_string"], body)
        )

    def _check_declared_size(self, headers: dict[str, str]) -> None:
        declared = headers.get("content-length")
        if (
            declared is not None
            and declared.isascii()
            and declared.isdigit()
            and int(declared) > self.settings.max_body_bytes
        ):
            raise BodyRefused(413, f"request body is larger than {self.settings.max_body_bytes} bytes")

    async def _read_body(self, receive: Receive) -> bytes:
        chunks, seen = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise BodyRefused(400, "the client went away before sending the whole body")
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > self.settings.max_body_bytes:
                raise BodyRefused(413, f"request body is larger than {self.settings.max_body_bytes} bytes")
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _idempotent(self, scope: Scope, receive: Receive, send: Send, key: str, print_: str) -> None:
        services = scope["app"].state.services
        store: IdempotencyStore = services.idempotency
        try:
            claim = await self._claimed(store, key, print_)
        except DATABASE_ERRORS as error:
            services.write_failed(error)
            await answer_unavailable(send, error)
            return
        if claim.outcome != "run":
            await _settled(send, key, claim)
            return
        captured = _Captured(send)
        try:
            await self.app(scope, receive, captured.send)
        finally:
            try:
                if 200 <= captured.status < 300:
                    await asyncio.to_thread(store.finish, key, claim.owner, captured.status, captured.text())
                else:
                    await asyncio.to_thread(store.release, key, claim.owner)
            except DATABASE_ERRORS as error:
                # The answer is sent; the claim stays behind, owned by a request no longer running, which
                # the next request with this key takes over.
                logger.warning("idempotency claim not settled", extra={"fields": {"error": type(error).__name__}})
            waiting = self._settled.pop(key, None)
            if waiting is not None:
                waiting.set()

    async def _claimed(self, store: IdempotencyStore, key: str, print_: str) -> Claim:
        """Claim the key, or wait for the request holding it: one write, then reads until it is settled."""
        deadline = time.monotonic() + self.settings.idempotency_wait
        claim = await asyncio.to_thread(store.claim, key, print_)
        pause = FIRST_LOOK_SECONDS
        while claim.outcome == "pending":
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return claim
            settled = self._settled.setdefault(key, asyncio.Event())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(settled.wait(), min(pause, remaining))
            pause = min(pause * 2, LAST_LOOK_SECONDS)
            claim = await asyncio.to_thread(store.peek, key, print_)
            if claim.outcome == "free":
                claim = await asyncio.to_thread(store.claim, key, print_)
        self._settled.pop(key, None)  # waking is a shortcut only: a waiter left without one still looks again
        return claim


def read_only_detail(settings: Settings) -> str:
    primary = settings.primary_url or "the primary (TIMELINE_PRIMARY_URL does not name it here)"
    return f"this server is read-only (a replica's): send writes to {primary}"


def check_json(body: bytes, content_type: str | None) -> None:
    """Refuse JSON the event store could not keep exactly (see the module docstring)."""
    if not body or (content_type is not None and "json" not in content_type.lower()):
        return
    try:
        orjson.loads(body)  # depth, lone surrogates, NaN and Infinity, overflowing floats
        json.loads(body, parse_int=_int64, parse_constant=_no_constant)  # orjson reads big integers as floats
    except (orjson.JSONDecodeError, ValueError, RecursionError) as error:
        message = str(error).split(": line ")[0] if isinstance(error, orjson.JSONDecodeError) else str(error)
        raise BodyRefused(
            422, _detail("body", None, f"request body is not JSON the store can keep: {message}")
        ) from None


def _int64(text: str) -> int:
    if len(text.lstrip("-")) > 19 or not INT64[0] <= int(text) <= INT64[1]:
        raise ValueError(f"integer {text[:30]} is outside the signed 64-bit range")
    return int(text)


def _no_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a number JSON allows")


def _detail(where: str, name: str | None, message: str) -> list[dict[str, Any]]:
    loc = [where] if name is None else [where, name]
    return [{"loc": loc, "msg": message, "type": "value_error"}]


def _replaying(body: bytes, receive: Receive) -> Receive:
    """The body already read, then the client's own messages (a disconnect, if it leaves)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class _Captured:
    """Passes a response through while keeping its status and body."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status = 500
        self._chunks: list[bytes] = []

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
        elif message["type"] == "http.response.body":
            self._chunks.append(message.get("body", b""))
        await self._send(message)

    def text(self) -> str:
        return b"".join(self._chunks).decode("utf-8")


async def _settled(send: Send, key: str, claim: Claim) -> None:
    if claim.outcome == "replay":
        await _raw(send, claim.status, claim.body.encode(), {"Idempotent-Replayed": "true"})
    elif claim.outcome == "mismatch":
        await _answer(
            send, 409, {"detail": f"Idempotency-Key {key!r} was used for another request (method, path or body)"}
        )
    else:
        await _answer(
            send,
            409,
            {"detail": f"a request with Idempotency-Key {key!r} is still in progress; retry shortly"},
            {"Retry-After": "1"},
        )


async def _answer(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    await _raw(send, status, orjson.dumps(body), headers)


async def _raw(send: Send, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
    pairs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    pairs += [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": pairs})
    await send({"type": "http.response.body", "body": body})
