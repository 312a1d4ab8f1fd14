"""Read and check the seed files without touching any store.

Every problem is reported with its file, its entry and what is wrong; a seed set with any
problem is rejected whole, so a broken file never half-loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import NAMESPACE_URL, uuid5

import yaml

from domain.errors import DomainError
from domain.fact_fields import build_fields
from domain.facts import Fact, check_subject
from domain.fuzzy_dates import FuzzyDate, parse_date
from domain.names import normalise_name
from domain.sources import Source, SourceKind
from domain.vocabulary import parse_kind, parse_market, parse_venue
from seeds.yaml_files import read_yaml

SEED_DIR = Path(__file__).parent
DOCUMENT_KEYS = {"document", "kind", "short", "title", "publisher", "language", "published", "published_reason", "url"}
COMPANY_KEYS = {"key", "name", "aliases", "sector"}
#: Free-text fields: sources word them differently, so the first file's wording is kept.
DESCRIPTIVE_FIELDS = {"description", "note", "basis"}
FACT_KEYS = {
    "key",
    "kind",
    "company",
    "market",
    "venue",
    "date",
    "date_text",
    "fields",
    "summary",
    "document",
    "quote",
    "statement",
}
#: A revision names a seed fact by key and cites its own source, like a fact entry.
CORRECTION_KEYS = {"fact", "date", "venue", "fields", "reason", "document", "quote", "statement", "date_text"}
RETRACTION_KEYS = {"fact", "reason", "document", "quote", "statement"}
#: A name outside the articles (an everyday Chinese name, a legal name in a disclosure), with its source.
ALIAS_KEYS = {"company", "name", "document", "quote", "statement"}


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


@dataclass(frozen=True)
class _Document:
    short: str
    published: FuzzyDate
    kind: SourceKind = SourceKind.ARTICLE
    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    def source(self, document: str, item: dict[str, Any], date_text: str | None = None) -> Source:
        """This document as the source of one entry: its quote (an article) or our statement (any other)."""
        if self.kind is SourceKind.ARTICLE:
            if "statement" in item:
                raise TypeError(f"{document} is an article: cite it with a verbatim 'quote', not a 'statement'")
            return Source(document, self.published, str(item["quote"]), date_text=date_text)
        if "quote" in item:
            raise TypeError(f"{document} is a {self.kind}: state the fact in our own words as 'statement', no 'quote'")
        return Source(
            document,
            self.published,
            None,
            self.url,
            date_text,
            self.kind,
            self.title,
            self.publisher,
            str(item["statement"]),
        )


def read_seeds(directory: Path = SEED_DIR) -> SeedSet:
    """Parse and check every seed file; raise SeedError naming every problem found."""
    problems: list[SeedProblem] = []
    documents = _read_documents(directory / "documents.yaml", problems)
    companies, names = _read_companies(directory / "companies.yaml", problems)
    facts: dict[str, FactSeed] = {}
    fact_files = sorted((directory / "facts").glob("*.yaml"))
    if not fact_files:
        problems.append(SeedProblem(str(directory / "facts"), "-", "no fact files (*.yaml) found"))
    for path in fact_files:
        for entry in _read_fact_file(path, documents, names, problems):
            facts.setdefault(entry.key, FactSeed(entry.key)).entries.append(entry)
    for seed in facts.values():
        _check_merge(seed, problems)
    revisions = _read_revisions(directory / "revisions.yaml", documents, facts, problems)
    aliases = _read_aliases(directory / "aliases.yaml", documents, companies, names, problems)
    if problems:
        raise SeedError(problems)
    return SeedSet(companies, list(facts.values()), revisions, aliases)


_UNREADABLE = object()


def _parsed(path: Path, label: str, problems: list[SeedProblem]) -> Any:
    """The file's YAML, or ``_UNREADABLE`` with a problem naming the file (``label``)."""
    try:
        return read_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(SeedProblem(label, "-", f"not valid YAML: {error}"))
        return _UNREADABLE


def _load(path: Path, problems: list[SeedProblem], top: str) -> list[Any]:
    if not path.is_file():
        problems.append(SeedProblem(path.name, "-", "file is missing"))
        return []
    data = _parsed(path, path.name, problems)
    if data is _UNREADABLE:
        return []
    if not isinstance(data, dict) or not isinstance(data.get(top), list):
        problems.append(SeedProblem(path.name, "-", f"expected a mapping with a list under {top!r}"))
        return []
    entries: list[Any] = data[top]
    return entries


def _unknown_keys(item: dict[str, Any], allowed: set[str]) -> str | None:
    unknown = sorted(set(item) - allowed)
    return f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})" if unknown else None


def _mappings(
    path: Path, problems: list[SeedProblem], top: str, noun: str, label: str, allowed: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each entry under ``top`` that is a mapping with known fields, labelled for messages."""
    for index, item in enumerate(_load(path, problems, top)):
        if not isinstance(item, dict):
            problems.append(SeedProblem(path.name, f"{top}[{index}]", "expected a mapping"))
            continue
        entry = f"{noun} {item.get(label, index)!r}"
        if problem := _unknown_keys(item, allowed):
            problems.append(SeedProblem(path.name, entry, problem))
            continue
        yield entry, item


def _read_documents(path: Path, problems: list[SeedProblem]) -> dict[str, _Document]:
    documents: dict[str, _Document] = {}
    for entry, item in _mappings(path, problems, "documents", "document", "document", DOCUMENT_KEYS):
        try:
            kind = SourceKind(item.get("kind", SourceKind.ARTICLE))
            document = _Document(
                str(item["short"]),
                parse_date(str(item["published"])),
                kind,
                item.get("url"),
                item.get("title"),
                item.get("publisher"),
            )
            if kind is not SourceKind.ARTICLE:
                Source(
                    str(item["document"]),
                    document.published,
                    None,
                    document.url,
                    None,
                    kind,
                    document.title,
                    document.publisher,
                    "checked",
                )  # url, title and publisher are required
            documents[str(item["document"])] = document
        except KeyError as missing:
            problems.append(SeedProblem(path.name, entry, f"field {missing} is required"))
        except ValueError as error:  # DomainError, or an unknown kind
            problems.append(SeedProblem(path.name, entry, str(error)))
    return documents


def _read_companies(path: Path, problems: list[SeedProblem]) -> tuple[list[CompanySeed], dict[str, str]]:
    companies: list[CompanySeed] = []
    names: dict[str, str] = {}
    for entry, item in _mappings(path, problems, "companies", "company", "key", COMPANY_KEYS):
        key, name, aliases = item.get("key"), item.get("name"), item.get("aliases") or []
        if not isinstance(key, str) or not isinstance(name, str) or not isinstance(aliases, list):
            problems.append(SeedProblem(path.name, entry, "needs text 'key' and 'name', and 'aliases' as a list"))
            continue
        seed = CompanySeed(key, name, tuple(str(alias) for alias in aliases), item.get("sector"))
        for known in (seed.key, seed.name, *seed.aliases):
            try:
                normalised = normalise_name(known)
            except DomainError as error:
                problems.append(SeedProblem(path.name, entry, str(error)))
                continue
            owner = names.setdefault(normalised, seed.key)
            if owner != seed.key:
                problems.append(SeedProblem(path.name, entry, f"name {known!r} also belongs to company {owner!r}"))
        companies.append(seed)
    return companies, names


def _read_fact_file(
    path: Path, documents: dict[str, _Document], names: dict[str, str], problems: list[SeedProblem]
) -> list[FactEntry]:
    file = f"facts/{path.name}"
    data = _parsed(path, file, problems)
    if data is _UNREADABLE:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
        problems.append(SeedProblem(file, "-", "expected a mapping with 'document' and a list under 'facts'"))
        return []
    default = data.get("document")
    if default is not None and str(default) not in documents:
        problems.append(SeedProblem(file, "document", f"{default!r} is not listed in documents.yaml"))
        return []
    entries = []
    for index, item in enumerate(data["facts"]):
        label = f"facts[{index}]" + (f" {item.get('key')!r}" if isinstance(item, dict) else "")
        try:
            if not isinstance(item, dict):
                raise TypeError("expected a mapping")
            document = str(item.get("document", default))
            if document not in documents:
                raise TypeError(f"document {document!r} is not listed in documents.yaml (give it here or for the file)")
            entries.append(_fact_entry(file, document, documents[document], names, item))
        except (DomainError, KeyError, TypeError) as error:
            message = f"field {error} is required" if isinstance(error, KeyError) else str(error)
            problems.append(SeedProblem(file, label, message))
    return entries


def _fact_entry(file: str, document: str, doc: _Document, names: dict[str, str], item: dict[str, Any]) -> FactEntry:
    if problem := _unknown_keys(item, FACT_KEYS):
        raise TypeError(problem)
    kind = parse_kind(item["kind"])
    company, market = item.get("company"), item.get("market")
    if (company is None) == (market is None):
        raise TypeError("give exactly one of 'company' or 'market'")
    if company is not None:
        owner = names.get(normalise_name(str(company)))
        if owner is None:
            raise TypeError(f"company {company!r} is not a name in companies.yaml")
        company = owner
    else:
        market = parse_market(market)
    venue = parse_venue(item["venue"]) if item.get("venue") is not None else None
    check_subject(kind, "company" if company else "market", venue)
    date = parse_date(str(item["date"]))
    date_text = item.get("date_text")
    if isinstance(date_text, str):
        _check_date_text(date, date_text)
    fields = item.get("fields") or {}
    build_fields(kind, fields)
    source = doc.source(document, item, date_text if isinstance(date_text, str) else None)
    return FactEntry(
        file,
        str(item["key"]),
        kind.value,
        company,
        market,
        venue.value if venue else None,
        date,
        dict(fields),
        item.get("summary"),
        source,
    )


def _check_date_text(date: FuzzyDate, date_text: str) -> None:
    """Where our parser reads the source's own words, they must say the canonical date."""
    try:
        worded = parse_date(date_text)
    except DomainError:
        return
    if worded.text != date.text:
        raise TypeError(f"date {date.text!r} does not match date_text {date_text!r} (which reads as {worded.text!r})")


def _check_merge(seed: FactSeed, problems: list[SeedProblem]) -> None:
    first = seed.first
    for entry in seed.entries[1:]:
        for name in ("kind", "company", "market", "venue"):
            if getattr(entry, name) != getattr(first, name):
                problems.append(
                    SeedProblem(
                        entry.file,
                        f"fact {seed.key!r}",
                        f"{name} {getattr(entry, name)!r} differs from {getattr(first, name)!r} in {first.file}",
                    )
                )
        for name, value in entry.fields.items():
            if name not in DESCRIPTIVE_FIELDS and name in first.fields and first.fields[name] != value:
                problems.append(
                    SeedProblem(
                        entry.file,
                        f"fact {seed.key!r}",
                        f"field {name!r} {value!r} differs from {first.fields[name]!r} in {first.file}",
                    )
                )
    documents = [entry.source.document for entry in seed.entries]
    if len(set(documents)) != len(documents):
        problems.append(SeedProblem(first.file, f"fact {seed.key!r}", "the same key appears twice in one document"))
    precise = merged_date(seed)
    for entry in seed.entries:
        if not entry.date.contains(precise):
            problems.append(
                SeedProblem(
                    entry.file,
                    f"fact {seed.key!r}",
                    f"date {entry.date.text!r} does not contain {precise.text!r} given by another source",
                )
            )


def _read_aliases(
    path: Path,
    documents: dict[str, _Document],
    companies: list[CompanySeed],
    names: dict[str, str],
    problems: list[SeedProblem],
) -> list[AliasSeed]:
    """aliases.yaml (optional): names from outside the articles, each citing a document that uses it."""
    if not path.is_file():
        return []
    keys = {company.key for company in companies}
    aliases: list[AliasSeed] = []
    for entry, item in _mappings(path, problems, "aliases", "alias", "name", ALIAS_KEYS):
        try:
            company, name, document = str(item["company"]), str(item["name"]), str(item["document"])
            if company not in keys:
                raise TypeError(f"company {company!r} is not a key in companies.yaml")
            if document not in documents:
                raise TypeError(f"document {document!r} is not listed in documents.yaml")
            owner = names.setdefault(normalise_name(name), company)
            if owner != company:
                raise TypeError(f"name {name!r} already belongs to company {owner!r}")
            aliases.append(AliasSeed(company, name, documents[document].source(document, item)))
        except (DomainError, KeyError, TypeError) as error:
            message = f"field {error} is required" if isinstance(error, KeyError) else str(error)
            problems.append(SeedProblem(path.name, entry, message))
    return aliases


def _read_revisions(
    path: Path, documents: dict[str, _Document], facts: dict[str, FactSeed], problems: list[SeedProblem]
) -> list[RevisionSeed]:
    """revisions.yaml: corrections and retractions of seed facts (optional file); each checked
    against the fact it revises, so one that changes nothing or names no fact is refused here."""
    if not path.is_file():
        return []
    data = _parsed(path, path.name, problems)
    if data is _UNREADABLE:
        return []
    if not isinstance(data, dict) or set(data) - {"corrections", "retractions"}:
        problems.append(SeedProblem(path.name, "-", "expected a mapping with lists under 'corrections', 'retractions'"))
        return []
    revisions: list[RevisionSeed] = []
    revised: dict[str, Fact] = {}  # each fact as the revisions before leave it, so they are checked in order
    for top, step, allowed in (
        ("corrections", "correction", CORRECTION_KEYS),
        ("retractions", "retraction", RETRACTION_KEYS),
    ):
        items = data.get(top) or []
        if not isinstance(items, list):
            problems.append(SeedProblem(path.name, top, "expected a list"))
            continue
        for index, item in enumerate(items):
            label = f"{top}[{index}]" + (f" {item.get('fact')!r}" if isinstance(item, dict) else "")
            try:
                revisions.append(_revision(path.name, step, allowed, item, documents, facts, revised))
            except (DomainError, KeyError, TypeError) as error:
                message = f"field {error} is required" if isinstance(error, KeyError) else str(error)
                problems.append(SeedProblem(path.name, label, message))
    return revisions


def _revision(
    file: str,
    step: str,
    allowed: set[str],
    item: Any,
    documents: dict[str, _Document],
    facts: dict[str, FactSeed],
    revised: dict[str, Fact],
) -> RevisionSeed:
    if not isinstance(item, dict):
        raise TypeError("expected a mapping")
    if problem := _unknown_keys(item, allowed):
        raise TypeError(problem)
    seed = facts.get(str(item["fact"]))
    if seed is None:
        raise TypeError(f"fact {item['fact']!r} is not a key in facts/")
    document = str(item["document"])
    if document not in documents:
        raise TypeError(f"document {document!r} is not listed in documents.yaml")
    source = documents[document].source(document, item, item.get("date_text"))
    revision = RevisionSeed(
        file,
        step,
        seed.key,
        str(item["reason"]),
        source,
        parse_date(str(item["date"])) if item.get("date") is not None else None,
        parse_venue(item["venue"]).value if item.get("venue") is not None else None,
        dict(item["fields"]) if item.get("fields") is not None else None,
    )
    fact = revised.setdefault(seed.key, _in_memory(seed))
    if step == "correction":
        fact.correct(
            reason=revision.reason,
            sources=[source],
            date=revision.date,
            venue=parse_venue(revision.venue) if revision.venue else None,
            fields=revision.fields,
        )
    else:
        fact.retract(reason=revision.reason, sources=[source])
    return revision


def _in_memory(seed: FactSeed) -> Fact:
    """The seed fact as the domain would build it, to check a revision against."""
    first = seed.first
    return Fact.record(
        kind=parse_kind(first.kind),
        subject_type="company" if first.company else "market",
        subject_id=uuid5(NAMESPACE_URL, first.company or first.market or ""),
        venue=parse_venue(first.venue) if first.venue else None,
        date=merged_date(seed),
        fields=merged_fields(seed),
        sources=seed.sources,
    )


def merged_date(seed: FactSeed) -> FuzzyDate:
    """The most precise date any source gives (the narrowest bounds, then the earliest)."""
    return min((entry.date for entry in seed.entries), key=lambda d: (d.latest - d.earliest, d.sort_key))


def merged_fields(seed: FactSeed) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for entry in seed.entries:
        fields.update({k: v for k, v in entry.fields.items() if k not in fields})
    return fields
