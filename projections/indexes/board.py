"""The board index: a page of the pipeline as currently known, on any day, in O(log n + page).

``rm_board`` holds every stage row believed now that a reader allowed every source sees (its
publication range is open-ended), once per node of the segment tree that tiles its valid days
(``segment_tree.py``), keyed in board order: venue, stage rank, since, company name, company
id. The rows holding on a day are those stored at the ~17 nodes of the day's path, and each
node's rows are an index range in board order; so a page is a merge of those ranges, each
stopped after one page (``page``), whatever the day and however deep the cursor.

A board row's ``board_id`` is its stage row's id times ``SLOTS`` plus its place in the tiling,
so a stage row's board rows are one key range: on SQLite the table's own rowid, deleted without
a further index when the stage row stops being believed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from domain.vocabulary import STAGE_RANK, Venue, stage_rank
from projections.clocks import Clocks
from projections.indexes.segment_tree import SLOTS, cover, holds, path
from projections.stage_rows import MAX_DAY, Rectangle
from projections.store.read_store import Cursor, ReadStore

TABLE = """CREATE TABLE IF NOT EXISTS rm_board (
    board_id {key} PRIMARY KEY, mode TEXT NOT NULL, node INTEGER NOT NULL, venue TEXT NOT NULL,
    rank INTEGER NOT NULL, since INTEGER NOT NULL, name TEXT NOT NULL, company_id TEXT NOT NULL, sector TEXT)"""
#: How many board rows each node holds by (mode, sector, venue, stage rank): counts at a day for a
#: sector (which the daily counts' tree does not know) from the ~17 nodes of its path. A company
#: without a sector counts under "".
COUNTS = """CREATE TABLE IF NOT EXISTS rm_board_counts (
    mode TEXT NOT NULL, node INTEGER NOT NULL, sector TEXT NOT NULL, venue TEXT NOT NULL, rank INTEGER NOT NULL,
    n BIGINT NOT NULL, PRIMARY KEY (mode, node, sector, venue, rank))"""
#: One index per filter the board stops early for: by venue and stage (the order itself), by sector.
#: A stage without a venue is read one venue at a time through the first.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS rm_board_order ON rm_board (mode, node, venue, rank, since, name, company_id)",
    "CREATE INDEX IF NOT EXISTS rm_board_sector ON rm_board (mode, node, sector, venue, rank, since, name, company_id)",
]
KEY = ("venue", "rank", "since", "name", "company_id")
_VENUES = sorted(venue.value for venue in Venue)
_STAGES = {rank: stage for stage, rank in STAGE_RANK.items()}
COLUMNS = "board_id, mode, node, venue, rank, since, name, company_id, sector"


def on_board(rectangle: Rectangle) -> bool:
    """Whether a believed stage row is seen by a reader allowed every source."""
    return rectangle[4] == MAX_DAY


def nodes_of(rectangle: Rectangle) -> list[tuple[int, int]]:
    """(node, stage rank) for each node tiling a stage row's valid days."""
    rank = stage_rank(rectangle[6])
    return [(node, rank) for node in cover(rectangle[1], rectangle[2])]


def rows_of(
    row_id: int, company_id: str, venue: str, rectangle: Rectangle, since: int, name: str, sector: str | None
) -> list[tuple[Any, ...]]:
    """The board rows of one stage row: one per node tiling its valid days."""
    mode, valid_from, valid_to, _pub_from, _pub_to, _fact_id, stage, _suspended = rectangle
    rank = stage_rank(stage)
    return [
        (row_id * SLOTS + slot, mode, node, venue, rank, since, name, company_id, sector)
        for slot, node in enumerate(cover(valid_from, valid_to))
    ]


def count_moves(
    tally: Counter[tuple[Any, ...]],
    sign: int,
    changed: list[tuple[int, tuple[str, str], Rectangle]],
    companies: dict[str, tuple[str, str | None]],
) -> None:
    """Per-node counts move with the rows: ``sign`` (-1 leaving, +1 joining) at every node a row tiles."""
    for _row_id, (company_id, venue), row in changed:
        if company_id in companies:
            sector = companies[company_id][1] or ""
            for node, rank in nodes_of(row):
                tally[(row[0], node, sector, venue, rank)] += sign


def count_all(cursor: Cursor) -> None:
    """Every node's counts from the board rows themselves (a rebuild leaves them to the end: one pass over
    the board in the order of the sector index, instead of an upsert of each node a batch touched)."""
    cursor.execute("DELETE FROM rm_board_counts")
    cursor.execute(
        "INSERT INTO rm_board_counts (mode, node, sector, venue, rank, n) "
        "SELECT mode, node, COALESCE(sector, ''), venue, rank, COUNT(*) FROM rm_board "
        "GROUP BY mode, node, COALESCE(sector, ''), venue, rank"
    )


def remove(store: ReadStore, cursor: Cursor, row_ids: Sequence[int]) -> None:
    """Take stage rows off the board (they are no longer believed, or are written again)."""
    if row_ids:
        p = store.p
        cursor.executemany(
            f"DELETE FROM rm_board WHERE board_id >= {p} AND board_id < {p}",
            [(row_id * SLOTS, (row_id + 1) * SLOTS) for row_id in row_ids],
        )


def counts(
    store: ReadStore, clocks: Clocks, *, venue: str | None, stage: str | None, sector: str
) -> list[tuple[str, str, int]]:
    """(venue, stage, companies) at the clocks for one sector: the counts of the day's path, O(log n)."""
    p, nodes = store.p, path(clocks.day)
    where = f"mode = {p} AND sector = {p} AND node IN ({', '.join([p] * len(nodes))})"
    params: list[Any] = [clocks.mode, sector, *nodes]
    for column, value in (("venue", venue), ("rank", None if stage is None else stage_rank(stage))):
        if value is not None:
            where += f" AND {column} = {p}"
            params.append(value)
    rows = store.query(
        f"SELECT venue, rank, SUM(n) FROM rm_board_counts WHERE {where} GROUP BY venue, rank HAVING SUM(n) <> 0",
        params,
    )
    return [(venue_, _STAGES[rank], int(n)) for venue_, rank, n in rows]


def answers(clocks: Clocks) -> bool:
    """The board holds the latest knowledge of every source, on the days the tree holds."""
    return clocks.every_source and holds(clocks.day)


def after(cursor: Sequence[Any], fixed: dict[int, Any]) -> tuple[list[int], str] | bool:
    """``key > cursor`` when the key's positions in ``fixed`` are known: the positions left to compare
    and the comparison, or True (every key is after the cursor) or False (none is)."""
    free: list[int] = []
    for position, value in enumerate(cursor):
        if position not in fixed:
            free.append(position)
        elif fixed[position] != value:
            # The keys part from the cursor here, whatever follows: they are after it if the free
            # positions before are, or are equal and the fixed value is the greater.
            if not free:
                return bool(fixed[position] > value)
            return free, ">=" if fixed[position] > value else ">"
    return (free, ">") if free else False


@dataclass(frozen=True)
class Page:
    """Which page of the board: its filters, the cursor it starts after, its size and offset."""

    venue: str | None = None
    stage: str | None = None
    sector: str | None = None
    cursor: Sequence[Any] | None = None
    limit: int | None = None
    offset: int = 0


def page(store: ReadStore, clocks: Clocks, wanted: Page, select: tuple[str, str, list[Any]]) -> list[Any]:
    """One page of the board at the clocks, in board order: rows of ``SELECT columns FROM (the page)
    AS b joins``, where ``b.row_id`` is each entry's stage row (``select`` = columns, joins, their
    parameters), so a page and what it shows are one statement."""
    venues = [wanted.venue] if wanted.venue is not None or wanted.stage is None else _VENUES
    rows = None if wanted.limit is None else wanted.limit + wanted.offset
    if len(venues) == 1 and rows is not None:
        # One statement: it skips the offset itself, so only the rows shown are joined to what they show
        # (a page of 100 at offset 100 at bench size M: 3.3 -> 1.5 ms for the statement).
        return _read(store, clocks, replace(wanted, venue=venues[0]), rows, select, wanted.offset)
    found: list[Any] = []
    for venue in venues:
        # Venue names sort alike in every collation (capitals and a hyphen), so the venues come in the
        # database's board order; each statement orders its own rows with the database's collation.
        found += _read(store, clocks, replace(wanted, venue=venue), rows, select)
        if rows is not None and len(found) >= rows:
            break
    return found[wanted.offset : rows]


def _read(
    store: ReadStore,
    clocks: Clocks,
    wanted: Page,
    rows: int | None,
    select: tuple[str, str, list[Any]],
    skipped: int = 0,
) -> list[Any]:
    """The first ``rows`` entries after the cursor at the day, in board order, less the first ``skipped``: the
    day's path merged, each node's range stopped after ``rows`` rows."""
    p = store.p
    where = f"mode = {p}"
    params: list[Any] = [clocks.mode]
    fixed: dict[int, Any] = {}
    stage, cursor = wanted.stage, wanted.cursor
    rank = None if stage is None else stage_rank(stage)
    for column, value in (("sector", wanted.sector), ("venue", wanted.venue), ("rank", rank)):
        if value is not None:
            where += f" AND {column} = {p}"
            params.append(value)
            if column in KEY:
                fixed[KEY.index(column)] = value
    if cursor is not None:
        rest = after(cursor, fixed)
        if rest is False:
            return []
        if rest is not True:
            positions, comparison = rest
            columns = ", ".join(KEY[i] for i in positions)
            where += f" AND ({columns}) {comparison} ({', '.join([p] * len(positions))})"
            params += [cursor[i] for i in positions]
    limited = "" if rows is None else f" LIMIT {int(rows)}"
    nodes, order = path(clocks.day), ", ".join(KEY)
    streams = " UNION ALL ".join(
        f"SELECT * FROM (SELECT {order}, board_id FROM rm_board WHERE node = {p} AND {where} "
        f"ORDER BY {order}{limited}) AS s{n}"
        for n in range(len(nodes))
    )
    columns, joins, join_params = select
    if skipped:
        limited = f" LIMIT {int(rows or 0) - int(skipped)} OFFSET {int(skipped)}"
    merged = f"SELECT board_id / {SLOTS} AS row_id, {order} FROM ({streams}) AS merged ORDER BY {order}{limited}"
    return store.query(
        f"SELECT {columns} FROM ({merged}) AS b {joins} ORDER BY {', '.join(f'b.{key}' for key in KEY)}",
        [*(value for node in nodes for value in (node, *params)), *join_params],
    )
