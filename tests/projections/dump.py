"""Every read-model row, without surrogate keys, for comparing two ways of building them."""

from __future__ import annotations

from typing import Any

from projections.store.read_store import ReadStore

_ORDERED_COLUMNS = {
    "rm_tracking": "name, position",
    "rm_log": "position, recorded_at",
    "rm_companies": "company_id, key, name, aliases, sector, rec_from",
    "rm_names": "name_key, company_id, name",
    "rm_retired_names": "company_id, position, name, names, reason, sources, recorded_at",
    "rm_alias_versions": "company_id, aliases, rec_from, rec_to",
    "rm_markets": "market_id, code",
    "rm_fact_versions": "fact_id, rec_from, rec_to, subject_type, subject_id, kind, category, venue, date_text, "
    "date_raw, earliest, latest, fields, sources, summary, published, pub_to, step, revised",
    "rm_fact_history": "fact_id, position, step, recorded_at, detail",
    "rm_stage_rows": "company_id, venue, mode, rec_from, rec_to, valid_from, valid_to, pub_from, pub_to, stage, "
    "suspended, fact_id",
    "rm_board": "company_id, venue, mode, node, rank, since, name, sector",
    "rm_documents": "document_id, document_key, document, kind, title, publisher, url, language, published, grade, "
    "grade_rank, grade_reason, rec_from, rec_to",
}


_DAILY_COUNTS = {
    "dc_facts": ("fact_id, company_id, venue, kind, earliest, latest", ""),
    "dc_intervals": ("company_id, venue, mode, valid_from, valid_to, stage", ""),
    # A delta that cancelled out to 0 is the same as no row.
    "dc_deltas": ("mode, day, venue, stage, delta", "WHERE delta <> 0"),
    "dc_tree": ("mode, node, venue, stage, n", "WHERE n <> 0"),
}


#: Source days belong to a fact version; named by the version's fact and position, not its surrogate id.
_FACT_SOURCES = """SELECT v.fact_id, v.rec_from, s.document_key, s.published FROM rm_fact_sources s
    JOIN rm_fact_versions v ON v.version_id = s.version_id ORDER BY v.fact_id, v.rec_from, s.document_key"""


def dump(db: ReadStore, daily_counts: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    tables = {table: (columns, "") for table, columns in _ORDERED_COLUMNS.items()}
    tables["rm_board_counts"] = ("mode, node, sector, venue, rank, n", "WHERE n <> 0")  # 0: as if no row
    if daily_counts:
        tables.update(_DAILY_COUNTS)
    rows = {
        table: [tuple(row) for row in db.query(f"SELECT {columns} FROM {table} {where} ORDER BY {columns}")]
        for table, (columns, where) in tables.items()
    }
    rows["rm_fact_sources"] = [tuple(row) for row in db.query(_FACT_SOURCES)]
    return rows
