"""An orjson transcoder for stored events: dates, decimals, UUIDs and our value objects.

Custom values are stored as ``{"_type_": name, "_data_": ...}`` like eventsourcing's
JSONTranscoder, so stored events stay readable and any JSON tool can decode them.

A client's own dict may have exactly those two keys (``fields.metrics`` is free-keyed), so such a
dict is stored escaped, as ``{"_type_": "dict_items", "_data_": [[key, value], ...]}``: every JSON
value round-trips. Logs written before the escape hold such dicts bare; they decode as plain dicts
because their ``_type_`` is not a name (it is the client's value, always a nested object there).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import Transcoder, Transcoding, TranscodingNotRegisteredError

from domain.dates.fuzzy_dates import FuzzyDate
from domain.fact_fields import FIELD_CLASSES, FactFields
from domain.money import Money
from domain.sources import Source, SourceKind

_PLAIN = (str, int, float, bool, type(None))
_EXACTLY_PLAIN = frozenset(_PLAIN)
DICT_ITEMS = "dict_items"


def _looks_like_envelope(data: dict[Any, Any]) -> bool:
    return len(data) == 2 and "_type_" in data and "_data_" in data


class OrjsonTranscoder(Transcoder):
    def __init__(self) -> None:
        self._by_type: dict[type, Transcoding] = {}
        self._by_name: dict[str, Transcoding] = {}

    def register(self, transcoding: Transcoding) -> None:
        self._by_type[transcoding.type] = transcoding
        self._by_name[transcoding.name] = transcoding

    def encode(self, obj: Any) -> bytes:
        return orjson.dumps(self._encode(obj))

    def decode(self, data: bytes) -> Any:
        return self._decode(orjson.loads(data))

    def _encode(self, obj: Any) -> Any:
        # Exact types first: a bulk load encodes a million values, and a dict lookup by type is cheaper
        # than walking isinstance checks (subclasses, StrEnums among them, take the general path).
        kind = type(obj)
        if kind in _EXACTLY_PLAIN:
            return obj
        if kind is dict and not _looks_like_envelope(obj):
            return {key: self._encode(value) for key, value in obj.items()}
        exact = self._by_type.get(kind)
        if exact is not None:
            return {"_type_": exact.name, "_data_": self._encode(exact.encode(obj))}
        if isinstance(obj, _PLAIN):
            return obj
        if isinstance(obj, dict):
            if _looks_like_envelope(obj):
                return {"_type_": DICT_ITEMS, "_data_": [[key, self._encode(value)] for key, value in obj.items()]}
            return {key: self._encode(value) for key, value in obj.items()}
        if isinstance(obj, (list, tuple)):
            return [self._encode(item) for item in obj]
        transcoding = self._transcoding_for(type(obj))
        return {"_type_": transcoding.name, "_data_": self._encode(transcoding.encode(obj))}

    def _transcoding_for(self, cls: type) -> Transcoding:
        for klass in cls.__mro__:
            if klass in self._by_type:
                return self._by_type[klass]
        raise TranscodingNotRegisteredError(f"no transcoding registered for {cls.__qualname__}")

    def _decode(self, data: Any) -> Any:
        if isinstance(data, dict):
            if _looks_like_envelope(data) and isinstance(data["_type_"], str):
                if data["_type_"] == DICT_ITEMS:
                    return {key: self._decode(value) for key, value in data["_data_"]}
                try:
                    transcoding = self._by_name[data["_type_"]]
                except KeyError:
                    raise TranscodingNotRegisteredError(f"no transcoding named {data['_type_']!r}") from None
                return transcoding.decode(self._decode(data["_data_"]))
            return {key: self._decode(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self._decode(item) for item in data]
        return data


class UUIDAsHex(Transcoding):
    type = UUID
    name = "uuid_hex"

    def encode(self, obj: UUID) -> str:
        return obj.hex

    def decode(self, data: str) -> UUID:
        return UUID(data)


class DecimalAsText(Transcoding):
    type = Decimal
    name = "decimal_str"

    def encode(self, obj: Decimal) -> str:
        return str(obj)

    def decode(self, data: str) -> Decimal:
        return Decimal(data)


class DatetimeAsISO(Transcoding):
    type = datetime
    name = "datetime_iso"

    def encode(self, obj: datetime) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> datetime:
        return datetime.fromisoformat(data)


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class FuzzyDateAsDict(Transcoding):
    type = FuzzyDate
    name = "fuzzy_date"

    def encode(self, obj: FuzzyDate) -> dict[str, str]:
        return {
            "text": obj.text,
            "raw": obj.raw,
            "earliest": obj.earliest.isoformat(),
            "latest": obj.latest.isoformat(),
        }

    def decode(self, data: dict[str, str]) -> FuzzyDate:
        return FuzzyDate(
            data["text"], date.fromisoformat(data["earliest"]), date.fromisoformat(data["latest"]), data["raw"]
        )


class MoneyAsPair(Transcoding):
    type = Money
    name = "money"

    def encode(self, obj: Money) -> list[str]:
        return [str(obj.amount), obj.currency.value]

    def decode(self, data: list[str]) -> Money:
        return Money(Decimal(data[0]), data[1])  # type: ignore[arg-type]


_SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(Source))


class SourceAsDict(Transcoding):
    type = Source
    name = "source"

    def encode(self, obj: Source) -> dict[str, Any]:
        """Only the fields a source states; an article's kind is the default, so articles stored
        before sources had kinds and those stored after look the same."""
        return {
            name: value
            for name in _SOURCE_FIELDS
            if (value := getattr(obj, name)) is not None and not (name == "kind" and value is SourceKind.ARTICLE)
        }

    def decode(self, data: dict[str, Any]) -> Source:
        return Source(**data)


class FactFieldsAsDict(Transcoding):
    """Every kind's fields class under one name; the class travels inside the data."""

    type = FactFields
    name = "fact_fields"

    def encode(self, obj: FactFields) -> dict[str, Any]:
        return {"class": type(obj).__name__, "values": obj.as_dict()}

    def decode(self, data: dict[str, Any]) -> FactFields:
        return FIELD_CLASSES[data["class"]](**data["values"])


def timeline_transcoder() -> OrjsonTranscoder:
    transcoder = OrjsonTranscoder()
    for transcoding in (
        UUIDAsHex(),
        DecimalAsText(),
        DatetimeAsISO(),
        DateAsISO(),
        FuzzyDateAsDict(),
        MoneyAsPair(),
        SourceAsDict(),
        FactFieldsAsDict(),
    ):
        transcoder.register(transcoding)
    return transcoder
