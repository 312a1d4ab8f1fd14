"""Money: an exact amount in one of the currencies the sources use. Never converted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from enum import StrEnum

from domain.errors import InvalidMoney

MAX_DIGITS = 34  # IEEE decimal128's precision: any stored number fits a decimal column everywhere
MAX_ADJUSTED_EXPONENT = 24  # up to 10^25: beyond any amount or figure the sources could state
MIN_ADJUSTED_EXPONENT = -12


def check_magnitude(number: Decimal, what: str) -> Decimal:
    """``number`` unchanged if its size and precision are storable and printable, else InvalidMoney."""
    if not number.is_finite():
        raise InvalidMoney(f"{what} must be a finite number")
    if number.is_zero():
        return number
    digits = len(number.as_tuple().digits)
    if digits > MAX_DIGITS or not MIN_ADJUSTED_EXPONENT <= number.adjusted() <= MAX_ADJUSTED_EXPONENT:
        raise InvalidMoney(
            f"{what} must have at most {MAX_DIGITS} significant digits and lie between "
            f"1e{MIN_ADJUSTED_EXPONENT} and 1e{MAX_ADJUSTED_EXPONENT + 1}"
        )
    return number


class Currency(StrEnum):
    CNY = "CNY"
    HKD = "HKD"
    USD = "USD"


_SCALES = {
    "": Decimal(1),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: Currency

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise InvalidMoney(f"amount {self.amount!r} is not a finite decimal")
        check_magnitude(self.amount, "an amount")
        try:
            object.__setattr__(self, "currency", Currency(self.currency))
        except ValueError:
            raise InvalidMoney(f"currency {self.currency!r} is not one of {', '.join(Currency)}") from None

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise InvalidMoney(f"cannot add {other.currency} to {self.currency} without a stated rate")
        with localcontext() as context:
            # Exact: two amounts of at most MAX_DIGITS digits below 1e25 never need more than this;
            # the default 28 digits would round a sum silently.
            context.prec = 2 * MAX_DIGITS
            return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:f}"


def parse_money(text: str) -> Money:
    """Read ``"CNY 4.2 billion"`` or ``"USD 67000000"``; raise InvalidMoney quoting the input."""
    if not isinstance(text, str):
        raise InvalidMoney(f"amount must be text like 'CNY 4.2 billion', got {str(text)[:60]!r}")
    shown = text if len(text) <= 60 else text[:60] + "…"
    m = re.fullmatch(r"\s*([A-Za-z]{3})\s+([-+]?[\d,]*\.?\d+)\s*([a-z]*)\s*", text)
    if m is None:
        raise InvalidMoney(f"amount {shown!r} is not of the form '<CURRENCY> <number> [million|billion...]'")
    code, number, scale = m[1].upper(), m[2].replace(",", ""), m[3].lower()
    if scale not in _SCALES:
        raise InvalidMoney(f"amount {shown!r}: unknown scale {scale!r}")
    try:
        # Scaled at the precision we store (the default context's 28 digits would round silently),
        # and a digit that rounding would lose is refused: an amount is kept exactly or not at all.
        with localcontext() as context:
            context.prec = MAX_DIGITS
            context.traps[Inexact] = True
            amount = check_magnitude(Decimal(number) * _SCALES[scale], f"amount {shown!r}")
    except Inexact:
        raise InvalidMoney(f"amount {shown!r} must have at most {MAX_DIGITS} significant digits") from None
    except InvalidOperation:
        raise InvalidMoney(f"amount {shown!r}: {number[:40]!r} is not a number") from None
    if code not in Currency.__members__:
        raise InvalidMoney(f"amount {shown!r}: currency {code!r} is not one of {', '.join(Currency)}")
    if amount == amount.to_integral_value():
        amount = Decimal(int(amount))
    return Money(amount, Currency(code))
