"""Money: an exact amount in one of the currencies the sources use. Never converted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from domain.errors import InvalidMoney


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
        try:
            object.__setattr__(self, "currency", Currency(self.currency))
        except ValueError:
            raise InvalidMoney(f"currency {self.currency!r} is not one of {', '.join(Currency)}") from None

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise InvalidMoney(f"cannot add {other.currency} to {self.currency} without a stated rate")
        return Money(self.amount + other.amount, self.currency)

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:f}"


def parse_money(text: str) -> Money:
    """Read ``"CNY 4.2 billion"`` or ``"USD 67000000"``; raise InvalidMoney quoting the input."""
    if not isinstance(text, str):
        raise InvalidMoney(f"amount must be text like 'CNY 4.2 billion', got {text!r}")
    m = re.fullmatch(r"\s*([A-Za-z]{3})\s+([-+]?[\d,]*\.?\d+)\s*([a-z]*)\s*", text)
    if m is None:
        raise InvalidMoney(f"amount {text!r} is not of the form '<CURRENCY> <number> [million|billion...]'")
    code, number, scale = m[1].upper(), m[2].replace(",", ""), m[3].lower()
    if scale not in _SCALES:
        raise InvalidMoney(f"amount {text!r}: unknown scale {scale!r}")
    try:
        amount = Decimal(number) * _SCALES[scale]
    except InvalidOperation:
        raise InvalidMoney(f"amount {text!r}: {number!r} is not a number") from None
    if code not in Currency.__members__:
        raise InvalidMoney(f"amount {text!r}: currency {code!r} is not one of {', '.join(Currency)}")
    if amount == amount.to_integral_value():
        amount = Decimal(int(amount))
    return Money(amount, Currency(code))
