"""The panel is the pipeline asked on each of its dates twice, as published that day and as known now:
checked against those point questions (the brute force the panel replaces) on the seed data and on
random logs with corrections, retractions and late sources."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from projections.clocks import Clocks
from projections.queries.panel.asking import PanelFilters, PanelTooLarge, grid
from projections.queries.questions import Queries
from projections.timeline.projector import timeline_projection
from tests.projections.random_logs import RandomLogs, search
from tests.projections.test_projection_matches_a_naive_fold import BASE, COMPANIES, apply, operations


def by_point_questions(queries: Queries, dates: list[date], known_at: int, venue: str | None = None) -> set[tuple]:
    """(date, company, venue, stage then, certain then, stage now, certain now) from two pipelines per date."""
    rows = set()
    for day in dates:
        now = {
            (e["company_id"], e["venue"]): e for e in queries.pipeline(Clocks(day, known_at), venue=venue)["entries"]
        }
        then = {
            (e["company_id"], e["venue"]): e
            for e in queries.pipeline(Clocks(day, known_at, published_by=day), venue=venue)["entries"]
        }
        for pair in now.keys() | then.keys():
            a, h = then.get(pair), now.get(pair)
            rows.add(
                (
                    day,
                    *pair,
                    a and a["stage"],
                    a and a["certain"],
                    h and h["stage"],
                    h and h["certain"],
                )
            )
    return rows


def from_the_panel(queries: Queries, dates: list[date], known_at: int, venue: str | None = None) -> set[tuple]:
    table = queries.panel(dates, Clocks(dates[-1], known_at), PanelFilters(venue=venue), 10**7)
    rows = table.to_pylist()
    assert all(r["leak"] == (r["stage_as_published"] != r["stage_hindsight"]) for r in rows)
    return {
        (
            r["date"],
            r["company_id"],
            r["venue"],
            r["stage_as_published"],
            r["certain_as_published"],
            r["stage_hindsight"],
            r["certain_hindsight"],
        )
        for r in rows
    }


def test_a_monthly_panel_of_the_seed_data_equals_the_point_questions(seeded):
    dates = grid(date(2019, 1, 1), date(2026, 6, 30), "month")
    assert from_the_panel(seeded.queries, dates, Clocks.NOW) == by_point_questions(seeded.queries, dates, Clocks.NOW)


def test_a_weekly_panel_of_one_venue_as_known_at_a_past_position_equals_the_point_questions(seeded):
    dates = grid(date(2025, 5, 1), date(2025, 9, 30), "week")
    known_at = seeded.app.position() - 30  # before the last seed revisions
    got = from_the_panel(seeded.queries, dates, known_at, venue="SSE-STAR")
    assert got == by_point_questions(seeded.queries, dates, known_at, venue="SSE-STAR")
    assert got  # the seed data has STAR rows in these weeks


def test_the_panel_is_sorted_by_date_and_says_when_it_is_too_large(seeded):
    dates = grid(date(2025, 1, 1), date(2025, 12, 31), "month")
    table = seeded.queries.panel(dates, Clocks(dates[-1]), PanelFilters(), 10**7)
    days = table["date"].to_pylist()
    assert days == sorted(days)
    with pytest.raises(PanelTooLarge, match=f"{table.num_rows:,} rows"):
        seeded.queries.panel(dates, Clocks(dates[-1]), PanelFilters(), table.num_rows - 1)


class PanelContract(RandomLogs):
    @pytest.mark.slow  # a property search over real stores
    def test_a_panel_of_random_logs_equals_the_point_questions(self, store):
        app, db = store
        counter = iter(range(10**6))

        @search(25)
        @given(ops=operations, start=st.integers(-10, 100), step=st.sampled_from(["day", "week", "month"]))
        def check(ops, start, step):
            prefix = f"p{next(counter)}-"
            for company in COMPANIES:
                app.register_company(prefix + company)
            apply(app, [(op[0], prefix + op[1], *op[2:]) if op[0] == "record" else op for op in ops])
            timeline_projection(db, app.recorder, app.mapper).catch_up(batch_size=6)
            queries = Queries(db)
            first = BASE + timedelta(days=start)
            dates = grid(first, first + timedelta(days=120 if step == "month" else 40), step)
            head = app.recorder.max_notification_id() or 0
            # The questions share one read (a session, as a request's questions do): the same statements, without a
            # connection, a ping and a transaction of their own for each.
            with db.session():
                for known_at in (head, head - len(ops) // 2):
                    assert from_the_panel(queries, dates, known_at) == by_point_questions(queries, dates, known_at)

        check()


class TestPanelOnSQLite(PanelContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


@pytest.mark.postgres
class TestPanelOnPostgres(PanelContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
