"""A log written by the code before the envelope escape (fixtures/, made with `timeline export` at
commit 5a5817b) still reads back: its two envelope-shaped dicts were what froze that store.

Its event lines are as that export wrote them; the trailer line (count and SHA-256 of those lines)
was appended when exports gained one, since an import now refuses a file without it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from api.cli.transfer import import_log
from api.composition import build_services
from api.settings import Settings
from projections.clocks import Clocks

LOG = Path(__file__).parent / "fixtures" / "log_before_envelope_escape.jsonl"


class LegacyLogContract:
    def test_every_event_decodes_projects_and_rebuilds(self, database_url):
        services = build_services(Settings(TIMELINE_DATABASE_URL=database_url))
        try:
            assert import_log(services.log, LOG) == 15
            notifications = services.app.recorder.select_notifications(start=1, limit=100)
            assert [services.app.mapper.to_domain_event(n).originator_version for n in notifications]
            for runner in services.projections.values():
                assert runner.rebuild() == 15
            assert services.stuck(fresh=True) == []
            company = services.queries.company("旧芯片", Clocks(date(2026, 1, 1)))
            assert [(v["venue"], v["stage"], v["since"]["text"]) for v in company["venues"]] == [
                ("SSE-STAR", "accepted", "2025-06-30")  # corrected to the day; the listing was retracted
            ]
            reported = [f for f in company["facts"] if f["kind"] == "financials_reported"]
            metrics = next(f["fields"]["metrics"] for f in reported if "metrics" in f["fields"])
            assert metrics == {
                "_type_": {"amount": "1", "currency": "CNY"},
                "_data_": {"amount": "2", "currency": "CNY"},
            }
            growth = next(f["fields"]["growth_pct"] for f in reported if "growth_pct" in f["fields"])
            assert growth == {"_type_": "12.5", "_data_": "-3"}
            assert services.app.get_fact(reported[0]["fact_id"])["fields"]["period"] in ("FY2023", "FY2024")
        finally:
            services.close()


class TestLegacyLogOnSQLite(LegacyLogContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


@pytest.mark.postgres
class TestLegacyLogOnPostgres(LegacyLogContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
