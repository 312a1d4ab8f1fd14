"""Read models built by an older version of their projector are rebuilt from the log at start-up,
so a store made before a table changed answers like a fresh one."""

from __future__ import annotations

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.timeline.projector import TimelineProjector
from tests.projections.dump import dump


def test_a_store_of_an_older_read_model_version_is_rebuilt_to_the_same_rows_as_a_fresh_one(sqlite_url):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url)
    services = build_services(settings)
    services.app.register_company("Versioned Co")
    services.app.record_fact(
        kind="accepted",
        company="Versioned Co",
        venue="SSE-STAR",
        date="2025-06-30",
        sources=[Source("v.txt", parse_date("2025-07-01"), "a quote")],
    )
    services.catch_up()
    expected = dump(services.store)
    with services.store.transaction() as cursor:  # as an older version left it: no source days, version 1
        cursor.execute("DELETE FROM rm_fact_sources")
        cursor.execute("UPDATE rm_versions SET version = 1 WHERE name = 'timeline'")
    services.close()

    restarted = build_services(settings)
    try:
        assert restarted.projections["timeline"].position() == 0  # started again from an empty projection
        restarted.catch_up()
        assert dump(restarted.store) == expected
        assert restarted.store.query("SELECT count(*) FROM rm_fact_sources")[0][0] == 1
        version = restarted.store.query("SELECT version FROM rm_versions WHERE name = 'timeline'")[0][0]
        assert version == TimelineProjector.version > 1
    finally:
        restarted.close()
