"""Facts: one dated claim about a company or a market, with its sources and its history.

Nothing is edited or deleted: corroborations, corrections and retractions are new events.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import FactRetracted, InvalidFact
from domain.fact_fields import FactFields
from domain.field_values import build_fields, changed_fields
from domain.sources import Source, require_sources
from domain.text import check_text
from domain.vocabulary import VENUE_KINDS, Category, FactKind, Venue, category_of

FACT_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:fact")
MAX_REASON_CHARS = 2000


def fact_key(subject_id: UUID, kind: FactKind, venue: Venue | None, date: FuzzyDate, fields: FactFields) -> str:
    """What makes two reports the same fact: subject, kind, venue, date and identity fields."""
    return "|".join((str(subject_id), kind.value, venue.value if venue else "", date.text, fields.identity()))


def fact_id_for(key: str) -> UUID:
    return uuid5(FACT_NAMESPACE, key)


class Fact(Aggregate):
    """A dated fact. ``subject_type`` is ``company`` or ``market``."""

    @staticmethod
    def create_id(key: str) -> UUID:
        return fact_id_for(key)

    @classmethod
    def record(
        cls,
        *,
        kind: FactKind,
        subject_type: str,
        subject_id: UUID,
        venue: Venue | None,
        date: FuzzyDate,
        fields: Mapping[str, Any] | FactFields | None,
        sources: list[Source] | tuple[Source, ...],
        summary: str | None = None,
    ) -> Fact:
        check_subject(kind, subject_type, venue)
        built = fields if isinstance(fields, FactFields) else build_fields(kind, fields)
        checked_sources = require_sources(sources, f"{kind} fact")
        summary = check_summary(summary)
        return cls(
            key=fact_key(subject_id, kind, venue, date, built),
            kind=kind,
            subject_type=subject_type,
            subject_id=subject_id,
            venue=venue,
            date=date,
            fields=built,
            sources=checked_sources,
            summary=summary,
        )

    @event("Recorded")
    def __init__(
        self,
        key: str,
        kind: FactKind,
        subject_type: str,
        subject_id: UUID,
        venue: Venue | None,
        date: FuzzyDate,
        fields: FactFields,
        sources: tuple[Source, ...],
        summary: str | None,
    ) -> None:
        self.key = key
        self.kind = FactKind(kind)
        self.subject_type = subject_type
        self.subject_id = subject_id
        self.venue = Venue(venue) if venue else None
        self.date = date
        self.fields = fields
        self.sources = list(sources)
        self.summary = summary
        self.retracted = False
        self.statements: dict[str, int] = {}  # statement_key of each correction and retraction -> its version

    def has_source(self, source: Source) -> bool:
        return any(known.key == source.key for known in self.sources)

    def check_not_retracted(self) -> None:
        if self.retracted:
            raise FactRetracted(f"fact {self.id} was retracted; it cannot change any more")

    def corroborate(self, source: Source) -> bool:
        """Add a source reporting the same fact; False (nothing appended) if already known,
        even once retracted, so reloading the sources of a retracted fact is not an error."""
        require_sources([source], f"corroboration of fact {self.id}")
        if self.has_source(source):
            return False
        self.check_not_retracted()
        self._corroborated(source=source)
        return True

    @event("Corroborated")
    def _corroborated(self, source: Source) -> None:
        self.sources.append(source)

    def correct(
        self,
        *,
        reason: str,
        sources: list[Source] | tuple[Source, ...],
        date: FuzzyDate | None = None,
        venue: Venue | None = None,
        fields: Mapping[str, Any] | None = None,
    ) -> int | None:
        """Append a correction, or return the version of the same correction made before (a retry).

        The same means the same reason and sources: a client that retries after a lost answer gets
        the first correction back, whatever was recorded since (a later correction is not undone,
        a later retraction does not turn the retry into an error).
        """
        reason = check_reason(reason, f"correction of fact {self.id}")
        checked_sources = require_sources(sources, f"correction of fact {self.id}")
        earlier = self.statements.get(statement_key("corrected", reason, checked_sources))
        if earlier is not None:
            return earlier
        self.check_not_retracted()
        new_fields = changed_fields(self.kind, self.fields, fields) if fields else None
        if venue is not None:
            check_subject(self.kind, self.subject_type, venue)
        if date is None and venue is None and new_fields is None:
            raise InvalidFact(f"correction of fact {self.id} changes nothing: give a date, a venue or fields")
        self._corrected(date=date, venue=venue, fields=new_fields, reason=reason, sources=checked_sources)
        return None

    @event("Corrected")
    def _corrected(
        self,
        date: FuzzyDate | None,
        venue: Venue | None,
        fields: FactFields | None,
        reason: str,
        sources: tuple[Source, ...],
    ) -> None:
        if date is not None:
            self.date = date
        if venue is not None:
            self.venue = Venue(venue)
        if fields is not None:
            self.fields = fields
        self._remember("corrected", reason, sources)

    def retract(self, *, reason: str, sources: list[Source] | tuple[Source, ...]) -> int | None:
        """Retract the fact, or return the version of this same retraction made before (a retry)."""
        reason = check_reason(reason, f"retraction of fact {self.id}")
        checked_sources = require_sources(sources, f"retraction of fact {self.id}")
        earlier = self.statements.get(statement_key("retracted", reason, checked_sources))
        if earlier is not None:
            return earlier
        self.check_not_retracted()
        self._retracted(reason=reason, sources=checked_sources)
        return None

    @event("Retracted")
    def _retracted(self, reason: str, sources: tuple[Source, ...]) -> None:
        self.retracted = True
        self._remember("retracted", reason, sources)

    def _remember(self, step: str, reason: str, sources: tuple[Source, ...] | list[Source]) -> None:
        # Runs inside the event's apply, before eventsourcing bumps the version: this event's is one more.
        self.statements[statement_key(step, reason, tuple(sources))] = self.version + 1


def statement_key(step: str, reason: str, sources: tuple[Source, ...]) -> str:
    """What makes two corrections (or retractions) of a fact the same statement: reason and sources.

    A source is its document and what it is cited for; its publication date is not part of it, so a
    document whose date was later made more precise (seeds/documents.yaml) still names the same
    statement, and reloading the seeds into a store loaded before appends nothing."""
    cited = sorted((s.key, s.quote or "", s.statement or "", s.url or "", s.date_text or "") for s in sources)
    return repr((step, reason.strip(), cited))


def check_subject(kind: FactKind, subject_type: str, venue: Venue | None) -> None:
    category = category_of(kind)
    if category is Category.MARKET and subject_type != "market":
        raise InvalidFact(f"{kind} is a market fact: give a market, not a company")
    if category is not Category.MARKET and subject_type != "company":
        raise InvalidFact(f"{kind} is a company fact: give a company, not a market")
    if (category is Category.STAGE or kind in VENUE_KINDS) and venue is None:
        raise InvalidFact(f"{kind} needs a venue")


def check_reason(reason: object, what: str) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise InvalidFact(f"{what} needs a reason")
    if len(reason) > MAX_REASON_CHARS:
        raise InvalidFact(f"{what}: reason is longer than {MAX_REASON_CHARS} characters")
    return check_text(reason, f"{what}: reason", multiline=True).strip()


def check_summary(summary: object) -> str | None:
    if summary is None:
        return None
    if not isinstance(summary, str) or len(summary) > MAX_REASON_CHARS:
        raise InvalidFact(f"summary must be text of at most {MAX_REASON_CHARS} characters")
    return check_text(summary, "summary", multiline=True).strip() or None
