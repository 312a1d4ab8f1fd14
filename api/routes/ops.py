"""Operations: health and Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.deps import ServicesDep
from api.responses import OrjsonResponse

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_class=OrjsonResponse, responses={503: {"description": "Database unreachable"}})
def healthz(services: ServicesDep) -> Response:
    """Database reachable, log head, read-model position and lag."""
    try:
        head = services.app.position()
        applied = services.projection.position()
    except Exception as error:
        return OrjsonResponse({"status": "unavailable", "database": f"unreachable: {type(error).__name__}"}, 503)
    body: dict[str, Any] = {
        "status": "ok",
        "database": "reachable",
        "log_position": head,
        "projection_position": applied,
        "projection_lag": head - applied,
    }
    return OrjsonResponse(body)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request, services: ServicesDep) -> Response:
    """Prometheus text: requests, latencies, log and projection positions, projection lag."""
    collected = request.app.state.metrics
    head, applied = services.app.position(), services.projection.position()
    collected.log_position.set(head)
    collected.projection_position.set(applied)
    collected.projection_lag.set(head - applied)
    return Response(generate_latest(collected.registry), media_type=CONTENT_TYPE_LATEST)
