"""A fact's fields from what a client or a seed file sent: each value checked and coerced to its field's type,
errors naming the kind and the field."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.errors import DomainError, InvalidFact
from domain.fact_fields import FIELD_CLASSES, FIELDS_BY_KIND, FactFields
from domain.money import Money, check_magnitude, parse_money
from domain.text import check_text
from domain.vocabulary import FactKind

MAX_TEXT_CHARS = 2000


MAX_COUNT = 2**63 - 1  # counts are stored as signed 64-bit integers


_FREE_TEXT = (".note", ".description")  # long prose may keep newlines and tabs


_HINTS: dict[str, dict[str, Any]] = {
    name: {f.name: typing.get_type_hints(cls)[f.name] for f in dataclasses.fields(cls)}
    for name, cls in FIELD_CLASSES.items()
}
_REQUIRED: dict[str, frozenset[str]] = {
    name: frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    for name, cls in FIELD_CLASSES.items()
}


def build_fields(kind: FactKind, raw: Mapping[str, Any] | None) -> FactFields:
    """Validate ``raw`` against the kind's fields; errors name the kind and the field."""
    cls = FIELDS_BY_KIND[kind]
    raw = dict(raw or {})
    hints = _hints(cls)
    unknown = sorted(set(raw) - set(hints))
    if unknown:
        raise InvalidFact(f"{kind}: unknown field {unknown[0]!r}; {kind} takes {', '.join(sorted(hints))}")
    values: dict[str, Any] = {}
    for name, hint in hints.items():
        value = raw.get(name)
        if value is None:
            if name in _required(cls):
                raise InvalidFact(f"{kind}: field {name!r} is required")
            continue
        values[name] = _coerce(f"{kind}.{name}", value, hint)
    try:
        return cls(**values)
    except DomainError as error:
        raise InvalidFact(f"{kind}: {error}") from None


def changed_fields(kind: FactKind, current: FactFields, changes: Mapping[str, Any]) -> FactFields:
    """The fields after a correction: given names replaced, ``None`` clears a field."""
    return build_fields(kind, {**current.as_dict(), **changes})


def _hints(cls: type[FactFields]) -> dict[str, Any]:
    return _HINTS[cls.__name__]


def _required(cls: type[FactFields]) -> frozenset[str]:
    return _REQUIRED[cls.__name__]


def _coerce(path: str, value: Any, hint: Any) -> Any:
    args = typing.get_args(hint)
    if args and type(None) in args:
        (hint,) = [arg for arg in args if arg is not type(None)]
        args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise InvalidFact(f"field {path!r} must be a list")
        return [_coerce(f"{path}[{i}]", item, args[0]) for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, Mapping):
            raise InvalidFact(f"field {path!r} must be a mapping")
        return {_coerce(f"{path} key", k, str): _coerce(f"{path}.{k}", v, args[1]) for k, v in value.items()}
    if hint is str:
        if not isinstance(value, str) or not value.strip():
            raise InvalidFact(f"field {path!r} must be non-empty text")
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidFact(f"field {path!r} is longer than {MAX_TEXT_CHARS} characters")
        return check_text(value, f"field {path!r}", multiline=path.endswith(_FREE_TEXT)).strip()
    if hint is bool:
        if not isinstance(value, bool):
            raise InvalidFact(f"field {path!r} must be true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise InvalidFact(f"field {path!r} must be a whole number from 0 to {MAX_COUNT}")
        return value
    if hint is Decimal:
        return _decimal(path, value)
    if hint is Money:
        if isinstance(value, Money):
            return value
        try:
            return parse_money(value)
        except DomainError as error:
            raise InvalidFact(f"field {path!r}: {error}") from None
    raise TypeError(f"no coercion for {hint!r}")  # pragma: no cover - a programming error


def _decimal(path: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise InvalidFact(f"field {path!r} must be a number")
    if isinstance(value, int) and value.bit_length() > 128:  # too long even to turn into text safely
        raise InvalidFact(f"field {path!r}: an integer of {value.bit_length()} bits is too large")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidFact(f"field {path!r}: {str(value)[:40]!r} is not a number") from None
    try:
        return check_magnitude(number, f"field {path!r}")
    except DomainError as error:
        raise InvalidFact(str(error)) from None
