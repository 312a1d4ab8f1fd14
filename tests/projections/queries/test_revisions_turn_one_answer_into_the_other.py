"""Revisions are exact: the changes between two knowledge times, applied to the pipeline at the first,
give the pipeline at the second; every cause lies between them; no change means equal answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.clocks import Clocks
from projections.queries.questions import Queries
from projections.timeline.projector import timeline_projection
from tests.projections.random_logs import RandomLogs, search
from tests.projections.test_projection_matches_a_naive_fold import BASE, COMPANIES, apply, operations

windows = st.lists(
    st.tuples(
        st.integers(-10, 200), st.integers(0, 100), st.integers(0, 100), st.none() | st.integers(0, 150), st.booleans()
    ),
    min_size=3,
    max_size=6,
)


def board(queries: Queries, clocks: Clocks, prefix: str) -> dict[tuple[str, str], tuple]:
    return {
        (e["company_id"], e["venue"]): (e["stage"], e["since"], e["certain"], e["suspended"])
        for e in queries.pipeline(clocks)["entries"]
        if e["company"].startswith(prefix)
    }


def held(state: dict | None) -> tuple | None:
    return None if state is None else (state["stage"], state["since"], state["certain"], state["suspended"])


class RevisionsContract(RandomLogs):
    @pytest.mark.slow  # a property search over real stores
    def test_the_changes_turn_the_first_answer_into_the_second_and_name_their_causes(self, store):
        app, db = store
        counter = iter(range(10**6))

        @search(30)
        @given(ops=operations, asks=windows)
        def check(ops, asks):
            prefix = f"v{next(counter)}-"
            renamed = [(op[0], prefix + op[1], *op[2:]) if op[0] == "record" else op for op in ops]
            first = app.recorder.max_notification_id() or 0
            for company in COMPANIES:
                app.register_company(prefix + company)
            apply(app, renamed)
            timeline_projection(db, app.recorder, app.mapper).catch_up(batch_size=5)
            queries = Queries(db)
            last = app.recorder.max_notification_id() or 0
            # The questions share one read (a session, as a request's questions do): the same statements, without a
            # connection, a ping and a transaction of their own for each.
            with db.session():
                for day_offset, a, b, published, certain_only in asks:
                    as_of = BASE + timedelta(days=day_offset)
                    since, until = sorted(first + (last - first) * pct // 100 for pct in (a, b))
                    published_by = BASE + timedelta(days=published) if published is not None else None
                    answer = queries.revisions(as_of, since, until, published_by, certain_only)
                    before = board(queries, Clocks(as_of, since, published_by, certain_only), prefix)
                    after = board(queries, Clocks(as_of, until, published_by, certain_only), prefix)
                    ours = [c for c in answer["changes"] if c["company"].startswith(prefix)]
                    assert len(ours) == len(answer["changes"])  # earlier examples' companies had no events here
                    assert applied(before, ours) == after
                    assert (not ours) == (before == after)
                    for change in ours:
                        assert all(since < cause["position"] <= until for cause in change["causes"])
                    check_counts(queries, answer, as_of, (since, published_by), (until, published_by), certain_only)
                    # The publication clock: what the public learned between two days, as known at ``until``.
                    first_day, last_day = sorted(BASE + timedelta(days=d) for d in (a + 20, b + 40))
                    learned = queries.learned(as_of, first_day, last_day, until, certain_only)
                    before = board(queries, Clocks(as_of, until, first_day, certain_only), prefix)
                    after = board(queries, Clocks(as_of, until, last_day, certain_only), prefix)
                    ours = [c for c in learned["changes"] if c["company"].startswith(prefix)]
                    assert applied(before, ours) == after
                    assert (not ours) == (before == after)
                    for cause in (cause for change in ours for cause in change["causes"]):
                        assert cause["position"] <= until
                        days = [date.fromisoformat(s["published"]["latest"]) for s in cause["sources"]]
                        assert days
                        assert all(first_day < day <= last_day for day in days)
                    check_counts(queries, learned, as_of, (until, first_day), (until, last_day), certain_only)

        check()


def applied(before: dict, changes: list[dict]) -> dict:
    """The first answer with the changes applied; each change must start from what the answer held, and
    name its causes."""
    moved = dict(before)
    for change in changes:
        pair = (change["company_id"], change["venue"])
        assert moved.get(pair) == held(change["before"])
        assert change["causes"]
        if change["after"] is None:
            del moved[pair]
        else:
            moved[pair] = held(change["after"])
    return moved


def check_counts(queries, answer, as_of, earlier, later, certain_only) -> None:
    """The counts that moved: each moved by what the changes say, and each equals the pipeline's count."""
    for venue, stages in answer["counts"].items():
        for stage, count in stages.items():
            moved = sum(
                (c["after"] is not None and c["after"]["stage"] == stage)
                - (c["before"] is not None and c["before"]["stage"] == stage)
                for c in answer["changes"]
                if c["venue"] == venue
            )
            assert count["after"] - count["before"] == moved != 0
            for (at, by), expected in ((earlier, count["before"]), (later, count["after"])):
                counted = queries.pipeline(Clocks(as_of, at, by, certain_only), venue=venue, stage=stage, limit=0)
                assert counted["counts"].get(venue, {}).get(stage, 0) == expected


class TestRevisionsOnSQLite(RevisionsContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


@pytest.mark.postgres
class TestRevisionsOnPostgres(RevisionsContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
