"""The rules of an imported log, one per event class: each event must be what the domain's own code makes of
its values (``Company.register``, ``Fact.record``, ``build_fields``, ``check_reason``, ``Source``,
``parse_date``), and every text and number in it within what the API admits. A rule raises DomainError
naming the field; ``LogReplay`` turns it into a refusal naming the position."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any
from uuid import UUID

from application.commands import distinct_aliases
from application.name_claims import identity_claims
from domain.companies import Company, CompanyName, NameClaimsComplete, NameIdentityClaim
from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import DomainError
from domain.fact_fields import FactFields
from domain.facts import Fact, check_reason, check_subject
from domain.field_values import MAX_COUNT, build_fields
from domain.markets import Market, market_id_for
from domain.money import Money
from domain.names import clean_name
from domain.sources import Citation, Document, Source, require_sources
from domain.subscriptions.subscription import Subscription
from domain.text import check_text
from domain.vocabulary import FactKind, Venue, parse_market


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


_SUBSCRIPTION_FIELDS = ("query", "url", "secret", "company_id", "venue", "stage", "as_of", "published_by")


def _subscribed(event: Any, _: None) -> None:
    values = {name: getattr(event, name) for name in _SUBSCRIPTION_FIELDS}
    again = Subscription(**values, certain_only=event.certain_only)
    _same("subscription", [(name, getattr(event, name), getattr(again, name)) for name in _SUBSCRIPTION_FIELDS])


def _subscription_ended(_event: Any, subscription: Subscription) -> None:
    if subscription.ended:
        raise DomainError(f"ends subscription {subscription.id} again")


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


def _citation(event: Any) -> Citation:
    """A document event's citation as the domain checks it (every field within what a seed load admits)."""
    published = _checked_date(event.published, "published")
    values = (event.title, event.publisher, published, event.grade, event.grade_reason, event.url, event.language)
    return Citation(event.kind, *values)


def _document_registered(event: Any, _: None) -> None:
    again = Document.register(event.document, _citation(event))
    _same(f"document {event.document!r}", [("id", event.originator_id, again.id)])


def _document_described(event: Any, document: Document) -> None:
    if _citation(event) == document.citation:
        raise DomainError(f"describes document {document.document!r} as it stands already")


RULES: dict[str, Callable[[Any, Any], None]] = {
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
    "Subscription.Created": _subscribed,
    "Subscription.Ended": _subscription_ended,
    "Document.Registered": _document_registered,
    "Document.Described": _document_described,
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


def check_plain_values(value: Any, depth: int = 0) -> None:
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
            check_plain_values(key, depth + 1)
            check_plain_values(item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_plain_values(item, depth + 1)
    elif isinstance(value, (FactFields, Source, FuzzyDate, Money)):
        check_plain_values(vars(value), depth + 1)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."
