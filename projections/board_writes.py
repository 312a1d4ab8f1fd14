"""The board index kept with the stage rows, at the end of each batch (board.py).

Off the board go stored rows no longer believed, and rows that stay believed while their deciding
fact's earliest day (their ``since``, a key of the board order) was corrected; on it, those again
and the rows the batch opened and still believes. The per-node counts move with the rows: -1 for
every node a row leaves, +1 for every node it joins.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from projections import board
from projections.schema import MAX_POSITION
from projections.store import values

if TYPE_CHECKING:
    from projections.memory import Key
    from projections.pending import Pending
    from projections.stage_rows import Rectangle


def write(pending: Pending) -> None:
    pairs = pending.memory.pairs
    left = [(row_id, key, row) for row_id, key, row in pending.closed_keys if board.on_board(row)]
    joined = [
        (o.row_id, key, row) for key, row, o in pending.new_rows if o.rec_to == MAX_POSITION and board.on_board(row)
    ]
    moved = [
        (row_id, key, row)
        for key, fact_id in pending.restamped
        for row, row_id in pairs[key].rows.items()
        if row[5] == fact_id and row_id not in pending.opened and board.on_board(row)
    ]
    board.remove(pending.store, pending.cursor, [row_id for row_id, _key, _row in left + moved])
    companies = pending.names_and_sectors({key[0] for _row_id, key, _row in left + joined + moved})
    rows = [
        board_row
        for row_id, (company_id, venue), row in joined + moved
        if company_id in companies  # a stage fact about a company: no other subject is on the board
        for board_row in board.rows_of(
            row_id, company_id, venue, row, pairs[(company_id, venue)].facts[row[5]].earliest, *companies[company_id]
        )
    ]
    pending.insert("rm_board", board.COLUMNS, rows)
    # A moved row leaves and joins the same nodes under the same counts: only ``since`` changed.
    tally: Counter[tuple[Any, ...]] = Counter()
    for sign, changed in ((-1, left), (1, joined)):
        _count(tally, sign, changed, companies)
    p = pending.p
    pending.executemany(
        f"""INSERT INTO rm_board_counts (mode, node, sector, venue, rank, n) {values(p, 6)}
           ON CONFLICT (mode, node, sector, venue, rank) DO UPDATE SET n = rm_board_counts.n + excluded.n""",
        [(*key, n) for key, n in sorted(tally.items()) if n],
    )


def _count(
    tally: Counter[tuple[Any, ...]],
    sign: int,
    changed: list[tuple[int, Key, Rectangle]],
    companies: dict[str, tuple[str, str | None]],
) -> None:
    for _row_id, (company_id, venue), row in changed:
        if company_id in companies:
            sector = companies[company_id][1] or ""
            for node, rank in board.nodes_of(row):
                tally[(row[0], node, sector, venue, rank)] += sign
