"""The one composition root: settings in; application, read models and queries out."""

from __future__ import annotations

from dataclasses import dataclass

from api.settings import Settings
from application.service import TimelineApplication
from application.storage import environment_for, sqlite_path
from projections.daily_counts import daily_counts_projection
from projections.database import Database
from projections.projector import timeline_projection
from projections.queries import Queries
from projections.runner import ProjectionRunner


@dataclass
class Services:
    app: TimelineApplication
    db: Database
    projections: dict[str, ProjectionRunner]
    queries: Queries
    catch_up_on_write: bool = True

    @property
    def projection(self) -> ProjectionRunner:
        """The core read models every query route reads."""
        return self.projections["timeline"]

    def catch_up(self) -> None:
        for runner in self.projections.values():
            runner.catch_up()

    def lowest_position(self) -> int:
        return min(runner.position() for runner in self.projections.values())

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
    projections = {
        runner.name: runner
        for runner in (
            timeline_projection(db, app.recorder, app.mapper),
            daily_counts_projection(db, app.recorder, app.mapper),
        )
    }
    return Services(app, db, projections, Queries(db), settings.catch_up_on_write)
