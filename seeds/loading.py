"""Load a checked seed set through the application's commands (never the event store)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from application.service import TimelineApplication
from domain.errors import DomainError
from domain.names import normalise_name
from seeds.reading import SEED_DIR, read_seeds
from seeds.seed_set import SeedError, SeedProblem, SeedSet, merged_date, merged_fields


@dataclass(frozen=True)
class LoadReport:
    companies: int
    facts: int
    appended: int
    position: int


#: Facts per transaction: each batch reads the log three times whatever its size (record_facts).
_BATCH = 200


def load_seeds(
    app: TimelineApplication,
    directory: Path = SEED_DIR,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Check every file first, then record; loading the same files again appends nothing."""
    seeds = read_seeds(directory)
    app.claim_older_names()  # a store from before names had identity claims: check seed names against it all
    _check_names_against_store(app, seeds)
    appended = sum(written.appended for written in app.describe_documents(seeds.documents))
    companies = [{"name": c.name, "aliases": c.aliases, "sector": c.sector, "key": c.key} for c in seeds.companies]
    appended += sum(written.appended for written in app.register_companies(companies))
    for alias in seeds.aliases:
        appended += app.add_alias(alias.company, alias.name, alias.source).appended
    fact_ids = {}
    for start in range(0, len(seeds.facts), _BATCH):
        chunk = seeds.facts[start : start + _BATCH]
        items = [
            {
                "kind": fact.first.kind,
                "company": fact.first.company,
                "market": fact.first.market,
                "venue": fact.first.venue,
                "date": merged_date(fact),
                "fields": merged_fields(fact),
                "sources": fact.sources,
                "summary": next((entry.summary for entry in fact.entries if entry.summary), None),
            }
            for fact in chunk
        ]
        for fact, written in zip(chunk, app.record_facts(items), strict=True):
            appended += written.appended
            fact_ids[fact.key] = written.id
        if progress:
            progress(len(chunk))
    for revision in seeds.revisions:  # in file order; a revision already in the store appends nothing
        if revision.step == "correction":
            written = app.correct_fact(
                fact_ids[revision.fact],
                reason=revision.reason,
                sources=[revision.source],
                date=revision.date,
                venue=revision.venue,
                fields=revision.fields,
            )
        else:
            written = app.retract_fact(fact_ids[revision.fact], reason=revision.reason, sources=[revision.source])
        appended += written.appended
    return LoadReport(len(seeds.companies), len(seeds.facts), appended, app.position())


def _check_names_against_store(app: TimelineApplication, seeds: SeedSet) -> None:
    """A seed name already owned by another company in the store would fail mid-load: fail first."""
    problems = []
    for company in seeds.companies:
        own_id = None
        with contextlib.suppress(DomainError):
            own_id = app.resolve_company(company.key)
        for name in (company.name, *company.aliases):
            try:
                owner = app.resolve_company(name)
            except DomainError:
                continue
            if owner != own_id:
                problems.append(
                    SeedProblem(
                        "companies.yaml",
                        f"company {company.key!r}",
                        f"name {name!r} ({normalise_name(name)!r}) already belongs to company {owner} in the store",
                    )
                )
    for alias in seeds.aliases:
        try:
            owner = app.resolve_company(alias.name)
        except DomainError:
            continue
        with contextlib.suppress(DomainError):
            if owner != app.resolve_company(alias.company):
                problems.append(
                    SeedProblem(
                        "aliases.yaml", f"alias {alias.name!r}", f"already belongs to company {owner} in the store"
                    )
                )
    if problems:
        raise SeedError(problems)
