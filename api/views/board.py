"""The board as the page lays it out: venues in vocabulary order, a column per stage present, a card per
company, from the /pipeline answer as is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from api.views.words import reported_text, shows_stale
from domain.vocabulary import Stage, Venue

VENUE_ORDER = [venue.value for venue in Venue]
STAGE_ORDER = [stage.value for stage in Stage]


def card(entry: Mapping[str, Any]) -> dict[str, Any]:
    stale = shows_stale(entry)
    return {
        "company_id": entry["company_id"],
        "english": entry.get("name_en"),
        "chinese": entry.get("short_name_zh") or entry.get("name_zh"),
        "since": entry["since"]["text"],
        "reported": reported_text(entry),
        "certain": entry["certain"],
        "stale": stale,
        "suspended": entry.get("suspended", False),
    }


def board(entries: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """[{venue, columns: [{stage, cards}]}] in the vocabulary's orders, empty columns left out."""
    grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for entry in entries:
        grouped.setdefault(entry["venue"], {}).setdefault(entry["stage"], []).append(card(entry))
    rank = {venue: i for i, venue in enumerate(VENUE_ORDER)}
    return [
        {
            "venue": venue,
            "columns": [{"stage": s, "cards": grouped[venue][s]} for s in STAGE_ORDER if s in grouped[venue]],
        }
        for venue in sorted(grouped, key=lambda v: rank.get(v, len(rank)))
    ]
