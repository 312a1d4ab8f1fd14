"""Property test: pipeline counts at any past log position, read from the versions of the daily counts' tree
and the stage rows since its last checkpoint, equal the stage rows counted at that point, whatever the batches.

Random logs with corrections, moves and retractions are appended to one store; the daily counts catch up in
random batch sizes (or are rebuilt), and then every position of the new log, those on a checkpoint, just
before and after one and in the middle of a batch alike, and some earlier ones, are asked on several days in
both modes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.clocks import Clocks
from projections.indexes import daily_counts_versions
from projections.indexes.daily_counts import daily_counts_projection
from projections.queries.pipeline import Filters, PipelineQueries
from projections.timeline.projector import timeline_projection
from tests.projections.random_logs import RandomLogs, search
from tests.projections.test_projection_matches_a_naive_fold import BASE, COMPANIES, VENUES, apply, operations

batch_sizes = st.lists(st.integers(1, 40), min_size=1, max_size=4)
days = st.lists(st.integers(-10, 200), min_size=2, max_size=4)
earlier = st.lists(st.integers(0, 10**6), max_size=6)  # positions of earlier examples' logs, modulo its start
filters = st.sampled_from([Filters(), Filters(venue=VENUES[0]), Filters(stage="filed")])


class PastCountsContract(RandomLogs):
    #: Positions a stretch of the tree's versions: a few, so that the logs here cross many checkpoints; and
    #: the service's own, under which they mostly ask the stage rows since the first.
    @pytest.fixture(params=[5, daily_counts_versions.CHECKPOINT])
    def checkpoint(self, request, monkeypatch):
        monkeypatch.setattr(daily_counts_versions, "CHECKPOINT", request.param)
        return request.param

    def test_counts_at_every_past_position_equal_the_stage_rows_counted_there(self, store, checkpoint):
        app, db = store
        counter = iter(range(10**6))
        timeline = timeline_projection(db, app.recorder, app.mapper)
        daily = daily_counts_projection(db, app.recorder, app.mapper)
        stages = PipelineQueries(db)

        @search(25)
        @given(ops=operations, sizes=batch_sizes, rebuild=st.booleans(), asks=days, narrowed=filters, before=earlier)
        def check(ops, sizes, rebuild, asks, narrowed, before):
            start = app.position()
            prefix = f"r{next(counter)}-"
            for company in COMPANIES:
                app.register_company(prefix + company)
            apply(app, [(op[0], prefix + op[1], *op[2:]) if op[0] == "record" else op for op in ops])
            timeline.catch_up(batch_size=sizes[0])
            if rebuild:
                daily.rebuild(batch_size=sizes[-1])
            else:
                n = 0
                while daily.catch_up(batch_size=sizes[n % len(sizes)]):
                    n += 1
            head = app.position()
            # The questions share one read (a session, as a request's questions do): the statements are the same,
            # without a connection, a ping and a transaction of their own for each of thousands.
            with db.session():
                for known_at in sorted({n % (start + 1) for n in before} | set(range(start, head + 1))):
                    for day_offset in asks:
                        for certain_only in (False, True):
                            clocks = Clocks(BASE + timedelta(days=day_offset), known_at, certain_only=certain_only)
                            versioned = daily_counts_versions.counts_at(db, clocks, narrowed.venue, narrowed.stage)
                            assert versioned is not None, known_at  # the daily counts have reached every position
                            counted = stages.counted_at_point(clocks, narrowed)
                            assert sorted(versioned) == sorted(tuple(row) for row in counted), (clocks, narrowed)
                            assert stages.counts(clocks, narrowed) == _nested(counted), (clocks, narrowed)

        check()


def _nested(rows) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for venue, stage, n in rows:
        counts.setdefault(venue, {})[stage] = int(n)
    return counts


class TestPastCountsOnSQLite(PastCountsContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


@pytest.mark.postgres
class TestPastCountsOnPostgres(PastCountsContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url

    # The dialect's part (the statements of counts_at) is the same whatever the stretch; many checkpoints a log
    # exercise it most. SQLite runs both stretches, and each PostgreSQL question is a round trip (~19 s a stretch).
    @pytest.fixture
    def checkpoint(self, monkeypatch):
        monkeypatch.setattr(daily_counts_versions, "CHECKPOINT", 5)
        return 5
