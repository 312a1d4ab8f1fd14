"""The status dictionary (statuses.yaml): each list's words and codes -> the stage fact they report, with the
public sources each meaning rests on. Read once and checked whole: a stage that is not a stage fact kind, or a
citation of a source the format does not list, is an error naming the entry."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from domain.vocabulary import STAGE_KINDS, Venue

DICTIONARY_FILE = Path(__file__).with_name("statuses.yaml")
NO_STAGE = "none"


class DictionaryError(ValueError):
    """statuses.yaml is not what the ingest can read."""


@dataclass(frozen=True)
class Meaning:
    """What one status word or code reports: ``stage`` is a stage fact kind, or None (no stage of its own)."""

    key: str
    word: str
    stage: str | None
    note: str | None = None
    decides: bool = False
    date: str = "update"  # which date the fact is on: update, proof, lapse or status (HKEX)
    sources: tuple[str, ...] = ()
    disputed: str | None = None


@dataclass(frozen=True)
class FormatDictionary:
    name: str
    list_name: str
    publisher: str
    url: str
    tables: dict[str, dict[str, Meaning]]
    venues: dict[str, dict[str, Venue]]
    sources: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Dictionary:
    version: int
    formats: dict[str, FormatDictionary]

    def of(self, name: str) -> FormatDictionary:
        return self.formats[name]


_VENUE_TABLES = ("issueMarketType", "markets")


@cache
def load_dictionary(path: Path = DICTIONARY_FILE) -> Dictionary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise DictionaryError(f"{path.name}: needs an integer version")
    formats = {name: _format(name, body) for name, body in (data.get("formats") or {}).items()}
    return Dictionary(data["version"], formats)


def _format(name: str, body: dict[str, Any]) -> FormatDictionary:
    sources = {key: {k: str(v) for k, v in value.items()} for key, value in body["sources"].items()}
    for key, source in sources.items():
        if not source.get("url", "").startswith("https://") or not source.get("says"):
            raise DictionaryError(f"{name}: source {key!r} needs an https url and what it says")
    tables: dict[str, dict[str, Meaning]] = {}
    venues: dict[str, dict[str, Venue]] = {}
    for table, entries in body.items():
        if table in ("list", "publisher", "url", "sources"):
            continue
        for key, entry in entries.items():
            cited = entry.get("sources") or []
            unknown = [c for c in cited if c not in sources]
            if not cited or unknown:
                raise DictionaryError(f"{name}.{table}.{key}: cites {unknown or 'no source'}; it must cite its sources")
            if table in _VENUE_TABLES:
                venues.setdefault(table, {})[str(key)] = Venue(entry["venue"])
                continue
            tables.setdefault(table, {})[str(key)] = _meaning(f"{name}.{table}.{key}", str(key), entry)
    return FormatDictionary(name, body["list"], body["publisher"], body["url"], tables, venues, sources)


def _meaning(where: str, key: str, entry: dict[str, Any]) -> Meaning:
    stage = entry.get("stage")
    if stage != NO_STAGE and stage not in {kind.value for kind in STAGE_KINDS}:
        raise DictionaryError(f"{where}: stage {stage!r} is not a stage fact kind or {NO_STAGE!r}")
    date = entry.get("date", "update")
    if date not in ("update", "proof", "lapse", "status"):
        raise DictionaryError(f"{where}: date {date!r} is not update, proof, lapse or status")
    return Meaning(
        key=key,
        word=str(entry.get("word", key)),
        stage=None if stage == NO_STAGE else stage,
        note=entry.get("note"),
        decides=bool(entry.get("decides", False)),
        date=date,
        sources=tuple(entry["sources"]),
        disputed=entry.get("disputed"),
    )
