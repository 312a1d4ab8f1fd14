from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidMoney
from domain.money import Currency, Money, parse_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("CNY 4.2 billion", "4200000000", "CNY"),
        ("USD 67 million", "67000000", "USD"),
        ("HKD 33.1 billion", "33100000000", "HKD"),
        ("CNY 499 thousand", "499000", "CNY"),
        ("cny 1,796,000,000", "1796000000", "CNY"),
        ("CNY 0.5", "0.5", "CNY"),
    ],
)
def test_amounts_read_exactly_and_keep_their_currency(text, amount, currency):
    money = parse_money(text)
    assert money == Money(Decimal(amount), Currency(currency))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("EUR 5 million", "currency 'EUR'"),
        ("CNY five", "not of the form"),
        ("CNY 5 zillion", "unknown scale"),
        ("5 CNY", "not of the form"),
    ],
)
def test_unknown_currencies_and_shapes_are_rejected_by_name(text, complaint):
    with pytest.raises(InvalidMoney, match=complaint):
        parse_money(text)


def test_adding_two_currencies_is_refused_rather_than_converted():
    with pytest.raises(InvalidMoney, match="without a stated rate"):
        parse_money("CNY 1") + parse_money("USD 1")


def test_money_of_one_currency_adds_exactly():
    assert parse_money("CNY 0.1") + parse_money("CNY 0.2") == parse_money("CNY 0.3")


@given(st.decimals(min_value=0, max_value=10**15, places=2, allow_nan=False), st.sampled_from(list(Currency)))
def test_the_printed_form_reads_back_to_the_same_money(amount, currency):
    money = Money(amount, currency)
    assert parse_money(str(money)) == money
