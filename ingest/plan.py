"""A snapshot's rows as the facts they report, every value checked by the domain before anything is written.

From one row: the opening of the application (accepted on 受理日期; HKEX: filed on the proof's day) and its
current status on the day the list published it (更新日期). A status the dictionary maps to no stage adds
nothing; a status equal to the opening adds nothing beyond it. Each fact cites the list as a disclosure
published on the fact's day, naming the row and when this store observed it (docs/ingest.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from domain.dates.fuzzy_dates import FuzzyDate, on_day
from domain.errors import DomainError
from domain.field_values import build_fields
from domain.sources import Source, SourceKind
from domain.vocabulary import FactKind
from ingest.dictionary import Dictionary, FormatDictionary
from ingest.snapshot import Row, Snapshot, SnapshotError

OPENING = {"hkex-applications": "filed"}  # the A-share lists open with the acceptance


@dataclass(frozen=True)
class PlannedFact:
    row: Row
    kind: str
    day: FuzzyDate
    fields: dict[str, Any]
    source: Source

    def item(self, company: str) -> dict[str, Any]:
        """record_fact's arguments."""
        return {
            "kind": self.kind,
            "company": company,
            "venue": self.row.venue.value,
            "date": self.day,
            "fields": self.fields,
            "sources": [self.source],
        }


def day_of(when: date) -> FuzzyDate:
    return on_day(when.year, when.month, when.day)


def plan_facts(snapshot: Snapshot, dictionary: Dictionary, observed_at: datetime, url: str | None) -> list[PlannedFact]:
    words = dictionary.of(snapshot.format)
    opening = OPENING.get(snapshot.format, "accepted")
    planned = []
    for row in snapshot.rows:
        details = _details(row)
        if row.accepted_day is not None:
            planned.append(
                _fact(
                    snapshot, words, dictionary.version, row, opening, row.accepted_day, details, None, observed_at, url
                )
            )
        stage = row.meaning.stage
        if stage is not None and not (stage == opening and row.accepted_day is not None):
            note = f"{words.list_name} status {row.meaning.word}" + (
                f": {row.meaning.note}" if row.meaning.note else ""
            )
            planned.append(
                _fact(snapshot, words, dictionary.version, row, stage, row.status_day, details, note, observed_at, url)
            )
    return planned


def _details(row: Row) -> dict[str, Any]:
    details: dict[str, Any] = {}
    for name, value in row.details.items():
        details[name] = f"CNY {value.normalize():f}" if isinstance(value, Decimal) else value
    if row.application != row.applicant:
        details["application_no"] = row.application
    return details


def _fact(
    snapshot: Snapshot,
    words: FormatDictionary,
    version: int,
    row: Row,
    kind: str,
    when: date,
    details: dict[str, Any],
    note: str | None,
    observed_at: datetime,
    url: str | None,
) -> PlannedFact:
    fields = dict(details, note=note) if note else dict(details)
    what = "opened" if note is None else f"status {row.meaning.word}"
    try:
        build_fields(FactKind(kind), fields)
        source = Source(
            document=f"{words.list_name}: {row.application} {kind} {when.isoformat()}",
            published=day_of(when),
            url=url or words.url,
            kind=SourceKind.DISCLOSURE,
            title=f"{words.list_name}, the row of {row.applicant}"[:500],
            publisher=words.publisher,
            statement=(
                f"The {words.list_name} showed {row.applicant} ({row.venue}) {what} ({kind}) on {when.isoformat()}"
                f" (row {row.number}, {row.status_text}); first observed here at {observed_at.isoformat()},"
                f" read with status dictionary version {version}."
            ),
        )
        return PlannedFact(row, kind, day_of(when), fields, source)
    except DomainError as error:
        raise SnapshotError(snapshot.path, row.number, None, str(error)) from None
