"""docs/analysis.md's SQL, read from the page itself, run in DuckDB over an export; and the API's answers to
compare with it."""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from api.composition import Services
from projections.clocks import Clocks
from projections.exports.parquet_files import export_parquet

DOC = Path(__file__).resolve().parents[3] / "docs" / "analysis.md"
_BLOCKS = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)
VIEWS, PIPELINE = _BLOCKS[0], _BLOCKS[1]

Entry = tuple[str, str, str, str, bool, bool, str]  # company id, company, venue, stage, suspended, certain, fact


def export(services: Services, directory: Path, known_at: int | None = None) -> int:
    return export_parquet(services.store, services.app.recorder, services.app.mapper, directory, known_at)


def open_export(directory: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the page's views over the files in ``directory``."""
    con = duckdb.connect()
    con.execute(VIEWS.replace("'export/", f"'{directory}/"))
    return con


def from_sql(con: duckdb.DuckDBPyConnection, clocks: Clocks, known_at: int | None) -> set[Entry]:
    parameters = {
        "as_of": clocks.as_of,
        "known_at": known_at,
        "published_by": clocks.published_by,
        "certain_only": clocks.certain_only,
    }
    return {tuple(row[:7]) for row in con.execute(PIPELINE, parameters).fetchall()}  # type: ignore[misc]


def from_api(services: Services, clocks: Clocks) -> set[Entry]:
    return {
        (e["company_id"], e["company"], e["venue"], e["stage"], e["suspended"], e["certain"], e["fact_id"])
        for e in services.queries.pipeline(clocks)["entries"]
    }


def random_clocks(rng: random.Random, head: int, count: int = 200) -> list[tuple[Clocks, int | None]]:
    """(clocks, the known_at the SQL is given: None for everything) over the whole span of the data."""
    start = date(2018, 1, 1)
    chosen: list[tuple[Clocks, int | None]] = []
    for _ in range(count):
        as_of = start + timedelta(days=rng.randrange(3300))
        known_at = rng.choice([None, rng.randint(1, head)])
        published_by = rng.choice([None, start + timedelta(days=rng.randrange(3300))])
        clocks = Clocks(as_of, Clocks.NOW if known_at is None else known_at, published_by, rng.random() < 0.4)
        chosen.append((clocks, known_at))
    return chosen


def same_answers(services: Services, directory: Path, seed: int, position: int | None = None) -> list[Any]:
    """Every disagreement between the SQL and the API over 200 random clocks (empty when they agree), for an
    export at ``position`` (default: the head): known at it or before."""
    con = open_export(directory)
    head = services.app.position() if position is None else position
    wrong = []
    for drawn, known_at in random_clocks(random.Random(seed), head):
        clocks = drawn
        if known_at is None and position is not None:  # "everything in the files" is known at their position
            clocks = Clocks(drawn.as_of, head, drawn.published_by, drawn.certain_only)
        sql, api = from_sql(con, clocks, known_at), from_api(services, clocks)
        if sql != api:
            wrong.append((clocks, sorted(sql - api), sorted(api - sql)))
    return wrong
