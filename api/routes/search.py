"""Finding a company from a partial, misspelled or mixed-language query, or a stock code."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api import inputs
from api.answers.basis import answered_in_read_threads
from api.answers.responses import READ_ERRORS
from api.deps import ReplyDep, word
from projections.queries.answers import Search

router = APIRouter(tags=["companies"])


@router.get("/search", responses=READ_ERRORS, response_model=Search)
@answered_in_read_threads
def search(
    reply: ReplyDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=100,
            description="Any part of a name, in any language or spelling, or a stock code (688795.SH, 6082.HK)",
            examples=["moore thread", "壁仞", "06082.HK"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=50, description="At most this many companies")] = 10,
) -> Response:
    """Companies ranked for a query: the same name, then names that start so, shared distinctive
    words, then close spellings; each with the name that matched and why."""
    query = word("q", q, inputs.parse_text) or ""
    answer: Search = {"query": query, "results": reply.services.queries.search(query, limit)}
    return reply(answer)
