"""The controlled vocabulary: reading kinds, venues and markets, and the pipeline's order."""

from datetime import date

import pytest

from domain.errors import InvalidFact
from domain.vocabulary import (
    STAGE_RANK,
    FactKind,
    Stage,
    Venue,
    fact_order,
    parse_kind,
    parse_market,
    parse_venue,
    stage_rank,
)


def test_known_kinds_and_venues_read_as_their_enums() -> None:
    assert parse_kind("accepted") is FactKind.ACCEPTED
    assert parse_venue("SSE-STAR") is Venue.SSE_STAR


@pytest.mark.parametrize("value", [5, None, ["accepted"]])
def test_a_kind_that_is_not_text_is_refused_naming_it(value: object) -> None:
    with pytest.raises(InvalidFact, match=f"kind {value!r} is not a known fact kind".replace("[", r"\[")):
        parse_kind(value)


@pytest.mark.parametrize("value", [5, "SSE STAR"])
def test_a_venue_that_is_not_one_of_ours_is_refused_listing_ours(value: object) -> None:
    with pytest.raises(InvalidFact) as caught:
        parse_venue(value)
    assert str(caught.value) == f"venue {value!r} is not one of {', '.join(Venue)}"
    assert "SSE-STAR, SSE-MAIN, SZSE-CHINEXT" in str(caught.value)


@pytest.mark.parametrize("code", ["SSE-STAR", "HKEX-MAIN", "HKEX", "CN", "GLOBAL"])
def test_markets_are_the_venues_and_the_wider_scopes(code: object) -> None:
    assert parse_market(code) == code


@pytest.mark.parametrize("code", ["NYSEX", "sse-star", 5])
def test_anything_else_is_not_a_market(code: object) -> None:
    with pytest.raises(InvalidFact, match=f"market {code!r} is not one of SSE-STAR, "):
        parse_market(code)


def test_stages_rank_in_pipeline_order_with_exits_after_listing() -> None:
    ranks = [stage_rank(stage.value) for stage in Stage]
    assert ranks == sorted(ranks) == list(range(len(Stage)))
    assert stage_rank("preparing") == 0
    assert stage_rank("listed") < stage_rank("withdrawn") < stage_rank("delisted")


@pytest.mark.parametrize("kind", ["suspended", "resumed", "funding_round", "not a kind"])
def test_kinds_that_are_no_stage_rank_after_every_stage(kind: str) -> None:
    assert stage_rank(kind) == len(STAGE_RANK) == len(Stage)


def test_facts_sort_by_earliest_then_latest_then_pipeline_order_then_id() -> None:
    day, later = date(2025, 6, 21), date(2025, 6, 30)
    assert fact_order(day, later, "listed", "a") == (day, later, stage_rank("listed"), "a")
    facts = [
        fact_order(day, later, "listed", "a"),
        fact_order(day, later, "accepted", "b"),
        fact_order(day, day, "listed", "c"),
        fact_order(day, later, "accepted", "a"),
    ]
    assert sorted(facts) == [facts[2], facts[3], facts[1], facts[0]]
