"""Under the publication clock a fact's versions take turns: each shows from the day the statement
that made it was public until a later statement was (``publish_chain``)."""

from __future__ import annotations

from projections.stage_rows import MAX_DAY
from projections.timeline.carried_state import Version, publish_chain


def version(step: int, revised: int, first_source_day: int = 100) -> Version:
    made = Version("f", "company", "c", "accepted", "stage", "SSE-STAR", ("x", "x", 1, 1), "{}", [], None)
    made.step, made.revised, made.days = step, revised, [first_source_day]
    return made


def spans(chain: list[Version]) -> list[tuple[int, int]]:
    return [(v.published, v.pub_to) for v in chain]


def test_a_recorded_fact_shows_from_its_first_source_day_for_ever():
    chain = [version(0, 0)]
    publish_chain(chain)
    assert spans(chain) == [(100, MAX_DAY)]


def test_a_correction_takes_over_on_the_day_its_source_was_public():
    chain = [version(0, 0), version(1, 150)]
    publish_chain(chain)
    assert spans(chain) == [(100, 150), (150, MAX_DAY)]


def test_a_correction_cited_before_the_fact_was_public_hides_the_first_version_entirely():
    chain = [version(0, 0), version(1, 90)]
    publish_chain(chain)
    assert [v.shown for v in chain] == [False, True]
    assert chain[1].published == 100  # never before the fact itself was public


def test_a_later_statement_public_earlier_shadows_the_one_between():
    chain = [version(0, 0), version(1, 200), version(2, 150)]
    publish_chain(chain)
    assert spans(chain) == [(100, 150), (200, 150), (150, MAX_DAY)]
    assert [v.shown for v in chain] == [True, False, True]


def test_a_retraction_ends_whichever_version_shows_on_its_day():
    chain = [version(0, 0), version(1, 150)]
    publish_chain(chain, retracted_from=180)
    assert spans(chain) == [(100, 150), (150, 180)]
    retracted_early = [version(0, 0), version(1, 150)]
    publish_chain(retracted_early, retracted_from=120)
    assert spans(retracted_early) == [(100, 120), (150, 120)]
