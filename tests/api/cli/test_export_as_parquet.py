"""`timeline export --format parquet -o DIR` catches the read models up and writes the five files at the log's
head, or at `--known-at`; the JSON Lines export stays the default."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from api.cli.transfer import parquet_export
from api.composition import build_services
from api.settings import Settings
from tests.api.cli.conftest import timeline
from tests.api.cli.exports import event_lines, head_of, timeline_in_process
from tests.projections.synthetic import fill


def position_of(path):
    return int(pq.read_schema(path).metadata[b"timeline.position"])


def test_the_store_is_exported_at_the_head_of_its_log(store, tmp_path):
    done = timeline(store, "export", "--format", "parquet", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    head = head_of(store)
    for name in ("events", "facts", "stage_intervals", "companies", "names"):
        assert position_of(tmp_path / "out" / f"{name}.parquet") == head
    assert pq.read_table(tmp_path / "out" / "events.parquet").num_rows == head
    assert f"at position {head}" in done.stderr


def test_known_at_exports_the_store_as_it_stood_then(store, tmp_path):
    done = timeline(store, "export", "--format", "parquet", "-o", str(tmp_path), "--known-at", "100")
    assert done.returncode == 0, done.stderr
    assert position_of(tmp_path / "facts.parquet") == 100
    assert pq.read_table(tmp_path / "events.parquet").column("position").to_pylist() == list(range(1, 101))


def test_parquet_needs_a_folder_and_json_lines_stays_the_default(store, tmp_path):
    refused = timeline_in_process(store, "export", "--format", "parquet")  # refusals: the code in this process
    assert refused.returncode == 2
    assert "--output" in refused.stderr
    assert timeline_in_process(store, "export", "--known-at", "5").returncode == 2
    done = timeline(store, "export", "-o", str(tmp_path / "log.jsonl"))
    assert done.returncode == 0, done.stderr
    events, trailer = event_lines(tmp_path / "log.jsonl")
    assert trailer is not None
    assert trailer["count"] == len(events) == head_of(store)


def test_read_models_that_stay_behind_the_log_export_nothing(sqlite_url, tmp_path, monkeypatch):
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    try:
        fill(services.app, companies=3, facts=10)
        # A projection stuck at an event catches up no further; the files would lack the events after it.
        monkeypatch.setattr(services.projection, "catch_up", lambda *args, **kwargs: 0)
        with pytest.raises(ValueError, match="behind the log"):
            parquet_export(services, tmp_path / "out")
        assert not (tmp_path / "out").exists()
    finally:
        services.close()
