"""Corrections and retractions of seed facts (revisions.yaml), each with a reason and a source of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from domain.dates.date_parsing import parse_date
from domain.errors import DomainError
from domain.facts import Fact
from domain.vocabulary import parse_venue
from seeds.documents import Document
from seeds.fact_files import fact_in_memory
from seeds.seed_set import (
    FactSeed,
    RevisionSeed,
    SeedProblem,
)
from seeds.yaml_files import UNREADABLE, parsed_yaml, unknown_keys

#: A revision names a seed fact by key and cites its own source, like a fact entry.
CORRECTION_KEYS = {"fact", "date", "venue", "fields", "reason", "document", "quote", "statement", "date_text"}


RETRACTION_KEYS = {"fact", "reason", "document", "quote", "statement"}


def read_revisions(
    path: Path, documents: dict[str, Document], facts: dict[str, FactSeed], problems: list[SeedProblem]
) -> list[RevisionSeed]:
    """revisions.yaml: corrections and retractions of seed facts (optional file); each checked
    against the fact it revises, so one that changes nothing or names no fact is refused here."""
    if not path.is_file():
        return []
    data = parsed_yaml(path, path.name, problems)
    if data is UNREADABLE:
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
    documents: dict[str, Document],
    facts: dict[str, FactSeed],
    revised: dict[str, Fact],
) -> RevisionSeed:
    if not isinstance(item, dict):
        raise TypeError("expected a mapping")
    if problem := unknown_keys(item, allowed):
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
    fact = revised.setdefault(seed.key, fact_in_memory(seed))
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
