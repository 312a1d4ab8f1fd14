"""Plain-data views of aggregates and their histories (dicts, lists, str, numbers)."""

from __future__ import annotations

from typing import Any

from domain.companies import Company
from domain.facts import Fact
from domain.plain import plain


def company_view(company: Company) -> dict[str, Any]:
    return {
        "company_id": str(company.id),
        "key": company.key,
        "name": company.name,
        "aliases": list(company.aliases),
        "sector": company.sector,
        "fact_ids": [str(fact_id) for fact_id in company.fact_ids],
    }


def fact_view(fact: Fact, events: list[Any]) -> dict[str, Any]:
    return {
        "fact_id": str(fact.id),
        "kind": fact.kind.value,
        "subject_type": fact.subject_type,
        "subject_id": str(fact.subject_id),
        "venue": plain(fact.venue),
        "date": plain(fact.date),
        "fields": plain(fact.fields),
        "summary": fact.summary,
        "sources": plain(fact.sources),
        "retracted": fact.retracted,
        "history": [history_step(event) for event in events],
    }


def history_step(event: Any) -> dict[str, Any]:
    """One step of a fact's history, with the system time it was recorded."""
    step: dict[str, Any] = {
        "step": type(event).__name__.lower(),
        "version": event.originator_version,
        "recorded_at": event.timestamp.isoformat(),
    }
    for name in ("date", "venue", "fields", "reason", "sources", "source"):
        value = getattr(event, name, None)
        if value is not None:
            step[name] = plain(value)
    return step
