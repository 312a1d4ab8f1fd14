"""Cursors: a place in a sorted list, handed out as opaque text and checked field by field on the way back.

A cursor is the sort key of the last row of a page. Anything a client sends back is untrusted, so each
field is checked against the shape the list's key has before it reaches a statement: a rank too large
for a database integer, a NUL that PostgreSQL text cannot hold or a text longer than any stored one
is a ``BadCursor`` (answered 422), never a database error.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date
from enum import Enum
from typing import Any

import orjson

from domain.vocabulary import STAGE_RANK


class BadCursor(ValueError):
    """A cursor this service did not hand out."""


class Field(Enum):
    TEXT = "text"  # a stored text: a name, an id, a venue
    DAY = "day"  # an ISO day, compared as its ordinal
    RANK = "rank"  # a stage's place in the pipeline (non-stage kinds sort last)
    COUNT = "count"  # how many rows of one group a page already gave


MAX_TEXT = 500
MAX_COUNT = 1_000_000
_MAX_RANK = len(STAGE_RANK)


def stage_rank_sql(column: str) -> str:
    """Pipeline order of a kind column in SQL, as ``domain.vocabulary.stage_rank`` gives it."""
    cases = " ".join(f"WHEN '{stage}' THEN {rank}" for stage, rank in STAGE_RANK.items())
    return f"CASE {column} {cases} ELSE {_MAX_RANK} END"


def encode(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(key)).decode().rstrip("=")


def decode(cursor: str, shape: tuple[Field, ...]) -> list[Any]:
    """The sort key a cursor holds, days as ordinals; ``BadCursor`` unless it fits ``shape``."""
    try:
        key = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(key, list) or len(key) != len(shape):
            raise ValueError("wrong length")
        return [_checked(value, field) for value, field in zip(key, shape, strict=True)]
    except (ValueError, TypeError, binascii.Error, OverflowError):
        raise BadCursor(
            "cursor: not a cursor this service handed out; pass next_cursor from the previous page"
        ) from None


def _checked(value: Any, field: Field) -> Any:
    if field is Field.TEXT:
        if not isinstance(value, str) or len(value) > MAX_TEXT or "\x00" in value:
            raise ValueError("not a stored text")
        return value
    if field is Field.DAY:
        if not isinstance(value, str):
            raise ValueError("not a day")
        return date.fromisoformat(value).toordinal()
    if type(value) is not int:
        raise ValueError("not a whole number")
    top = _MAX_RANK if field is Field.RANK else MAX_COUNT
    if not 0 <= value <= top:
        raise ValueError("out of range")
    return value
