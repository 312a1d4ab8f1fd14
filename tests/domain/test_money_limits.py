"""Money at its limits: what is kept exactly, what is refused, and what the refusal says."""

from decimal import Decimal

import pytest

from domain.errors import InvalidMoney
from domain.money import Currency, Money, check_magnitude, parse_money

THIRTY_FOUR_DIGITS = "1234567890123456789012345.678901234"


def test_an_amount_of_34_significant_digits_is_kept_exactly_not_rounded_to_28() -> None:
    money = parse_money(f"CNY {THIRTY_FOUR_DIGITS}")
    assert money.amount == Decimal(THIRTY_FOUR_DIGITS)
    assert parse_money(str(money)) == money


def test_a_scaled_amount_keeps_every_digit_it_was_given() -> None:
    assert parse_money("CNY 1.234567890123456789012345678 billion").amount == Decimal("1234567890.123456789012345678")


def test_an_amount_of_35_significant_digits_is_refused_rather_than_rounded() -> None:
    with pytest.raises(InvalidMoney, match="at most 34 significant digits"):
        parse_money(f"CNY {THIRTY_FOUR_DIGITS}5")


@pytest.mark.parametrize("number", [THIRTY_FOUR_DIGITS, "1e24", "9.99e24", "1e-12", "-1e24"])
def test_numbers_up_to_34_digits_between_1e_minus_12_and_1e25_are_storable(number: str) -> None:
    assert check_magnitude(Decimal(number), "a figure") == Decimal(number)


@pytest.mark.parametrize("number", [THIRTY_FOUR_DIGITS + "5", "1e25", "1e-13", "-1e25"])
def test_numbers_beyond_those_limits_are_refused_with_the_limits_stated(number: str) -> None:
    with pytest.raises(InvalidMoney) as caught:
        check_magnitude(Decimal(number), "a figure")
    assert str(caught.value) == ("a figure must have at most 34 significant digits and lie between 1e-12 and 1e25")


def test_zero_is_storable_whatever_its_exponent() -> None:
    assert check_magnitude(Decimal("0E-40"), "a figure") == 0


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity"])
def test_a_number_that_is_not_finite_is_refused_by_its_name(number: str) -> None:
    with pytest.raises(InvalidMoney, match=r"^a figure must be a finite number$"):
        check_magnitude(Decimal(number), "a figure")


def test_money_keeps_its_currency_as_the_enum_even_when_given_the_code() -> None:
    money = Money(Decimal(5), "CNY")  # type: ignore[arg-type]
    assert money.currency is Currency.CNY


@pytest.mark.parametrize("amount", [5, 1.5, "5"])
def test_money_takes_only_a_decimal_amount(amount: object) -> None:
    with pytest.raises(InvalidMoney, match=f"amount {amount!r} is not a finite decimal"):
        Money(amount, Currency.CNY)  # type: ignore[arg-type]


def test_money_refuses_an_amount_too_large_to_store_naming_it_an_amount() -> None:
    with pytest.raises(InvalidMoney, match=r"^an amount must have at most"):
        Money(Decimal("1e30"), Currency.CNY)


def test_money_in_an_unknown_currency_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(InvalidMoney, match="currency 'EUR' is not one of CNY, HKD, USD"):
        Money(Decimal(5), "EUR")  # type: ignore[arg-type]


def test_reading_money_from_something_other_than_text_says_what_it_got() -> None:
    with pytest.raises(InvalidMoney, match="got '5'"):
        parse_money(5)  # type: ignore[arg-type]


def test_a_refused_amount_is_quoted_as_given() -> None:
    with pytest.raises(InvalidMoney, match=r"^amount 'CNY 5 zillion': unknown scale 'zillion'$"):
        parse_money("CNY 5 zillion")


def test_a_long_refused_amount_is_quoted_cut_short() -> None:
    text = "CNY " + "1" * 80 + " zillion"
    with pytest.raises(InvalidMoney) as caught:
        parse_money(text)
    assert repr(text[:60] + "…") in str(caught.value)
    assert text not in str(caught.value)


def test_an_amount_too_large_is_refused_quoting_it() -> None:
    with pytest.raises(InvalidMoney, match=r"^amount 'CNY 1000000000000000000000000000000' must have"):
        parse_money("CNY 1" + "0" * 30)


def test_an_unknown_currency_code_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(InvalidMoney, match="currency 'EUR' is not one of CNY, HKD, USD"):
        parse_money("EUR 5")


def test_adding_money_keeps_every_digit_beyond_the_default_28():
    one = Money(Decimal("1234567890123456789.12345678901"), Currency.CNY)
    two = Money(Decimal("0.00000000001"), Currency.CNY)
    assert (one + two).amount == Decimal("1234567890123456789.12345678902")
