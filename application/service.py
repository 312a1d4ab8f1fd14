"""TimelineApplication: the use cases, each an all-or-nothing write with bounded retries."""

from __future__ import annotations

import contextlib
import functools
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import ApplicationRecorder, RecordConflictError, Recording, Transcoder

from application.errors import ConcurrencyConflict
from application.storage import creating_tables, position_of, stored_events_of, stored_originators
from application.transcoder import timeline_transcoder
from application.views import company_view, fact_view
from domain.companies import Company, CompanyName, company_id_for
from domain.errors import DomainError, InvalidFact, NameTaken, UnknownCompany, UnknownFact
from domain.facts import Fact
from domain.fuzzy_dates import FuzzyDate, parse_date
from domain.markets import Market, market_id_for
from domain.names import normalise_name
from domain.sources import Source
from domain.vocabulary import fact_order, parse_kind, parse_market, parse_venue

P = ParamSpec("P")
R = TypeVar("R")
DEFAULT_MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class Written:
    """What a write did: the id it concerns, whether it appended, and the log position."""

    id: UUID
    appended: bool
    position: int


def retried(method: Callable[P, R]) -> Callable[P, R]:
    """Re-run a use case from a fresh read when another writer got there first."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        app: TimelineApplication = args[0]  # type: ignore[assignment]
        for attempt in range(1, app.max_attempts + 1):
            try:
                return method(*args, **kwargs)
            except RecordConflictError as error:
                if attempt == app.max_attempts:
                    raise ConcurrencyConflict(
                        f"{method.__name__}: still conflicting after {attempt} attempts ({error})"
                    ) from error
                time.sleep(random.uniform(0, min(0.25, 0.002 * 2**attempt)))  # noqa: S311 - jitter, not crypto
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper


class TimelineApplication(Application[UUID]):
    name = "Timeline"

    def __init__(self, env: Mapping[str, str] | None = None, *, max_attempts: int = DEFAULT_MAX_ATTEMPTS) -> None:
        self.max_attempts = max_attempts
        super().__init__(env)

    def construct_transcoder(self) -> Transcoder:
        return timeline_transcoder()

    def construct_recorder(self) -> ApplicationRecorder:
        with creating_tables(self.env):
            return super().construct_recorder()

    # Companies -----------------------------------------------------------------------------

    @retried
    def register_company(
        self, name: str, aliases: Iterable[str] = (), sector: str | None = None, key: str | None = None
    ) -> Written:
        """Register a company under all its names; registering again adds only new aliases."""
        company = Company.register(name, _distinct(aliases, name), sector, key)
        try:
            existing: Company = self.repository.get(company.id)
        except AggregateNotFoundError:
            claims = self._claims(company.id, company.names)
            return self._written(company.id, self.save(company, *claims))
        new_names = [alias for alias in company.names if not existing.knows_name(alias)]
        for alias in new_names:
            existing.add_alias(alias)
        return self._written(existing.id, self.save(existing, *self._claims(existing.id, new_names)))

    @retried
    def register_companies(self, companies: Sequence[Mapping[str, Any]]) -> list[Written]:
        """Register many companies in one transaction (bulk loads); each item takes register_company's
        arguments, and the answers come in the items' order.

        One read of the log finds which companies and names are stored already. A company that is
        stored, or named twice in the batch, is registered by itself after the batch (new aliases
        only). A name that belongs to another company, stored or earlier in the batch, refuses the
        whole batch with NameTaken before anything is written.
        """
        built = [
            Company.register(
                item["name"], _distinct(item.get("aliases", ()), item["name"]), item.get("sector"), item.get("key")
            )
            for item in companies
        ]
        claims = [[CompanyName(name=name, company_id=company.id) for name in company.names] for company in built]
        everything = {c.id for c in built} | {claim.id for mine in claims for claim in mine}
        stored = stored_originators(self.recorder, everything)
        owners: dict[UUID, UUID] = {}  # name claimed in this batch -> its company
        new: list[Company | CompanyName] = []
        alone: dict[int, Mapping[str, Any]] = {}
        for index, (item, company, mine) in enumerate(zip(companies, built, claims, strict=True)):
            for claim in mine:
                owner = owners.get(claim.id)
                if owner is None and claim.id in stored:
                    owner = self.repository.get(claim.id).company_id
                if owner is not None and owner != company.id:
                    raise NameTaken(f"name {claim.name!r} already belongs to company {owner}")
            if company.id in stored or any(claim.id in stored or claim.id in owners for claim in mine):
                alone[index] = item
                continue
            owners.update((claim.id, company.id) for claim in mine)
            new += [company, *mine]
        recordings = self.save(*new)
        position = max(r.notification.id for r in recordings) if recordings else self.position()
        return [
            self.register_company(**alone[index]) if index in alone else Written(company.id, True, position)
            for index, company in enumerate(built)
        ]

    @retried
    def add_alias(self, company: str | UUID, alias: str, source: Source | None = None) -> Written:
        """Another name for a company, citing where it is used; a name it already has appends nothing."""
        found = self._company(company)
        if found.knows_name(alias):
            return self._written(found.id, [])
        found.add_alias(alias, source)
        return self._written(found.id, self.save(found, *self._claims(found.id, [alias])))

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
        subject = self._subject(company, market)
        fact = _new_fact(subject, kind, date, venue, fields, sources, summary)
        try:
            existing: Fact = self.repository.get(fact.id)
        except AggregateNotFoundError:
            subject.attach_fact(fact.id)
            return self._written(fact.id, self.save(fact, subject))
        added = [source for source in sources if existing.corroborate(source)]
        return self._written(existing.id, self.save(existing) if added else [])

    @retried
    def record_facts(self, facts: Sequence[Mapping[str, Any]]) -> list[Written]:
        """Record many facts in one transaction (bulk loads); each item takes record_fact's arguments,
        and the answers come in the items' order.

        Facts that already exist, or repeat within the batch, go through record_fact one by one,
        so the batch stays idempotent: the same batch again appends nothing. Before writing, a batch
        reads the log three times whatever its size: the names claimed, its subjects, and which of
        its facts are stored already.
        """
        known = self._preload_subjects(facts)
        subjects: dict[tuple[str, str], Company | Market] = {}
        by_id: dict[UUID, Company | Market] = {}
        built: list[tuple[Mapping[str, Any], Company | Market, Fact]] = []
        for item in facts:
            company, market = item.get("company"), item.get("market")
            key = ("company", str(company)) if company is not None else ("market", str(market))
            if key not in subjects:
                # Two names of one company are one aggregate: two copies would both append its next version.
                found = self._subject(company, market, known)
                subjects[key] = by_id.setdefault(found.id, found)
            subject = subjects[key]
            fact = _new_fact(
                subject,
                item["kind"],
                item["date"],
                item.get("venue"),
                item.get("fields"),
                item["sources"],
                item.get("summary"),
            )
            built.append((item, subject, fact))
        stored = stored_originators(self.recorder, {fact.id for _, _, fact in built})
        new: dict[UUID, Fact] = {}
        again: dict[int, Mapping[str, Any]] = {}
        for index, (item, subject, fact) in enumerate(built):
            if fact.id in new or fact.id in stored:
                again[index] = item
                continue
            subject.attach_fact(fact.id)
            new[fact.id] = fact
        recordings = self.save(*new.values(), *by_id.values())
        position = max(r.notification.id for r in recordings) if recordings else self.position()
        return [
            self.record_fact(**again[index]) if index in again else Written(fact.id, True, position)
            for index, (_item, _subject, fact) in enumerate(built)
        ]

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
            position = position_of(self.recorder, aggregate_id, earlier)
            return Written(aggregate_id, False, self.position() if position is None else position)
        return Written(aggregate_id, False, self.position())

    def _claims(self, company_id: UUID, names: Iterable[str]) -> list[CompanyName]:
        claims = []
        for name in names:
            claim = CompanyName(name=name, company_id=company_id)
            try:
                owner: CompanyName = self.repository.get(claim.id)
            except AggregateNotFoundError:
                claims.append(claim)
                continue
            if owner.company_id != company_id:
                raise NameTaken(f"name {name!r} already belongs to company {owner.company_id}")
        return claims

    def _company(self, name_or_id: str | UUID, known: Mapping[UUID, Any] | None = None) -> Company:
        candidates, normalised = _company_candidates(name_or_id)
        if normalised is not None:
            try:
                claim: CompanyName = self._get(CompanyName.create_id(normalised), known)
                candidates.append(claim.company_id)
            except AggregateNotFoundError:
                candidates.append(company_id_for(normalised))
        for candidate in candidates:
            try:
                found: Company = self._get(candidate, known)
            except AggregateNotFoundError:
                continue
            return found
        raise UnknownCompany(f"no company is called {name_or_id!r}")

    def _get(self, aggregate_id: UUID, known: Mapping[UUID, Any] | None) -> Any:
        """The aggregate, from ``known`` (read beforehand; None there means it has no events) or the store."""
        if known is None or aggregate_id not in known:
            return self.repository.get(aggregate_id)
        found = known[aggregate_id]
        if found is None:
            raise AggregateNotFoundError(aggregate_id)
        return found

    def _preload_subjects(self, facts: Sequence[Mapping[str, Any]]) -> dict[UUID, Any]:
        """Every aggregate the batch's subjects resolve through, read in two queries (the names
        claimed, then the companies and markets) instead of one or two per subject.

        Items whose subject cannot be read are skipped here: building them raises their error,
        in batch order, as before.
        """
        if self.repository.cache is not None or self.repository.snapshot_store is not None:
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
                    candidates, normalised = _company_candidates(company)
                    wanted.update(candidates)
                    if normalised is not None:
                        names.add(normalised)
                else:
                    wanted.add(market_id_for(parse_market(market)))
            except DomainError:
                continue
        known = self._aggregates({CompanyName.create_id(name) for name in names})
        for name in names:
            claim = known[CompanyName.create_id(name)]
            wanted.add(company_id_for(name) if claim is None else claim.company_id)
        known.update(self._aggregates(wanted - known.keys()))
        return known

    def _aggregates(self, aggregate_ids: set[UUID]) -> dict[UUID, Any]:
        """Many aggregates as the repository would reconstruct them, None for those with no events."""
        stored = stored_events_of(self.recorder, aggregate_ids)
        found: dict[UUID, Any] = {}
        for aggregate_id in aggregate_ids:
            aggregate = None
            # The library's projector asserts a runtime-checkable protocol on every event, which
            # costs more than applying it; these events are the library's own aggregate events.
            for stored_event in stored.get(aggregate_id, ()):
                aggregate = self.mapper.to_domain_event(stored_event).mutate(aggregate)  # type: ignore[attr-defined]
            found[aggregate_id] = aggregate
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

    def _subject(
        self, company: str | UUID | None, market: str | None, known: Mapping[UUID, Any] | None = None
    ) -> Company | Market:
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


def _company_candidates(name_or_id: str | UUID) -> tuple[list[UUID], str | None]:
    """The ids a company reference may be, and the normalised name whose claim may name one more."""
    if isinstance(name_or_id, UUID):
        return [name_or_id], None
    text = str(name_or_id).strip()
    candidates = []
    with contextlib.suppress(ValueError):
        candidates.append(UUID(text))
    try:
        return candidates, normalise_name(text)
    except InvalidFact:
        raise UnknownCompany(f"no company is called {name_or_id!r}") from None


def _new_fact(
    subject: Company | Market,
    kind: str,
    date: str | FuzzyDate,
    venue: str | None,
    fields: Mapping[str, Any] | None,
    sources: Sequence[Source],
    summary: str | None,
) -> Fact:
    """A fact about ``subject`` from raw command values, every value checked by the domain."""
    return Fact.record(
        kind=parse_kind(kind),
        subject_type="company" if isinstance(subject, Company) else "market",
        subject_id=subject.id,
        venue=parse_venue(venue) if venue is not None else None,
        date=date if isinstance(date, FuzzyDate) else parse_date(date),
        fields=fields,
        sources=list(sources),
        summary=summary,
    )


def _in_valid_time_order(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(facts, key=lambda f: fact_order(f["date"]["earliest"], f["date"]["latest"], f["kind"], f["fact_id"]))


def _distinct(aliases: Iterable[str], name: str) -> tuple[str, ...]:
    """Aliases without repeats of each other or of the name, as names compare."""
    seen = {normalise_name(name)}
    kept = []
    for alias in aliases:
        key = normalise_name(alias)
        if key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)
