"""Bulk loads: many companies or facts in one transaction, after a fixed number of reads of the log.

TimelineApplication's ``register_companies`` and ``record_facts`` run these under its retry. An
item a batch cannot take as new (stored already, or repeated within the batch) goes through the
single-item use case, so a batch leaves the log that one-by-one calls leave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.application import Repository
from eventsourcing.persistence import Mapper, Recording

from application.aggregates import Aggregates
from application.commands import company_candidates, distinct_aliases, new_fact
from application.name_claims import names_of, wanted_claims
from application.storage.event_table import EventTable, stored_events_of, stored_originators
from application.writes import Written
from domain.companies import Company, CompanyName, company_id_for
from domain.errors import DomainError, NameTaken
from domain.facts import Fact
from domain.markets import Market, market_id_for
from domain.vocabulary import parse_market


class Loading(Protocol):
    """What a bulk load uses of the application (TimelineApplication passes itself)."""

    @property
    def event_table(self) -> EventTable: ...

    @property
    def repository(self) -> Repository[UUID]: ...

    @property
    def mapper(self) -> Mapper[UUID]: ...

    @property
    def record_fact(self) -> Callable[..., Written]: ...

    def save(self, *objects: Any) -> list[Recording[UUID]]: ...

    def first_company_marks(self) -> list[Any]: ...

    def position(self) -> int: ...

    def register_company(
        self, name: str, aliases: Iterable[str] = (), sector: str | None = None, key: str | None = None
    ) -> Written: ...

    @property
    def aggregates(self) -> Aggregates: ...


def register_companies(app: Loading, companies: Sequence[Mapping[str, Any]]) -> list[Written]:
    """Register many companies in one transaction (bulk loads); each item takes register_company's
    arguments, and the answers come in the items' order.

    One read of the log finds which companies and name claims (spellings and identities,
    name_claims.py) are stored already. A company that is stored, named twice in the batch, or
    taking a claim stored already, is registered by itself after the batch. A name that reads or
    looks like another company's, stored or earlier in the batch, refuses the whole batch with
    NameTaken before anything is written.
    """
    built = [
        Company.register(
            item["name"],
            distinct_aliases(item.get("aliases", ()), item["name"]),
            item.get("sector"),
            item.get("key"),
        )
        for item in companies
    ]
    wanted = [_wanted_claims(company) for company in built]
    everything = {c.id for c in built} | {claim_id for mine in wanted for claim_id in mine}
    stored = stored_originators(app.event_table, everything)
    owners: dict[UUID, Company] = {}  # claim taken in this batch -> its company
    new: list[Any] = []
    alone: dict[int, Mapping[str, Any]] = {}
    for index, (item, company, mine) in enumerate(zip(companies, built, wanted, strict=True)):
        for claim_id, (name, _make, taken) in mine.items():
            earlier = owners.get(claim_id)
            if earlier is not None and earlier.id != company.id:
                raise NameTaken(f"name {name!r} {taken} company {earlier.name!r} ({earlier.id})")
            if earlier is None and claim_id in stored:
                holder: UUID | None = app.repository.get(claim_id).company_id
                if holder is not None and holder != company.id:
                    raise NameTaken(f"name {name!r} {taken} {_described(app, holder)}")
        if company.id in stored or any(claim_id in stored or claim_id in owners for claim_id in mine):
            alone[index] = item
            continue
        owners.update((claim_id, company) for claim_id in mine)
        new += [company, *(make() for _name, make, _taken in mine.values())]
    recordings = app.save(*new, *app.first_company_marks()) if new else []
    position = max(r.notification.id for r in recordings) if recordings else app.position()
    return [
        app.register_company(**alone[index]) if index in alone else Written(company.id, True, position)
        for index, company in enumerate(built)
    ]


def _wanted_claims(company: Company) -> dict[UUID, tuple[str, Callable[[], Any], str]]:
    """Each claim a new company takes: id -> (the name taking it, how to make it, what a refusal says)."""
    wanted: dict[UUID, tuple[str, Callable[[], Any], str]] = {}
    for name in names_of(company):
        for claim_id, make, taken in wanted_claims(company.id, name):
            wanted.setdefault(claim_id, (name, make, taken))
    return wanted


def _described(app: Loading, company_id: UUID) -> str:
    found: Company = app.repository.get(company_id)
    return f"company {found.name!r} ({company_id})"


def record_facts(app: Loading, facts: Sequence[Mapping[str, Any]]) -> list[Written]:
    """Record many facts in one transaction (bulk loads); each item takes record_fact's arguments,
    and the answers come in the items' order.

    Facts that already exist, or repeat within the batch, go through record_fact one by one,
    so the batch stays idempotent: the same batch again appends nothing. Before writing, a batch
    reads the log three times whatever its size: the names claimed, its subjects, and which of
    its facts are stored already.
    """
    known = preload_subjects(app, facts)
    subjects: dict[tuple[str, str], Company | Market] = {}
    by_id: dict[UUID, Company | Market] = {}
    built: list[tuple[Mapping[str, Any], Company | Market, Fact]] = []
    for item in facts:
        company, market = item.get("company"), item.get("market")
        key = ("company", str(company)) if company is not None else ("market", str(market))
        if key not in subjects:
            # Two names of one company are one aggregate: two copies would both append its next version.
            found = app.aggregates.subject_of(company, market, known)
            subjects[key] = by_id.setdefault(found.id, found)
        subject = subjects[key]
        fact = new_fact(
            subject,
            item["kind"],
            item["date"],
            item.get("venue"),
            item.get("fields"),
            item["sources"],
            item.get("summary"),
        )
        built.append((item, subject, fact))
    stored = stored_originators(app.event_table, {fact.id for _, _, fact in built})
    new: dict[UUID, Fact] = {}
    again: dict[int, Mapping[str, Any]] = {}
    for index, (item, subject, fact) in enumerate(built):
        if fact.id in new or fact.id in stored:
            again[index] = item
            continue
        subject.attach_fact(fact.id)
        new[fact.id] = fact
    recordings = app.save(*new.values(), *by_id.values())
    position = max(r.notification.id for r in recordings) if recordings else app.position()
    return [
        app.record_fact(**again[index]) if index in again else Written(fact.id, True, position)
        for index, (_item, _subject, fact) in enumerate(built)
    ]


def preload_subjects(app: Loading, facts: Sequence[Mapping[str, Any]]) -> dict[UUID, Any]:
    """Every aggregate the batch's subjects resolve through, read in two queries (the names
    claimed, then the companies and markets) instead of one or two per subject.

    Items whose subject cannot be read are skipped here: building them raises their error,
    in batch order, as before.
    """
    if app.repository.cache is not None or app.repository.snapshot_store is not None:
        return {}  # the repository's own reads know about caches and snapshots; these do not
    names: set[str] = set()
    wanted: set[UUID] = set()
    seen: set[tuple[str, str]] = set()
    for item in facts:
        company, market = item.get("company"), item.get("market")
        key = ("company", str(company)) if company is not None else ("market", str(market))
        if (company is None) == (market is None) or key in seen:
            continue
        seen.add(key)
        try:
            if company is not None:
                candidates, normalised = company_candidates(company)
                wanted.update(candidates)
                if normalised is not None:
                    names.add(normalised)
            else:
                wanted.add(market_id_for(parse_market(market)))
        except DomainError:
            continue
    known = aggregates(app, {CompanyName.create_id(name) for name in names})
    for name in names:
        claim = known[CompanyName.create_id(name)]
        wanted.add(company_id_for(name) if claim is None else claim.company_id)
    known.update(aggregates(app, wanted - known.keys()))
    return known


def aggregates(app: Loading, aggregate_ids: set[UUID]) -> dict[UUID, Any]:
    """Many aggregates as the repository would reconstruct them, None for those with no events."""
    stored = stored_events_of(app.event_table, aggregate_ids)
    found: dict[UUID, Any] = {}
    for aggregate_id in aggregate_ids:
        aggregate = None
        # The library's projector asserts a runtime-checkable protocol on every event, which
        # costs more than applying it; these events are the library's own aggregate events.
        for stored_event in stored.get(aggregate_id, ()):
            aggregate = app.mapper.to_domain_event(stored_event).mutate(aggregate)  # type: ignore[attr-defined]
        found[aggregate_id] = aggregate
    return found
