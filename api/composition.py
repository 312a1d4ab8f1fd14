"""The one composition root: settings in, application (and later projections) out."""

from __future__ import annotations

from application.service import TimelineApplication
from application.storage import environment_for, sqlite_path
from api.settings import Settings


def build_application(settings: Settings) -> TimelineApplication:
    url = settings.resolved_database_url
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return TimelineApplication(environment_for(url))
