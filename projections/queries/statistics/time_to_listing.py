"""Time to listing: the Kaplan-Meier curve of days from an attempt's start to its listing, per cohort.

The clock starts at an attempt's first ``accepted`` fact (on HKEX venues its first ``filed``: HKEX
has no acceptance step, the A1 filing starts the review). Attempts are split as /time-in-stage splits
them (``time_in_stage.attempts``) and spans measured by its rule (``time_in_stage.span``), so the two
answers agree on every listed span. An attempt ends in one of three ways:
- it lists: an event on the listing's day;
- it exits (withdrawn, terminated, rejected, lapsed, delisted before listing): censored on the exit's
  day, since the exit says nothing about how long a listing would have taken; counted apart;
- neither by ``as_of``: censored on ``as_of``, still in review.
Attempts without a start fact (sources skip stages) are not in the curve: their clock has no start.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction
from typing import Any, cast

from domain.vocabulary import EXIT_STAGES, Stage, Venue
from projections.clocks import Clocks
from projections.queries.answers import CurvePoint, Fact, ListingCohort, ListingSpan, TimeToListing
from projections.queries.statistics import kaplan_meier
from projections.queries.statistics.time_in_stage import attempts, span

CONFIDENCE = 0.95
#: Venues whose review starts at the filing: HKEX lists no acceptance step.
STARTS_AT_FILING = frozenset({Venue.HKEX_MAIN.value, Venue.HKEX_GEM.value})
_EXITS = frozenset(stage.value for stage in EXIT_STAGES)

DATES = (
    "A span runs between the midpoints of its two fuzzy dates, as /time-in-stage measures days (an exact day "
    "is its own midpoint); min_days and max_days give its certain bounds (start's last day to end's first, "
    "first to last). A censored span ends at as_of. An end is never past as_of: a fuzzy end that possibly "
    "happened by as_of with a later midpoint counts at as_of. median_days_bounds gives the median with every "
    "span at its min_days and at its max_days. The cohort is the year or quarter of the start "
    "fact's midpoint; fuzzy counts the spans with a date that is not one exact day."
)
METHOD = (
    "Kaplan-Meier; exits censored at their day. Pointwise band: exponential (log(-log)) Greenwood at the "
    "confidence given. Median: the first day the curve is at or below one half; its interval inverts the "
    "band (Brookmeyer-Crowley on the log(-log) scale: the first days the band's lower and upper edges reach "
    "one half), as lifelines' median_survival_times(confidence_interval_) and R's survfit(conf.type='log-log')."
)


def start_stage(venue: str) -> str:
    return Stage.FILED.value if venue in STARTS_AT_FILING else Stage.ACCEPTED.value


def listing_spans(facts: list[Fact], venue: str, as_of: date) -> list[dict[str, Any]]:
    """Each attempt of one pair that has a start fact, as a span to its listing, its exit or ``as_of``."""
    begin = start_stage(venue)
    day = as_of.isoformat()
    cutoff = cast(Fact, {"kind": "as_of", "date": day, "earliest": day, "latest": day})
    found = []
    for number, run in enumerate(attempts(facts), start=1):
        first: dict[str, Fact] = {}
        for fact in run:
            first.setdefault(fact["kind"], fact)
        start = first.get(begin)
        if start is None:
            continue
        end = first.get(Stage.LISTED.value) or (run[-1] if run[-1]["kind"] in _EXITS else None)
        until_now = span(number, start, cutoff)
        measured = span(number, start, end) if end is not None else until_now
        found.append(
            {
                "attempt": number,
                "start": start["date"],
                "end": end["date"] if end is not None else None,
                "outcome": end["kind"] if end is not None else "censored",
                "days": max(0.0, min(measured["days"], until_now["days"])),
                "min_days": min(measured["min_days"], until_now["max_days"]),
                "max_days": max(0, min(measured["max_days"], until_now["max_days"])),
                "certain": measured["certain"],
                "cohort_day": _midpoint(start),
            }
        )
    return found


def _midpoint(fact: Fact) -> date:
    first, last = date.fromisoformat(fact["earliest"]), date.fromisoformat(fact["latest"])
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2)


def cohort_of(day: date, cohort: str) -> str:
    return str(day.year) if cohort == "year" else f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def time_to_listing(
    pairs: list[tuple[str, str, str, list[Fact]]], clocks: Clocks, venue: str, cohort: str
) -> TimeToListing:
    """The curve per cohort and pooled, from each pair's stage facts (``Facts.stage_facts``) on ``venue``."""
    dated: list[tuple[date, str, int, ListingSpan]] = []
    for company_id, pair_venue, company, facts in pairs:
        if pair_venue != venue:
            continue
        for found in listing_spans(facts, venue, clocks.as_of):
            day = found.pop("cohort_day")
            row = cast(ListingSpan, {"company_id": company_id, "company": company, **found})
            dated.append((day, company, found["attempt"], row))
    dated.sort(key=lambda item: item[:3])  # by start, so each cohort lists its spans in start order
    groups: dict[str, list[ListingSpan]] = {}
    for day, _, _, row in dated:
        groups.setdefault(cohort_of(day, cohort), []).append(row)
    every = [row for *_, row in dated]
    return {
        "as_of": clocks.as_of.isoformat(),
        "known_at": None if clocks.is_now else clocks.known_at,
        "published_by": clocks.published_by.isoformat() if clocks.published_by else None,
        "certain_only": clocks.certain_only,
        "venue": venue,
        "start": start_stage(venue),
        "cohort": cohort,
        "confidence": CONFIDENCE,
        "method": METHOD,
        "dates": DATES,
        "cohorts": [_cohort(name, groups[name]) for name in sorted(groups)],
        "overall": _cohort("all", every),
    }


def _cohort(name: str, rows: list[ListingSpan]) -> ListingCohort:
    listed = [r["outcome"] == "listed" for r in rows]
    steps = kaplan_meier.estimate([r["days"] for r in rows], listed, CONFIDENCE)
    median, lower, upper = kaplan_meier.median(steps)
    shortest, longest = (
        kaplan_meier.median(kaplan_meier.estimate([float(r[bound]) for r in rows], listed))[0]
        for bound in ("min_days", "max_days")
    )
    outcomes = Counter(r["outcome"] for r in rows)
    curve: list[CurvePoint] = [
        {
            "day": step.day,
            "survival": _share(step.exact),
            "lower": round(step.lower, 6),
            "upper": round(step.upper, 6),
            "at_risk": step.at_risk,
        }
        for step in steps
    ]
    return {
        "cohort": name,
        "at_risk": len(rows),
        "listed": outcomes.pop("listed", 0),
        "censored": outcomes.pop("censored", 0),
        "exited": sum(outcomes.values()),
        "exits": dict(sorted(outcomes.items())),
        "fuzzy": sum(not r["certain"] for r in rows),
        "median_days": median,
        "median_days_ci": {"lower": lower, "upper": upper},
        "median_days_bounds": {"shortest": shortest, "longest": longest},
        "curve": curve,
        "spans": rows,
    }


def _share(exact: Fraction) -> float:
    return round(float(exact), 6)  # six places say enough of a share and keep answers short
