"""The one composition root: settings in; application, read models and queries out."""

from __future__ import annotations

from dataclasses import dataclass

from api.settings import Settings
from application.service import TimelineApplication
from application.storage import environment_for, sqlite_path
from projections.database import Database
from projections.projector import TimelineProjection
from projections.queries import Queries


@dataclass
class Services:
    app: TimelineApplication
    db: Database
    projection: TimelineProjection
    queries: Queries
    catch_up_on_write: bool = True

    def close(self) -> None:
        self.db.close()
        self.app.close()


def build_application(settings: Settings) -> TimelineApplication:
    url = settings.resolved_database_url
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return TimelineApplication(environment_for(url))


def build_services(settings: Settings) -> Services:
    """Everything wired to one database; read models resume from their tracked position."""
    app = build_application(settings)
    db = Database(settings.resolved_database_url)
    projection = TimelineProjection(db, app.recorder, app.mapper)
    return Services(app, db, projection, Queries(db), settings.catch_up_on_write)
