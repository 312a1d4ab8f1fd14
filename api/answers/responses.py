"""JSON by orjson."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse
from pydantic import BaseModel


def render_json(content: Any) -> bytes:
    return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


class OrjsonResponse(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return render_json(content)


class ErrorOut(BaseModel):
    detail: str


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error statuses a route can answer with."""
    meaning = {
        401: "Missing or wrong bearer token",
        403: "Writes are disabled on this server",
        404: "Unknown company or fact",
        409: "Conflict: retracted fact, taken name or lasting write conflict",
        413: "Request body too large",
        503: "Database unavailable, or read models behind min_position",
    }
    return {status: {"model": ErrorOut, "description": meaning[status]} for status in statuses}


READ_ERRORS = errors(404, 503)
WRITE_ERRORS = errors(401, 403, 404, 409, 413, 503)


def written(description: str, links: dict[str, tuple[str, str, str]]) -> dict[int | str, dict[str, Any]]:
    """A write's 201 with OpenAPI links (name -> operation id, path parameter, field of this answer),
    so clients and stateful fuzzing can follow a write to what it made."""
    return {
        201: {
            "description": description,
            "links": {
                name: {"operationId": operation, "parameters": {parameter: f"$response.body#/{field}"}}
                for name, (operation, parameter, field) in links.items()
            },
        },
        **WRITE_ERRORS,
    }
