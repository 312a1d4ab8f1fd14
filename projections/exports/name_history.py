"""Every name of every company, each believed from the position that gave it until the one that retired it.

``rm_names`` holds only the names of now (a retirement deletes its rows), so an export addressed by an
earlier position folds the company events of the log instead, by the projector's rules
(``timeline/projector.py``): a registration gives the key, the name and the aliases (no source); an alias
gives itself with its source, unless the company already answers to it (the first source stays); a
retirement ends each name it lists. The names open at the head are ``rm_names`` (a test holds them equal).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import orjson

from domain.plain import plain
from projections.clocks import MAX_POSITION
from projections.names import match_key

#: The events that change a company's names (the part of a topic after the colon).
TYPES = ("Company.Registered", "Company.AliasAdded", "Company.NameRetired")


class NameRow(NamedTuple):
    company_id: str
    name: str
    name_key: str
    source: str | None  # the source that uses the name, as JSON (None for names given at registration)
    rec_from: int
    rec_to: int = MAX_POSITION  # exclusive; MAX_POSITION while still a name


def name_history(events: Iterable[tuple[int, str, Any]]) -> list[NameRow]:
    """Name rows from (position, type, event) in log order, in (company, name, from) order."""
    open_rows: dict[tuple[str, str], NameRow] = {}
    closed: list[NameRow] = []
    for position, kind, event in events:
        company_id = str(event.originator_id)
        if kind == "Company.Registered":
            for name in (event.key, event.name, *event.aliases):
                _give(open_rows, NameRow(company_id, name, match_key(name), None, position))
        elif kind == "Company.AliasAdded":
            source = getattr(event, "source", None)
            given = orjson.dumps(plain(source)).decode() if source is not None else None
            _give(open_rows, NameRow(company_id, event.alias, match_key(event.alias), given, position))
        elif kind == "Company.NameRetired":
            for name in event.names:
                row = open_rows.pop((company_id, name), None)
                if row is not None:
                    closed.append(row._replace(rec_to=position))
    return sorted([*closed, *open_rows.values()], key=lambda row: (row.company_id, row.name, row.rec_from))


def _give(open_rows: dict[tuple[str, str], NameRow], row: NameRow) -> None:
    open_rows.setdefault((row.company_id, row.name), row)
