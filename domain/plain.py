"""Value objects as JSON-ready builtins: the one plain form events, read models and the feed share."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from domain.dates.fuzzy_dates import FuzzyDate
from domain.fact_fields import FactFields
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
