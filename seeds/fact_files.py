"""The fact files (facts/*.yaml): one entry per source of a fact, merged by key into one fact."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import DomainError
from domain.facts import Fact, check_subject
from domain.field_values import build_fields
from domain.names import normalise_name
from domain.vocabulary import parse_kind, parse_market, parse_venue
from seeds.documents import Document
from seeds.seed_set import (
    DESCRIPTIVE_FIELDS,
    FactEntry,
    FactSeed,
    SeedProblem,
    merged_date,
    merged_fields,
)
from seeds.yaml_files import UNREADABLE, parsed_yaml, unknown_keys

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


def read_fact_file(
    path: Path, documents: dict[str, Document], names: dict[str, str], problems: list[SeedProblem]
) -> list[FactEntry]:
    file = f"facts/{path.name}"
    data = parsed_yaml(path, file, problems)
    if data is UNREADABLE:
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


def _fact_entry(file: str, document: str, doc: Document, names: dict[str, str], item: dict[str, Any]) -> FactEntry:
    if problem := unknown_keys(item, FACT_KEYS):
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


def check_merge(seed: FactSeed, problems: list[SeedProblem]) -> None:
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


def fact_in_memory(seed: FactSeed) -> Fact:
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
