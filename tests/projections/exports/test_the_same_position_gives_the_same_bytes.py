"""An export is addressed by its log position: the same position gives byte-identical files, exported again,
after later corrections, retractions and name changes, and from PostgreSQL holding the same log as SQLite."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from api.cli.transfer import export_log, import_log
from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from tests.projections.exports.analysis import export
from tests.projections.synthetic import fill

FILES = ("events", "facts", "stage_intervals", "companies", "names")
FIX = Source("later.txt", parse_date("2026-02-01"), "a later statement")


def contents(directory: Path) -> dict[str, bytes]:
    return {name: (directory / f"{name}.parquet").read_bytes() for name in FILES}


@pytest.fixture
def store(sqlite_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    fill(services.app, companies=10, facts=120, seed=5)
    services.projection.catch_up()
    yield services
    services.close()


def test_exporting_twice_gives_the_same_bytes(store, tmp_path):
    export(store, tmp_path / "first")
    export(store, tmp_path / "second")
    assert contents(tmp_path / "first") == contents(tmp_path / "second")
    assert sorted(p.name for p in (tmp_path / "first").iterdir()) == sorted(f"{name}.parquet" for name in FILES)


def test_an_export_at_a_past_position_keeps_its_bytes_after_later_writes(store, tmp_path):
    middle = store.app.position() // 2
    export(store, tmp_path / "before", known_at=middle)
    fact_ids = [f["fact_id"] for f in store.app.company_facts("Synthetic 001")]
    store.app.correct_fact(fact_ids[0], reason="later correction", sources=[FIX], date="2024-03-01")
    store.app.retract_fact(fact_ids[1], reason="later retraction", sources=[FIX])
    store.app.add_alias("Synthetic 002", "Synthetic Two Holdings", FIX)
    store.app.retire_name("Synthetic 003", "合成003", reason="registered by mistake", sources=[FIX])
    store.projection.catch_up()
    export(store, tmp_path / "after", known_at=middle)
    assert contents(tmp_path / "after") == contents(tmp_path / "before")
    export(store, tmp_path / "head")
    changed = {n for n, data in contents(tmp_path / "head").items() if data != contents(tmp_path / "before")[n]}
    assert changed == set(FILES)


def test_each_file_says_its_position_and_nothing_of_the_moment_it_was_written(store, tmp_path):
    position = export(store, tmp_path)
    for name in FILES:
        parquet = pq.ParquetFile(tmp_path / f"{name}.parquet")
        metadata = parquet.metadata.metadata  # the footer's key-value pairs, ARROW:schema included
        assert metadata[b"timeline.position"] == str(position).encode()
        assert set(metadata) == {
            b"timeline.position",
            b"timeline.recorded_at",
            b"timeline.format",
            b"timeline.bounds",
            b"ARROW:schema",
        }
        assert parquet.metadata.created_by == f"parquet-cpp-arrow version {pa.__version__}"
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.column("position").to_pylist()[-1] == position
    stamp = pq.read_schema(tmp_path / "events.parquet").metadata[b"timeline.recorded_at"].decode()
    assert events.column("recorded_at").to_pylist()[-1].isoformat() == stamp


def test_open_bounds_are_null_never_the_sentinels(store, tmp_path):
    export(store, tmp_path)
    stages = pq.read_table(tmp_path / "stage_intervals.parquet").to_pylist()
    assert any(row["valid_to"] is None for row in stages)
    assert any(row["rec_to"] is None for row in stages)
    assert all(row[c] is None or row[c].year < 9999 for row in stages for c in ("valid_to", "pub_to"))
    assert all(row["rec_to"] is None or row["rec_to"] <= store.app.position() for row in stages)
    assert all((row["rec_to"] is None) == (row["rec_to_at"] is None) for row in stages)


def test_the_names_at_the_head_are_the_name_index(store, tmp_path):
    store.app.add_alias("Synthetic 002", "Synthetic Two Holdings", FIX)
    store.app.retire_name("Synthetic 003", "合成003", reason="registered by mistake", sources=[FIX])
    store.projection.catch_up()
    export(store, tmp_path)
    names = pq.read_table(tmp_path / "names.parquet").to_pylist()
    open_names = {(n["name_key"], n["company_id"], n["name"], n["source"]) for n in names if n["rec_to"] is None}
    assert open_names == set(store.store.query("SELECT name_key, company_id, name, source FROM rm_names"))
    assert any(n["name"] == "合成003" and n["rec_to"] is not None for n in names)


@pytest.mark.postgres
def test_postgresql_holding_the_same_log_gives_the_same_bytes(store, postgres_url, tmp_path):
    log = tmp_path / "log.jsonl"
    with log.open("w", encoding="utf-8") as out:
        export_log(store.log, out)
    target = build_services(Settings(TIMELINE_DATABASE_URL=postgres_url))
    try:
        import_log(target.log, log)
        target.projection.catch_up()
        export(store, tmp_path / "sqlite")
        export(target, tmp_path / "postgres")
        assert contents(tmp_path / "postgres") == contents(tmp_path / "sqlite")
    finally:
        target.close()
