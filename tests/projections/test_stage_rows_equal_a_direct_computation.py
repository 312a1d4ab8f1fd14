"""The stage rectangles equal a direct computation: every publication threshold, every mode,
every visible fact sorted afresh (the form ``state_rows`` had before it was made fast)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.vocabulary import fact_order
from projections.stage_rows import MAX_DAY, MODES, StageFact, StateRow, state_rows

KINDS = ["preparing", "guidance", "filed", "accepted", "approved", "listed", "withdrawn", "suspended", "resumed"]


def direct(facts: list[StageFact]) -> set[StateRow]:
    def order(f: StageFact) -> tuple[int, int, int, str]:
        return fact_order(f.earliest, f.latest, f.kind, f.fact_id)

    thresholds = sorted({f.published for f in facts} | {f.public_until for f in facts if f.public_until < MAX_DAY})
    rows: dict[tuple[str, int, int, StageFact, bool], list[tuple[int, int]]] = {}
    for index, threshold in enumerate(thresholds):
        pub_to = thresholds[index + 1] if index + 1 < len(thresholds) else MAX_DAY
        visible = [f for f in facts if f.published <= threshold < f.public_until]
        for mode in MODES:
            by_day = sorted(visible, key=lambda f, m=mode: ((f.earliest if m == "possible" else f.latest), order(f)))
            segments: list[tuple[int, int, StageFact, bool]] = []
            decider = overlay = None
            for n, fact in enumerate(by_day):
                day = fact.earliest if mode == "possible" else fact.latest
                if fact.kind in ("suspended", "resumed"):
                    overlay = fact if overlay is None or order(fact) > order(overlay) else overlay
                else:
                    decider = fact if decider is None or order(fact) > order(decider) else decider
                following = by_day[n + 1] if n + 1 < len(by_day) else None
                next_day = None if following is None else following.earliest if mode == "possible" else following.latest
                if decider is None or next_day == day:
                    continue
                suspended = overlay is not None and order(overlay) > order(decider) and overlay.kind == "suspended"
                end = MAX_DAY if next_day is None else next_day
                if segments and segments[-1][2] == decider and segments[-1][3] == suspended:
                    segments[-1] = (segments[-1][0], end, decider, suspended)
                else:
                    segments.append((day, end, decider, suspended))
            for valid_from, valid_to, fact, suspended in segments:
                spans = rows.setdefault((mode, valid_from, valid_to, fact, suspended), [])
                if spans and spans[-1][1] == threshold:
                    spans[-1] = (spans[-1][0], pub_to)
                else:
                    spans.append((threshold, pub_to))
    return {
        StateRow(mode, valid_from, valid_to, pub_from, pub_to, fact.fact_id, fact.kind, suspended)
        for (mode, valid_from, valid_to, fact, suspended), spans in rows.items()
        for pub_from, pub_to in spans
    }


# Some facts show only until a later version of them (or their retraction) became public.
fact = st.tuples(
    st.sampled_from(KINDS), st.integers(0, 40), st.integers(0, 10), st.integers(0, 30), st.none() | st.integers(1, 30)
)
fact_lists = st.lists(fact, max_size=9).map(
    lambda items: [
        StageFact(f"f{n}", kind, earliest, earliest + width, published, MAX_DAY if shown is None else published + shown)
        for n, (kind, earliest, width, published, shown) in enumerate(items)
    ]
)


@settings(max_examples=400, deadline=None)
@given(fact_lists)
def test_state_rows_equal_the_direct_computation(facts):
    assert state_rows(facts) == direct(facts)


def test_a_suspension_after_the_deciding_fact_marks_the_rows_suspended():
    facts = [StageFact("a", "accepted", 10, 10, 12), StageFact("s", "suspended", 20, 20, 21)]
    assert StateRow("possible", 20, MAX_DAY, 21, MAX_DAY, "a", "accepted", True) in state_rows(facts)


def test_a_corrected_fact_shows_as_first_reported_until_its_correction_was_public():
    # Accepted on day 10 as first reported (public on 11); corrected to day 30, the correction public on 50.
    facts = [StageFact("a", "accepted", 10, 10, 11, 50), StageFact("a", "accepted", 30, 30, 50)]
    rows = state_rows(facts)
    assert StateRow("possible", 10, MAX_DAY, 11, 50, "a", "accepted", False) in rows
    assert StateRow("possible", 30, MAX_DAY, 50, MAX_DAY, "a", "accepted", False) in rows
    assert not any(row.valid_from == 10 and row.pub_to > 50 for row in rows)
