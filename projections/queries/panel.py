"""The backtest panel: for every date of a grid, each (company, venue) with the stage the public could
know that day and the stage known now, in one pass over the stage rows.

A stage row holds a stage over valid days [valid_from, valid_to) for publication days [pub_from,
pub_to), believed at the panel's position (stage_rows.py). So the stage known in hindsight on date d is
the row with pub_to = MAX_DAY whose valid days hold d, and the stage the public could know on d is the
row whose valid days and publication days both hold d. Each row covers a run of grid dates, found by
binary search; the runs are expanded, joined and sorted as arrays (numpy), never row by row, and the
answer is an Arrow table that the API streams as JSON, CSV, Parquet or Arrow.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from domain.vocabulary import STAGE_RANK
from projections.clocks import Clocks
from projections.queries.counts_over_time import month_ends
from projections.queries.labels import Labels
from projections.stage_rows import MAX_DAY
from projections.store.read_store import ReadStore

_STAGES = list(STAGE_RANK)  # rank -> stage
Ints = npt.NDArray[Any]  # numpy arrays of whole numbers (their widths vary: int8 stages, int64 keys)


class PanelTooLarge(ValueError):
    """The panel would have more rows than allowed; says how many."""

    def __init__(self, rows: int, limit: int) -> None:
        super().__init__(f"{rows:,} rows, more than the {limit:,} a panel may have: narrow the range or the freq")
        self.rows = rows


@dataclass(frozen=True)
class PanelFilters:
    venue: str | None = None
    stage: str | None = None  # rows where either stage is this one
    company_id: str | None = None
    sector: str | None = None


def grid(start: date, end: date, freq: str) -> list[date]:
    """The panel's dates: every day; every 7th day from ``start``; or month ends (``end`` last), as charts have."""
    if freq == "month":
        return month_ends(start, end)
    return [date.fromordinal(d) for d in range(start.toordinal(), end.toordinal() + 1, 7 if freq == "week" else 1)]


def _runs(lo: Ints, hi: Ints) -> tuple[Ints, Ints]:
    """Row index and grid index of every grid date in each row's run [lo, hi)."""
    # int32 throughout: a panel never has 2**31 rows (PanelTooLarge comes long before), and it halves memory.
    counts = np.maximum(hi - lo, 0).astype(np.int32)
    rows = np.repeat(np.arange(len(lo), dtype=np.int32), counts)
    at = np.arange(int(counts.sum()), dtype=np.int32)
    at -= np.repeat(np.cumsum(counts, dtype=np.int64).astype(np.int32) - counts, counts)
    at += lo.astype(np.int32)[rows]
    return rows, at


class PanelQueries:
    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def panel(self, dates: list[date], clocks: Clocks, filters: PanelFilters, max_rows: int) -> pa.Table:
        """The panel over ``dates`` as believed at ``clocks.known_at``; PanelTooLarge past ``max_rows``."""
        p = self.store.p
        days = np.array([d.toordinal() for d in dates], dtype=np.int64)
        where = [
            f"r.rec_from <= {p}",
            f"r.rec_to > {p}",
            "r.mode = 'possible'",
            f"r.valid_from <= {p}",
            f"r.valid_to > {p}",
            # Known now (every source counts), or public by the last date (what some date could know).
            f"(r.pub_to = {p} OR r.pub_from <= {p})",
        ]
        params: list[object] = [clocks.known_at, clocks.known_at, int(days[-1]), int(days[0]), MAX_DAY, int(days[-1])]
        for column, value in (
            ("r.venue", filters.venue),
            ("r.company_id", filters.company_id),
            ("c.sector", filters.sector),
        ):
            if value is not None:
                where.append(f"{column} = {p}")
                params.append(value)
        # The deciding fact's version whose publication range holds the row's (stage_rows.py splits rows there).
        rows = self.store.query(
            f"""SELECT r.company_id, r.venue, r.stage, r.valid_from, r.valid_to, r.pub_from, r.pub_to,
                    v.earliest, v.latest, c.name
                FROM rm_stage_rows r
                JOIN rm_companies c ON c.company_id = r.company_id
                JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND v.rec_from <= {p} AND v.rec_to > {p}
                    AND v.published <= r.pub_from AND v.pub_to > r.pub_from
                WHERE {" AND ".join(where)}""",
            [clocks.known_at, clocks.known_at, *params],
        )
        table = _assemble(rows, days, filters.stage, max_rows)
        # Each row's company labelled as the pipeline's are (labels.py), by its names as believed at known_at.
        labels = Labels(self.store).of({row[0] for row in rows}, clocks)
        ids = table["company_id"].combine_chunks()
        for column in ("name_en", "name_zh", "short_name_zh"):
            names = pa.array([labels[c][column] for c in ids.dictionary.to_pylist()], pa.string())  # type: ignore[literal-required]
            table = table.append_column(column, pa.DictionaryArray.from_arrays(ids.indices, names))
        return table


def _assemble(rows: list[tuple[Any, ...]], days: Ints, stage: str | None, max_rows: int) -> pa.Table:
    pairs = sorted({(row[9], row[0], row[1]) for row in rows})  # (name, company id, venue): board's tie order
    pair_of = {(company_id, venue): n for n, (_name, company_id, venue) in enumerate(pairs)}
    n_pairs = max(len(pairs), 1)
    pair = np.array([pair_of[(row[0], row[1])] for row in rows], dtype=np.int32)
    rank = np.array([STAGE_RANK[row[2]] for row in rows], dtype=np.int64)
    vf, vt, pf, pt, earliest, latest = (np.array([row[i] for row in rows], dtype=np.int64) for i in range(3, 9))

    def side(mask: npt.NDArray[np.bool_], lo_day: Ints, hi_day: Ints) -> tuple[Ints, Ints, Ints]:
        """(key = date index * pairs + pair, row, date index) of the grid dates each selected row holds."""
        chosen = np.flatnonzero(mask)
        lo = np.searchsorted(days, lo_day[chosen], side="left")
        hi = np.searchsorted(days, hi_day[chosen], side="left")
        which, at = _runs(lo, hi)
        found = chosen.astype(np.int32)[which]
        del which
        return at * np.int32(n_pairs) + pair[found], found, at

    # Known now: the rows every source shows (pub_to open). Known then: valid and publication days hold d.
    # Each side fills dense arrays over every (date, pair) slot: no hashing or searching of millions of keys.
    slots = len(days) * n_pairs
    stages_by_side: list[Ints] = []
    certain_by_side: list[Ints] = []
    since = np.zeros(slots, dtype=np.int32)  # the deciding fact's earliest day, hindsight's where both
    for mask, lo_day, hi_day in (
        (np.ones(len(rows), dtype=bool), np.maximum(vf, pf), np.minimum(vt, pt)),
        (pt == MAX_DAY, vf, vt),
    ):
        key, row, at = side(mask, lo_day, hi_day)
        stages = np.full(slots, -1, dtype=np.int8)
        certain = np.zeros(slots, dtype=bool)
        stages[key] = rank[row]
        certain[key] = latest[row] <= days[at]
        since[key] = earliest[row]
        stages_by_side.append(stages)
        certain_by_side.append(certain)
        del key, row, at
    a_stage, h_stage = stages_by_side
    a_certain, h_certain = certain_by_side
    held = (a_stage >= 0) | (h_stage >= 0)
    if stage is not None:
        held &= (a_stage == STAGE_RANK[stage]) | (h_stage == STAGE_RANK[stage])
    keys = np.flatnonzero(held)
    del held
    if len(keys) > max_rows:
        raise PanelTooLarge(len(keys), max_rows)
    kept: list[Ints] = [a[keys] for a in (a_stage, h_stage, a_certain, h_certain, since)]
    a_stage, h_stage, a_certain, h_certain, since = kept
    keys = keys.astype(np.int32)
    at, pair_n = keys // np.int32(n_pairs), keys % np.int32(n_pairs)
    del keys
    order = _board_order(pairs, at, pair_n, np.where(h_stage >= 0, h_stage, a_stage), since)
    ordered: list[Ints] = [a[order] for a in (at, pair_n, h_stage, a_stage, h_certain, a_certain)]
    at, pair_n, h_stage, a_stage, h_certain, a_certain = ordered
    stage_names = pa.array(_STAGES, pa.string())
    epoch = date(1970, 1, 1).toordinal()
    return pa.table(
        {
            "date": pa.array((days[at] - epoch).astype(np.int32), pa.date32()),
            "company_id": pa.DictionaryArray.from_arrays(pa.array(pair_n, pa.int32()), [c for _n, c, _v in pairs]),
            "company": pa.DictionaryArray.from_arrays(pa.array(pair_n, pa.int32()), [n for n, _c, _v in pairs]),
            "venue": pa.DictionaryArray.from_arrays(pa.array(pair_n, pa.int32()), [v for _n, _c, v in pairs]),
            "stage_as_published": _stages(a_stage, stage_names),
            "certain_as_published": pa.array(a_certain, mask=a_stage < 0),
            "stage_hindsight": _stages(h_stage, stage_names),
            "certain_hindsight": pa.array(h_certain, mask=h_stage < 0),
            "leak": pa.array(a_stage != h_stage),
        }
    )


def _board_order(pairs: list[tuple[str, str, str]], at: Ints, pair_n: Ints, shown: Ints, since: Ints) -> Ints:
    """Date, then board order: venue, stage, since, name, id (pairs are numbered in name, id order), as one
    integer so that one sort orders them."""
    venues = sorted({venue for _n, _c, venue in pairs})
    venue_of_pair = np.array([venues.index(venue) for _n, _c, venue in pairs] or [0], dtype=np.int64)
    offset = since - (since.min() if len(since) else 0)
    order_key = at.astype(np.int64)
    for value, size in (
        (venue_of_pair[pair_n], len(venues) or 1),
        (shown, len(STAGE_RANK)),
        (offset, int(offset.max(initial=0)) + 1),
        (pair_n, max(len(pairs), 1)),
    ):
        order_key = order_key * size + value
    return np.argsort(order_key, kind="stable").astype(np.int32)


def _stages(ranks: Ints, names: pa.Array) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(ranks, pa.int8(), mask=ranks < 0), names)
