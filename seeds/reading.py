"""Read and check the seed files without touching any store.

Every problem is reported with its file, its entry and what is wrong; a seed set with any
problem is rejected whole, so a broken file never half-loads.
"""

from __future__ import annotations

from pathlib import Path

from seeds.aliases import read_aliases
from seeds.companies import read_companies
from seeds.documents import read_documents
from seeds.fact_files import check_merge, read_fact_file
from seeds.revisions import read_revisions
from seeds.seed_set import (
    FactSeed,
    SeedError,
    SeedProblem,
    SeedSet,
)

SEED_DIR = Path(__file__).parent


def read_seeds(directory: Path = SEED_DIR) -> SeedSet:
    """Parse and check every seed file; raise SeedError naming every problem found."""
    problems: list[SeedProblem] = []
    documents = read_documents(directory / "documents.yaml", problems)
    companies, names = read_companies(directory / "companies.yaml", documents, problems)
    facts: dict[str, FactSeed] = {}
    fact_files = sorted((directory / "facts").glob("*.yaml"))
    if not fact_files:
        problems.append(SeedProblem(str(directory / "facts"), "-", "no fact files (*.yaml) found"))
    for path in fact_files:
        for entry in read_fact_file(path, documents, names, problems):
            facts.setdefault(entry.key, FactSeed(entry.key)).entries.append(entry)
    for seed in facts.values():
        check_merge(seed, problems)
    revisions = read_revisions(directory / "revisions.yaml", documents, facts, problems)
    aliases = read_aliases(directory / "aliases.yaml", documents, companies, names, problems)
    if problems:
        raise SeedError(problems)
    citations = [(key, document.citation) for key, document in documents.items() if document.citation is not None]
    return SeedSet(companies, list(facts.values()), revisions, aliases, citations)
