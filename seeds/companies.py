"""The companies of the seed set (companies.yaml): every name the articles print, or, for a company
none of the five articles names, the names printed by the later documents it lists."""

from __future__ import annotations

from pathlib import Path

from domain.errors import DomainError
from domain.names import normalise_name
from domain.sources import SourceKind
from seeds.documents import Document
from seeds.seed_set import CompanySeed, SeedProblem
from seeds.yaml_files import mappings

COMPANY_KEYS = {"key", "name", "aliases", "sector", "documents"}


def read_companies(
    path: Path, documents: dict[str, Document], problems: list[SeedProblem]
) -> tuple[list[CompanySeed], dict[str, str]]:
    companies: list[CompanySeed] = []
    names: dict[str, str] = {}
    for entry, item in mappings(path, problems, "companies", "company", "key", COMPANY_KEYS):
        key, name, aliases = item.get("key"), item.get("name"), item.get("aliases") or []
        if not isinstance(key, str) or not isinstance(name, str) or not isinstance(aliases, list):
            problems.append(SeedProblem(path.name, entry, "needs text 'key' and 'name', and 'aliases' as a list"))
            continue
        cited = item.get("documents") or []
        if not isinstance(cited, list):
            problems.append(SeedProblem(path.name, entry, "'documents' must be a list of document ids"))
            continue
        for document in cited:
            found = documents.get(str(document))
            if found is None or found.kind is SourceKind.ARTICLE:
                problems.append(
                    SeedProblem(path.name, entry, f"{document!r} is not a later document listed in documents.yaml")
                )
        seed = CompanySeed(
            key, name, tuple(str(alias) for alias in aliases), item.get("sector"), tuple(str(d) for d in cited)
        )
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
