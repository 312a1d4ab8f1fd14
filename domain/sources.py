"""Source: where a fact comes from, and when that became public."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import InvalidFact
from domain.fuzzy_dates import FuzzyDate
from domain.text import check_text

MAX_QUOTE_CHARS = 2000


@dataclass(frozen=True)
class Source:
    """A document reporting a fact, with a short verbatim quote in its original language.

    ``date_text`` keeps how this source words the fact's date when it differs from the
    fact's own (Caixin's "late June 2025" beside Xinhua's "June 30").
    """

    document: str
    published: FuzzyDate
    quote: str
    url: str | None = None
    date_text: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.document, str) or not self.document.strip():
            raise InvalidFact("source.document is required")
        if not isinstance(self.published, FuzzyDate):
            raise InvalidFact(f"source {self.document!r}: published must be a date")
        if not isinstance(self.quote, str) or not self.quote.strip():
            raise InvalidFact(f"source {self.document!r}: quote is required (a short verbatim quote)")
        if len(self.quote) > MAX_QUOTE_CHARS:
            raise InvalidFact(f"source {self.document!r}: quote is longer than {MAX_QUOTE_CHARS} characters")
        check_text(self.document, "source.document")
        check_text(self.quote, f"source {self.document!r}: quote", multiline=True)
        if self.date_text is not None:
            check_text(self.date_text, f"source {self.document!r}: date_text")
        if self.url is not None:
            check_text(self.url, f"source {self.document!r}: url")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise InvalidFact(f"source {self.document!r}: url {self.url!r} is not an http(s) URL")

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
