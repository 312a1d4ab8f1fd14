"""Source: where a fact comes from, and when that became public.

Two kinds, told apart everywhere (DESIGN.md, "Sources"):
- an **article** of the five seed articles: document, publication date and a short verbatim quote;
- any other public document, a **disclosure** (an exchange or company announcement) or a
  **report** (a news report): document id, URL, title, publisher, publication date and the fact
  as we state it in our own words. No passage is copied from those, so they carry no quote.

A source names its document by id (an article's file name, a disclosure's slug). The ``Document``
aggregate holds what a journalist needs to cite it: title, publisher, publication date, link and
language, and its quality grade with the reason for it, so an answer shows "Caixin, 21 July 2025,
<link>" instead of ``000_bd29c5250f60b916.txt``. Being events of the log (``Document.Registered``, then
``Document.Described`` when the citation changes), every copy of the store carries them: exported,
imported or on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import InvalidFact
from domain.text import check_text

MAX_QUOTE_CHARS = 2000
MAX_TITLE_CHARS = 500
MAX_REASON_CHARS = 1000
LANGUAGES = ("en", "zh", "ja")
DOCUMENT_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:document")


class SourceKind(StrEnum):
    ARTICLE = "article"
    DISCLOSURE = "disclosure"
    REPORT = "report"


@dataclass(frozen=True)
class Source:
    """A document reporting a fact.

    ``date_text`` keeps how this source words the fact's date when it differs from the
    fact's own (Caixin's "late June 2025" beside Xinhua's "June 30").
    """

    document: str
    published: FuzzyDate
    quote: str | None = None
    url: str | None = None
    date_text: str | None = None
    kind: SourceKind = SourceKind.ARTICLE
    title: str | None = None
    publisher: str | None = None
    statement: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.document, str) or not self.document.strip():
            raise InvalidFact("source.document is required")
        check_text(self.document, "source.document")
        if not isinstance(self.published, FuzzyDate):
            raise InvalidFact(f"source {self.document!r}: published must be a date")
        try:
            object.__setattr__(self, "kind", SourceKind(self.kind))
        except ValueError:
            raise InvalidFact(
                f"source {self.document!r}: kind {self.kind!r} is not one of {', '.join(SourceKind)}"
            ) from None
        for name in ("date_text", "url", "title", "publisher"):
            value = getattr(self, name)
            if value is not None:
                self._check_short(name, value)
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise InvalidFact(f"source {self.document!r}: url {self.url!r} is not an http(s) URL")
        if self.kind is SourceKind.ARTICLE:
            self._check_long("quote", self.quote, "a short verbatim quote")
            if self.statement is not None:
                raise InvalidFact(f"source {self.document!r}: an article is cited by its quote, not a statement")
            return
        for name in ("url", "title", "publisher"):
            if not getattr(self, name):
                raise InvalidFact(f"source {self.document!r}: a {self.kind} needs a {name}")
        self._check_long("statement", self.statement, "the fact in our own words")
        if self.quote is not None:
            raise InvalidFact(
                f"source {self.document!r}: a {self.kind} is cited by a statement in our own words, never a quote"
            )

    def _check_short(self, name: str, value: object) -> None:
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TITLE_CHARS:
            raise InvalidFact(f"source {self.document!r}: {name} must be text of at most {MAX_TITLE_CHARS} characters")
        check_text(value, f"source {self.document!r}: {name}")

    def _check_long(self, name: str, value: object, what: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidFact(f"source {self.document!r}: {name} is required ({what})")
        if len(value) > MAX_QUOTE_CHARS:
            raise InvalidFact(f"source {self.document!r}: {name} is longer than {MAX_QUOTE_CHARS} characters")
        check_text(value, f"source {self.document!r}: {name}", multiline=True)

    @property
    def key(self) -> str:
        """Two sources with the same key are the same source reporting again."""
        return self.document.strip().casefold()


def require_sources(sources: object, what: str) -> tuple[Source, ...]:
    if not isinstance(sources, (list, tuple)) or not sources:
        raise InvalidFact(f"{what} needs at least one source")
    for source in sources:
        if not isinstance(source, Source):
            raise InvalidFact(f"{what}: {source!r} is not a Source")
    keys = [source.key for source in sources]
    if len(set(keys)) != len(keys):
        raise InvalidFact(f"{what}: the same document is given twice as a source")
    return tuple(sources)


class SourceGrade(StrEnum):
    """How far a source's word goes, best first: the issuer's or exchange's own disclosure, a report by a
    named, established news outlet, and anything else (an unsigned page, a self-media post, an
    AI-written commentary)."""

    PRIMARY_DISCLOSURE = "primary_disclosure"
    REPUTABLE_REPORT = "reputable_report"
    OTHER = "other"

    @property
    def rank(self) -> int:
        """3 for a primary disclosure, 2 for a reputable report, 1 for other: "at least" compares ranks."""
        return {"primary_disclosure": 3, "reputable_report": 2, "other": 1}[self.value]


def document_key(document: str) -> str:
    """The key a source's document is known by (``Source.key``)."""
    return document.strip().casefold()


def document_id_for(document: str) -> UUID:
    return uuid5(DOCUMENT_NAMESPACE, document_key(document))


@dataclass(frozen=True)
class Citation:
    """A document's citation and grade, checked: what ``Document`` events carry."""

    kind: SourceKind
    title: str
    publisher: str
    published: FuzzyDate
    grade: SourceGrade
    grade_reason: str
    url: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", SourceKind(self.kind))
        except ValueError:
            raise InvalidFact(f"document kind {self.kind!r} is not one of {', '.join(SourceKind)}") from None
        try:
            object.__setattr__(self, "grade", SourceGrade(self.grade))
        except ValueError:
            raise InvalidFact(f"grade {self.grade!r} is not one of {', '.join(SourceGrade)}") from None
        for name in ("title", "publisher"):
            _check_short(name, getattr(self, name))
        if not isinstance(self.published, FuzzyDate):
            raise InvalidFact("published must be a date")
        if not isinstance(self.grade_reason, str) or not self.grade_reason.strip():
            raise InvalidFact("grade_reason is required (why the document has its grade)")
        if len(self.grade_reason) > MAX_REASON_CHARS:
            raise InvalidFact(f"grade_reason is longer than {MAX_REASON_CHARS} characters")
        check_text(self.grade_reason, "grade_reason", multiline=True)
        if self.url is not None:
            _check_short("url", self.url)
            if not self.url.startswith(("http://", "https://")):
                raise InvalidFact(f"url {self.url!r} is not an http(s) URL")
        elif self.kind is not SourceKind.ARTICLE:
            raise InvalidFact(f"a {self.kind} needs a url")
        if self.language is not None and self.language not in LANGUAGES:
            raise InvalidFact(f"language {self.language!r} is not one of {', '.join(LANGUAGES)}")

    def as_event(self) -> dict[str, Any]:
        """Its fields as an event carries them: the kind and grade as plain text."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        return {**values, "kind": self.kind.value, "grade": self.grade.value}


def _check_short(name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TITLE_CHARS:
        raise InvalidFact(f"{name} must be text of at most {MAX_TITLE_CHARS} characters")
    check_text(value, name)


class Document(Aggregate):
    """A cited document under its id, with its citation as last described."""

    @staticmethod
    def create_id(document: str) -> UUID:
        return document_id_for(document)

    @classmethod
    def register(cls, document: str, citation: Citation) -> Document:
        if not isinstance(document, str) or not document.strip():
            raise InvalidFact("document is required")
        check_text(document, "document")
        if len(document) > MAX_TITLE_CHARS:
            raise InvalidFact(f"document must be at most {MAX_TITLE_CHARS} characters")
        return cls(document=document, **citation.as_event())

    @event("Registered")
    def __init__(
        self,
        document: str,
        kind: str,
        title: str,
        publisher: str,
        published: FuzzyDate,
        grade: str,
        grade_reason: str,
        url: str | None = None,
        language: str | None = None,
    ) -> None:
        self.document = document
        self.citation = Citation(
            SourceKind(kind), title, publisher, published, SourceGrade(grade), grade_reason, url, language
        )

    def describe(self, citation: Citation) -> bool:
        """The document as ``citation`` has it; False (and no event) when that is how it stands already."""
        if citation == self.citation:
            return False
        self._described(**citation.as_event())
        return True

    @event("Described")
    def _described(
        self,
        kind: str,
        title: str,
        publisher: str,
        published: FuzzyDate,
        grade: str,
        grade_reason: str,
        url: str | None = None,
        language: str | None = None,
    ) -> None:
        self.citation = Citation(
            SourceKind(kind), title, publisher, published, SourceGrade(grade), grade_reason, url, language
        )
