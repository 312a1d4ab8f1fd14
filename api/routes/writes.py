"""What every write answers, after the serving process has caught its read models up."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.composition import Services
from application.service import Written
from domain.errors import UnknownCompany


def after_write(services: Services, written: Written, **ids: str) -> dict[str, Any]:
    """The write is stored: answer with its position even if catching up fails (readers use min_position)."""
    services.write_went_through()
    if services.catch_up_on_write:
        services.catch_up_after_write()
    return {**ids, "position": written.position, "appended": written.appended}


def company_for_write(services: Services, reference: str) -> str | UUID:
    """The company a write names, found by the rules reads use (names, stock codes, traditional or
    simplified characters), so an ambiguous name is the same 409 listing the candidates. A name the read
    models do not know (registered by another process moments ago) is left to the application's claims."""
    try:
        return UUID(services.queries.resolve(reference)["company_id"])
    except UnknownCompany:
        return reference
