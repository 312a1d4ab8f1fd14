"""A command's raw values made into domain objects: every value checked by the domain."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from domain.companies import Company
from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import InvalidFact, UnknownCompany
from domain.facts import Fact
from domain.markets import Market
from domain.names import normalise_name
from domain.sources import Source
from domain.vocabulary import parse_kind, parse_venue


def company_candidates(name_or_id: str | UUID) -> tuple[list[UUID], str | None]:
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


def new_fact(
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


def distinct_aliases(aliases: Iterable[str], name: str) -> tuple[str, ...]:
    """Aliases without repeats of each other or of the name, as names compare."""
    seen = {normalise_name(name)}
    kept = []
    for alias in aliases:
        key = normalise_name(alias)
        if key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)
