"""The documents the seed facts cite (documents.yaml): the five articles and later disclosures and reports."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.sources import Citation, Source, SourceKind
from seeds.seed_set import (
    SeedProblem,
)
from seeds.yaml_files import mappings

DOCUMENT_KEYS = {
    *("document", "kind", "short", "title", "publisher", "language", "published", "published_reason", "url"),
    *("grade", "grade_reason"),
}


@dataclass(frozen=True)
class Document:
    short: str
    published: FuzzyDate
    kind: SourceKind = SourceKind.ARTICLE
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    #: The document's citation with its grade (Document.Registered), recorded by the loader.
    citation: Citation | None = None

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


def read_documents(path: Path, problems: list[SeedProblem]) -> dict[str, Document]:
    documents: dict[str, Document] = {}
    for entry, item in mappings(path, problems, "documents", "document", "document", DOCUMENT_KEYS):
        try:
            kind = SourceKind(item.get("kind", SourceKind.ARTICLE))
            document = Document(
                str(item["short"]),
                parse_date(str(item["published"])),
                kind,
                item.get("url"),
                item.get("title"),
                item.get("publisher"),
            )
            citation = Citation(
                kind,
                str(item["title"]),
                str(item["publisher"]),
                document.published,
                item["grade"],
                str(item["grade_reason"]),
                item.get("url"),
                item.get("language"),
            )
            document = replace(document, citation=citation)
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
