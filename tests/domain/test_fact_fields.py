"""Kind-specific fields: how each kind of value is read, and what a statistic must state."""

from decimal import Decimal
from typing import Any

import pytest

from domain.errors import InvalidFact
from domain.fact_fields import FactFields, FundingRoundFields
from domain.field_values import MAX_TEXT_CHARS, build_fields
from domain.money import Currency, Money, parse_money
from domain.vocabulary import FactKind


def statistic(**fields: Any) -> FactFields:
    return build_fields(FactKind.MARKET_STATISTIC, {"metric": "ipo_count", **fields})


def test_lists_of_names_are_read_item_by_item() -> None:
    fields = build_fields(FactKind.FUNDING_ROUND, {"investors": ["  Sequoia China ", "Hillhouse"]})
    assert fields.as_dict() == {"investors": ["Sequoia China", "Hillhouse"]}


def test_a_list_field_refuses_anything_but_a_list_and_names_the_bad_item() -> None:
    with pytest.raises(InvalidFact, match=r"field 'funding_round\.investors' must be a list"):
        build_fields(FactKind.FUNDING_ROUND, {"investors": "Sequoia China"})
    with pytest.raises(InvalidFact, match=r"field 'funding_round\.investors\[1\]' must be non-empty text"):
        build_fields(FactKind.FUNDING_ROUND, {"investors": ["Sequoia China", " "]})


def test_mappings_of_amounts_and_of_percentages_are_read_value_by_value() -> None:
    fields = build_fields(
        FactKind.FINANCIALS_REPORTED,
        {"period": "2024", "metrics": {"revenue": "CNY 1.2 billion"}, "growth_pct": {"revenue": "12.5"}},
    )
    assert fields.as_dict() == {
        "period": "2024",
        "metrics": {"revenue": Money(Decimal("1200000000"), Currency.CNY)},
        "growth_pct": {"revenue": Decimal("12.5")},
    }


def test_a_mapping_field_refuses_anything_but_a_mapping_and_names_the_bad_key_or_value() -> None:
    with pytest.raises(InvalidFact, match=r"field 'financials_reported\.metrics' must be a mapping"):
        build_fields(FactKind.FINANCIALS_REPORTED, {"period": "2024", "metrics": ["CNY 1"]})
    with pytest.raises(InvalidFact, match=r"field 'financials_reported\.metrics key' must be non-empty text"):
        build_fields(FactKind.FINANCIALS_REPORTED, {"period": "2024", "metrics": {" ": "CNY 1"}})
    with pytest.raises(InvalidFact, match=r"field 'financials_reported\.metrics\.revenue': amount 'lots'"):
        build_fields(FactKind.FINANCIALS_REPORTED, {"period": "2024", "metrics": {"revenue": "lots"}})


@pytest.mark.parametrize("value", [5, "   ", ["B"]])
def test_a_text_field_takes_non_blank_text_only(value: object) -> None:
    with pytest.raises(InvalidFact, match=r"^field 'funding_round\.round' must be non-empty text$"):
        build_fields(FactKind.FUNDING_ROUND, {"round": value})


def test_a_text_field_holds_up_to_2000_characters() -> None:
    assert build_fields(FactKind.FUNDING_ROUND, {"round": "r" * MAX_TEXT_CHARS}).as_dict()["round"] == "r" * 2000
    with pytest.raises(InvalidFact, match=r"field 'funding_round\.round' is longer than 2000 characters"):
        build_fields(FactKind.FUNDING_ROUND, {"round": "r" * (MAX_TEXT_CHARS + 1)})


def test_notes_and_descriptions_may_hold_several_lines_and_other_text_one() -> None:
    assert build_fields(FactKind.FUNDING_ROUND, {"note": "one\n\ttwo"}).as_dict() == {"note": "one\n\ttwo"}
    with pytest.raises(
        InvalidFact, match=r"^field 'funding_round\.round' contains the control or bidi character U\+000A"
    ):
        build_fields(FactKind.FUNDING_ROUND, {"round": "Series\nB"})


def test_a_yes_or_no_field_takes_only_true_or_false() -> None:
    assert build_fields(FactKind.ACQUISITION_ANNOUNCED, {"target": "X", "backdoor": True}).as_dict()["backdoor"] is True
    with pytest.raises(InvalidFact, match=r"field 'acquisition_announced\.backdoor' must be true or false"):
        build_fields(FactKind.ACQUISITION_ANNOUNCED, {"target": "X", "backdoor": "yes"})


def test_a_count_may_be_zero_but_not_negative() -> None:
    assert build_fields(FactKind.FUNDING_ROUND, {"rounds": 0}).as_dict() == {"rounds": 0}
    with pytest.raises(InvalidFact, match="must be a whole number from 0"):
        build_fields(FactKind.FUNDING_ROUND, {"rounds": -1})


def test_an_amount_field_refusal_names_the_field_and_the_amount() -> None:
    with pytest.raises(InvalidFact, match=r"^field 'accepted\.amount_sought': amount 'EUR 5': currency 'EUR'"):
        build_fields(FactKind.ACCEPTED, {"amount_sought": "EUR 5"})


def test_an_amount_already_read_is_kept_as_it_is() -> None:
    money = parse_money("USD 67 million")
    assert build_fields(FactKind.ACCEPTED, {"amount_sought": money}).as_dict() == {"amount_sought": money}


@pytest.mark.parametrize(
    ("value", "complaint"),
    [
        (True, "must be a number"),
        ([1], "must be a number"),
        ("abc", "'abc' is not a number"),
        (10**5000, "an integer of 16610 bits is too large"),
        (float("nan"), "must be a finite number"),
        ("1e30", "must have at most 34 significant digits"),
    ],
    ids=["true", "list", "text", "5000 digits", "nan", "1e30"],
)
def test_a_number_field_refusal_names_the_field_and_the_reason(value: object, complaint: str) -> None:
    with pytest.raises(InvalidFact, match=r"^field 'market_statistic\.value'") as caught:
        statistic(value=value, unit="companies")
    assert complaint in str(caught.value)


def test_a_statistic_states_a_value_with_its_unit_or_an_amount() -> None:
    assert statistic(amount="CNY 5 billion").as_dict()["amount"] == parse_money("CNY 5 billion")
    assert statistic(value=54, unit="companies").as_dict()["value"] == Decimal(54)
    with pytest.raises(InvalidFact, match=r"^market_statistic: metric 'ipo_count' needs a value or an amount$"):
        statistic()
    with pytest.raises(
        InvalidFact, match=r"^market_statistic: metric 'ipo_count': field 'unit' is required with 'value'$"
    ):
        statistic(value=54)


def test_a_range_of_values_runs_from_value_up_to_value_max() -> None:
    assert statistic(value=70, value_max=120, unit="companies").as_dict()["value_max"] == Decimal(120)
    assert statistic(value=70, value_max=70, unit="companies").as_dict()["value_max"] == Decimal(70)
    for wrong in ({"value_max": 120, "amount": "CNY 1"}, {"value": 120, "value_max": 70, "unit": "companies"}):
        with pytest.raises(InvalidFact, match="'value_max' needs a 'value' no larger than it"):
            statistic(**wrong)


def test_a_range_of_amounts_runs_from_amount_up_to_amount_max_in_one_currency() -> None:
    assert statistic(amount="CNY 1 billion", amount_max="CNY 2 billion").as_dict()["amount_max"] == parse_money(
        "CNY 2 billion"
    )
    assert statistic(amount="CNY 1 billion", amount_max="CNY 1 billion").as_dict()["amount_max"] == parse_money(
        "CNY 1 billion"
    )
    for wrong in (
        {"value": 1, "unit": "x", "amount_max": "CNY 2 billion"},
        {"amount": "CNY 1 billion", "amount_max": "USD 2 billion"},
        {"amount": "CNY 2 billion", "amount_max": "CNY 1 billion"},
    ):
        with pytest.raises(InvalidFact, match="'amount_max' needs an 'amount' in its currency, no larger"):
            statistic(**wrong)


def test_an_unknown_field_is_refused_listing_the_fields_the_kind_takes() -> None:
    with pytest.raises(InvalidFact, match="funding_round takes amount, amount_max, investors, lead_investors, note"):
        build_fields(FactKind.FUNDING_ROUND, {"moon": "full"})


def test_the_identity_of_fields_joins_the_identifying_values_and_leaves_unstated_ones_empty() -> None:
    amount = parse_money("CNY 100 million")
    assert FundingRoundFields(round="B", amount=amount).identity() == "B|CNY 100000000"
    assert FundingRoundFields(amount=amount).identity() == "|CNY 100000000"
    assert build_fields(FactKind.ACCEPTED, {"regulator": "SSE"}).identity() == ""
