"""Operations: health and Prometheus metrics."""

from __future__ import annotations

import sqlite3
from typing import Any

import psycopg
import psycopg_pool
from eventsourcing.persistence import PersistenceError
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import ServicesDep
from api.responses import OrjsonResponse

router = APIRouter(tags=["operations"])
STORAGE_ERRORS = (PersistenceError, sqlite3.Error, psycopg.Error, psycopg_pool.PoolTimeout, OSError)


@router.get("/healthz", response_class=OrjsonResponse, responses={503: {"description": "Database unreachable"}})
def healthz(services: ServicesDep) -> Response:
    """Database reachable, log head, read-model position and lag."""
    try:
        head = services.app.position()
        positions = {name: runner.position() for name, runner in services.projections.items()}
    except STORAGE_ERRORS as error:
        return OrjsonResponse({"status": "unavailable", "database": f"unreachable: {type(error).__name__}"}, 503)
    applied = min(positions.values())
    body: dict[str, Any] = {
        "status": "ok",
        "database": "reachable",
        "log_position": head,
        "projection_position": applied,
        "projection_lag": head - applied,
        "projections": {name: {"position": p, "lag": head - p} for name, p in positions.items()},
    }
    return OrjsonResponse(body)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request, services: ServicesDep) -> Response:
    """Prometheus text: requests, latencies, log and projection positions, projection lag."""
    collected = request.app.state.metrics
    head, applied = services.app.position(), services.lowest_position()
    collected.log_position.set(head)
    collected.projection_position.set(applied)
    collected.projection_lag.set(head - applied)
    return Response(generate_latest(collected.registry), media_type=CONTENT_TYPE_LATEST)
