"""Finding the store's aggregates by what a command names: a company by any of its names, a fact by its
id, a market by its code, each read from the store or from aggregates a bulk load read beforehand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository
from eventsourcing.persistence import ApplicationRecorder

from application.commands import company_candidates
from domain.companies import Company, CompanyName, NameIdentityClaim, company_id_for
from domain.errors import InvalidFact, UnknownCompany, UnknownFact
from domain.facts import Fact
from domain.markets import Market, market_id_for
from domain.vocabulary import parse_market
from projections.name_identity import identity_of

REGISTERED_TOPIC = "domain.companies:Company.Registered"


class Aggregates:
    def __init__(self, repository: Repository[UUID], recorder: ApplicationRecorder) -> None:
        self.repository = repository
        self.recorder = recorder

    def read(self, aggregate_id: UUID) -> Any:
        """The aggregate, or None when it has no events."""
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

    def holder(self, company_id: UUID) -> str:
        """A company as an error names it: its name and id."""
        found = self.read(company_id)
        return f"company {found.name!r} ({company_id})" if isinstance(found, Company) else f"company {company_id}"

    def registered_companies(self) -> list[UUID]:
        """Every company's id, in the order they were registered."""
        ids: list[UUID] = []
        start = 1
        while page := self.recorder.select_notifications(start, 10_000, topics=[REGISTERED_TOPIC]):
            ids += [UUID(str(notification.originator_id)) for notification in page]
            start = page[-1].id + 1
        return ids

    def company(self, name_or_id: str | UUID, known: Mapping[UUID, Any] | None = None) -> Company:
        """The company a name means: its exact spelling's claim, else the company with that key, else the
        company holding the name's read key (traditional or simplified, legal form ...); retired names
        and keys find nothing."""
        candidates, normalised = company_candidates(name_or_id)
        by_key: UUID | None = None
        if normalised is not None:
            try:
                claim: CompanyName = self.get(CompanyName.create_id(normalised), known)
                if claim.company_id is not None:
                    candidates.append(claim.company_id)
            except AggregateNotFoundError:
                by_key = company_id_for(normalised)
                candidates.append(by_key)
        for candidate in candidates:
            try:
                found: Company = self.get(candidate, known)
            except AggregateNotFoundError:
                continue
            if candidate == by_key and found.key in found.retired:
                continue
            return found
        if normalised is not None:
            holder = self.read(NameIdentityClaim.create_id("read", identity_of(str(name_or_id)).read_key))
            if holder is not None and holder.company_id is not None:
                return self.get(holder.company_id, known)  # type: ignore[no-any-return]
        raise UnknownCompany(f"no company is called {name_or_id!r}")

    def get(self, aggregate_id: UUID, known: Mapping[UUID, Any] | None) -> Any:
        """The aggregate, from ``known`` (read beforehand; None there means it has no events) or the store."""
        if known is None or aggregate_id not in known:
            return self.repository.get(aggregate_id)
        found = known[aggregate_id]
        if found is None:
            raise AggregateNotFoundError(aggregate_id)
        return found

    def fact(self, fact_id: UUID | str) -> Fact:
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
            return self.company(company, known)
        code = parse_market(market)
        try:
            found: Market = self.get(market_id_for(code), known)
        except AggregateNotFoundError:
            return Market(code=code)
        return found
