"""Markets: one aggregate per venue or wider scope, found again by its code."""

import uuid

import pytest

from domain.errors import InvalidFact
from domain.markets import Market, market_id_for


def test_a_market_has_one_id_for_its_code_stable_across_versions_and_another_code_has_another() -> None:
    assert market_id_for("SSE-STAR") == market_id_for("SSE-STAR")
    assert market_id_for("SSE-STAR") != market_id_for("HKEX")
    assert market_id_for("SSE-STAR") == uuid.UUID("c66b100f-983d-5228-bf5a-b04d597eb5c5")


def test_an_opened_market_has_the_id_of_its_code_and_lists_the_facts_attached() -> None:
    market = Market(code="HKEX-MAIN")
    assert market.id == market_id_for("HKEX-MAIN")
    assert market.code == "HKEX-MAIN"
    fact = uuid.uuid4()
    market.attach_fact(fact)
    assert market.fact_ids == [fact]


def test_an_unknown_market_code_has_no_id() -> None:
    with pytest.raises(InvalidFact, match="market 'NYSEX'"):
        market_id_for("NYSEX")
