"""What every write answers, after the serving process has caught its read models up."""

from __future__ import annotations

from typing import Any

from api.composition import Services
from application.service import Written


def after_write(services: Services, written: Written, **ids: str) -> dict[str, Any]:
    """The write is stored: answer with its position even if catching up fails (readers use min_position)."""
    services.write_went_through()
    if services.catch_up_on_write:
        services.catch_up_after_write()
    return {**ids, "position": written.position, "appended": written.appended}
