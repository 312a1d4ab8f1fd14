"""Companies and the index of their names."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import InvalidFact, UnknownCompany
from domain.facts import check_reason
from domain.names import clean_name, normalise_name
from domain.sources import Source, require_sources
from domain.text import check_text

COMPANY_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:company")
NAME_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:company-name")
IDENTITY_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:name-identity")
MAX_SECTOR_CHARS = 60


def company_id_for(key: str) -> UUID:
    return uuid5(COMPANY_NAMESPACE, normalise_name(key))


class Company(Aggregate):
    """A company under any of its names; it lists the facts recorded about it."""

    @staticmethod
    def create_id(key: str) -> UUID:
        return company_id_for(key)

    @classmethod
    def register(
        cls, name: str, aliases: tuple[str, ...] = (), sector: str | None = None, key: str | None = None
    ) -> Company:
        name = clean_name(name)
        cleaned = tuple(dict.fromkeys(clean_name(alias) for alias in aliases))
        if sector is not None and (not sector.strip() or len(sector) > MAX_SECTOR_CHARS):
            raise InvalidFact(f"sector {sector!r} must be short non-empty text")
        if sector is not None:
            check_text(sector, "sector")
        return cls(key=key or name, name=name, aliases=tuple(a for a in cleaned if a != name), sector=sector)

    @event("Registered")
    def __init__(self, key: str, name: str, aliases: tuple[str, ...], sector: str | None) -> None:
        self.key = key
        self.name = name
        self.aliases = list(aliases)
        self.sector = sector
        self.fact_ids: list[UUID] = []
        self.retired: list[str] = []

    @property
    def names(self) -> list[str]:
        """The names it answers to: the registered name (unless retired) and its aliases."""
        return [name for name in [self.name, *self.aliases] if name not in self.retired]

    def knows_name(self, name: str) -> bool:
        wanted = normalise_name(name)
        return any(normalise_name(known) == wanted for known in self.names)

    def add_alias(self, alias: str, source: Source | None = None) -> None:
        """Another name for the company, with the source that uses it (none for names given at registration)."""
        alias = clean_name(alias)
        if source is not None:
            require_sources([source], f"alias {alias!r}")
        if not self.knows_name(alias):
            self._alias_added(alias=alias, source=source)

    @event("AliasAdded")
    def _alias_added(self, alias: str, source: Source | None = None) -> None:
        if alias in self.retired:
            self.retired.remove(alias)
        if alias != self.name:
            self.aliases.append(alias)

    def retire_names(self, name: str, spellings: tuple[str, ...], reason: str, sources: list[Source]) -> None:
        """Stop answering to ``name`` and to its ``spellings`` (the names and key that read as it): a name
        registered by mistake is fixed by this sourced event, and the events that used it stay."""
        reason = check_reason(reason, f"retirement of the name {name!r}")
        checked = require_sources(sources, f"retirement of the name {name!r}")
        held = {*self.names, self.key}
        if not spellings or any(spelling not in held for spelling in spellings):
            raise UnknownCompany(f"company {self.id} is not called {name!r}")
        self._names_retired(name=name, names=spellings, reason=reason, sources=checked)

    @event("NameRetired")
    def _names_retired(self, name: str, names: tuple[str, ...], reason: str, sources: tuple[Source, ...]) -> None:
        self.retired.extend(names)
        self.aliases = [alias for alias in self.aliases if alias not in names]

    @event("FactAttached")
    def attach_fact(self, fact_id: UUID) -> None:
        self.fact_ids.append(fact_id)


class CompanyName(Aggregate):
    """Index entry: one normalised name belongs to one company (claimed with it, atomically)."""

    @staticmethod
    def create_id(name: str) -> UUID:
        return uuid5(NAME_NAMESPACE, normalise_name(name))

    @event("Claimed")
    def __init__(self, name: str, company_id: UUID) -> None:
        self.name = name
        self.company_id: UUID | None = company_id

    @event("Released")
    def release(self) -> None:
        """The name was retired: no company holds it now."""
        self.company_id = None

    @event("ClaimedAgain")
    def claim_again(self, company_id: UUID) -> None:
        self.company_id = company_id


class NameIdentityClaim(Aggregate):
    """Index entry: a name's read key, or its look-alike skeleton (``kind``), belongs to one company at a time.

    The keys are computed outside the domain (they need OpenCC and ICU); claiming them with the
    company's events makes two companies holding one identity a conflict in the store itself.
    """

    @staticmethod
    def create_id(kind: str, key: str) -> UUID:
        return uuid5(IDENTITY_NAMESPACE, f"{kind}:{key}")

    @event("Claimed")
    def __init__(self, kind: str, key: str, company_id: UUID) -> None:
        self.kind = kind
        self.key = key
        self.company_id: UUID | None = company_id

    @event("Released")
    def release(self) -> None:
        self.company_id = None

    @event("ClaimedAgain")
    def claim_again(self, company_id: UUID) -> None:
        self.company_id = company_id


class NameClaimsComplete(Aggregate):
    """Marks a store where every company holds the identity claims of its names: written with the first
    company of an empty store, or once the names of companies registered before identity claims existed
    were claimed, with the names two of them were found to share (left unclaimed for a retirement)."""

    @staticmethod
    def create_id() -> UUID:
        return uuid5(IDENTITY_NAMESPACE, "name claims complete")

    @event("Marked")
    def __init__(self, shared: tuple[str, ...]) -> None:
        self.shared = list(shared)
