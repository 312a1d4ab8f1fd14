"""Past versions of the daily counts' tree: pipeline counts at an earlier log position in O(log n).

Log positions are cut into stretches of CHECKPOINT; a stretch's last position is its checkpoint. Every
node of ``dc_tree`` that changed within a stretch gets one row in ``dc_tree_versions`` at that
checkpoint, holding its value there (a later batch ending in the same stretch writes it again). A
node's value at a checkpoint c is then its newest version at or before c: one index seek per
(node, venue, stage), never a scan of a node's versions (the top nodes get one at most checkpoints).
A batch is settled at every checkpoint it crosses, so the rows are the same whatever the batches.

Counts at a position p: the tree at the last checkpoint c <= p, plus what the stage rows (of every
source) changed in (c, p]: rows opened there and still open at p, less rows open at c and closed
there. That is under CHECKPOINT positions of changes, read through two small indexes of the stage
rows by ``rec_from`` and ``rec_to`` (projections/timeline/tables.py).
"""

from __future__ import annotations

from collections import defaultdict

from projections.clocks import Clocks
from projections.indexes.fenwick import nodes_to_sum
from projections.stage_rows import MAX_DAY
from projections.store.read_store import Cursor, ReadStore, insert_rows, key_chunks

#: Positions a stretch: the most a question reads from the stage rows beside the tree. Smaller ones
#: write more versions (most batches of a live service span one stretch; a rebuild writes one version
#: per changed node and stretch).
CHECKPOINT = 256
Node = tuple[str, int, str, str]  # mode, node, venue, stage

DDL = """CREATE TABLE IF NOT EXISTS dc_tree_versions (mode TEXT NOT NULL, node INTEGER NOT NULL,
    venue TEXT NOT NULL, stage TEXT NOT NULL, position BIGINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (mode, node, venue, stage, position)){clustered}"""

#: The stage rows seen with every source (the publication range open to the last day), as literals:
#: SQLite uses a partial index only for a query that repeats its condition.
EVERY_SOURCE = f"pub_to = {MAX_DAY}"
INDEXES = [
    f"CREATE INDEX IF NOT EXISTS rm_stage_rows_opened ON rm_stage_rows (rec_from) WHERE {EVERY_SOURCE}",
    # Open rows too (rec_to = MAX_POSITION): a second bound on rec_to beside the question's made SQLite
    # range over every closed row after the checkpoint, not those up to the position.
    f"CREATE INDEX IF NOT EXISTS rm_stage_rows_closed ON rm_stage_rows (rec_to) WHERE {EVERY_SOURCE}",
]
_COLUMNS = "mode, node, venue, stage, position, n"
_TRACKED = "SELECT name, position FROM rm_tracking WHERE name IN ('timeline', 'daily_counts')"


def checkpoint_of(position: int) -> int:
    """The checkpoint that ends the stretch holding ``position``."""
    return -(-position // CHECKPOINT) * CHECKPOINT


def write(
    store: ReadStore, cursor: Cursor, stretches: list[tuple[int, dict[Node, int]]]
) -> tuple[dict[Node, int], set[Node]]:
    """A version of each node changed in each stretch, at its checkpoint; before the tree is updated. Returns
    each such node's value at the last checkpoint, and which of them the tree holds a row for already."""
    p = store.p
    keys = {key for _checkpoint, changes in stretches for key in changes}
    if not keys:
        return {}, set()
    running = dict.fromkeys(keys, 0)
    stored: set[Node] = set()
    modes = sorted({mode for mode, _node, _venue, _stage in keys})
    for chunk in key_chunks(sorted({node for _mode, node, _venue, _stage in keys})):
        # The mode too: the primary key's first column, without which the tree is scanned whole (a scan a
        # catch-up paid for every write).
        cursor.execute(
            f"SELECT mode, node, venue, stage, n FROM dc_tree WHERE mode IN ({', '.join([p] * len(modes))}) "
            f"AND node IN ({', '.join([p] * len(chunk))})",
            [*modes, *chunk],
        )
        for mode, node, venue, stage, n in cursor.fetchall():
            if (mode, node, venue, stage) in running:
                running[(mode, node, venue, stage)] = int(n)
                stored.add((mode, node, venue, stage))
    (first, changes), later = stretches[0], stretches[1:]
    for key, n in changes.items():
        running[key] += n
    # Only the first stretch's checkpoint can hold versions already (of the batch before, ending in the same
    # stretch); the later ones are new, and streamed in where the database can (a rebuild writes ~2k a stretch).
    store.upsert_rows(
        cursor,
        "dc_tree_versions",
        "mode text, node integer, venue text, stage text, position bigint, n bigint",
        "(mode, node, venue, stage, position) DO UPDATE SET n = excluded.n",
        [(*key, first, running[key]) for key in sorted(changes)],
    )
    # Each node's versions gathered in checkpoint order, then the nodes in key order: the rows in primary key
    # order (each insert lands next to the one before in its B-tree) without sorting them all.
    versions: dict[Node, list[tuple[int, int]]] = defaultdict(list)
    for checkpoint, changes in later:
        for key, n in changes.items():
            running[key] += n
            versions[key].append((checkpoint, running[key]))
    rows = [(*key, checkpoint, n) for key in sorted(versions) for checkpoint, n in versions[key]]
    insert_rows(cursor, p, "dc_tree_versions", _COLUMNS, rows)
    return running, stored


def counts_at(
    store: ReadStore, clocks: Clocks, venue: str | None = None, stage: str | None = None
) -> list[tuple[str, str, int]] | None:
    """(venue, stage, companies) on ``clocks.day`` as every source had it at ``clocks.known_at``, equal to
    counting the stage rows at that point; None when the daily counts have not reached the checkpoint."""
    p = store.p
    with store.reading() as cursor:
        cursor.execute(_TRACKED)
        tracked = {name: int(position) for name, position in cursor.fetchall()}
        if "timeline" not in tracked or "daily_counts" not in tracked:
            return None
        # Past the timeline's position the stage rows are those at its position.
        upto = min(clocks.known_at, tracked["timeline"])
        checkpoint = upto // CHECKPOINT * CHECKPOINT
        if tracked["daily_counts"] < checkpoint:
            return None
        narrow, narrowing = "", []
        for column, value in (("venue", venue), ("stage", stage)):
            if value is not None:
                narrow += f" AND {column} = {p}"
                narrowing.append(value)
        counts: dict[tuple[str, str], int] = defaultdict(int)
        nodes = nodes_to_sum(clocks.day)
        if nodes:
            cursor.execute(
                f"""SELECT venue, stage, SUM((SELECT v.n FROM dc_tree_versions v WHERE v.mode = t.mode
                        AND v.node = t.node AND v.venue = t.venue AND v.stage = t.stage AND v.position <= {p}
                        ORDER BY v.position DESC LIMIT 1))
                    FROM dc_tree t WHERE mode = {p} AND node IN ({", ".join([p] * len(nodes))}){narrow}
                    GROUP BY venue, stage""",
                [checkpoint, clocks.mode, *nodes, *narrowing],
            )
            for venue_, stage_, n in cursor.fetchall():
                counts[(venue_, stage_)] += int(n or 0)
        if upto > checkpoint:
            # Rows opened after the checkpoint and still open at the position; rows open at the
            # checkpoint and closed by the position.
            at_day = f"mode = {p} AND valid_from <= {p} AND valid_to > {p} AND pub_from < {MAX_DAY}{narrow}"
            point = [clocks.mode, clocks.day, clocks.day, *narrowing]
            for sign, changed, last in ((1, _OPENED, upto), (-1, _CLOSED, checkpoint)):
                cursor.execute(
                    f"SELECT venue, stage, COUNT(*) FROM rm_stage_rows WHERE {changed.format(p=p)} AND {at_day} "
                    "GROUP BY venue, stage",
                    [checkpoint, upto, last, *point],
                )
                for venue_, stage_, n in cursor.fetchall():
                    counts[(venue_, stage_)] += sign * int(n)
    return [(venue_, stage_, n) for (venue_, stage_), n in sorted(counts.items()) if n]


_OPENED = f"{EVERY_SOURCE} AND rec_from > {{p}} AND rec_from <= {{p}} AND rec_to > {{p}}"
_CLOSED = f"{EVERY_SOURCE} AND rec_to > {{p}} AND rec_to <= {{p}} AND rec_from <= {{p}}"
