"""HEAD answered wherever GET is, with GET's status and headers and no body (RFC 9110 9.3.2).

FastAPI's API routes answer only the methods they declare, and declaring HEAD on each would put a second
operation per route into /openapi.json (and into the generated client). So HEAD is asked as GET here, and
the body is dropped on the way out. A link checker or a cache asks HEAD before it fetches.
"""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        started = asyncio.Event()
        asked = False

        async def receive_as_get() -> Message:
            # The request itself once; after the head went out the client has all it asked for, so an
            # endless answer (the SSE tail) hears a disconnect and stops instead of streaming into nothing.
            nonlocal asked
            if not asked:
                asked = True
                return await receive()
            await started.wait()
            return {"type": "http.disconnect"}

        async def send_head(message: Message) -> None:
            if message["type"] == "http.response.start":
                await send(message)
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                started.set()
            # Body messages are dropped: HEAD answers the headers only.

        await self.app({**scope, "method": "GET"}, receive_as_get, send_head)
