"""The read models as they stood at one log position: rows of the bitemporal tables believed by then.

Rows of ``rm_fact_versions`` and ``rm_stage_rows`` are never changed after they are written except to
close them (``rec_to``), so the rows with ``rec_from <= K``, each with ``rec_to`` past K read as open, are
exactly the tables as they stood at position K: the same rows however much is written later. That is
what lets an export be addressed by position. Companies are the same (their name, key and sector never
change; their aliases at K come from ``rm_alias_versions``).

Rows come back sorted here, in Python, not by ORDER BY: SQLite compares text byte by byte while
PostgreSQL follows its collation, and the export must be the same bytes from either.
"""

from __future__ import annotations

from typing import Any

import orjson

from projections.clocks import MAX_POSITION
from projections.store.read_store import ReadStore

_SYSTEM_TIMES = """LEFT JOIN rm_log lf ON lf.position = t.rec_from
    LEFT JOIN rm_log lt ON lt.position = t.rec_to"""

_FACTS = f"""SELECT t.fact_id, t.step, t.subject_type, t.subject_id, t.kind, t.category, t.venue, t.date_text,
        t.date_raw, t.earliest, t.latest, t.fields, t.sources, t.summary, t.published, t.pub_to,
        t.rec_from, t.rec_to, lf.recorded_at, lt.recorded_at
    FROM rm_fact_versions t {_SYSTEM_TIMES}
    WHERE t.rec_from <= {{p}}"""

_STAGE_ROWS = f"""SELECT t.company_id, t.venue, t.mode, t.stage, t.suspended, t.fact_id, t.valid_from, t.valid_to,
        t.pub_from, t.pub_to, t.rec_from, t.rec_to, lf.recorded_at, lt.recorded_at
    FROM rm_stage_rows t {_SYSTEM_TIMES}
    WHERE t.rec_from <= {{p}}"""

_COMPANIES = """SELECT c.company_id, c.key, c.name, a.aliases, c.sector, c.rec_from, l.recorded_at
    FROM rm_companies c
    JOIN rm_alias_versions a ON a.company_id = c.company_id AND a.rec_from <= {p} AND a.rec_to > {p}
    LEFT JOIN rm_log l ON l.position = c.rec_from
    WHERE c.rec_from <= {p}"""


def tracked_position(store: ReadStore) -> int:
    """The log position the core read models have applied."""
    rows = store.query("SELECT position FROM rm_tracking WHERE name = 'timeline'")
    return int(rows[0][0]) if rows else 0


def recorded_at(store: ReadStore, position: int) -> str | None:
    """The system time of the last event at or before ``position`` (None before the first)."""
    rows = store.query(
        "SELECT recorded_at FROM rm_log WHERE position = "
        f"(SELECT max(position) FROM rm_log WHERE position <= {store.p})",
        (position,),
    )
    return str(rows[0][0]) if rows else None


def fact_versions(store: ReadStore, position: int) -> list[tuple[Any, ...]]:
    """Fact versions in (fact, recorded from, step) order, a unique key: one chain per fact per position."""
    rows = [_closed_at(row, position, 17) for row in store.query(_FACTS.format(p=store.p), (position,))]
    return sorted(rows, key=lambda r: (r[0], r[16], r[1]))


def stage_rows(store: ReadStore, position: int) -> list[tuple[Any, ...]]:
    """Stage rows in (company, venue, mode, recorded from, valid from, publication from) order: unique, as the
    rectangles believed at one position for one pair and mode do not overlap."""
    rows = [_closed_at(row, position, 11) for row in store.query(_STAGE_ROWS.format(p=store.p), (position,))]
    return sorted(rows, key=lambda r: (r[0], r[1], r[2], r[10], r[6], r[8], r[5], r[3]))


def companies(store: ReadStore, position: int) -> list[tuple[Any, ...]]:
    """Companies registered by ``position``, with their aliases as they were then, in id order."""
    p = store.p
    rows = store.query(_COMPANIES.format(p=p), (position, position, position))
    return sorted(
        ((company_id, key, name, orjson.loads(aliases), *rest) for company_id, key, name, aliases, *rest in rows),
        key=lambda r: r[0],
    )


def _closed_at(row: tuple[Any, ...], position: int, rec_to: int) -> tuple[Any, ...]:
    """A row as it stood at ``position``: closed after it means still believed then (MAX_POSITION, no time)."""
    if int(row[rec_to]) > position:
        return (*row[:rec_to], MAX_POSITION, *row[rec_to + 1 : -1], None)
    return tuple(row)
