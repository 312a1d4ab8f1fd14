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

from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper, MapperDeserialisationError, StoredEvent

from application.name_claims import names_of
from application.storage.topics import AGGREGATE_OF, CREATED_BY, EVENT_CLASSES, ForeignTopic
from application.transfer.event_rules import RULES, check_plain_values, identity_of_name
from domain.companies import Company, CompanyName, NameIdentityClaim
from domain.errors import DomainError
from domain.facts import Fact
from domain.markets import Market
from domain.names import normalise_name


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
        RULES[type(event).__qualname__](event, aggregate)  # first: its messages name the field
        check_plain_values(vars(event))
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
