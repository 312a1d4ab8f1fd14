"""The pipeline at a point of the three clocks: who stood at which stage, counts, and moves between two days.

Which stage a (company, venue) had on a day is decided when the events are projected (``stage_rows.py``: the
last visible stage fact in fact order); here it is only looked up, as the stage row whose (valid day, publication
day, log position) rectangle holds the point.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from domain.dates.fuzzy_dates import FuzzyDate
from domain.vocabulary import stage_rank
from projections.clocks import MAX_POSITION, Clocks
from projections.indexes import board, daily_counts_versions
from projections.indexes.daily_counts import DailyCountsProjector, counts_on
from projections.queries import cursors, rows_to_answers, sponsors
from projections.queries.answers import Change, Changes, Pipeline, PipelineEntry
from projections.queries.labels.companies import Labels
from projections.queries.labels.sources import grade_filter
from projections.stage_rows import MAX_DAY
from projections.store.read_store import ReadStore

_STAGE_RANK_SQL = cursors.stage_rank_sql("r.stage")
#: Board order: venue, pipeline order of the stage, since, company name; the id breaks ties, so the
#: order is total and a cursor names one place in it.
_TRACKED = "SELECT name, position FROM rm_tracking WHERE name IN ('timeline', 'daily_counts')"
_ORDER = ("r.venue", _STAGE_RANK_SQL, "v.earliest", "c.name", "r.company_id")
_ENTRY_COLUMNS = """r.company_id, c.name, c.aliases, c.sector, r.venue, r.stage, r.suspended, r.fact_id,
    v.date_text, v.earliest, v.latest, v.sources"""


@dataclass(frozen=True)
class Filters:
    venue: str | None = None
    stage: str | None = None
    sector: str | None = None
    reported_since: date | None = None  # a source of the deciding fact public between then and published_by
    company_id: str | None = None
    pairs: sponsors.Pairs | None = None  # only these (company, venue): a sponsor's applications

    @property
    def narrowed(self) -> bool:  # rows the indexes cannot pick: read from the stage rows at the point
        return self.reported_since is not None or self.company_id is not None or self.pairs is not None


def encode_cursor(entry: PipelineEntry) -> str:
    return cursors.encode(
        [entry["venue"], stage_rank(entry["stage"]), entry["since"]["earliest"], entry["company"], entry["company_id"]]
    )


#: A move's place: its (company id, venue).
_CHANGES_CURSOR = (cursors.Field.TEXT, cursors.Field.TEXT)
#: Board order's key: venue, stage rank, since (earliest day), company name, company id.
_CURSOR = (cursors.Field.TEXT, cursors.Field.RANK, cursors.Field.DAY, cursors.Field.TEXT, cursors.Field.TEXT)


#: The version of a stage row's deciding fact that shows at the clocks: one, as the row's own
#: publication range lies within that version's (stage_rows.py).
def _version_at(p: str) -> str:
    return f"v.rec_from <= {p} AND v.rec_to > {p} AND v.published <= {p} AND v.pub_to > {p}"


def _version_params(clocks: Clocks) -> list[int]:
    return [clocks.known_at, clocks.known_at, clocks.publication_day, clocks.publication_day]


class PipelineQueries:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        self.labels = Labels(store)

    def pipeline(
        self, clocks: Clocks, filters: Filters, limit: int | None = None, offset: int = 0, cursor: str | None = None
    ) -> Pipeline:
        counts = self.counts(clocks, filters)
        # One entry past the page says whether another follows: a list that ends on a full page gets no cursor.
        fetched = self.entries(clocks, filters, limit + 1 if limit else limit, offset, cursor) if limit != 0 else []
        more = bool(limit) and len(fetched) > (limit or 0)
        entries = fetched[:limit] if limit else fetched
        labels = self.labels.of((e["company_id"] for e in entries), clocks)
        for entry in entries:
            entry.update(labels[entry["company_id"]])  # type: ignore[typeddict-item]
        return {
            "as_of": clocks.as_of.isoformat(),
            "known_at": None if clocks.is_now else clocks.known_at,
            "published_by": clocks.published_by.isoformat() if clocks.published_by else None,
            "certain_only": clocks.certain_only,
            "reported_since": filters.reported_since.isoformat() if filters.reported_since else None,
            "total": sum(n for by_stage in counts.values() for n in by_stage.values()),
            "counts": counts,
            "entries": entries,
            "next_cursor": encode_cursor(entries[-1]) if more else None,
            "held_back": self.held_back(clocks, filters.venue) if clocks.published_by is not None else None,
        }

    def held_back(self, clocks: Clocks, venue: str | None) -> int:
        """Stage facts at ``known_at``, by ``as_of``, whose newest statement was not public by ``published_by``."""
        p = self.store.p
        happened = "v.latest" if clocks.certain_only else "v.earliest"
        where = f"""v.rec_from <= {p} AND v.rec_to > {p} AND v.pub_to = {p} AND v.published > {p}
            AND v.category = 'stage' AND {happened} <= {p}"""
        params: list[Any] = [clocks.known_at, clocks.known_at, MAX_DAY, clocks.publication_day, clocks.day]
        if venue is not None:
            where += f" AND v.venue = {p}"
            params.append(venue)
        ((count,),) = self.store.query(f"SELECT COUNT(*) FROM rm_fact_versions v WHERE {where}", params)
        return int(count)

    def _where(self, clocks: Clocks, filters: Filters) -> tuple[str, str, list[Any]]:
        """FROM source, WHERE clause and parameters for the stage rows holding at the clocks."""
        p = self.store.p
        if filters.company_id is not None:
            # One company's few rows come from its own index, not the point index.
            source = "rm_stage_rows r"
            where = (
                f"r.company_id = {p} AND r.valid_from <= {p} AND r.valid_to > {p} AND r.pub_from <= {p} "
                f"AND r.pub_to > {p} AND r.rec_from <= {p} AND r.rec_to > {p} AND r.mode = {p}"
            )
            day, pub, pos = clocks.day, clocks.publication_day, clocks.known_at
            params: list[Any] = [filters.company_id, day, day, pub, pub, pos, pos, clocks.mode]
        else:
            source, where, params = self.store.stage_point(clocks)
        for column, value in (("r.venue", filters.venue), ("r.stage", filters.stage), ("c.sector", filters.sector)):
            if value is not None:
                where += f" AND {column} = {p}"
                params.append(value)
        if filters.reported_since is not None:
            where += (
                f" AND EXISTS (SELECT 1 FROM rm_fact_sources s WHERE s.version_id = v.version_id"
                f" AND s.published >= {p} AND s.published <= {p})"
            )
            params += [filters.reported_since.toordinal(), clocks.publication_day]
        clause, values = sponsors.pairs_clause(p, filters.pairs)
        graded, more = grade_filter(p, clocks)  # an entry stays when its deciding fact has such a source
        return source, where + clause + graded, params + values + more

    def counts(self, clocks: Clocks, filters: Filters) -> dict[str, dict[str, int]]:
        """Venue x stage counts, counted by the database (no row leaves it): in O(log n) for the knowledge
        of every source, from the daily counts' tree, or for one sector from the board's counts; else
        from the stage rows at the point."""
        rows = self._from_tree(clocks, filters)
        if rows is None and filters.sector is not None and board.answers(clocks) and not filters.narrowed:
            rows = board.counts(self.store, clocks, venue=filters.venue, stage=filters.stage, sector=filters.sector)
        elif rows is None:
            rows = self.counted_at_point(clocks, filters)
        counts: dict[str, dict[str, int]] = {}
        for venue, stage, n in sorted(rows, key=lambda row: (row[0], stage_rank(row[1]))):
            counts.setdefault(venue, {})[stage] = int(n)
        return counts

    def _from_tree(self, clocks: Clocks, filters: Filters) -> list[Any] | None:
        """The tree knows every source's knowledge by venue and stage only: the latest once it has applied
        everything the stage rows have (else the counts would not match the entries), an earlier position
        from its versions and the stage rows since (daily_counts_versions.py). None: it cannot say."""
        if clocks.published_by is not None or clocks.min_grade or filters.sector is not None or filters.narrowed:
            return None
        if not clocks.is_now:
            return daily_counts_versions.counts_at(self.store, clocks, filters.venue, filters.stage)
        positions = dict(self.store.query(_TRACKED))
        if positions.get(DailyCountsProjector.name) != positions.get("timeline"):
            return None
        return counts_on(self.store, clocks.day, clocks.mode, filters.venue, filters.stage)

    def counted_at_point(self, clocks: Clocks, filters: Filters) -> list[Any]:
        """(venue, stage, companies) counted over the stage rows holding at the point: any clocks, any filter."""
        p = self.store.p
        source, where, params = self._where(clocks, filters)
        joins = "JOIN rm_companies c ON c.company_id = r.company_id " if filters.sector is not None else ""
        if filters.reported_since is not None or clocks.min_grade:
            joins += f"JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND {_version_at(p)}"
            params = [*_version_params(clocks), *params]
        return self.store.query(
            f"SELECT r.venue, r.stage, count(*) FROM {source} {joins} WHERE {where} GROUP BY r.venue, r.stage", params
        )

    def entries(
        self,
        clocks: Clocks,
        filters: Filters,
        limit: int | None = None,
        offset: int = 0,
        cursor: str | None = None,
    ) -> list[PipelineEntry]:
        """Entries in board order; a page starts after ``cursor`` or skips ``offset`` entries."""
        after = cursors.decode(cursor, _CURSOR) if cursor is not None else None
        if limit is not None and board.answers(clocks) and not filters.narrowed:
            joins = f"""JOIN rm_stage_rows r ON r.row_id = b.row_id
                JOIN rm_companies c ON c.company_id = r.company_id
                JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND v.rec_to = {self.store.p}
                    AND v.pub_to = {self.store.p}"""
            wanted = board.Page(filters.venue, filters.stage, filters.sector, after, limit, offset)
            rows = board.page(self.store, clocks, wanted, (_ENTRY_COLUMNS, joins, [MAX_POSITION, MAX_DAY]))
        else:
            rows = self._rows_at_point(clocks, filters, limit, offset, after)
        as_of = FuzzyDate.day(clocks.as_of)
        return [_entry(row, clocks, as_of) for row in rows]

    def _rows_at_point(
        self, clocks: Clocks, filters: Filters, limit: int | None, offset: int, after: list[Any] | None
    ) -> list[Any]:
        """The entry rows holding at the clocks, from the stage-point index: read and sorted whole (O(k))."""
        p = self.store.p
        source, where, params = self._where(clocks, filters)
        if after is not None:
            where += f" AND ({', '.join(_ORDER)}) > ({', '.join([p] * len(_ORDER))})"
            params += after
        page = ""
        if limit is not None or offset:
            # 2**62 rows stand for "no limit": SQLite has no OFFSET without LIMIT, and both read it the same.
            page = f" LIMIT {p} OFFSET {p}"
            params += [limit if limit is not None else 2**62, offset]
        # The aliases as believed at known_at: an answer pinned to a past position stays the same after
        # a later alias (the latest ones are in rm_companies, which the board reads).
        columns = _ENTRY_COLUMNS.replace("c.aliases", "COALESCE(a.aliases, c.aliases)")
        return self.store.query(
            f"""SELECT {columns}
                FROM {source}
                JOIN rm_companies c ON c.company_id = r.company_id
                JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND {_version_at(p)}
                LEFT JOIN rm_alias_versions a ON a.company_id = r.company_id AND a.rec_from <= {p} AND a.rec_to > {p}
                WHERE {where}
                ORDER BY {", ".join(_ORDER)}{page}""",
            [*_version_params(clocks), clocks.known_at, clocks.known_at, *params],
        )

    def changes(
        self,
        start: date,
        end: date,
        clocks: Clocks,
        venue: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Changes:
        """Which (company, venue) moved on some day from ``start`` to ``end``, both counted: the stage at
        the end of ``end`` against the stage at the end of the day before ``start``. A page in
        (company id, venue) order after ``cursor``; both days' boards are read whole (O(k)), the page
        bounds what is built and sent."""
        after = cursors.decode(cursor, _CHANGES_CURSOR) if cursor is not None else None
        filters = Filters(venue=venue)
        eve = clocks.at(date.fromordinal(start.toordinal() - 1))
        before = {(e["company_id"], e["venue"]): e for e in self.entries(eve, filters)}
        after_moves = {(e["company_id"], e["venue"]): e for e in self.entries(clocks.at(end), filters)}
        moved: list[Change] = []
        more = False
        for key in sorted(before.keys() | after_moves.keys()):
            if after is not None and list(key) <= after:
                continue
            old, new = before.get(key), after_moves.get(key)
            if old and new and old["stage"] == new["stage"]:
                continue  # the same stage again (even by another fact, a re-filing say) is no move
            if limit is not None and len(moved) == limit:
                more = True
                break
            some = new or old
            assert some is not None
            moved.append(
                {  # type: ignore[typeddict-item]  # the labels follow, for the whole page at once
                    "company_id": some["company_id"],
                    "company": some["company"],
                    "venue": some["venue"],
                    "from": old["stage"] if old else None,
                    "to": new["stage"] if new else None,
                    "since": new["since"] if new else None,
                    "certain": (old["certain"] if old else True) and (new["certain"] if new else True),
                }
            )
        labels = self.labels.of((m["company_id"] for m in moved), clocks)
        for move in moved:
            move.update(labels[move["company_id"]])  # type: ignore[typeddict-item]
        last = [moved[-1]["company_id"], moved[-1]["venue"]] if more else None
        return {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "changes": moved,
            "next_cursor": cursors.encode(last) if last else None,
        }


def _entry(row: Any, clocks: Clocks, as_of: FuzzyDate) -> PipelineEntry:
    company_id, name, aliases, sector, venue, stage, suspended, fact_id, text, earliest, latest, sources = row
    return {
        "company_id": company_id,
        "company": name,
        "aliases": orjson.loads(aliases),
        "sector": sector,
        "venue": venue,
        "stage": stage,
        "suspended": bool(suspended),
        "since": rows_to_answers.day_span(text, earliest, latest),
        "certain": latest <= clocks.day,
        "fact_id": fact_id,
        **rows_to_answers.freshness(sources, clocks, as_of),  # type: ignore[typeddict-item]  # labels: added per page
    }
