"""Names people use that the articles do not print (aliases.yaml), each citing a document that uses it."""

from __future__ import annotations

from pathlib import Path

from domain.errors import DomainError
from domain.names import normalise_name
from seeds.documents import Document
from seeds.seed_set import (
    AliasSeed,
    CompanySeed,
    SeedProblem,
)
from seeds.yaml_files import mappings

#: A name outside the articles (an everyday Chinese name, a legal name in a disclosure), with its source.
ALIAS_KEYS = {"company", "name", "document", "quote", "statement"}


def read_aliases(
    path: Path,
    documents: dict[str, Document],
    companies: list[CompanySeed],
    names: dict[str, str],
    problems: list[SeedProblem],
) -> list[AliasSeed]:
    """aliases.yaml (optional): names from outside the articles, each citing a document that uses it."""
    if not path.is_file():
        return []
    keys = {company.key for company in companies}
    aliases: list[AliasSeed] = []
    for entry, item in mappings(path, problems, "aliases", "alias", "name", ALIAS_KEYS):
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
