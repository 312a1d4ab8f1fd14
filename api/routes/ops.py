"""Operations: health and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api.answers.responses import OrjsonResponse
from api.deps import ServicesDep
from api.health import Health
from api.unavailable import HEADERS

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    response_class=OrjsonResponse,
    response_model=Health,
    responses={
        503: {
            "description": "Database unavailable; or degraded: a projection stuck at an event it cannot apply, "
            "writes failing, or read models behind the log with no catch-up running"
        }
    },
)
async def healthz(services: ServicesDep) -> Response:
    """Database reachable, log head, read-model positions and lag; 503 ``unavailable`` or ``degraded`` saying why."""
    status, body = await services.health.check()
    return OrjsonResponse(body, status, headers=HEADERS if body["status"] == "unavailable" else None)


@router.get("/metrics", response_class=PlainTextResponse)
def metrics(request: Request, services: ServicesDep) -> Response:
    """Prometheus text: requests, latencies, log and projection positions, lag, stuck projections."""
    collected = request.app.state.metrics
    head, applied = services.app.position(), services.lowest_position()
    collected.log_position.set(head)
    collected.projection_position.set(applied)
    collected.projection_lag.set(head - applied)
    stuck = {s.name: s.position for s in services.stuck(fresh=True)}
    for name in services.projections:
        collected.projection_stuck_at.labels(name).set(stuck.get(name, 0))
    return Response(generate_latest(collected.registry), media_type=CONTENT_TYPE_LATEST)
