"""The HTTP floor: a hello-world FastAPI app, served by ``timeline serve --app bench.hello:app`` in the
same shape as the service, so each route's req/s can be read as a share of what the framework allows."""

from __future__ import annotations

from fastapi import FastAPI


def app() -> FastAPI:
    hello = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @hello.get("/hello")
    async def say_hello() -> dict[str, str]:
        return {"hello": "world"}

    return hello
