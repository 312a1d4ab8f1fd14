"""TimelineApplication: the use cases, each an all-or-nothing write with bounded retries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import ApplicationRecorder, Mapper, Recording, Transcoder

from application import bulk
from application.commands import company_candidates, distinct_aliases, new_fact
from application.event_table import EventTable
from application.name_claims import claims_for, holds_name, names_of, older_claims, released_claims
from application.storage import creating_tables, event_table_for
from application.topics import AllowListMapper
from application.transcoder import timeline_transcoder
from application.views import company_view, fact_view
from application.writes import DEFAULT_MAX_ATTEMPTS, Written, retried

__all__ = ["TimelineApplication", "Written"]
from domain.companies import Company, CompanyName, NameClaimsComplete, NameIdentityClaim, company_id_for
from domain.date_parsing import parse_date
from domain.errors import InvalidFact, NameTaken, UnknownCompany, UnknownFact
from domain.facts import Fact
from domain.fuzzy_dates import FuzzyDate
from domain.markets import Market, market_id_for
from domain.names import clean_name
from domain.sources import Source
from domain.vocabulary import fact_order, parse_market, parse_venue
from projections.name_identity import identity_of

REGISTERED_TOPIC = "domain.companies:Company.Registered"


class TimelineApplication(Application[UUID]):
    name = "Timeline"

    def __init__(self, env: Mapping[str, str] | None = None, *, max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> None:
        self.max_attempts = max_attempts
        super().__init__(env)
        self.event_table: EventTable = event_table_for(self.env, self.recorder)

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
                f"key {company.key!r} belongs to {self._holder(existing.id)}, which is not called {company.name!r}; "
                "give the company a key of its own"
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
        found = self._company(company)
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
        found = self._company(company)
        wanted = identity_of(name).read_key
        spellings = tuple(own for own in names_of(found) if identity_of(own).read_key == wanted)
        if not spellings and any(identity_of(old).read_key == wanted for old in found.retired):
            return self._written(found.id, [])
        found.retire_names(name, spellings, reason, list(sources))
        released = released_claims(self._read, found, spellings)
        return self._written(found.id, self.save(found, *released))

    @retried
    def claim_older_names(self) -> list[str]:
        """Once per store: take the identity claims of every company registered before names had them,
        so later names are checked against the older ones too. Answers the names another company already
        holds (left unclaimed: reads report them as ambiguous until one is retired); [] when done before."""
        if self._read(NameClaimsComplete.create_id()) is not None:
            return []
        companies: list[Company] = [self.repository.get(company_id) for company_id in self._registered_companies()]
        if not companies:
            return []  # an empty store: its first company marks it
        claims, shared = older_claims(self._read, companies)
        self.save(*claims, NameClaimsComplete(shared=tuple(shared)))
        return shared

    def first_company_marks(self) -> list[NameClaimsComplete]:
        """The mark to save with a new company when it is the store's first (see claim_older_names)."""
        if self._read(NameClaimsComplete.create_id()) is not None:
            return []
        if self.recorder.select_notifications(1, 1, topics=[REGISTERED_TOPIC]):
            return []  # companies from before identity claims: claim_older_names marks the store
        return [NameClaimsComplete(shared=())]

    def resolve_company(self, name_or_id: str | UUID) -> UUID:
        """Any name (any language, any case), the company key, or its id -> the company id."""
        return self._company(name_or_id).id

    def get_company(self, name_or_id: str | UUID) -> dict[str, Any]:
        return company_view(self._company(name_or_id))

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
        subject = self.subject_of(company, market)
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
        fact = self._fact(fact_id)
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
        fact = self._fact(fact_id)
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
        fact = self._fact(fact_id)
        earlier = fact.retract(reason=reason, sources=list(sources))
        return self._written(fact.id, self.save(fact), earlier)

    def get_fact(self, fact_id: UUID | str) -> dict[str, Any]:
        """A fact as it stands now, with every step of its history and when it was recorded."""
        fact = self._fact(fact_id)
        return fact_view(fact, list(self.events.get(fact.id)))

    def company_facts(self, name_or_id: str | UUID) -> list[dict[str, Any]]:
        """A company's facts with their histories, in valid-time order."""
        company = self._company(name_or_id)
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
        return claims_for(self._read, company_id, names, self._holder)

    def _registered_companies(self) -> list[UUID]:
        """Every company's id, in the order they were registered."""
        ids: list[UUID] = []
        start = 1
        while page := self.recorder.select_notifications(start, 10_000, topics=[REGISTERED_TOPIC]):
            ids += [UUID(str(notification.originator_id)) for notification in page]
            start = page[-1].id + 1
        return ids

    def _read(self, aggregate_id: UUID) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def _holder(self, company_id: UUID) -> str:
        """A company as an error names it: its name and id."""
        found = self._read(company_id)
        return f"company {found.name!r} ({company_id})" if isinstance(found, Company) else f"company {company_id}"

    def _company(self, name_or_id: str | UUID, known: Mapping[UUID, Any] | None = None) -> Company:
        """The company a name means: its exact spelling's claim, else the company with that key, else the
        company holding the name's read key (traditional or simplified, legal form ...); retired names
        and keys find nothing."""
        candidates, normalised = company_candidates(name_or_id)
        by_key: UUID | None = None
        if normalised is not None:
            try:
                claim: CompanyName = self._get(CompanyName.create_id(normalised), known)
                if claim.company_id is not None:
                    candidates.append(claim.company_id)
            except AggregateNotFoundError:
                by_key = company_id_for(normalised)
                candidates.append(by_key)
        for candidate in candidates:
            try:
                found: Company = self._get(candidate, known)
            except AggregateNotFoundError:
                continue
            if candidate == by_key and found.key in found.retired:
                continue
            return found
        if normalised is not None:
            holder = self._read(NameIdentityClaim.create_id("read", identity_of(str(name_or_id)).read_key))
            if holder is not None and holder.company_id is not None:
                return self._get(holder.company_id, known)  # type: ignore[no-any-return]
        raise UnknownCompany(f"no company is called {name_or_id!r}")

    def _get(self, aggregate_id: UUID, known: Mapping[UUID, Any] | None) -> Any:
        """The aggregate, from ``known`` (read beforehand; None there means it has no events) or the store."""
        if known is None or aggregate_id not in known:
            return self.repository.get(aggregate_id)
        found = known[aggregate_id]
        if found is None:
            raise AggregateNotFoundError(aggregate_id)
        return found

    def _fact(self, fact_id: UUID | str) -> Fact:
        try:
            wanted = fact_id if isinstance(fact_id, UUID) else UUID(str(fact_id))
        except ValueError:
            raise UnknownFact(f"fact id {fact_id!r} is not a UUID") from None
        try:
            fact: Fact = self.repository.get(wanted)
        except AggregateNotFoundError:
            raise UnknownFact(f"no fact has id {wanted}") from None
        if not isinstance(fact, Fact):
            raise UnknownFact(f"no fact has id {wanted}")
        return fact

    def subject_of(
        self, company: str | UUID | None, market: str | None, known: Mapping[UUID, Any] | None = None
    ) -> Company | Market:
        """The company or market a command names (a market not yet opened is a new one); ``known``
        holds aggregates a bulk load read beforehand (None: no events)."""
        if (company is None) == (market is None):
            raise InvalidFact("give exactly one subject: a company or a market")
        if company is not None:
            return self._company(company, known)
        code = parse_market(market)
        try:
            found: Market = self._get(market_id_for(code), known)
        except AggregateNotFoundError:
            return Market(code=code)
        return found


def _in_valid_time_order(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(facts, key=lambda f: fact_order(f["date"]["earliest"], f["date"]["latest"], f["kind"], f["fact_id"]))
