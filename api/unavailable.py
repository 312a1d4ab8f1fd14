"""Database trouble, answered alike wherever it surfaces (a route, a dependency, a middleware): a 503 with
``Retry-After``, never a 500. The database being down, full, locked or out of connections says nothing
about the request, so the client is told to send it again shortly."""

from __future__ import annotations

import sqlite3

import orjson
import psycopg
import psycopg_pool
from eventsourcing.persistence import PersistenceError
from starlette.types import Send

from application.storage.outage import DatabaseDown

#: Errors of the database itself, as the drivers and eventsourcing's wrappers of them raise them.
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    PersistenceError,
    sqlite3.OperationalError,
    sqlite3.InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
    psycopg_pool.PoolTimeout,
)
RETRY_AFTER_SECONDS = 2
DETAIL = "the database is unavailable; retry shortly"
HEADERS = {"Retry-After": str(RETRY_AFTER_SECONDS)}


def detail_for(error: BaseException | None) -> str:
    """The 503's detail: the general one, with what is known of an outage (DatabaseDown says how long)."""
    return f"{DETAIL}: {error}" if isinstance(error, DatabaseDown) else DETAIL


async def answer_unavailable(send: Send, error: BaseException | None = None) -> None:
    """The 503, sent by a pure ASGI layer that met the trouble before any answer started."""
    body = orjson.dumps({"detail": detail_for(error)})
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(RETRY_AFTER_SECONDS).encode()),
    ]
    await send({"type": "http.response.start", "status": 503, "headers": headers})
    await send({"type": "http.response.body", "body": body})
