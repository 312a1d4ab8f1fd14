"""State intervals of one (company, venue): the pure computation behind the pipeline tables.

For one state of knowledge (the fact versions recorded so far), the stage of a (company,
venue) at valid day D, for readers allowed sources published by day P, is set by the last
stage fact, in fact order, that is visible:

- mode ``possible``: the fact possibly happened by D (earliest <= D);
- mode ``certain``:  the fact certainly happened by D (latest <= D);
- and at least one of its sources was (certainly) published by P.

Fact order, the rule for facts whose bounds overlap: earliest bound, then latest bound,
then pipeline order of the stage (a listing sorts after an acceptance on the same fuzzy
date), then fact id. The result is a set of rectangles (valid-day range x publication-day
range), each with the fact that decides the stage there.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.vocabulary import FactKind, fact_order

MAX_DAY = 3_652_059  # date.max.toordinal(): "until further notice"
MODES = ("possible", "certain")
_OVERLAY = {FactKind.SUSPENDED.value, FactKind.RESUMED.value}


@dataclass(frozen=True)
class StageFact:
    """The slice of a fact version that decides stages (days as ordinals)."""

    fact_id: str
    kind: str
    earliest: int
    latest: int
    published: int  # the first day on which one of its sources was certainly public

    @property
    def order(self) -> tuple[int, int, int, str]:
        return fact_order(self.earliest, self.latest, self.kind, self.fact_id)


@dataclass(frozen=True, order=True)
class StateRow:
    mode: str
    valid_from: int
    valid_to: int  # exclusive
    pub_from: int
    pub_to: int  # exclusive
    fact_id: str  # the stage fact that decides
    stage: str
    suspended: bool


def state_rows(facts: list[StageFact]) -> set[StateRow]:
    """Every rectangle of (valid day, publication day) with the stage it shows."""
    stage_facts = sorted(facts, key=lambda f: f.order)
    thresholds = sorted({f.published for f in stage_facts})
    rows: dict[tuple[str, int, int, str, bool], list[tuple[int, int]]] = {}
    for index, threshold in enumerate(thresholds):
        pub_to = thresholds[index + 1] if index + 1 < len(thresholds) else MAX_DAY
        visible = [f for f in stage_facts if f.published <= threshold]
        for mode in MODES:
            for valid_from, valid_to, decider, suspended in _segments(visible, mode):
                key = (mode, valid_from, valid_to, decider.fact_id, suspended)
                spans = rows.setdefault(key, [])
                if spans and spans[-1][1] == threshold:
                    spans[-1] = (spans[-1][0], pub_to)
                else:
                    spans.append((threshold, pub_to))
    kinds = {f.fact_id: f.kind for f in stage_facts}
    return {
        StateRow(mode, valid_from, valid_to, pub_from, pub_to, fact_id, kinds[fact_id], suspended)
        for (mode, valid_from, valid_to, fact_id, suspended), spans in rows.items()
        for pub_from, pub_to in spans
    }


def _segments(visible: list[StageFact], mode: str) -> list[tuple[int, int, StageFact, bool]]:
    """Sweep the valid-day line once: at each day facts become visible the decider may change.

    The decider is the stage fact of highest order seen so far; the pair is suspended when the
    overlay fact of highest order seen so far sorts after the decider and is a suspension.
    """
    possible = mode == "possible"
    ordered = sorted(((f.earliest if possible else f.latest), f.order, f) for f in visible)
    segments: list[tuple[int, int, StageFact, bool]] = []
    decider: tuple[tuple[int, int, int, str], StageFact] | None = None
    overlay: tuple[tuple[int, int, int, str], StageFact] | None = None
    index = 0
    while index < len(ordered):
        day = ordered[index][0]
        while index < len(ordered) and ordered[index][0] == day:
            _, order, fact = ordered[index]
            if fact.kind in _OVERLAY:
                if overlay is None or order > overlay[0]:
                    overlay = (order, fact)
            elif decider is None or order > decider[0]:
                decider = (order, fact)
            index += 1
        if decider is None:
            continue
        suspended = overlay is not None and overlay[0] > decider[0] and overlay[1].kind == FactKind.SUSPENDED.value
        end = ordered[index][0] if index < len(ordered) else MAX_DAY
        if segments and segments[-1][2] is decider[1] and segments[-1][3] == suspended and segments[-1][1] == day:
            segments[-1] = (segments[-1][0], end, decider[1], suspended)
        else:
            segments.append((day, end, decider[1], suspended))
    return segments
