"""A checked snapshot written through the application's commands, in batches: the list's observation (a market
statistic, which also keeps the order of snapshots), new companies, then the stage facts. Writing the same
snapshot again appends nothing; an older snapshot than one already written for the list is refused unless late."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from application.service import TimelineApplication
from application.storage.event_table import stored_originators
from domain.errors import AmbiguousName, DomainError, NameTaken, UnknownCompany
from domain.fact_fields import StageFields
from domain.facts import fact_id_for, fact_key
from domain.sources import Source, SourceKind
from domain.vocabulary import EXIT_STAGES, FactKind
from ingest.dictionary import Dictionary, load_dictionary
from ingest.plan import PlannedFact, day_of, plan_facts
from ingest.snapshot import Snapshot, SnapshotError

BATCH = 200
MARKET_OF = {"sse-projects": "SSE", "eastmoney-register": "CN", "hkex-applications": "HKEX"}


@dataclass
class Summary:
    rows: int = 0
    new_companies: int = 0
    new_facts: int = 0
    corroborations: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)  # (row, why)
    vanished: list[str] = field(default_factory=list)  # applications in the previous snapshot, gone from this one


def list_metric(snapshot: Snapshot, venue: str | None, dictionary: Dictionary) -> str:
    name = dictionary.of(snapshot.format).list_name
    return f"applications on the {name}" + (f" ({venue})" if venue else "")


def observed_snapshots(app: TimelineApplication, market: str, metric: str) -> list[str]:
    """When each snapshot of this list already written was observed (ISO 8601 date-times, UTC)."""
    return sorted(
        str(fact["fields"].get("period"))
        for fact in app.market_facts(market)
        if fact["kind"] == FactKind.MARKET_STATISTIC.value and fact["fields"].get("metric") == metric
    )


def ingest_snapshot(
    app: TimelineApplication,
    snapshot: Snapshot,
    observed_at: datetime,
    *,
    url: str | None = None,
    venue: str | None = None,
    late: bool = False,
    previous: Snapshot | None = None,
    progress: Callable[[int], None] | None = None,
    dictionary: Dictionary | None = None,
) -> Summary:
    dictionary = dictionary or load_dictionary()
    planned = plan_facts(snapshot, dictionary, observed_at, url)  # checked whole before anything is written
    market, metric = MARKET_OF[snapshot.format], list_metric(snapshot, venue, dictionary)
    stamp = observed_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    seen = observed_snapshots(app, market, metric)
    if seen and stamp < seen[-1] and stamp not in seen and not late:
        raise SnapshotError(
            snapshot.path,
            None,
            None,
            f"observed at {stamp}, before the snapshot of this list observed at {seen[-1]} already ingested;"
            " give --late if it fills a gap",
        )
    summary = Summary(rows=len(snapshot.rows))
    companies = _companies(app, snapshot, summary)
    wanted = [fact for fact in planned if fact.row.number in companies]
    ids = [_fact_id(companies[fact.row.number], fact) for fact in wanted]
    existing = stored_originators(app.event_table, set(ids))
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        written = app.record_facts([fact.item(str(companies[fact.row.number])) for fact in chunk])
        for fact_id, answer in zip(ids[start : start + BATCH], written, strict=True):
            if not answer.appended:
                summary.unchanged += 1
            elif fact_id in existing:
                summary.corroborations += 1
            else:
                summary.new_facts += 1
        if progress:
            progress(len(chunk))
    app.record_fact(**_observation(snapshot, dictionary, market, metric, stamp, observed_at, url))
    if previous is not None:
        summary.vanished = vanished(previous, snapshot)
    return summary


def vanished(previous: Snapshot, current: Snapshot) -> list[str]:
    """Applications the previous snapshot listed in review that this one no longer lists: reported, never given a
    stage (withdrawn lists are not always complete)."""
    now = {(row.venue, row.application) for row in current.rows}
    return sorted(
        f"{row.applicant} ({row.venue}, {row.application})"
        for row in previous.rows
        if (row.venue, row.application) not in now and row.meaning.stage not in {s.value for s in EXIT_STAGES}
    )


def _companies(app: TimelineApplication, snapshot: Snapshot, summary: Summary) -> dict[int, UUID]:
    """Each row's company: found by the name resolution, or registered under the list's full legal name."""
    found: dict[int, UUID] = {}
    new: dict[str, list[int]] = {}
    short: dict[str, str] = {}
    for row in snapshot.rows:
        try:
            found[row.number] = app.resolve_company(row.applicant)
        except AmbiguousName as error:
            summary.refused.append((row.number, str(error)))
        except UnknownCompany:
            new.setdefault(row.applicant, []).append(row.number)
            if row.short_name and row.short_name not in short.values() and _free(app, row.short_name):
                short[row.applicant] = row.short_name
    items: list[dict[str, Any]] = [{"name": name, "aliases": [short[name]] if name in short else []} for name in new]
    for start in range(0, len(items), BATCH):
        chunk = items[start : start + BATCH]
        try:
            answers = app.register_companies(chunk)
        except NameTaken:
            answers = [_one(app, item, new[item["name"]], summary) for item in chunk]
        for item, answer in zip(chunk, answers, strict=True):
            if answer is None:
                continue
            summary.new_companies += int(answer.appended)
            found.update((number, answer.id) for number in new[item["name"]])
    return found


def _free(app: TimelineApplication, name: str) -> bool:
    try:
        app.resolve_company(name)
    except UnknownCompany:
        return True
    except DomainError:
        return False
    return False


def _one(app: TimelineApplication, item: Mapping[str, Any], rows: Iterable[int], summary: Summary) -> Any:
    try:
        return app.register_company(**item)
    except NameTaken as error:
        summary.refused.extend((number, str(error)) for number in rows)
        return None


def _fact_id(company: UUID, fact: PlannedFact) -> UUID:
    return fact_id_for(fact_key(company, FactKind(fact.kind), fact.row.venue, fact.day, StageFields()))


def _observation(
    snapshot: Snapshot,
    dictionary: Dictionary,
    market: str,
    metric: str,
    stamp: str,
    observed_at: datetime,
    url: str | None,
) -> dict[str, Any]:
    words = dictionary.of(snapshot.format)
    day = observed_at.astimezone(UTC).date()
    return {
        "kind": FactKind.MARKET_STATISTIC.value,
        "market": market,
        "date": day_of(day),
        "fields": {"metric": metric, "value": len(snapshot.rows), "unit": "applications", "period": stamp},
        "sources": [
            Source(
                document=f"{words.list_name} observed {stamp}" + (f" ({metric})" if "(" in metric else ""),
                published=day_of(day),
                url=url or words.url,
                kind=SourceKind.DISCLOSURE,
                title=f"{words.list_name}, as observed at {stamp}",
                publisher=words.publisher,
                statement=(
                    f"The {words.list_name} held {len(snapshot.rows)} applications when this store observed it at"
                    f" {stamp} (status dictionary version {dictionary.version})."
                ),
            )
        ],
    }
