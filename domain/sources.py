"""Source: where a fact comes from, and when that became public.

Two kinds, told apart everywhere (DESIGN.md, "Sources"):
- an **article** of the five seed articles: document, publication date and a short verbatim quote;
- any other public document, a **disclosure** (an exchange or company announcement) or a
  **report** (a news report): document id, URL, title, publisher, publication date and the fact
  as we state it in our own words. No passage is copied from those, so they carry no quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import InvalidFact
from domain.text import check_text

MAX_QUOTE_CHARS = 2000
MAX_TITLE_CHARS = 500


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
