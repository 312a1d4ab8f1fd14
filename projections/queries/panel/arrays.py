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

from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from domain.vocabulary import STAGE_RANK
from projections.clocks import Clocks
from projections.queries.labels.companies import Labels
from projections.queries.panel.asking import PanelFilters, PanelTooLarge
from projections.stage_rows import MAX_DAY
from projections.store.read_store import ReadStore

_STAGES = list(STAGE_RANK)  # rank -> stage
_SLOTS_A_BLOCK = 2_000_000  # (date, pair) slots filled, sorted and made a record batch at once
_WORDS = pa.dictionary(pa.int32(), pa.string())
_SCHEMA = pa.schema(
    [
        ("date", pa.date32()),
        ("company_id", _WORDS),
        ("company", _WORDS),
        ("venue", _WORDS),
        ("stage_as_published", pa.dictionary(pa.int8(), pa.string())),
        ("certain_as_published", pa.bool_()),
        ("stage_hindsight", pa.dictionary(pa.int8(), pa.string())),
        ("certain_hindsight", pa.bool_()),
        ("leak", pa.bool_()),
        ("name_en", _WORDS),
        ("name_zh", _WORDS),
        ("short_name_zh", _WORDS),
    ]
)
Ints = npt.NDArray[Any]  # numpy arrays of whole numbers (their widths vary: int8 stages, int64 keys)


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
        # Each row's company labelled as the pipeline's are (labels.py), by its names as believed at known_at.
        labels = Labels(self.store).of({row[0] for row in rows}, clocks)
        return _assemble(rows, days, filters.stage, max_rows, labels)


def _assemble(
    rows: list[tuple[Any, ...]], days: Ints, stage: str | None, max_rows: int, labels: dict[str, Any]
) -> pa.Table:
    pairs = sorted({(row[9], row[0], row[1]) for row in rows})  # (name, company id, venue): board's tie order
    pair_of = {(company_id, venue): n for n, (_name, company_id, venue) in enumerate(pairs)}
    n_pairs = max(len(pairs), 1)
    pair = np.array([pair_of[(row[0], row[1])] for row in rows], dtype=np.int32)
    rank = np.array([STAGE_RANK[row[2]] for row in rows], dtype=np.int8)
    # Day ordinals fit in 32 bits (date.max is 3,652,059): half the bytes of every array expanded from them.
    vf, vt, pf, pt, earliest, latest = (np.array([row[i] for row in rows], dtype=np.int32) for i in range(3, 9))
    days = days.astype(np.int32)
    # Known then: valid and publication days hold d. Known now: the rows every source shows (pub_to open).
    sides = [
        (np.arange(len(rows)), np.maximum(vf, pf), np.minimum(vt, pt)),
        (np.flatnonzero(pt == np.int32(MAX_DAY)), vf, vt),
    ]
    dictionaries = [pa.array([p[i] for p in pairs], pa.string()) for i in (1, 0, 2)] + [
        pa.array([labels.get(company_id, {}).get(name) for _n, company_id, _v in pairs], pa.string())
        for name in ("name_en", "name_zh", "short_name_zh")
    ]
    stage_names = pa.array(_STAGES, pa.string())
    epoch = np.int32(date(1970, 1, 1).toordinal())
    # A block of dates at a time: the rows holding a date of the block fill dense (date, pair) arrays of the
    # block (no hashing or searching of millions of keys), which are sorted into board order and made a
    # record batch. Only the batches are kept: memory is the answer and one block.
    dates_a_block = max(1, _SLOTS_A_BLOCK // n_pairs)
    batches, total = [], 0
    for first in range(0, len(days), dates_a_block):
        block = days[first : first + dates_a_block]
        slots = len(block) * n_pairs
        filled = []
        since = np.zeros(slots, dtype=np.int32)  # the deciding fact's earliest day, hindsight's where both
        for chosen, lo_day, hi_day in sides:
            lo = np.searchsorted(block, lo_day[chosen], side="left")
            hi = np.searchsorted(block, hi_day[chosen], side="left")
            which, when = _runs(lo, hi)
            row = chosen[which]
            key = when * np.int32(n_pairs) + pair[row]
            stages = np.full(slots, -1, dtype=np.int8)
            stages[key] = rank[row]
            certain = np.zeros(slots, dtype=bool)
            certain[key] = latest[row] <= block[when]
            since[key] = earliest[row]
            filled.append((stages, certain))
            del which, when, row, key
        (a_all, a_sure_all), (h_all, h_sure_all) = filled
        held = (a_all >= 0) | (h_all >= 0)
        if stage is not None:
            held &= (a_all == STAGE_RANK[stage]) | (h_all == STAGE_RANK[stage])
        keys = np.flatnonzero(held)
        total += len(keys)
        if total > max_rows:
            raise PanelTooLarge(total, max_rows)
        at: Ints = (keys // n_pairs).astype(np.int32)
        pair_n: Ints = (keys % n_pairs).astype(np.int32)
        a, h, a_sure, h_sure = a_all[keys], h_all[keys], a_sure_all[keys], h_sure_all[keys]
        order = _board_order(pairs, at, pair_n, np.where(h >= 0, h, a), since[keys])
        ordered: list[Ints] = [column[order] for column in (at, pair_n, a, h, a_sure, h_sure)]
        at, pair_n, a, h, a_sure, h_sure = ordered
        indices = pa.array(pair_n, pa.int32())  # one index array behind every per-company column
        batches.append(
            pa.record_batch(
                [
                    pa.array(block[at] - epoch, pa.date32()),
                    *(pa.DictionaryArray.from_arrays(indices, values) for values in dictionaries[:3]),
                    _stages(a, stage_names),
                    pa.array(a_sure, mask=a < 0),
                    _stages(h, stage_names),
                    pa.array(h_sure, mask=h < 0),
                    pa.array(a != h),
                    *(pa.DictionaryArray.from_arrays(indices, values) for values in dictionaries[3:]),
                ],
                schema=_SCHEMA,
            )
        )
    return pa.Table.from_batches(batches, schema=_SCHEMA)


def _board_order(pairs: list[tuple[str, str, str]], at: Ints, pair_n: Ints, shown: Ints, since: Ints) -> Ints:
    """Date, then board order: venue, stage, since, name, id (pairs are numbered in name, id order), as one
    integer so that one sort orders them."""
    venues = sorted({venue for _n, _c, venue in pairs})
    venue_of_pair = np.array([venues.index(venue) for _n, _c, venue in pairs] or [0], dtype=np.int8)
    offset = since - (since.min() if len(since) else 0)
    order_key = at.astype(np.int64)
    for value, size in (
        (venue_of_pair[pair_n], len(venues) or 1),
        (shown, len(STAGE_RANK)),
        (offset, int(offset.max(initial=0)) + 1),
        (pair_n, max(len(pairs), 1)),
    ):
        order_key *= size  # in place: each step would otherwise hold another 8 bytes a row
        order_key += value
        del value
    del offset
    return np.argsort(order_key, kind="stable").astype(np.int32)


def _stages(ranks: Ints, names: pa.Array) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(ranks, pa.int8(), mask=ranks < 0), names)
