"""Plain-data views of aggregates and their histories (dicts, lists, str, numbers)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from domain.companies import Company
from domain.fact_fields import FactFields
from domain.facts import Fact
from domain.fuzzy_dates import FuzzyDate
from domain.money import Money
from domain.sources import Source

SOURCE_FIELDS = ("kind", "document", "published", "title", "publisher", "url", "quote", "statement", "date_text")


def plain(value: Any) -> Any:
    """Value objects as builtins; Money keeps its currency, decimals stay exact as text."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency.value}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FuzzyDate):
        return {
            "text": value.text,
            "raw": value.raw,
            "earliest": value.earliest.isoformat(),
            "latest": value.latest.isoformat(),
        }
    if isinstance(value, Source):
        return {key: plain(getattr(value, key)) for key in SOURCE_FIELDS if getattr(value, key) is not None}
    if isinstance(value, FactFields):
        return {key: plain(item) for key, item in value.as_dict().items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    raise TypeError(f"no plain form for {type(value).__qualname__}")


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
