"""An import stores every event at the position it had, gaps included (a PostgreSQL log has them where
transactions failed), so `known_at` positions, `/feed?after=N` checkpoints and the positions earlier writes
answered keep their meaning; the next write goes after the head; exporting again gives the same file."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from api.cli.transfer import export_log, import_log
from api.composition import build_services
from api.settings import Settings
from tests.api.cli.exports import event_lines, write_export
from tests.conftest import fresh_schema
from tests.projections.synthetic import fill


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def imported_positions(url: str, path: Path) -> tuple[list[int], list[int], str]:
    """Import ``path`` into ``url``: the positions stored, the store exported again, and the positions of
    a write made afterwards (a company and the claims of its name)."""
    target = build_services(Settings(TIMELINE_DATABASE_URL=url))
    try:
        import_log(target.log, path)
        target.projection.catch_up()
        positions = [event.position for event in target.log.after(0, 100_000)]
        assert target.queries.position_known_at(datetime(2100, 1, 1, tzinfo=UTC)) == positions[-1]
        again = io.StringIO()
        export_log(target.log, again)
        target.app.register_company("Written After The Import")
        return positions, again.getvalue(), [event.position for event in target.log.after(positions[-1], 10)]
    finally:
        target.close()


def test_an_export_with_gaps_imports_at_the_same_positions(seeded, tmp_path, target_url):
    exported = tmp_path / "seeded.jsonl"
    with exported.open("w", encoding="utf-8") as out:
        export_log(seeded.log, out)
    events, _ = event_lines(exported)
    for event in events:  # gaps of every size: none, 2 and 1000
        event["position"] = event["position"] * 3 + (1000 if event["position"] > 100 else 0)
    gapped = write_export(tmp_path / "gapped.jsonl", events)

    positions, again, after = imported_positions(target_url, gapped)
    assert positions == [event["position"] for event in events]
    assert after == list(range(positions[-1] + 1, positions[-1] + 1 + len(after)))  # right after the head
    assert len(after) >= 2
    assert again == gapped.read_text(encoding="utf-8")


@pytest.mark.postgres
def test_a_postgres_log_with_sequence_gaps_imports_at_the_same_positions(postgres_available, tmp_path, target_url):
    with fresh_schema() as source_url:
        source = build_services(Settings(TIMELINE_DATABASE_URL=source_url))
        fill(source.app, companies=4, facts=30, seed=1)
        # What failed transactions leave behind: sequence numbers no stored event has.
        schema = source_url.split("schema=")[1]
        with psycopg.connect(source_url.split("?")[0], autocommit=True) as conn:
            conn.execute(
                "SELECT setval(pg_get_serial_sequence(quote_ident(%s) || '.' || quote_ident(%s), 'notification_id'), "
                "(SELECT max(notification_id) FROM "
                + f'"{schema}".{source.app.recorder.events_table_name}'
                + ") + 300)",
                (schema, source.app.recorder.events_table_name),
            )
        fill(source.app, companies=4, facts=60, seed=2)
        source_positions = [event.position for event in source.log.after(0, 100_000)]
        assert source_positions[-1] > len(source_positions) + 250  # the gap is there
        exported = tmp_path / "source.jsonl"
        with exported.open("w", encoding="utf-8") as out:
            export_log(source.log, out)
        source.close()

    positions, again, after = imported_positions(target_url, exported)
    assert positions == source_positions
    assert after == list(range(positions[-1] + 1, positions[-1] + 1 + len(after)))  # right after the head
    assert len(after) >= 2
    assert again == exported.read_text(encoding="utf-8")
