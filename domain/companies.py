"""Companies and the index of their names."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import InvalidFact
from domain.names import clean_name, normalise_name
from domain.sources import Source, require_sources
from domain.text import check_text

COMPANY_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:company")
NAME_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:company-name")
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

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]

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
        self.aliases.append(alias)

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
        self.company_id = company_id
