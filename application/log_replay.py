"""A log from outside (an import) replayed through the domain before any of it is stored.

An accepted event is forever, so an imported event must be one this service could have written
itself: its topic one of our event classes, its state decodable, each aggregate's versions
1, 2, 3 ... in log order, and its values what the domain makes of them. Each creation or change is
made again through the same domain code the API's writes go through (``Company.register``,
``Fact.record``, ``build_fields``, ``check_reason``, ``Source``, ``parse_date``) and must come
out identical; ids must be the ones the domain derives. The log's cross references are checked
at the end: every name claim points to a company that has that name and every name has its
claim, every fact is attached to its subject and every attachment to a fact of that subject.

Errors are ``RefusedEvent`` naming the position; the import names the line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent

from application.commands import distinct_aliases
from application.name_claims import identity_claims, names_of
from application.topics import AGGREGATE_OF, CREATED_BY, EVENT_CLASSES, ForeignTopic
from domain.companies import Company, CompanyName, NameClaimsComplete, NameIdentityClaim
from domain.date_parsing import parse_date
from domain.errors import DomainError
from domain.fact_fields import FactFields
from domain.facts import Fact, check_reason, check_subject
from domain.field_values import MAX_COUNT, build_fields
from domain.fuzzy_dates import FuzzyDate
from domain.markets import Market, market_id_for
from domain.money import Money
from domain.names import clean_name, normalise_name
from domain.sources import Source, require_sources
from domain.text import check_text
from domain.vocabulary import FactKind, Venue, parse_market


class RefusedEvent(ValueError):
    """An event of an imported log that this service would not have written; says why."""

    def __init__(self, position: int, problem: str) -> None:
        super().__init__(problem)
        self.position = position
        self.problem = problem


class LogReplay:
    """Feed it every event in log order (``apply``), then ``finish``; it stores nothing."""

    def __init__(self, mapper: Mapper[UUID]) -> None:
        self._mapper = mapper
        self._aggregates: dict[UUID, Aggregate] = {}
        self._created_at: dict[UUID, int] = {}  # aggregate -> position of its creation, for messages
        self._attached_at: dict[tuple[UUID, UUID], int] = {}  # (subject, fact) -> position

    def apply(self, position: int, stored: StoredEvent) -> None:
        try:
            self._apply(position, stored)
        except (DomainError, ForeignTopic) as error:  # our own messages, complete as they are
            raise RefusedEvent(position, str(error)) from None
        except MapperDeserialisationError as error:  # its own text repeats topic, id and version
            raise RefusedEvent(position, f"the state does not decode: {error.__cause__ or error}"[:500]) from None
        except Exception as error:  # whatever an untrusted event breaks in the domain, the import refuses it
            raise RefusedEvent(position, f"{type(error).__name__}: {error}"[:500]) from None

    def finish(self) -> int:
        """Check the references between aggregates; the number of aggregates replayed."""
        companies = {i: a for i, a in self._aggregates.items() if isinstance(a, Company)}
        for claim_id, claim in self._aggregates.items():
            if not isinstance(claim, CompanyName) or claim.company_id is None:
                continue  # a released claim (its name retired) holds no company
            owner = companies.get(claim.company_id)
            if owner is None or normalise_name(claim.name) not in {normalise_name(n) for n in names_of(owner)}:
                raise RefusedEvent(
                    self._created_at[claim_id],
                    f"claims the name {claim.name!r} for company {claim.company_id}, which has no such name",
                )
        for company_id, company in companies.items():
            for name in company.names:
                owned = self._aggregates.get(CompanyName.create_id(name))
                if not isinstance(owned, CompanyName) or owned.company_id != company_id:
                    raise RefusedEvent(
                        self._created_at[company_id],
                        f"company {company.name!r} has the name {name!r}, but no claim of that name is its own",
                    )
        for claim_id, identity in self._aggregates.items():
            if not isinstance(identity, NameIdentityClaim) or identity.company_id is None:
                continue
            holder = companies.get(identity.company_id)
            wanted = (identity.kind, identity.key)
            if holder is None or not any(wanted in identity_of_name(name) for name in names_of(holder)):
                raise RefusedEvent(
                    self._created_at[claim_id],
                    f"claims the {identity.kind} {identity.key!r} for company {identity.company_id}, "
                    "none of whose names reads or looks like it",
                )
        for fact_id, fact in self._aggregates.items():
            if not isinstance(fact, Fact):
                continue
            subject = self._aggregates.get(fact.subject_id)
            expected = Company if fact.subject_type == "company" else Market
            if not isinstance(subject, expected) or fact_id not in subject.fact_ids:
                raise RefusedEvent(
                    self._created_at[fact_id],
                    f"fact {fact_id} is about {fact.subject_type} {fact.subject_id}, which does not list it",
                )
        for (subject_id, fact_id), position in self._attached_at.items():
            attached = self._aggregates.get(fact_id)
            if not isinstance(attached, Fact) or attached.subject_id != subject_id:
                raise RefusedEvent(position, f"attaches fact {fact_id}, which is not a fact about {subject_id}")
        return len(self._aggregates)

    def _apply(self, position: int, stored: StoredEvent) -> None:
        event: Any = self._mapper.to_domain_event(stored)  # refuses a foreign topic before importing anything
        if not isinstance(event.timestamp, datetime) or event.timestamp.tzinfo is None:
            raise DomainError("timestamp is not a date-time with a time zone")
        aggregate = self._aggregates.get(event.originator_id)
        version = stored.originator_version
        if stored.topic in CREATED_BY:
            if aggregate is not None:
                raise DomainError(f"creates aggregate {event.originator_id} again (version {version})")
            if version != 1:
                raise DomainError(f"a {stored.topic} event must be version 1, not {version}")
        else:
            if aggregate is None:
                raise DomainError(
                    f"changes aggregate {event.originator_id} (version {version}), which no earlier event created"
                )
            if not isinstance(aggregate, AGGREGATE_OF[type(event)]):
                raise DomainError(f"a {stored.topic} event for a {type(aggregate).__name__}")
            if version != aggregate.version + 1:
                raise DomainError(
                    f"aggregate {event.originator_id} is at version {aggregate.version}; "
                    f"its next event must be version {aggregate.version + 1}, not {version}"
                )
        unexpected = sorted(set(vars(event)) - _FIELDS[type(event)])
        if unexpected:
            raise DomainError(f"a {stored.topic} event has no field {unexpected[0]!r}")
        _RULES[type(event).__qualname__](event, aggregate)  # first: its messages name the field
        _check_plain_values(vars(event))
        if type(event).__qualname__.endswith(".FactAttached"):
            self._attached_at[(event.originator_id, event.fact_id)] = position
        self._aggregates[event.originator_id] = event.mutate(aggregate)
        if aggregate is None:
            self._created_at[event.originator_id] = position


# What an event of each class may carry: its declared fields (a field an older event lacks is not
# refused when its method has a default; a missing one it needs fails in the replay itself).
_FIELDS: dict[type[Any], frozenset[str]] = {
    cls: frozenset(name for klass in cls.__mro__ for name in getattr(klass, "__annotations__", {}))
    - {"originator_id_type"}
    for cls in EVENT_CLASSES.values()
}


# The rules, one per event class: the event must be what the domain's own code makes of its values.


def _same(what: str, stored: Iterable[tuple[str, Any, Any]]) -> None:
    for name, have, want in stored:
        if have != want:
            raise DomainError(f"{what}: {name} {_short(have)} is not what the domain makes of it ({_short(want)})")


def _registered(event: Any, _: None) -> None:
    aliases = tuple(event.aliases)
    again = Company.register(event.name, distinct_aliases(aliases, event.name), event.sector, event.key)
    _same(
        f"registration of {event.name!r}",
        [
            ("id", event.originator_id, again.id),
            ("key", event.key, again.key),
            ("name", event.name, again.name),
            ("aliases", list(aliases), again.aliases),
            ("sector", event.sector, again.sector),
        ],
    )


def _alias_added(event: Any, company: Company) -> None:
    _same("alias", [("alias", event.alias, clean_name(event.alias))])
    if company.knows_name(event.alias):
        raise DomainError(f"adds the alias {event.alias!r}, which company {company.name!r} already has")
    if event.source is not None:
        _check_sources([event.source], f"alias {event.alias!r}")


def _fact_attached(event: Any, subject: Company | Market) -> None:
    if not isinstance(event.fact_id, UUID):
        raise DomainError("fact_id is not a UUID")
    if event.fact_id in subject.fact_ids:
        raise DomainError(f"attaches fact {event.fact_id} a second time")


def _claimed(event: Any, _: None) -> None:
    if not isinstance(event.company_id, UUID):
        raise DomainError("company_id is not a UUID")
    _same(
        f"claim of {event.name!r}",
        [("name", event.name, clean_name(event.name)), ("id", event.originator_id, CompanyName.create_id(event.name))],
    )


def identity_of_name(name: str) -> list[tuple[str, str]]:
    return [(kind, key) for _claim_id, kind, key in identity_claims(name)]


def _names_retired(event: Any, company: Company) -> None:
    what = f"retirement of the name {event.name!r}"
    _check_sources(event.sources, what)
    _same(what, [("reason", event.reason, check_reason(event.reason, what))])
    held = {*company.names, company.key}
    names = list(event.names) if isinstance(event.names, (list, tuple)) else None
    if not names or any(not isinstance(name, str) or name not in held for name in names):
        raise DomainError(f"{what} retires names company {company.name!r} does not hold")


def _released(_event: Any, claim: CompanyName | NameIdentityClaim) -> None:
    if claim.company_id is None:
        raise DomainError(f"releases claim {claim.id}, which no company holds")


def _claimed_again(event: Any, claim: CompanyName | NameIdentityClaim) -> None:
    if not isinstance(event.company_id, UUID):
        raise DomainError("company_id is not a UUID")
    if claim.company_id is not None:
        raise DomainError(f"claims {claim.id} again while company {claim.company_id} holds it")


def _identity_claimed(event: Any, _: None) -> None:
    if not isinstance(event.company_id, UUID):
        raise DomainError("company_id is not a UUID")
    if event.kind not in ("read", "skeleton", "capitals-skeleton") or not isinstance(event.key, str):
        raise DomainError(f"an identity claim of kind {_short(event.kind)}")
    _same(
        f"identity claim of {event.key!r}",
        [("id", event.originator_id, NameIdentityClaim.create_id(event.kind, event.key))],
    )


def _marked(event: Any, _: None) -> None:
    _same("name claims marker", [("id", event.originator_id, NameClaimsComplete.create_id())])
    if not all(isinstance(text, str) for text in event.shared):
        raise DomainError("name claims marker: shared names are not texts")


def _opened(event: Any, _: None) -> None:
    code = parse_market(event.code)
    _same(
        f"market {event.code!r}",
        [("code", event.code, code), ("id", event.originator_id, market_id_for(code))],
    )


def _recorded(event: Any, _: None) -> None:
    kind = FactKind(event.kind)
    venue = Venue(event.venue) if event.venue is not None else None
    if not isinstance(event.subject_id, UUID):
        raise DomainError("subject_id is not a UUID")
    again = Fact.record(
        kind=kind,
        subject_type=event.subject_type,
        subject_id=event.subject_id,
        venue=venue,
        date=_checked_date(event.date, "date"),
        fields=_checked_fields(kind, event.fields),
        sources=_check_sources(event.sources, f"{kind} fact"),
        summary=event.summary,
    )
    _same(
        f"{kind} fact",
        [
            ("id", event.originator_id, again.id),
            ("key", event.key, again.key),
            ("kind", event.kind, again.kind),
            ("venue", event.venue, again.venue),
            ("fields", event.fields, again.fields),
            ("summary", event.summary, again.summary),
        ],
    )


def _corroborated(event: Any, fact: Fact) -> None:
    (source,) = _check_sources([event.source], f"corroboration of fact {fact.id}")
    if fact.has_source(source):
        raise DomainError(f"corroborates fact {fact.id} with {source.document!r}, a source it already has")
    fact.check_not_retracted()


def _corrected(event: Any, fact: Fact) -> None:
    what = f"correction of fact {fact.id}"
    # The same correction again is not refused: code before retries were recognised appended it (A, B, A).
    _check_sources(event.sources, what)
    _same(what, [("reason", event.reason, check_reason(event.reason, what))])
    fact.check_not_retracted()
    if event.date is None and event.venue is None and event.fields is None:
        raise DomainError(f"{what} changes nothing")
    if event.date is not None:
        _checked_date(event.date, "date")
    if event.venue is not None:
        check_subject(fact.kind, fact.subject_type, Venue(event.venue))
    if event.fields is not None:
        _same(what, [("fields", event.fields, _checked_fields(fact.kind, event.fields))])


def _retracted(event: Any, fact: Fact) -> None:
    what = f"retraction of fact {fact.id}"
    _check_sources(event.sources, what)
    _same(what, [("reason", event.reason, check_reason(event.reason, what))])
    fact.check_not_retracted()


_RULES: dict[str, Callable[[Any, Any], None]] = {
    "Company.Registered": _registered,
    "Company.AliasAdded": _alias_added,
    "Company.FactAttached": _fact_attached,
    "Company.NameRetired": _names_retired,
    "CompanyName.Claimed": _claimed,
    "CompanyName.Released": _released,
    "CompanyName.ClaimedAgain": _claimed_again,
    "NameIdentityClaim.Claimed": _identity_claimed,
    "NameIdentityClaim.Released": _released,
    "NameIdentityClaim.ClaimedAgain": _claimed_again,
    "NameClaimsComplete.Marked": _marked,
    "Market.Opened": _opened,
    "Market.FactAttached": _fact_attached,
    "Fact.Recorded": _recorded,
    "Fact.Corroborated": _corroborated,
    "Fact.Corrected": _corrected,
    "Fact.Retracted": _retracted,
}


def _check_sources(sources: Any, what: str) -> tuple[Source, ...]:
    checked = require_sources(list(sources) if isinstance(sources, (list, tuple)) else sources, what)
    for source in checked:
        _checked_date(source.published, f"source {source.document!r}: published")
    return checked


def _checked_date(value: Any, what: str) -> FuzzyDate:
    """A stored date must be what the date parser makes of its own canonical text."""
    if not isinstance(value, FuzzyDate):
        raise DomainError(f"{what} is not a date")
    check_text(value.raw, f"{what} (as written)")
    again = parse_date(value.text)
    if (again.text, again.earliest, again.latest) != (value.text, value.earliest, value.latest):
        raise DomainError(
            f"{what} {value.text!r} runs {value.earliest}..{value.latest}, but the text means "
            f"{again.earliest}..{again.latest}"
        )
    return value


def _checked_fields(kind: FactKind, fields: Any) -> FactFields:
    if not isinstance(fields, FactFields):
        raise DomainError(f"{kind}: fields are not a fields object")
    return build_fields(kind, fields.as_dict())


def _check_plain_values(value: Any, depth: int = 0) -> None:
    """Every text and number anywhere in an event within what the API admits (names, quotes and
    fields get their own stricter rules above)."""
    if depth > 64:
        raise DomainError("the event is nested too deeply")
    if isinstance(value, str):
        check_text(value, "a text value", multiline=True)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if not -MAX_COUNT - 1 <= value <= MAX_COUNT:
            raise DomainError(f"the integer {_short(value)} does not fit in 64 bits")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise DomainError(f"the number {value} is not finite")
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise DomainError(f"the number {value} is not finite")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_plain_values(key, depth + 1)
            _check_plain_values(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _check_plain_values(item, depth + 1)
    elif isinstance(value, (FactFields, Source, FuzzyDate, Money)):
        _check_plain_values(vars(value), depth + 1)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
