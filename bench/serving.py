"""The served app plus a hello-world JSON route, the HTTP baseline under the same settings."""

from __future__ import annotations

from fastapi import FastAPI

from api.app import create_app
from api.settings import Settings


def app() -> FastAPI:
    served = create_app(Settings())

    @served.get("/hello", include_in_schema=False)
    def hello() -> dict[str, str]:
        return {"hello": "world"}

    return served
