"""The store as five Parquet files at one log position: the same position gives the same bytes.

``events.parquet`` (the log up to the position), ``facts.parquet`` (every fact version), ``stage_intervals.parquet``
(the bitemporal stage rows), ``companies.parquet`` and ``names.parquet``. Each file's schema metadata says the
position it reflects (``timeline.position``) and that position's system time (``timeline.recorded_at``).

Days are Parquet DATEs; every upper bound (``valid_to``, ``pub_to``, ``rec_to``) is exclusive, and an open one
(MAX_DAY or MAX_POSITION in the read models: "until further notice", "still believed") is NULL. Fact bounds
``earliest``..``latest`` are both inclusive, as a fuzzy date's are. docs/analysis.md has the questions as SQL.

Byte for byte the same for one position: rows in a fixed order (``read_models_at.py``), nothing of the
moment of writing in the metadata, and every writer option that decides the bytes pinned here. Parquet's
``created_by`` names the pyarrow version, which cannot be set, so pyproject.toml pins pyarrow to one version.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from projections.clocks import MAX_POSITION
from projections.exports import name_history, read_models_at
from projections.runner import Decoder, LogReader
from projections.stage_rows import MAX_DAY
from projections.store.read_store import ReadStore

FORMAT = "1"  # raised when a file's columns or their meaning change
ROW_GROUP = 65_536
BATCH = 1_000
#: Every option of pyarrow's writer that decides the bytes, pinned (pyarrow's defaults may move).
_WRITER = {
    "version": "2.6",
    "data_page_version": "1.0",
    "compression": "zstd",
    "compression_level": 3,
    "use_dictionary": True,
    "write_statistics": True,
    "store_schema": True,
    "write_page_index": False,
    "write_page_checksum": False,
    "use_content_defined_chunking": False,
    "use_compliant_nested_type": True,
}

_UTC = pa.timestamp("us", tz="UTC")
_POSITION = pa.int64()

EVENTS = pa.schema(
    [
        ("position", _POSITION, False),
        ("recorded_at", _UTC, False),  # system time: the running maximum of event times, so a log prefix
        ("topic", pa.string(), False),
        ("aggregate_id", pa.string(), False),
        ("version", pa.int64(), False),
        ("type", pa.string(), False),
        ("state", pa.string(), False),  # the event as stored: the transcoder's JSON
    ]
)
_BELIEVED = [
    ("rec_from", _POSITION, False),  # believed from this log position ...
    ("rec_to", _POSITION, True),  # ... until this one (exclusive); NULL: still believed at timeline.position
    ("rec_from_at", _UTC, False),
    ("rec_to_at", _UTC, True),
]
FACTS = pa.schema(
    [
        ("fact_id", pa.string(), False),
        ("step", pa.int32(), False),  # the statement that made this version: 0 the recording, then each correction
        ("subject_type", pa.string(), False),
        ("subject_id", pa.string(), False),
        ("kind", pa.string(), False),
        ("category", pa.string(), False),
        ("venue", pa.string(), True),
        ("date_text", pa.string(), False),
        ("date_raw", pa.string(), False),
        ("earliest", pa.date32(), False),  # inclusive
        ("latest", pa.date32(), False),  # inclusive
        ("fields", pa.string(), False),  # JSON
        ("sources", pa.string(), False),  # JSON
        ("summary", pa.string(), True),
        ("published", pa.date32(), False),  # shown to readers of sources published by this day ...
        ("pub_to", pa.date32(), True),  # ... until this one (exclusive); NULL: open
        *_BELIEVED,
    ]
)
STAGE_INTERVALS = pa.schema(
    [
        ("company_id", pa.string(), False),
        ("venue", pa.string(), False),
        ("mode", pa.string(), False),  # possible: facts that possibly happened count; certain: only certain ones
        ("stage", pa.string(), False),
        ("suspended", pa.bool_(), False),
        ("fact_id", pa.string(), False),  # the stage fact that decides
        ("valid_from", pa.date32(), False),
        ("valid_to", pa.date32(), True),  # exclusive; NULL: until further notice
        ("pub_from", pa.date32(), False),
        ("pub_to", pa.date32(), True),  # exclusive; NULL: open
        *_BELIEVED,
    ]
)
COMPANIES = pa.schema(
    [
        ("company_id", pa.string(), False),
        ("key", pa.string(), False),
        ("name", pa.string(), False),
        ("aliases", pa.list_(pa.string()), False),  # as they were at timeline.position
        ("sector", pa.string(), True),
        ("registered", _POSITION, False),
        ("registered_at", _UTC, False),
    ]
)
NAMES = pa.schema(
    [
        ("company_id", pa.string(), False),
        ("name", pa.string(), False),
        ("name_key", pa.string(), False),  # the read-side match key (projections/names.py)
        ("source", pa.string(), True),  # JSON; NULL for names given at registration
        *_BELIEVED,
    ]
)


def export_parquet(
    store: ReadStore, log: LogReader, decoder: Decoder, directory: Path, known_at: int | None = None
) -> int:
    """Write the five files into ``directory`` as the store stood at ``known_at`` (default: as far as the read
    models have applied the log, which is also the furthest allowed); return that position."""
    directory.mkdir(parents=True, exist_ok=True)
    with store.session():  # one snapshot of the read models for every file
        reached = read_models_at.tracked_position(store)
        position = reached if known_at is None else min(known_at, reached)
        stamp = read_models_at.recorded_at(store, position)
        metadata = {
            b"timeline.position": str(position).encode(),
            b"timeline.recorded_at": (stamp or "").encode(),
            b"timeline.format": FORMAT.encode(),
            b"timeline.bounds": b"upper bounds (valid_to, pub_to, rec_to) exclusive; NULL is open",
        }
        facts = map(_fact, read_models_at.fact_versions(store, position))
        _write(directory / "facts.parquet", FACTS, metadata, facts)
        intervals = map(_stage_row, read_models_at.stage_rows(store, position))
        _write(directory / "stage_intervals.parquet", STAGE_INTERVALS, metadata, intervals)
        companies = ((*row[:-1], _time(row[-1])) for row in read_models_at.companies(store, position))
        _write(directory / "companies.parquet", COMPANIES, metadata, companies)
    names = name_history.name_history(
        (n.id, _type(n.topic), decoder.to_domain_event(n))
        for batch in _notifications(log, position)
        for n in batch
        if _type(n.topic) in name_history.TYPES
    )
    times = _system_times(store, [at for row in names for at in (row.rec_from, row.rec_to) if at <= position])
    _write(directory / "names.parquet", NAMES, metadata, (_name(row, position, times) for row in names))
    _write(directory / "events.parquet", EVENTS, metadata, _events(store, log, position))
    return position


def _notifications(log: LogReader, position: int) -> Iterator[Sequence[Any]]:
    """The stored events up to ``position``, a batch at a time."""
    after = 0
    while after < position and (batch := log.select_notifications(start=after + 1, limit=BATCH, stop=position)):
        yield batch
        after = batch[-1].id


def _events(store: ReadStore, log: LogReader, position: int) -> Iterator[tuple[Any, ...]]:
    for batch in _notifications(log, position):
        times = _system_times(store, [n.id for n in batch])
        for n in batch:
            state = bytes(n.state).decode("utf-8")
            yield (n.id, times[n.id], n.topic, str(n.originator_id), n.originator_version, _type(n.topic), state)


def _system_times(store: ReadStore, positions: list[int]) -> dict[int, datetime]:
    """The system time of each of these log positions (rm_log)."""
    times: dict[int, datetime] = {}
    wanted = sorted(set(positions))
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        marks = ", ".join([store.p] * len(chunk))
        rows = store.query(f"SELECT position, recorded_at FROM rm_log WHERE position IN ({marks})", chunk)
        times.update((int(where), datetime.fromisoformat(text)) for where, text in rows)
    return times


def _type(topic: str) -> str:
    return topic.partition(":")[2]


def _write(path: Path, schema: pa.Schema, metadata: dict[bytes, bytes], rows: Iterable[Sequence[Any]]) -> None:
    """Rows into ``path`` in fixed row groups, written beside it and moved in whole (never half a file)."""
    schema = schema.with_metadata(metadata)
    partial = path.with_name(f".{path.name}.partial")
    with pq.ParquetWriter(partial, schema, **_WRITER) as writer:
        chunk: list[Sequence[Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == ROW_GROUP:
                writer.write_table(_table(schema, chunk), row_group_size=ROW_GROUP)
                chunk = []
        if chunk:
            writer.write_table(_table(schema, chunk), row_group_size=ROW_GROUP)
    os.replace(partial, path)


def _table(schema: pa.Schema, rows: list[Sequence[Any]]) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    return pa.table([pa.array(column, type=field.type) for column, field in zip(columns, schema, strict=True)], schema)


def _fact(row: tuple[Any, ...]) -> tuple[Any, ...]:
    (*head, earliest, latest, fields, sources, summary, published, pub_to, rec_from, rec_to, rec_at, to_at) = row
    return (
        *head,
        _day(earliest),
        _day(latest),
        fields,
        sources,
        summary,
        _day(published),
        _day(pub_to),
        *_believed(rec_from, rec_to, rec_at, to_at),
    )


def _stage_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    (company, venue, mode, stage, suspended, fact_id, valid_from, valid_to, pub_from, pub_to, *believed) = row
    days = (_day(valid_from), _day(valid_to), _day(pub_from), _day(pub_to))
    return (company, venue, mode, stage, bool(suspended), fact_id, *days, *_believed(*believed))


def _name(row: name_history.NameRow, position: int, times: dict[int, datetime]) -> tuple[Any, ...]:
    rec_to = row.rec_to if row.rec_to <= position else MAX_POSITION  # retired after the position: a name then
    at = times[row.rec_from], times.get(rec_to)
    return (row.company_id, row.name, row.name_key, row.source, *_believed(row.rec_from, rec_to, *at))


def _believed(
    rec_from: int, rec_to: int, rec_at: str | datetime | None, to_at: str | datetime | None
) -> tuple[Any, ...]:
    return (rec_from, None if rec_to == MAX_POSITION else rec_to, _time(rec_at), _time(to_at))


def _day(ordinal: int) -> date | None:
    return None if ordinal >= MAX_DAY else date.fromordinal(ordinal)


def _time(value: str | datetime | None) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value
