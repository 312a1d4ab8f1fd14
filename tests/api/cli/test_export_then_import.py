"""Export the seeded log, import it into a fresh store: every clock gives the same answers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from api.cli.transfer import export_log, import_log
from api.composition import build_services
from api.settings import Settings
from projections.clocks import Clocks
from seeds.loading import load_seeds
from tests.application.contract import XINHUA

DAYS = [
    date(2019, 7, 22),
    date(2023, 12, 31),
    date(2025, 6, 15),
    date(2025, 6, 30),
    date(2025, 7, 31),
    date(2026, 1, 31),
]


def answers(services, positions):
    out = []
    for day in DAYS:
        for known_at in positions:
            for published_by in (None, date(2025, 7, 21), date(2026, 1, 26)):
                for certain_only in (False, True):
                    clocks = Clocks(day, known_at, published_by, certain_only)
                    out.append(services.queries.pipeline(clocks))
                    out.append(services.queries.timeline(date(2019, 1, 1), day, clocks))
        out.append(services.queries.company("Moore Threads", Clocks(day)))
    return out


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_export_then_import_into_a_fresh_store_gives_identical_answers(tmp_path, target_url):
    source = build_services(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{tmp_path / 'source.db'}"))
    load_seeds(source.app)
    fact_id = source.app.company_facts("MetaX")[0]["fact_id"]
    source.app.correct_fact(fact_id, reason="export test", sources=[XINHUA], date="2025-07-01")
    source.projection.catch_up()
    exported = tmp_path / "log.jsonl"
    with exported.open("w", encoding="utf-8") as out:
        count = export_log(source.log, out)
    assert count == source.app.position()

    target = build_services(Settings(TIMELINE_DATABASE_URL=target_url))
    assert import_log(target.log, exported) == count
    target.projection.catch_up()
    positions = [50, 200, count - 1, count]
    assert answers(target, positions) == answers(source, positions)
    assert target.queries.position_known_at(datetime(2100, 1, 1, tzinfo=UTC)) == count

    with pytest.raises(ValueError, match="empty store"):
        import_log(target.log, exported)
    source.close()
    target.close()


def test_a_broken_export_line_imports_nothing(tmp_path, sqlite_url):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"position": 1}\n', encoding="utf-8")
    target = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    with pytest.raises(ValueError, match="line 1"):
        import_log(target.log, broken)
    assert target.app.position() == 0
    target.close()
