"""The incrementally kept daily counts agree with the core read models on every day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.composition import build_services
from api.settings import Settings
from projections.clocks import Clocks
from projections.indexes.daily_counts import daily_counts
from projections.queries.pipeline import Filters
from seeds.loading import load_seeds
from tests.projections.synthetic import VENUES, fill


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def services(request):
    built = build_services(Settings(TIMELINE_DATABASE_URL=request.getfixturevalue(f"{request.param}_url")))
    yield built
    built.close()


def core_counts(services, day: date, venue: str, certain_only: bool) -> dict[str, int]:
    """Counted over the stage rows at the point; the pipeline's own counts (from the daily tree) must agree."""
    clocks = Clocks(day, certain_only=certain_only)
    rows = services.queries.stages.counted_at_point(clocks, Filters(venue=venue))
    counted = {stage: n for _venue, stage, n in rows}
    assert services.queries.pipeline(clocks, venue=venue, limit=0)["counts"].get(venue, {}) == counted
    return counted


@pytest.mark.parametrize("dataset", ["seeds", "synthetic"])
def test_daily_counts_equal_the_pipeline_counts_on_every_sampled_day(services, dataset):
    if dataset == "seeds":
        load_seeds(services.app)
        venues, start, end = ["SSE-STAR", "HKEX-MAIN", "CN-A"], date(2019, 1, 1), date(2026, 12, 31)
    else:
        fill(services.app, companies=12, facts=150, seed=3)
        venues, start, end = VENUES, date(2018, 12, 1), date(2026, 3, 31)
    services.catch_up()
    with services.store.session():  # one read for the questions, as a request's questions share one
        for venue in venues:
            series = daily_counts(services.store, start, end, venue)
            assert len(series) == (end - start).days + 1
            for offset in range(0, len(series), 23):
                day = start + timedelta(days=offset)
                row = series[offset]
                assert row["date"] == day.isoformat()
                assert row["possible"] == core_counts(services, day, venue, False), (venue, day)
                assert row["certain"] == core_counts(services, day, venue, True), (venue, day)


def test_a_rebuilt_daily_table_equals_the_incremental_one(services):
    fill(services.app, companies=8, facts=120, seed=9)
    services.catch_up()
    incremental = daily_counts(services.store, date(2019, 1, 1), date(2026, 1, 1))
    services.projections["daily_counts"].rebuild(batch_size=17)
    assert daily_counts(services.store, date(2019, 1, 1), date(2026, 1, 1)) == incremental
