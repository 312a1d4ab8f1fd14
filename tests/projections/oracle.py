"""The naive answer: fold the raw event log, filtered by the three clocks, from scratch.

Written independently of projections/: it decodes every stored event and folds facts by
hand, so that any disagreement points at the read models.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from application.service import TimelineApplication
from domain.vocabulary import Stage

RANK = {stage.value: rank for rank, stage in enumerate(Stage)}
OVERLAY = {"suspended", "resumed"}


def believed_facts(app: TimelineApplication, known_at: int) -> dict[str, dict[str, Any]]:
    """Every fact as believed after the events up to ``known_at`` (retracted ones left out)."""
    facts: dict[str, dict[str, Any]] = {}
    for notification in app.recorder.select_notifications(start=1, limit=10**9, stop=known_at):
        if not notification.topic.startswith("domain.facts:"):
            continue
        event = app.mapper.to_domain_event(notification)
        fact_id = str(event.originator_id)
        name = type(event).__name__
        if name == "Recorded":
            facts[fact_id] = {
                "fact_id": fact_id,
                "kind": str(event.kind),
                "subject_id": str(event.subject_id),
                "venue": str(event.venue) if event.venue else None,
                "date": event.date,
                "sources": list(event.sources),
            }
        elif name == "Corroborated":
            facts[fact_id]["sources"].append(event.source)
        elif name == "Corrected":
            if event.date is not None:
                facts[fact_id]["date"] = event.date
            if event.venue is not None:
                facts[fact_id]["venue"] = str(event.venue)
        elif name == "Retracted":
            del facts[fact_id]
    return facts


def naive_timeline(
    app: TimelineApplication,
    subjects: set[str],
    start: date,
    end: date,
    known_at: int,
    published_by: date | None,
    certain_only: bool,
) -> dict[str, tuple[str, str]]:
    """fact id -> (kind, date text) of every fact about ``subjects`` in [start, end] under the clocks."""
    answer = {}
    for fact in believed_facts(app, known_at).values():
        if fact["subject_id"] not in subjects:
            continue
        public = min(s.published.latest for s in fact["sources"])
        if published_by is not None and public > published_by:
            continue
        happened = fact["date"].latest if certain_only else fact["date"].earliest
        if happened <= end and fact["date"].latest >= start:
            answer[fact["fact_id"]] = (fact["kind"], fact["date"].text)
    return answer


def naive_pipeline(
    app: TimelineApplication, as_of: date, known_at: int, published_by: date | None, certain_only: bool
) -> dict[tuple[str, str], tuple[str, str, bool]]:
    """(company, venue) -> (stage, deciding fact id, suspended)."""
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for fact in believed_facts(app, known_at).values():
        if fact["kind"] not in RANK and fact["kind"] not in OVERLAY:
            continue
        public = min(s.published.latest for s in fact["sources"])
        if published_by is not None and public > published_by:
            continue
        happened = fact["date"].latest if certain_only else fact["date"].earliest
        if happened <= as_of:
            by_pair.setdefault((fact["subject_id"], fact["venue"]), []).append(fact)
    answer = {}
    for pair, facts in by_pair.items():

        def order(f: dict[str, Any]) -> tuple[Any, ...]:
            return (f["date"].earliest, f["date"].latest, RANK.get(f["kind"], len(RANK)), f["fact_id"])

        stages = [f for f in facts if f["kind"] in RANK]
        if not stages:
            continue
        decider = max(stages, key=order)
        later_overlays = sorted((f for f in facts if f["kind"] in OVERLAY and order(f) > order(decider)), key=order)
        suspended = bool(later_overlays) and later_overlays[-1]["kind"] == "suspended"
        answer[pair] = (decider["kind"], decider["fact_id"], suspended)
    return answer
