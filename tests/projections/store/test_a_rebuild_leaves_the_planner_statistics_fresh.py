"""After a rebuild, PostgreSQL's planner knows the rows it wrote: without statistics it planned a
sector's counts as a scan of every node of the board (23 ms instead of 0.1 ms at M)."""

from __future__ import annotations

import pytest

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.indexes.daily_counts import daily_counts_projection
from projections.timeline.projector import timeline_projection
from tests.projections.synthetic import fill


@pytest.mark.postgres
def test_a_rebuild_analyses_every_read_model_table_it_wrote(postgres_url):
    app = TimelineApplication(environment_for(postgres_url))
    fill(app, companies=6, facts=40, seed=5)
    db = read_store(app)
    try:
        for projection in (timeline_projection, daily_counts_projection):
            projection(db, app.recorder, app.mapper).rebuild()
        never = db.query(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.reltuples < 0 ORDER BY 1"
        )
        analysed = db.query(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.reltuples > 0 ORDER BY 1"
        )
        assert [row[0] for row in never] == []  # -1: never analysed (PostgreSQL 14+)
        assert {"rm_board", "rm_board_counts", "rm_stage_rows", "dc_tree"} <= {row[0] for row in analysed}
    finally:
        db.close()
        app.close()
