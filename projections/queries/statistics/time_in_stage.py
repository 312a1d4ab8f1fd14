"""Time in stage: days between the stages of each listing attempt, and their summaries.

An attempt is a run of stage facts of one (company, venue) in fact order, ended by an exit
(withdrawn, terminated, rejected, lapsed, delisted). Within it, the span from stage A to a
later stage B runs from A's first fact to B's first fact. Fuzzy dates make a span a range:
``min_days``..``max_days``; ``days`` is the distance between the two dates' midpoints and
``certain`` says both dates are exact days.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date
from typing import Any

from domain.vocabulary import EXIT_STAGES, STAGE_RANK
from projections.queries.answers import Fact, Span, SpanSummary

_RANK = STAGE_RANK
_EXITS = {stage.value for stage in EXIT_STAGES}


def attempts(facts: list[Fact]) -> list[list[Fact]]:
    """Split one pair's stage facts (in fact order) into attempts."""
    runs: list[list[Fact]] = [[]]
    for fact in facts:
        if fact["kind"] not in _RANK:
            continue
        runs[-1].append(fact)
        if fact["kind"] in _EXITS:
            runs.append([])
    return [run for run in runs if run]


def spans(facts: list[Fact]) -> list[dict[str, Any]]:
    """Every (earlier stage -> later stage) span of every attempt of one pair."""
    found = []
    for number, run in enumerate(attempts(facts), start=1):
        first: dict[str, Fact] = {}
        for fact in run:
            first.setdefault(fact["kind"], fact)
        reached = sorted(first.values(), key=lambda f: _RANK[f["kind"]])
        for i, start in enumerate(reached):
            for end in reached[i + 1 :]:
                found.append(span(number, start, end))
    return found


def span(attempt: int, start: Fact, end: Fact) -> dict[str, Any]:
    """From ``start`` to ``end``: midpoint days, the certain bounds, and whether both are exact days."""
    s_lo, s_hi = date.fromisoformat(start["earliest"]), date.fromisoformat(start["latest"])
    e_lo, e_hi = date.fromisoformat(end["earliest"]), date.fromisoformat(end["latest"])
    midpoint = ((e_lo.toordinal() + e_hi.toordinal()) - (s_lo.toordinal() + s_hi.toordinal())) / 2
    return {
        "attempt": attempt,
        "from": start["kind"],
        "to": end["kind"],
        "from_date": start["date"],
        "to_date": end["date"],
        "days": midpoint,
        "min_days": max(0, (e_lo - s_hi).days),
        "max_days": (e_hi - s_lo).days,
        "certain": s_lo == s_hi and e_lo == e_hi,
        "year": e_lo.year,
    }


def summarise(rows: list[Span]) -> list[SpanSummary]:
    """Per venue, transition and year: count, median and quartiles of ``days``."""
    groups: dict[tuple[str, str, str, int], list[Span]] = defaultdict(list)
    for row in rows:
        groups[(row["venue"], row["from"], row["to"], row["year"])].append(row)
    summaries: list[SpanSummary] = []
    for (venue, start, end, year), members in sorted(
        groups.items(), key=lambda kv: (kv[0][0], _RANK[kv[0][1]], _RANK[kv[0][2]], kv[0][3])
    ):
        days = sorted(member["days"] for member in members)
        quartiles = statistics.quantiles(days, n=4, method="inclusive") if len(days) > 1 else [days[0]] * 3
        summaries.append(
            {
                "venue": venue,
                "from": start,
                "to": end,
                "year": year,
                "count": len(days),
                "median": statistics.median(days),
                "q1": quartiles[0],
                "q3": quartiles[2],
                "uncertain": sum(not member["certain"] for member in members),
            }
        )
    return summaries
