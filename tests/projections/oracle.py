"""The naive answer: fold the raw event log, filtered by the three clocks, from scratch.

Written independently of projections/: it decodes every stored event and folds facts by
hand, so that any disagreement points at the read models.
"""

from __future__ import annotations

import weakref
from datetime import date
from typing import Any

from application.service import TimelineApplication
from domain.vocabulary import Stage

RANK = {stage.value: rank for rank, stage in enumerate(Stage)}
OVERLAY = {"suspended", "resumed"}
# Each application's fact events as decoded, in log order: the log only grows (eventsourcing commits positions in
# order), so an event once read and decoded stays what it is, and each question reads only what was appended since
# the last (a hypothesis example asks hundreds of questions of one log; reading and decoding it anew for each was
# most of the oracle test's time).
_DECODED: weakref.WeakKeyDictionary[TimelineApplication, list[tuple[int, Any]]] = weakref.WeakKeyDictionary()


def _fact_events(app: TimelineApplication) -> list[tuple[int, Any]]:
    """(log position, decoded event) of every fact event in the log so far, in log order."""
    decoded = _DECODED.setdefault(app, [])
    start = decoded[-1][0] + 1 if decoded else 1
    for notification in app.recorder.select_notifications(start=start, limit=10**9):
        if notification.topic.startswith("domain.facts:"):
            decoded.append((notification.id, app.mapper.to_domain_event(notification)))
    return decoded


def believed_facts(
    app: TimelineApplication, known_at: int, published_by: date | None = None
) -> dict[str, dict[str, Any]]:
    """Every fact as believed after the events up to ``known_at``, as shown to a reader of the sources
    public by ``published_by``: the newest statement (recording, correction, retraction) public by then
    decides, and a fact none of whose sources is public by then is left out (as are retracted ones)."""
    chains: dict[str, list[tuple[date | None, dict[str, Any] | None]]] = {}
    sources: dict[str, list[Any]] = {}
    for position, event in _fact_events(app):
        if position > known_at:
            break
        fact_id = str(event.originator_id)
        name = type(event).__name__
        if name == "Recorded":
            state = {
                "fact_id": fact_id,
                "kind": str(event.kind),
                "subject_id": str(event.subject_id),
                "venue": str(event.venue) if event.venue else None,
                "date": event.date,
            }
            chains[fact_id] = [(None, state)]
            sources[fact_id] = list(event.sources)
        elif name == "Corroborated":
            sources[fact_id].append(event.source)
        elif name in ("Corrected", "Retracted"):
            public = min(s.published.latest for s in event.sources)
            latest = chains[fact_id][-1][1]
            assert latest is not None
            state = None
            if name == "Corrected":
                state = dict(latest)
                if event.date is not None:
                    state["date"] = event.date
                if event.venue is not None:
                    state["venue"] = str(event.venue)
            chains[fact_id].append((public, state))
    facts = {}
    for fact_id, chain in chains.items():
        first_public = min(s.published.latest for s in sources[fact_id])
        if published_by is not None and first_public > published_by:
            continue
        shown = [state for public, state in chain if public is None or published_by is None or public <= published_by]
        if shown[-1] is not None:
            facts[fact_id] = {**shown[-1], "sources": sources[fact_id]}
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
    for fact in believed_facts(app, known_at, published_by).values():
        if fact["subject_id"] not in subjects:
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
    for fact in believed_facts(app, known_at, published_by).values():
        if fact["kind"] not in RANK and fact["kind"] not in OVERLAY:
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
