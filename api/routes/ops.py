"""Operations: health and Prometheus metrics."""

from __future__ import annotations

from typing import NotRequired

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from typing_extensions import TypedDict

from api.deps import ServicesDep
from api.responses import OrjsonResponse

router = APIRouter(tags=["operations"])


class ProjectionHealth(TypedDict):
    position: int
    lag: int  # events recorded but not yet applied
    stuck_at: NotRequired[int]  # the event this projection cannot apply
    error: NotRequired[str]
    since: NotRequired[str]


class Health(TypedDict):
    status: str  # ok, degraded (a projection is stuck: 503) or unavailable (503)
    database: str
    log_position: NotRequired[int]
    projection_position: NotRequired[int]
    projection_lag: NotRequired[int]
    projections: NotRequired[dict[str, ProjectionHealth]]
    problems: NotRequired[list[str]]


@router.get(
    "/healthz",
    response_class=OrjsonResponse,
    response_model=Health,
    responses={503: {"description": "Database unreachable, or a projection stuck at an event it cannot apply"}},
)
def healthz(services: ServicesDep) -> Response:
    """Database reachable, log head, read-model positions and lag; 503 ``degraded`` naming a stuck projection."""
    try:
        head = services.app.position()
        positions = {name: runner.position() for name, runner in services.projections.items()}
        stuck = {s.name: s for s in services.stuck(fresh=True)}
    except services.store.unavailable_errors as error:
        return OrjsonResponse({"status": "unavailable", "database": f"unreachable: {type(error).__name__}"}, 503)
    applied = min(positions.values())
    projections: dict[str, ProjectionHealth] = {}
    for name, position in positions.items():
        projections[name] = {"position": position, "lag": head - position}
        if name in stuck:
            projections[name] |= {
                "stuck_at": stuck[name].position,
                "error": stuck[name].error,
                "since": stuck[name].since,
            }
    body: Health = {
        "status": "degraded" if stuck else "ok",
        "database": "reachable",
        "log_position": head,
        "projection_position": applied,
        "projection_lag": head - applied,
        "projections": projections,
    }
    if stuck:
        body["problems"] = [s.describe() for s in stuck.values()]
    return OrjsonResponse(body, 503 if stuck else 200)


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
