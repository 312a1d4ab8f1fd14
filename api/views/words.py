"""The words the viewer puts beside numbers, the same on the server-rendered page and in the script
(api/web/words.js): what a freshness figure means, and which clocks a number was computed under."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.vocabulary import Stage
from projections.clocks import Clocks

# Reports of these states are history: a listing stays a listing, so an old source is not a stale one.
SETTLED_STAGES = frozenset({Stage.LISTED.value, Stage.DELISTED.value})


def shows_stale(entry: Mapping[str, Any]) -> bool:
    """Whether to call a state stale: only one that can still change, on sources long past."""
    return bool(entry.get("stale")) and entry["stage"] not in SETTLED_STAGES


def reported_text(entry: Mapping[str, Any]) -> str:
    """When the state was last reported, without negative day counts: a source dated after the chosen
    day (a late report of an earlier event) is said to be so."""
    last = entry.get("last_reported")
    if not last:
        return "no source public yet"
    days = entry.get("days_since_reported")
    if days is not None and days < 0:
        return f"reported later, on {last['text']}"
    if days == 0:
        return f"last reported {last['text']} (this day)"
    return f"last reported {last['text']} ({days} days before this day)"


def clocks_text(clocks: Clocks, known_at: str | None = None) -> str:
    """The clocks an answer was computed under, in words."""
    known = "as known now" if clocks.is_now else f"as known at {known_at or clocks.known_at}"
    public = (
        f"as the recorded sources show the public could know it on {clocks.published_by.isoformat()}"
        if clocks.published_by
        else "from every source recorded here, whenever published"
    )
    certainty = "certain facts only" if clocks.certain_only else "certain and possible facts (≈)"
    return f"Valid on {clocks.as_of.isoformat()}, {known}, {public}; {certainty}."
