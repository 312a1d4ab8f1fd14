"""TimelineApplication: the use cases, each an all-or-nothing write with bounded retries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import ApplicationRecorder, Mapper, Recording, Transcoder

from application import bulk
from application.aggregates import REGISTERED_TOPIC, Aggregates
from application.commands import distinct_aliases, new_fact
from application.name_claims import claims_for, holds_name, names_of, older_claims, released_claims
from application.storage.database_url import creating_tables, event_table_for
from application.storage.event_table import EventTable
from application.storage.outage import watched
from application.storage.topics import AllowListMapper
from application.storage.transcoder import timeline_transcoder
from application.views import company_view, fact_view
from application.writes import DEFAULT_MAX_ATTEMPTS, Written, retried

__all__ = ["TimelineApplication", "Written"]
from domain.companies import Company, CompanyName, NameClaimsComplete, NameIdentityClaim
from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import NameTaken
from domain.facts import Fact
from domain.markets import Market, market_id_for
from domain.names import clean_name
from domain.sources import Citation, Document, Source
from domain.vocabulary import fact_order, parse_venue
from projections.name_identity import identity_of


class TimelineApplication(Application[UUID]):
    name = "Timeline"

    def __init__(self, env: Mapping[str, str] | None = None, *, max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> None:
        self.max_attempts = max_attempts
        super().__init__(env)
        self.event_table: EventTable = event_table_for(self.env, self.recorder)
        self.outage = watched(self.env, self.recorder)  # fail at once while the database is known to be down
        self.aggregates = Aggregates(self.repository, self.recorder)

    def construct_transcoder(self) -> Transcoder:
        return timeline_transcoder()

    def construct_mapper(self) -> Mapper[UUID]:
        return AllowListMapper(transcoder=self.construct_transcoder())

    def construct_recorder(self) -> ApplicationRecorder:
        with creating_tables(self.env):
            return super().construct_recorder()

    # Companies -----------------------------------------------------------------------------

    @retried
    def register_company(
        self, name: str, aliases: Iterable[str] = (), sector: str | None = None, key: str | None = None
    ) -> Written:
        """Register a company under all its names; registering again adds only new aliases. A name
        (or key) that reads or looks like another company's name is NameTaken, naming the holder; a key
        merges only into the company that already holds ``name``."""
        company = Company.register(name, distinct_aliases(aliases, name), sector, key)
        try:
            existing: Company = self.repository.get(company.id)
        except AggregateNotFoundError:
            claims = self._claims(company.id, names_of(company))
            return self._written(company.id, self.save(company, *claims, *self.first_company_marks()))
        if not holds_name(existing, company.name):
            raise NameTaken(
                f"key {company.key!r} belongs to {self.aggregates.holder(existing.id)}, "
                f"which is not called {company.name!r}; give the company a key of its own"
            )
        new_names = [alias for alias in company.names if not existing.knows_name(alias)]
        claims = self._claims(existing.id, new_names)
        for alias in new_names:
            existing.add_alias(alias)
        return self._written(existing.id, self.save(existing, *claims))

    @retried
    def register_companies(self, companies: Sequence[Mapping[str, Any]]) -> list[Written]:
        """Many companies in one transaction (bulk loads), each item register_company's arguments; the
        answers in the items' order. A name another company holds refuses the whole batch first."""
        return bulk.register_companies(self, companies)

    @retried
    def add_alias(self, company: str | UUID, alias: str, source: Source | None = None) -> Written:
        """Another name for a company, citing where it is used; a name it already has appends nothing."""
        found = self.aggregates.company(company)
        if found.knows_name(alias):
            return self._written(found.id, [])
        claims = self._claims(found.id, [alias])
        found.add_alias(alias, source)
        return self._written(found.id, self.save(found, *claims))

    @retried
    def retire_name(self, company: str | UUID, name: str, *, reason: str, sources: Sequence[Source]) -> Written:
        """Stop a company answering to ``name`` (and every spelling of it that reads the same), with a reason
        and sources: the name's claims are released for the company that really bears it. A name already
        retired appends nothing."""
        name = clean_name(name)
        found = self.aggregates.company(company)
        wanted = identity_of(name).read_key
        spellings = tuple(own for own in names_of(found) if identity_of(own).read_key == wanted)
        if not spellings and any(identity_of(old).read_key == wanted for old in found.retired):
            return self._written(found.id, [])
        found.retire_names(name, spellings, reason, list(sources))
        released = released_claims(self.aggregates.read, found, spellings)
        return self._written(found.id, self.save(found, *released))

    @retried
    def claim_older_names(self) -> list[str]:
        """Once per store: take the identity claims of every company registered before names had them,
        so later names are checked against the older ones too. Answers the names another company already
        holds (left unclaimed: reads report them as ambiguous until one is retired); [] when done before."""
        if self.aggregates.read(NameClaimsComplete.create_id()) is not None:
            return []
        companies: list[Company] = [
            self.repository.get(company_id) for company_id in self.aggregates.registered_companies()
        ]
        if not companies:
            return []  # an empty store: its first company marks it
        claims, shared = older_claims(self.aggregates.read, companies)
        self.save(*claims, NameClaimsComplete(shared=tuple(shared)))
        return shared

    def first_company_marks(self) -> list[NameClaimsComplete]:
        """The mark to save with a new company when it is the store's first (see claim_older_names)."""
        if self.aggregates.read(NameClaimsComplete.create_id()) is not None:
            return []
        if self.recorder.select_notifications(1, 1, topics=[REGISTERED_TOPIC]):
            return []  # companies from before identity claims: claim_older_names marks the store
        return [NameClaimsComplete(shared=())]

    def resolve_company(self, name_or_id: str | UUID) -> UUID:
        """Any name (any language, any case), the company key, or its id -> the company id."""
        return self.aggregates.company(name_or_id).id

    def get_company(self, name_or_id: str | UUID) -> dict[str, Any]:
        return company_view(self.aggregates.company(name_or_id))

    # Facts ---------------------------------------------------------------------------------

    @retried
    def record_fact(
        self,
        *,
        kind: str,
        date: str | FuzzyDate,
        sources: Sequence[Source],
        company: str | UUID | None = None,
        market: str | None = None,
        venue: str | None = None,
        fields: Mapping[str, Any] | None = None,
        summary: str | None = None,
    ) -> Written:
        """Record a fact; the same fact again appends nothing, or only its new sources."""
        subject = self.aggregates.subject_of(company, market)
        fact = new_fact(subject, kind, date, venue, fields, sources, summary)
        try:
            existing: Fact = self.repository.get(fact.id)
        except AggregateNotFoundError:
            subject.attach_fact(fact.id)
            return self._written(fact.id, self.save(fact, subject))
        added = [source for source in sources if existing.corroborate(source)]
        return self._written(existing.id, self.save(existing) if added else [])

    @retried
    def record_facts(self, facts: Sequence[Mapping[str, Any]]) -> list[Written]:
        """Many facts in one transaction (bulk loads), each item record_fact's arguments; the answers in
        the items' order. The same batch again appends nothing."""
        return bulk.record_facts(self, facts)

    @retried
    def add_source(self, fact_id: UUID | str, source: Source) -> Written:
        """Corroborate a fact with another source; a source it already has appends nothing."""
        fact = self.aggregates.fact(fact_id)
        return self._written(fact.id, self.save(fact) if fact.corroborate(source) else [])

    @retried
    def correct_fact(
        self,
        fact_id: UUID | str,
        *,
        reason: str,
        sources: Sequence[Source],
        date: str | FuzzyDate | None = None,
        venue: str | None = None,
        fields: Mapping[str, Any] | None = None,
    ) -> Written:
        """Correct a fact; the same correction again (a retry) appends nothing and answers its position."""
        fact = self.aggregates.fact(fact_id)
        when = parse_date(date) if isinstance(date, str) else date
        earlier = fact.correct(
            reason=reason,
            sources=list(sources),
            date=when,
            venue=parse_venue(venue) if venue is not None else None,
            fields=fields,
        )
        return self._written(fact.id, self.save(fact), earlier)

    @retried
    def retract_fact(self, fact_id: UUID | str, *, reason: str, sources: Sequence[Source]) -> Written:
        """Retract a fact; the same retraction again (a retry) appends nothing and answers its position."""
        fact = self.aggregates.fact(fact_id)
        earlier = fact.retract(reason=reason, sources=list(sources))
        return self._written(fact.id, self.save(fact), earlier)

    # Documents -----------------------------------------------------------------------------

    @retried
    def describe_documents(self, documents: Sequence[tuple[str, Citation]]) -> list[Written]:
        """Register each cited document with its citation and grade, in one transaction, or describe it
        anew where its citation changed; a document as it stands already appends nothing."""
        changed: list[Document] = []
        for document, citation in documents:
            try:
                found: Document = self.repository.get(Document.create_id(document))
            except AggregateNotFoundError:
                changed.append(Document.register(document, citation))
                continue
            if found.describe(citation):
                changed.append(found)
        recordings = self.save(*changed) if changed else []
        at = {r.domain_event.originator_id: r.notification.id for r in recordings}
        position = self.position()
        return [Written(i, i in at, at.get(i, position)) for i in (Document.create_id(d) for d, _citation in documents)]

    def get_fact(self, fact_id: UUID | str) -> dict[str, Any]:
        """A fact as it stands now, with every step of its history and when it was recorded."""
        fact = self.aggregates.fact(fact_id)
        return fact_view(fact, list(self.events.get(fact.id)))

    def company_facts(self, name_or_id: str | UUID) -> list[dict[str, Any]]:
        """A company's facts with their histories, in valid-time order."""
        company = self.aggregates.company(name_or_id)
        facts = [self.get_fact(fact_id) for fact_id in company.fact_ids]
        return _in_valid_time_order(facts)

    def market_facts(self, code: str) -> list[dict[str, Any]]:
        try:
            market: Market = self.repository.get(market_id_for(code))
        except AggregateNotFoundError:
            return []
        facts = [self.get_fact(fact_id) for fact_id in market.fact_ids]
        return _in_valid_time_order(facts)

    def position(self) -> int:
        """The newest position in the log (0 for an empty store)."""
        return self.recorder.max_notification_id() or 0

    # Internals -----------------------------------------------------------------------------

    def _written(self, aggregate_id: UUID, recordings: list[Recording[UUID]], earlier: int | None = None) -> Written:
        """What a write did; ``earlier`` is the version of the stored event a retry found instead."""
        if recordings:
            return Written(aggregate_id, True, max(r.notification.id for r in recordings))
        if earlier is not None:
            position = self.event_table.position_of(aggregate_id, earlier)
            return Written(aggregate_id, False, self.position() if position is None else position)
        return Written(aggregate_id, False, self.position())

    def _claims(self, company_id: UUID, names: Iterable[str]) -> list[CompanyName | NameIdentityClaim]:
        return claims_for(self.aggregates.read, company_id, names, self.aggregates.holder)


def _in_valid_time_order(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(facts, key=lambda f: fact_order(f["date"]["earliest"], f["date"]["latest"], f["kind"], f["fact_id"]))
