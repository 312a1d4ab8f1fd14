"""The seed set as read from its files: documents' facts, companies, revisions and aliases, and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from domain.dates.fuzzy_dates import FuzzyDate
from domain.sources import Citation, Source


@dataclass(frozen=True)
class SeedProblem:
    file: str
    entry: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.problem}"


class SeedError(ValueError):
    """One or more seed files are broken; nothing was loaded."""

    def __init__(self, problems: list[SeedProblem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the seed files, nothing loaded:\n{shown}{more}")


@dataclass(frozen=True)
class CompanySeed:
    key: str
    name: str
    aliases: tuple[str, ...]
    sector: str | None
    #: For a company none of the five articles names: the later documents that print its names.
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactEntry:
    """One fact as one file reports it."""

    file: str
    key: str
    kind: str
    company: str | None
    market: str | None
    venue: str | None
    date: FuzzyDate
    fields: dict[str, Any]
    summary: str | None
    source: Source


@dataclass
class FactSeed:
    """One real-world fact: every file's entry with the same key, merged."""

    key: str
    entries: list[FactEntry] = field(default_factory=list)

    @property
    def first(self) -> FactEntry:
        return self.entries[0]

    @property
    def sources(self) -> list[Source]:
        return [entry.source for entry in self.entries]


@dataclass(frozen=True)
class RevisionSeed:
    """A correction (date, venue or fields) or a retraction of a seed fact, with its reason and source."""

    file: str
    step: str  # "correction" or "retraction"
    fact: str
    reason: str
    source: Source
    date: FuzzyDate | None = None
    venue: str | None = None
    fields: dict[str, Any] | None = None


@dataclass(frozen=True)
class AliasSeed:
    company: str  # the company's key
    name: str
    source: Source


@dataclass(frozen=True)
class SeedSet:
    companies: list[CompanySeed]
    facts: list[FactSeed]
    revisions: list[RevisionSeed] = field(default_factory=list)
    aliases: list[AliasSeed] = field(default_factory=list)
    #: Every document of documents.yaml (its id) with its citation and grade, in file order.
    documents: list[tuple[str, Citation]] = field(default_factory=list)


#: Free-text fields: sources word them differently, so the first file's wording is kept.
DESCRIPTIVE_FIELDS = {"description", "note", "basis"}


def merged_date(seed: FactSeed) -> FuzzyDate:
    """The most precise date any source gives (the narrowest bounds, then the earliest)."""
    return min((entry.date for entry in seed.entries), key=lambda d: (d.latest - d.earliest, d.sort_key))


def merged_fields(seed: FactSeed) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for entry in seed.entries:
        fields.update({k: v for k, v in entry.fields.items() if k not in fields})
    return fields
