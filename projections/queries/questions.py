"""Every read question, answered from the read models as plain data (typed in ``answers.py``).

No query replays the log. Where each rule lives:
- which stage a company had on a day: decided at projection time in ``stage_rows.py``, looked up
  in ``pipeline.py``;
- which company a name or code means: ``companies.py`` (match keys in ``names.py``);
- which facts count at the clocks, and their histories: ``facts.py``;
- flags, funding sums and valuations: ``flags.py``; freshness: ``rows_to_answers.freshness``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, cast

from projections.clocks import Clocks, system_time
from projections.queries import sponsors
from projections.queries.answers import (
    Changes,
    Company,
    CompanyHistory,
    CompanyRecord,
    FactWithHistory,
    Pipeline,
    Revisions,
    SearchHit,
    TimeInStage,
    Timeline,
    TimeToListing,
    VenueState,
)
from projections.queries.companies import Companies
from projections.queries.facts import Facts
from projections.queries.flags import flags_of
from projections.queries.labels.sources import Citations
from projections.queries.panel.asking import PanelFilters
from projections.queries.pipeline import Filters, PipelineQueries
from projections.queries.revisions import RevisionQueries
from projections.queries.stage_history import StageHistory
from projections.queries.statistics.time_to_listing import time_to_listing
from projections.store.read_store import ReadStore

if TYPE_CHECKING:
    import pyarrow as pa

_PAIR_ONLY = ("company_id", "company", "aliases", "sector")


class Queries:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        self.companies = Companies(store)
        self.facts = Facts(store)
        self.stages = PipelineQueries(store)
        self.revised = RevisionQueries(store, self.stages)
        self.histories = StageHistory(store)
        self.citations = Citations(store)

    def head(self) -> int:
        """The newest log position the read models hold."""
        rows = self.store.query("SELECT max(position) FROM rm_log")
        return int(rows[0][0] or 0)

    def revisions(
        self,
        as_of: date,
        since: int,
        until: int | None = None,
        published_by: date | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
    ) -> Revisions:
        """What changed in the pipeline on ``as_of`` between two knowledge times, and which events did it."""
        with self.store.session():
            last = self.head() if until is None else until
            answer = self.revised.revisions(as_of, since, last, published_by, certain_only, venue, stage)
            self.citations.cite(answer, last)
            return answer

    def learned(
        self,
        as_of: date,
        published_since: date,
        published_until: date,
        known_at: int = Clocks.NOW,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
    ) -> Revisions:
        """What the public learned about the pipeline on ``as_of`` between two publication days."""
        with self.store.session():
            known = min(known_at, self.head())
            answer = self.revised.learned(as_of, known, published_since, published_until, certain_only, venue, stage)
            self.citations.cite(answer, known)
            return answer

    def panel(self, dates: list[date], clocks: Clocks, filters: PanelFilters, max_rows: int) -> pa.Table:
        """The backtest panel over ``dates``: stage as published then and as known now (PanelTooLarge past max)."""
        from projections.queries.panel.arrays import PanelQueries  # numpy and Arrow load with the first panel

        with self.store.session():
            return PanelQueries(self.store).panel(dates, clocks, filters, max_rows)

    def position_known_at(self, moment: datetime) -> int:
        """The last log position recorded by ``moment`` (naive times are taken as UTC)."""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        rows = self.store.query(
            f"SELECT max(position) FROM rm_log WHERE recorded_at <= {self.store.p}", (system_time(aware),)
        )
        return int(rows[0][0] or 0)

    def resolve(self, name_or_id: str) -> CompanyRecord:
        with self.store.session():
            return self.companies.resolve(name_or_id)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        with self.store.session():
            return self.companies.search(query, limit)

    def company(self, name_or_id: str, clocks: Clocks) -> Company:
        """A company's stage on each venue, its flags and its facts, as of the clocks."""
        with self.store.session():
            answer = self._company(name_or_id, clocks)
            self.citations.cite(answer, clocks.known_at)
            return answer

    def history(self, name_or_id: str, venue: str | None = None, published_by: date | None = None) -> CompanyHistory:
        """A company's stage rectangles over valid time and knowledge time."""
        with self.store.session():
            record = self.companies.resolve(name_or_id)
            return {
                "company_id": record["company_id"],
                "name": record["name"],
                "published_by": published_by.isoformat() if published_by else None,
                "rectangles": self.histories.rectangles(record["company_id"], venue, published_by),
            }

    def _company(self, name_or_id: str, clocks: Clocks) -> Company:
        record = self.companies.resolve(name_or_id)
        company_id = record["company_id"]
        venues: list[VenueState] = [
            {k: v for k, v in entry.items() if k not in _PAIR_ONLY}  # type: ignore[misc]
            for entry in self.stages.entries(clocks, Filters(company_id=company_id))
        ]
        facts = self.facts.believed(clocks, subject_id=company_id, until=clocks.day)
        answer = {
            **record,
            "names": self.companies.names_of(company_id),
            "retired_names": self.companies.retired_names_of(company_id),
            "codes": self.companies.codes_of(company_id),
            "as_of": clocks.as_of.isoformat(),
            "venues": venues,
            "flags": flags_of(facts),
            "facts": facts,
            "retracted": self.facts.retracted(company_id, clocks.known_at),
        }
        return cast(Company, answer)

    def pipeline(
        self,
        clocks: Clocks,
        venue: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        reported_since: date | None = None,
        cursor: str | None = None,
        sponsor: str | None = None,
    ) -> Pipeline:
        """Who stood where; ``sponsor`` keeps the applications a sponsor brings (projections/queries/sponsors.py)."""
        with self.store.session():
            pairs = None if sponsor is None else sponsors.pairs_with_sponsor(self.store, clocks, sponsor)
            filters = Filters(venue=venue, stage=stage, sector=sector, reported_since=reported_since, pairs=pairs)
            return self.stages.pipeline(clocks, filters, limit=limit, offset=offset, cursor=cursor)

    def changes(
        self,
        start: date,
        end: date,
        clocks: Clocks,
        venue: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Changes:
        with self.store.session():
            return self.stages.changes(start, end, clocks, venue, limit=limit, cursor=cursor)

    def timeline(
        self,
        start: date,
        end: date,
        clocks: Clocks,
        company: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Timeline:
        with self.store.session():
            subject_id = self.companies.resolve(company)["company_id"] if company else None
            answer = self.facts.timeline(start, end, clocks, subject_id, venue, kind, limit, offset, cursor)
            self.citations.cite(answer["events"], clocks.known_at)
            return answer

    def time_in_stage(
        self,
        clocks: Clocks,
        venue: str | None = None,
        company: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> TimeInStage:
        with self.store.session():
            subject_id = self.companies.resolve(company)["company_id"] if company else None
            return self.facts.time_in_stage(clocks, venue=venue, subject_id=subject_id, limit=limit, cursor=cursor)

    def time_to_listing(self, clocks: Clocks, venue: str, cohort: str = "year") -> TimeToListing:
        """Kaplan-Meier days from acceptance (HKEX: filing) to listing on a venue, per start year or quarter."""
        with self.store.session():
            return time_to_listing(self.facts.stage_facts(clocks, venue), clocks, venue, cohort)

    def fact(self, fact_id: str, known_at: int = Clocks.NOW) -> FactWithHistory:
        with self.store.session():
            answer = self.facts.fact(fact_id, known_at)
            self.citations.cite(answer, known_at)
            return answer

    def fact_kinds(self, fact_ids: list[str]) -> dict[str, str]:
        return self.facts.kinds(fact_ids)
