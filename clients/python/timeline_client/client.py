"""``Client``: every call of the service with the three clocks as keyword arguments and typed answers.

The calls themselves are the generated ones (``timeline_client.generated.api``); this layer picks the client
(with a token or without), turns days and knowledge times into what they take, raises ``ApiError`` on a 4xx or
5xx instead of returning an error model, wraps list answers for ``.to_pandas()``, and reads the panel as Arrow.
"""

from __future__ import annotations

from typing import Any, TypeVar
from uuid import UUID

import httpx
import pyarrow as pa

from timeline_client.clocks import Day, KnownAt, day, known_at, maybe_day
from timeline_client.errors import ApiError
from timeline_client.generated import AuthenticatedClient
from timeline_client.generated import Client as GeneratedClient
from timeline_client.generated.api.companies import company as company_call
from timeline_client.generated.api.companies import company_history as company_history_call
from timeline_client.generated.api.companies import register_company as register_company_call
from timeline_client.generated.api.companies import retire_name as retire_name_call
from timeline_client.generated.api.companies import search as search_call
from timeline_client.generated.api.facts import correct_fact as correct_fact_call
from timeline_client.generated.api.facts import fact as fact_call
from timeline_client.generated.api.facts import record_fact as record_fact_call
from timeline_client.generated.api.facts import retract_fact as retract_fact_call
from timeline_client.generated.api.feed import feed as feed_call
from timeline_client.generated.api.operations import healthz as healthz_call
from timeline_client.generated.api.panel import panel as panel_call
from timeline_client.generated.api.panel import panel_leaks as panel_leaks_call
from timeline_client.generated.api.pipeline import pipeline as pipeline_call
from timeline_client.generated.api.pipeline import pipeline_csv as pipeline_csv_call
from timeline_client.generated.api.revisions import revisions as revisions_call
from timeline_client.generated.api.stats import pipeline_counts as pipeline_counts_call
from timeline_client.generated.api.stats import time_to_listing as time_to_listing_call
from timeline_client.generated.api.subscriptions import create_subscription as create_subscription_call
from timeline_client.generated.api.subscriptions import end_subscription as end_subscription_call
from timeline_client.generated.api.subscriptions import subscription as subscription_call
from timeline_client.generated.api.subscriptions import subscription_feed as subscription_feed_call
from timeline_client.generated.api.timeline import changes as changes_call
from timeline_client.generated.api.timeline import time_in_stage as time_in_stage_call
from timeline_client.generated.api.timeline import timeline as timeline_call
from timeline_client.generated.api.timeline import timeline_csv as timeline_csv_call
from timeline_client.generated.api.vocabulary import vocabulary as vocabulary_call
from timeline_client.generated.models import (
    Changes,
    Company,
    CompanyHistory,
    CompanyIn,
    CompanyWrittenOut,
    CorrectionIn,
    FactIn,
    FactWithHistory,
    FactWrittenOut,
    FeedPage,
    Health,
    NameRetirementIn,
    Panel,
    PanelFormatType0,
    PanelFreq,
    PanelLeaks,
    PanelLeaksFreq,
    Pipeline,
    PipelineCountsVintage,
    RetractionIn,
    Revisions,
    Search,
    StatsCounts,
    SubscriptionIn,
    SubscriptionState,
    SubscriptionWrittenOut,
    TimeInStage,
    TimeInStageVintage,
    Timeline,
    TimeToListing,
    TimeToListingCohort,
    Vocabulary,
)
from timeline_client.generated.models.source_grade import SourceGrade
from timeline_client.generated.types import UNSET, Response, Unset
from timeline_client.listing import Listing, pandas

M = TypeVar("M")


class Client:
    """``Client("http://127.0.0.1:8000")`` for reads; ``token=`` (a TIMELINE_API_TOKEN) for writes too.

    Every read takes the clocks the service does: ``as_of`` (a day: ``date`` or ISO text), ``known_at`` (a log
    position, such as an answer's ``basis.position``, or a ``datetime``) and ``published_by`` (a day).
    """

    def __init__(self, base_url: str, token: str | None = None, *, timeout: float = 30.0) -> None:
        limit = httpx.Timeout(timeout)
        # The generated client, for what this layer does not wrap: pass it as `client=` to any call of
        # timeline_client.generated.api (the live tail /feed/stream, /metrics).
        self.api: GeneratedClient | AuthenticatedClient = (
            AuthenticatedClient(base_url=base_url, token=token, timeout=limit)
            if token
            else GeneratedClient(base_url=base_url, timeout=limit)
        )

    def close(self) -> None:
        self.api.get_httpx_client().close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Reads --------------------------------------------------------------------------------------------

    def pipeline(
        self,
        *,
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
        reported_since: Day | None = None,
        limit: int = 100,
        cursor: str | None = None,
        sponsor: str | None = None,
        min_source_grade: str | None = None,
    ) -> Listing[Pipeline]:
        """Who stood where on ``as_of``, with counts by venue and stage; rows: ``entries``."""
        answer = _ok(
            pipeline_call.sync_detailed(
                client=self.api,
                as_of=maybe_day(as_of),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                venue=venue,
                stage=stage,
                sector=sector,
                reported_since=maybe_day(reported_since),
                limit=limit,
                cursor=cursor,
                sponsor=sponsor,
                min_source_grade=_grade(min_source_grade),
            ),
            Pipeline,
        )
        return Listing(answer, "entries")

    def pipeline_csv(
        self,
        *,
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
    ) -> str:
        """The pipeline as CSV text."""
        response = pipeline_csv_call.sync_detailed(
            client=self.api,
            as_of=maybe_day(as_of),
            known_at=_known(known_at),
            published_by=maybe_day(published_by),
            certain_only=certain_only,
            venue=venue,
            stage=stage,
            sector=sector,
        )
        _raise_for(response)
        return response.content.decode("utf-8")

    def company(
        self,
        name: str,
        *,
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        min_source_grade: str | None = None,
    ) -> Company:
        """One company (any name, id or stock code) as of a day."""
        return _ok(
            company_call.sync_detailed(
                name,
                client=self.api,
                as_of=maybe_day(as_of),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                min_source_grade=_grade(min_source_grade),
            ),
            Company,
        )

    def company_history(
        self, name: str, *, venue: str | None = None, published_by: Day | None = None
    ) -> Listing[CompanyHistory]:
        """Every stage the company held, as rectangles of valid time x knowledge time; rows: ``rectangles``."""
        answer = _ok(
            company_history_call.sync_detailed(
                name, client=self.api, venue=venue, published_by=maybe_day(published_by)
            ),
            CompanyHistory,
        )
        return Listing(answer, "rectangles")

    def search(self, q: str, *, limit: int = 10) -> Listing[Search]:
        """Companies ranked for a partial, misspelled or mixed-language name; rows: ``results``."""
        return Listing(_ok(search_call.sync_detailed(client=self.api, q=q, limit=limit), Search), "results")

    def timeline(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        company: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        limit: int = 100,
        cursor: str | None = None,
        min_source_grade: str | None = None,
    ) -> Listing[Timeline]:
        """Facts between two days with their sources; rows: ``events``."""
        answer = _ok(
            timeline_call.sync_detailed(
                client=self.api,
                from_=day(from_),
                to=maybe_day(to),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                company=company,
                venue=venue,
                kind=kind,
                limit=limit,
                cursor=cursor,
                min_source_grade=_grade(min_source_grade),
            ),
            Timeline,
        )
        return Listing(answer, "events")

    def changes(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        limit: int = 1000,
        cursor: str | None = None,
    ) -> Listing[Changes]:
        """Who moved from which stage to which between two days; rows: ``changes``."""
        answer = _ok(
            changes_call.sync_detailed(
                client=self.api,
                from_=day(from_),
                to=maybe_day(to),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                venue=venue,
                limit=limit,
                cursor=cursor,
            ),
            Changes,
        )
        return Listing(answer, "changes")

    def time_in_stage(
        self,
        *,
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        company: str | None = None,
        vintage: str = "latest",
        limit: int = 1000,
        cursor: str | None = None,
    ) -> Listing[TimeInStage]:
        """Days between the stages of each attempt, with medians and quartiles; rows: ``spans``."""
        answer = _ok(
            time_in_stage_call.sync_detailed(
                client=self.api,
                as_of=maybe_day(as_of),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                venue=venue,
                company=company,
                vintage=TimeInStageVintage(vintage),
                limit=limit,
                cursor=cursor,
            ),
            TimeInStage,
        )
        return Listing(answer, "spans")

    def revisions(
        self,
        *,
        since: KnownAt | None = None,
        until: KnownAt | None = None,
        published_since: Day | None = None,
        published_until: Day | None = None,
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        stage: str | None = None,
    ) -> Listing[Revisions]:
        """What changed in the pipeline on ``as_of`` between two knowledge times (``since``/``until``) or two
        publication days (``published_since``/``published_until``), and why; rows: ``changes``."""
        answer = _ok(
            revisions_call.sync_detailed(
                client=self.api,
                since=_known(since),
                until=_known(until),
                published_since=maybe_day(published_since),
                published_until=maybe_day(published_until),
                as_of=maybe_day(as_of),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                venue=venue,
                stage=stage,
            ),
            Revisions,
        )
        return Listing(answer, "changes")

    def panel(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        freq: str = "month",
        known_at: KnownAt | None = None,
        venue: str | None = None,
        stage: str | None = None,
        company: str | None = None,
        sector: str | None = None,
        as_pandas: bool = False,
    ) -> Any:
        """The backtest panel (the stage the public could know each date, the stage known now, ``leak``) as a
        pyarrow Table read from ``/panel?format=arrow``, or a pandas DataFrame with ``as_pandas=True``."""
        request = panel_call._get_kwargs(
            from_=day(from_),
            to=maybe_day(to),
            freq=PanelFreq(freq),
            known_at=_known(known_at),
            venue=venue,
            stage=stage,
            company=company,
            sector=sector,
            format_=PanelFormatType0.ARROW,
        )
        # Not the generated sync call: it reads a 200 as the JSON Panel, and this one is an Arrow stream.
        response = self.api.get_httpx_client().request(**request)
        if response.status_code >= 400:
            raise ApiError.from_body(response.status_code, response.content)
        table = pa.ipc.open_stream(response.content).read_all()
        if as_pandas:
            pandas()  # the same message as .to_pandas() when pandas is missing
            return _plain_where_repeated(table).to_pandas()
        return table

    def panel_json(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        freq: str = "month",
        known_at: KnownAt | None = None,
        venue: str | None = None,
        stage: str | None = None,
        company: str | None = None,
        sector: str | None = None,
    ) -> Listing[Panel]:
        """The panel as typed JSON rows (``rows``); ``panel`` is the faster way for many rows."""
        answer = _ok(
            panel_call.sync_detailed(
                client=self.api,
                from_=day(from_),
                to=maybe_day(to),
                freq=PanelFreq(freq),
                known_at=_known(known_at),
                venue=venue,
                stage=stage,
                company=company,
                sector=sector,
                format_=PanelFormatType0.JSON,
            ),
            Panel,
        )
        return Listing(answer, "rows")

    def panel_leaks(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        freq: str = "month",
        known_at: KnownAt | None = None,
        venue: str | None = None,
        stage: str | None = None,
        company: str | None = None,
        sector: str | None = None,
    ) -> Listing[PanelLeaks]:
        """Per date of the panel, how many rows a hindsight dataset gets wrong; rows: ``points``."""
        answer = _ok(
            panel_leaks_call.sync_detailed(
                client=self.api,
                from_=day(from_),
                to=maybe_day(to),
                freq=PanelLeaksFreq(freq),
                known_at=_known(known_at),
                venue=venue,
                stage=stage,
                company=company,
                sector=sector,
            ),
            PanelLeaks,
        )
        return Listing(answer, "points")

    def fact(self, fact_id: str | UUID, *, known_at: KnownAt | None = None) -> FactWithHistory:
        """A fact as believed at ``known_at``, with its history."""
        return _ok(
            fact_call.sync_detailed(UUID(str(fact_id)), client=self.api, known_at=_known(known_at)), FactWithHistory
        )

    def subscription(self, subscription_id: str | UUID) -> SubscriptionState:
        """How a standing query's deliveries go: delivered position, pending, attempts, parked, last error."""
        return _ok(subscription_call.sync_detailed(UUID(str(subscription_id)), client=self.api), SubscriptionState)

    def subscription_feed(self, subscription_id: str | UUID) -> bytes:
        """A standing query's changes as an Atom feed (its XML bytes, for a feed parser)."""
        response = subscription_feed_call.sync_detailed(UUID(str(subscription_id)), client=self.api)
        _raise_for(response)
        return bytes(response.content)

    def feed(self, *, after: int = 0, limit: int = 100) -> Listing[FeedPage]:
        """The event log in append order after a position; rows: ``events``."""
        return Listing(_ok(feed_call.sync_detailed(client=self.api, after=after, limit=limit), FeedPage), "events")

    def pipeline_counts(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        certain_only: bool = False,
        venue: str | None = None,
        vintage: str = "latest",
    ) -> Listing[StatsCounts]:
        """Counts by stage at every month end, for charts; rows: ``points``."""
        answer = _ok(
            pipeline_counts_call.sync_detailed(
                client=self.api,
                from_=day(from_),
                to=maybe_day(to),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
                certain_only=certain_only,
                venue=venue,
                vintage=PipelineCountsVintage(vintage),
            ),
            StatsCounts,
        )
        return Listing(answer, "points")

    def time_to_listing(
        self,
        venue: str,
        *,
        cohort: str = "year",
        as_of: Day | None = None,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
    ) -> Listing[TimeToListing]:
        """Kaplan-Meier days to listing per cohort; rows: ``cohorts``."""
        answer = _ok(
            time_to_listing_call.sync_detailed(
                client=self.api,
                venue=venue,
                cohort=TimeToListingCohort(cohort),
                as_of=maybe_day(as_of),
                known_at=_known(known_at),
                published_by=maybe_day(published_by),
            ),
            TimeToListing,
        )
        return Listing(answer, "cohorts")

    def timeline_csv(
        self,
        from_: Day,
        to: Day | None = None,
        *,
        known_at: KnownAt | None = None,
        published_by: Day | None = None,
        company: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        bom: bool = False,
    ) -> str:
        """Every fact between two days as CSV text."""
        response = timeline_csv_call.sync_detailed(
            client=self.api,
            from_=day(from_),
            to=maybe_day(to),
            known_at=_known(known_at),
            published_by=maybe_day(published_by),
            company=company if company is not None else UNSET,
            venue=venue if venue is not None else UNSET,
            kind=kind if kind is not None else UNSET,
            bom=bom,
        )
        _raise_for(response)
        return response.content.decode("utf-8-sig")

    def vocabulary(self) -> Vocabulary:
        """The venues, markets, stages (in pipeline order), fact kinds and sectors the service reads."""
        return _ok(vocabulary_call.sync_detailed(client=self.api), Vocabulary)

    def health(self) -> Health:
        """The service's health (a 503 raises ApiError)."""
        return _ok(healthz_call.sync_detailed(client=self.api), Health)

    # Writes (need the token) ---------------------------------------------------------------------------

    def register_company(self, body: CompanyIn | dict[str, Any]) -> CompanyWrittenOut:
        body = body if isinstance(body, CompanyIn) else CompanyIn.from_dict(body)
        return _ok(register_company_call.sync_detailed(client=self.api, body=body), CompanyWrittenOut)

    def record_fact(self, body: FactIn | dict[str, Any]) -> FactWrittenOut:
        body = body if isinstance(body, FactIn) else FactIn.from_dict(body)
        return _ok(record_fact_call.sync_detailed(client=self.api, body=body), FactWrittenOut)

    def correct_fact(self, fact_id: str | UUID, body: CorrectionIn | dict[str, Any]) -> FactWrittenOut:
        body = body if isinstance(body, CorrectionIn) else CorrectionIn.from_dict(body)
        return _ok(correct_fact_call.sync_detailed(UUID(str(fact_id)), client=self.api, body=body), FactWrittenOut)

    def retract_fact(self, fact_id: str | UUID, body: RetractionIn | dict[str, Any]) -> FactWrittenOut:
        body = body if isinstance(body, RetractionIn) else RetractionIn.from_dict(body)
        return _ok(retract_fact_call.sync_detailed(UUID(str(fact_id)), client=self.api, body=body), FactWrittenOut)

    def subscribe(self, body: SubscriptionIn | dict[str, Any]) -> SubscriptionWrittenOut:
        """A standing query: ``{"query", "url", "secret"}``; its changes are POSTed to url, signed."""
        body = body if isinstance(body, SubscriptionIn) else SubscriptionIn.from_dict(body)
        return _ok(create_subscription_call.sync_detailed(client=self.api, body=body), SubscriptionWrittenOut)

    def end_subscription(self, subscription_id: str | UUID) -> SubscriptionWrittenOut:
        return _ok(
            end_subscription_call.sync_detailed(UUID(str(subscription_id)), client=self.api), SubscriptionWrittenOut
        )

    def retire_name(self, company: str, body: NameRetirementIn | dict[str, Any]) -> CompanyWrittenOut:
        body = body if isinstance(body, NameRetirementIn) else NameRetirementIn.from_dict(body)
        return _ok(retire_name_call.sync_detailed(company, client=self.api, body=body), CompanyWrittenOut)


def _plain_where_repeated(table: Any) -> Any:
    """The table with each dictionary column whose dictionary repeats a value decoded to plain values. The
    panel's dictionaries are per (company, venue) pair, so a company on two venues repeats its name there, and
    pandas makes a dictionary column a Categorical, which refuses repeated categories."""
    for index, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type) and any(
            len(chunk.dictionary) != len(chunk.dictionary.unique()) for chunk in table.column(index).chunks
        ):
            table = table.set_column(index, field.name, table.column(index).cast(field.type.value_type))
    return table


def _known(value: KnownAt | None) -> str | None:
    """A knowledge time as the generated calls take it (they drop None)."""
    converted = known_at(value)
    return None if converted is UNSET else str(converted)


def _raise_for(response: Response[Any]) -> None:
    if response.status_code >= 400:
        raise ApiError.from_body(response.status_code, response.content)


def _ok(response: Response[Any], model: type[M]) -> M:
    """The answer as its model, or ApiError with the service's detail."""
    _raise_for(response)
    if not isinstance(response.parsed, model):
        raise ApiError(response.status_code, f"expected {model.__name__}, got {response.content[:200]!r}")
    return response.parsed


def _grade(value: str | None) -> SourceGrade | Unset:
    """``min_source_grade`` by its name (primary_disclosure, reputable_report, other)."""
    return UNSET if value is None else SourceGrade(value)
