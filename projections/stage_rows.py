"""State intervals of one (company, venue): the pure computation behind the pipeline tables.

For one state of knowledge (the fact versions recorded so far), the stage of a (company,
venue) at valid day D, for readers allowed sources published by day P, is set by the last
stage fact, in fact order, that is visible:

- mode ``possible``: the fact possibly happened by D (earliest <= D);
- mode ``certain``:  the fact certainly happened by D (latest <= D);
- and at least one of its sources was (certainly) published by P, and P falls before the day a later
  correction or retraction of it became public (``public_until``): before that day the fact's earlier
  version stands, from it the later one (another ``StageFact`` of the same fact) or none.

Fact order, the rule for facts whose bounds overlap: earliest bound, then latest bound,
then pipeline order of the stage (a listing sorts after an acceptance on the same fuzzy
date), then fact id. The result is a set of rectangles (valid-day range x publication-day
range), each with the fact that decides the stage there.
"""

from __future__ import annotations

from typing import NamedTuple

from domain.vocabulary import FactKind, fact_order

MAX_DAY = 3_652_059  # date.max.toordinal(): "until further notice"
MODES = ("possible", "certain")
_OVERLAY = {FactKind.SUSPENDED.value, FactKind.RESUMED.value}
_SUSPENDED = FactKind.SUSPENDED.value


# Named tuples rather than frozen dataclasses: a rebuild makes and hashes millions of them, and a
# tuple's constructor, hash and comparisons run in C (the field order, hence the sort order, is the same).
class StageFact(NamedTuple):
    """The slice of a fact version that decides stages (days as ordinals)."""

    fact_id: str
    kind: str
    earliest: int
    latest: int
    published: int  # the first day on which one of its sources (and of the step that made it) was certainly public
    public_until: int = MAX_DAY  # exclusive: from this day a later correction or retraction shows instead

    @property
    def order(self) -> tuple[int, int, int, str]:
        return fact_order(self.earliest, self.latest, self.kind, self.fact_id)


class StateRow(NamedTuple):
    mode: str
    valid_from: int
    valid_to: int  # exclusive
    pub_from: int
    pub_to: int  # exclusive
    fact_id: str  # the stage fact that decides
    stage: str
    suspended: bool


_Entry = tuple[int, tuple[int, int, int, str], StageFact]  # (day the fact counts from, fact order, fact)
#: A StateRow's fields as a plain tuple, which equals that StateRow and hashes the same.
Rectangle = tuple[str, int, int, int, int, str, str, bool]


def state_rows(facts: list[StageFact]) -> set[StateRow]:
    """Every rectangle of (valid day, publication day) with the stage it shows."""
    return {StateRow(*rectangle) for rectangle in rectangles(facts)}


def rectangles(facts: list[StageFact]) -> set[Rectangle]:
    """``state_rows`` as plain tuples, for a caller that compares millions of them: a rebuild."""
    result: set[Rectangle] = set()
    if not facts:
        return result
    thresholds = sorted({f.published for f in facts} | {f.public_until for f in facts if f.public_until < MAX_DAY})
    bounds = list(zip(thresholds, [*thresholds[1:], MAX_DAY], strict=True))
    ordered_facts = [(f, f.order) for f in facts]
    for mode in MODES:
        possible = mode == "possible"
        # Sorted once per mode: the facts visible at a threshold are a filter of this list, so still in order.
        ordered = sorted([((f.earliest if possible else f.latest), order, f) for f, order in ordered_facts])
        spans: dict[tuple[int, int, StageFact, bool], list[tuple[int, int]]] = {}
        for threshold, pub_to in bounds:
            visible = [entry for entry in ordered if entry[2].published <= threshold < entry[2].public_until]
            for segment in _segments(visible):
                found = spans.get(segment)
                if found is None:
                    spans[segment] = [(threshold, pub_to)]
                elif found[-1][1] == threshold:
                    found[-1] = (found[-1][0], pub_to)
                else:
                    found.append((threshold, pub_to))
        for (valid_from, valid_to, fact, suspended), found in spans.items():
            for pub_from, pub_to in found:
                result.add((mode, valid_from, valid_to, pub_from, pub_to, fact.fact_id, fact.kind, suspended))
    return result


def _segments(ordered: list[_Entry]) -> list[tuple[int, int, StageFact, bool]]:
    """Sweep the valid-day line once: at each day facts become visible the decider may change.

    The decider is the stage fact of highest order seen so far; the pair is suspended when the
    overlay fact of highest order seen so far sorts after the decider and is a suspension.
    """
    segments: list[tuple[int, int, StageFact, bool]] = []
    decider: _Entry | None = None
    overlay: _Entry | None = None
    index, count = 0, len(ordered)
    while index < count:
        day = ordered[index][0]
        while index < count and ordered[index][0] == day:
            entry = ordered[index]
            if entry[2].kind in _OVERLAY:
                if overlay is None or entry[1] > overlay[1]:
                    overlay = entry
            elif decider is None or entry[1] > decider[1]:
                decider = entry
            index += 1
        if decider is None:
            continue
        suspended = overlay is not None and overlay[1] > decider[1] and overlay[2].kind == _SUSPENDED
        end = ordered[index][0] if index < count else MAX_DAY
        last = segments[-1] if segments else None
        if last is not None and last[2] is decider[2] and last[3] == suspended and last[1] == day:
            segments[-1] = (last[0], end, decider[2], suspended)
        else:
            segments.append((day, end, decider[2], suspended))
    return segments
