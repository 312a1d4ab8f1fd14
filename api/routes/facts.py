"""Facts: one with its history; recording, correcting and retracting."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Path
from fastapi.responses import Response

from api.answers.basis import answered_in_read_threads
from api.answers.responses import READ_ERRORS, written
from api.deps import KnownAt, ReplyDep, ServicesDep, Writer, parse_known_at
from api.routes.writes import after_write, company_for_write
from api.schemas import CorrectionIn, FactIn, FactWrittenOut, RetractionIn, sources_of
from projections.queries.answers import FactWithHistory

router = APIRouter(tags=["facts"])

FactId = Annotated[UUID, Path(description="The fact's id", examples=["5c25d6d8-ae52-54ee-8118-7c6cd233c779"])]


FACT_LINKS = {
    "GetFact": ("fact", "fact_id", "fact_id"),
    "CorrectFact": ("correct_fact", "fact_id", "fact_id"),
    "RetractFact": ("retract_fact", "fact_id", "fact_id"),
}


@router.get(
    "/facts/{fact_id}",
    responses=READ_ERRORS,
    response_model=FactWithHistory,
)
@answered_in_read_threads
def fact(reply: ReplyDep, fact_id: FactId, known_at: KnownAt = None) -> Response:
    """A fact as believed at known_at, with its history: recorded, corroborated, corrected, retracted."""
    return reply(reply.services.queries.fact(str(fact_id), parse_known_at(reply.services, known_at)))


@router.post(
    "/facts",
    status_code=201,
    dependencies=[Writer],
    responses=written("The fact, recorded or corroborated", FACT_LINKS),
    response_model=FactWrittenOut,
)
def record_fact(services: ServicesDep, body: FactIn) -> dict[str, Any]:
    """Record a fact with its sources; the same fact again appends nothing or only new sources."""
    written = services.app.record_fact(
        kind=body.kind,
        company=company_for_write(services, body.company) if body.company is not None else None,
        market=body.market,
        venue=body.venue,
        date=body.date,
        fields=body.fields,
        summary=body.summary,
        sources=sources_of(body.sources),
    )
    return after_write(services, written, fact_id=str(written.id))


@router.post(
    "/facts/{fact_id}/corrections",
    status_code=201,
    dependencies=[Writer],
    responses=written("The correction, appended or found (a retry)", FACT_LINKS),
    response_model=FactWrittenOut,
)
def correct_fact(services: ServicesDep, fact_id: FactId, body: CorrectionIn) -> dict[str, Any]:
    """Correct a fact's date, venue or fields, with a reason and sources (a new event)."""
    written = services.app.correct_fact(
        fact_id,
        reason=body.reason,
        sources=sources_of(body.sources),
        date=body.date,
        venue=body.venue,
        fields=body.fields,
    )
    return after_write(services, written, fact_id=str(written.id))


@router.post(
    "/facts/{fact_id}/retractions",
    status_code=201,
    dependencies=[Writer],
    responses=written("The retraction, appended or found (a retry)", {"GetFact": FACT_LINKS["GetFact"]}),
    response_model=FactWrittenOut,
)
def retract_fact(services: ServicesDep, fact_id: FactId, body: RetractionIn) -> dict[str, Any]:
    """Retract a fact, with a reason and sources (a new event; the fact stays in history)."""
    written = services.app.retract_fact(fact_id, reason=body.reason, sources=sources_of(body.sources))
    return after_write(services, written, fact_id=str(written.id))
