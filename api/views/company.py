"""A company's page as the viewer lays it out, from the /companies/{name} answer as is: the header (names,
stock codes per venue, flags), its stage on each venue in honest words, and its facts with their sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from api.views.words import reported_text, shows_stale

FLAG_WORDS = {
    "blacklisted": "blacklisted (entity list)",
    "growth_tier": "in the STAR growth tier",
    "u_mark_removed": "U mark removed",
    "profitable": "profitable",
}


def source(item: Mapping[str, Any]) -> dict[str, Any]:
    """A source as title, publisher, date and link when the answer carries them; an article without them
    is named by its document and cited by its verbatim quote."""
    kind = item.get("kind") or "article"
    return {
        "kind": kind,
        "title": item.get("title") or item.get("document"),
        "publisher": item.get("publisher"),
        "published": item["published"]["text"],
        "date_text": item.get("date_text"),
        "url": item.get("url"),
        "grade": item.get("grade"),
        "quote": item.get("quote"),
        "statement": item.get("statement"),
        "note": "verbatim quote" if item.get("quote") else "our summary",
    }


def flags(answer: Mapping[str, Any]) -> list[str]:
    words = []
    for name, word in FLAG_WORDS.items():
        flag = answer["flags"].get(name)
        if flag and flag["value"]:
            since = f" since {flag['since']}" if flag.get("since") else ""
            words.append(f"{word}{since}{'' if flag['certain'] else ' (≈ possibly)'}")
    return words


def codes(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    by_venue: dict[str, list[str]] = {}
    for code in answer.get("codes", []):
        by_venue.setdefault(code["venue"], []).append(code["code"])
    return [{"venue": venue, "codes": found} for venue, found in by_venue.items()]


def precision(fact: Mapping[str, Any]) -> str:
    return "exact day" if fact["earliest"] == fact["latest"] else f"between {fact['earliest']} and {fact['latest']}"


def company(answer: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "company_id": answer["company_id"],
        "name": answer["name"],
        "aliases": answer["aliases"],
        "codes": codes(answer),
        "flags": flags(answer),
        "venues": [
            {
                "venue": v["venue"],
                "stage": v["stage"],
                "since": v["since"]["text"],
                "certain": v["certain"],
                "reported": reported_text(v),
                "stale": shows_stale(v),
            }
            for v in answer["venues"]
        ],
        "facts": [
            {
                "kind": f["kind"],
                "venue": f.get("venue"),
                "date": f["date"],
                "precision": precision(f),
                "summary": f.get("summary"),
                "certain": f.get("certain", True),
                "sources": [source(s) for s in f["sources"]],
            }
            for f in answer["facts"]
        ],
    }
