"""A company's stage history over both clocks: each stage row as a rectangle of valid time x knowledge time.

The stage rows are already that picture (stage_rows.py): each holds a stage over a range of valid days,
believed between two log positions. Read for one publication day (every source, by default), the rows
of one mode tile the plane: a correction that redrew the past ends rectangles at its position and
opens new ones there, so one picture shows what was believed about when.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.clocks import MAX_POSITION
from projections.queries.answers import HistoryRectangle, LogPoint
from projections.queries.rows_to_answers import day_text
from projections.stage_rows import MAX_DAY
from projections.store.read_store import ReadStore, key_chunks


class StageHistory:
    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def rectangles(self, company_id: str, venue: str | None, published_by: date | None) -> list[HistoryRectangle]:
        """Every stage rectangle of the company (certain: the certain-mode rows, where the stage certainly
        held; the others where it possibly did), by venue, then knowledge, then valid time."""
        p = self.store.p
        day = published_by.toordinal() if published_by else MAX_DAY - 1
        where, params = f"company_id = {p} AND pub_from <= {p} AND pub_to > {p}", [company_id, day, day]
        if venue is not None:
            where += f" AND venue = {p}"
            params.append(venue)
        rows = self.store.query(
            f"""SELECT venue, mode, stage, suspended, fact_id, valid_from, valid_to, pub_from, rec_from, rec_to
                FROM rm_stage_rows WHERE {where} ORDER BY venue, rec_from, valid_from, mode""",
            params,
        )
        times = self._recorded_at({row[8] for row in rows} | {row[9] for row in rows if row[9] < MAX_POSITION})
        return [_rectangle(row, times) for row in rows]

    def _recorded_at(self, positions: set[int]) -> dict[int, str]:
        if not positions:
            return {}
        p = self.store.p
        found: dict[int, str] = {}
        for chunk in key_chunks(sorted(positions)):
            statement = f"SELECT position, recorded_at FROM rm_log WHERE position IN ({', '.join([p] * len(chunk))})"
            found.update(dict(self.store.query(statement, chunk)))
        return found


def _rectangle(row: Any, times: dict[int, str]) -> HistoryRectangle:
    venue, mode, stage, suspended, fact_id, valid_from, valid_to, pub_from, rec_from, rec_to = row
    known_to: LogPoint | None = None
    if rec_to < MAX_POSITION:
        known_to = {"position": rec_to, "recorded_at": times.get(rec_to)}
    return {
        "venue": venue,
        "stage": stage,
        "suspended": bool(suspended),
        "certain": mode == "certain",
        "fact_id": fact_id,
        "valid_from": day_text(valid_from),
        "valid_to": None if valid_to >= MAX_DAY else day_text(valid_to),
        "known_from": {"position": rec_from, "recorded_at": times.get(rec_from)},
        "known_to": known_to,
        "public_from": day_text(pub_from),
    }
