"""Kind-specific fields of facts: one frozen dataclass per family of kinds, validated.

``IDENTITY`` names the fields that tell two facts of the same kind, subject, venue and date
apart (two market statistics of one day differ by metric); the fact id derives from them.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from domain.errors import DomainError, InvalidFact
from domain.money import Money, check_magnitude, parse_money
from domain.text import check_text
from domain.vocabulary import STAGE_KINDS, FactKind

MAX_TEXT_CHARS = 2000
MAX_COUNT = 2**63 - 1  # counts are stored as signed 64-bit integers
_FREE_TEXT = (".note", ".description")  # long prose may keep newlines and tabs


@dataclass(frozen=True)
class FactFields:
    IDENTITY: ClassVar[tuple[str, ...]] = ()

    def identity(self) -> str:
        return "|".join(str(getattr(self, name) or "") for name in self.IDENTITY)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for the stated fields only (None means the source did not say)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) is not None}


@dataclass(frozen=True)
class StageFields(FactFields):
    listing_rule: str | None = None
    amount_sought: Money | None = None
    regulator: str | None = None
    market_cap: Money | None = None
    stock_code: str | None = None  # as the exchange writes it: 688795 (SSE), 06082 (HKEX)
    issue_price: Money | None = None
    amount_raised: Money | None = None
    note: str | None = None


@dataclass(frozen=True)
class FundingRoundFields(FactFields):
    IDENTITY = ("round", "amount")
    round: str | None = None
    amount: Money | None = None
    amount_max: Money | None = None
    rounds: int | None = None
    investors: list[str] | None = None
    lead_investors: list[str] | None = None
    valuation: Money | None = None
    note: str | None = None


@dataclass(frozen=True)
class ValuationFields(FactFields):
    IDENTITY = ("valuation",)
    valuation: Money
    basis: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class FinancialsFields(FactFields):
    IDENTITY = ("period",)
    period: str
    metrics: dict[str, Money] | None = None
    growth_pct: dict[str, Decimal] | None = None
    note: str | None = None


@dataclass(frozen=True)
class BlacklistingFields(FactFields):
    IDENTITY = ("authority",)
    authority: str
    list_name: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SupplyCutOffFields(FactFields):
    IDENTITY = ("supplier",)
    supplier: str
    description: str | None = None


@dataclass(frozen=True)
class AcquisitionFields(FactFields):
    IDENTITY = ("target",)
    target: str
    stake_pct: Decimal | None = None
    value: Money | None = None
    backdoor: bool | None = None
    description: str | None = None


@dataclass(frozen=True)
class DescriptionFields(FactFields):
    IDENTITY = ("description",)
    description: str


@dataclass(frozen=True)
class TierFields(FactFields):
    tier: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class NoteFields(FactFields):
    note: str | None = None


@dataclass(frozen=True)
class FirstProfitFields(FactFields):
    period: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class FollowOnFields(FactFields):
    IDENTITY = ("amount",)
    amount: Money | None = None
    investors_count: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class MilestoneFields(FactFields):
    IDENTITY = ("product", "description")
    description: str
    product: str | None = None


@dataclass(frozen=True)
class VenueLaunchFields(FactFields):
    description: str | None = None


@dataclass(frozen=True)
class TierLaunchFields(FactFields):
    IDENTITY = ("tier",)
    tier: str
    inaugural_count: int | None = None
    description: str | None = None


@dataclass(frozen=True)
class ListingStandardFields(FactFields):
    IDENTITY = ("standard",)
    standard: str
    description: str | None = None


@dataclass(frozen=True)
class ChannelFields(FactFields):
    IDENTITY = ("channel",)
    channel: str
    description: str | None = None


@dataclass(frozen=True)
class ListingRuleFields(FactFields):
    IDENTITY = ("rule",)
    rule: str
    description: str | None = None


@dataclass(frozen=True)
class PolicyFields(FactFields):
    IDENTITY = ("title",)
    title: str
    description: str | None = None


@dataclass(frozen=True)
class MarketStatisticFields(FactFields):
    IDENTITY = ("metric", "period")
    metric: str
    value: Decimal | None = None
    value_max: Decimal | None = None  # upper end of a range the source states ("70-120"); value is the lower
    unit: str | None = None
    amount: Money | None = None
    amount_max: Money | None = None
    period: str | None = None
    qualifier: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.value is None and self.amount is None:
            raise InvalidFact(f"metric {self.metric!r} needs a value or an amount")
        if self.value is not None and not self.unit:
            raise InvalidFact(f"metric {self.metric!r}: field 'unit' is required with 'value'")
        if self.value_max is not None and (self.value is None or self.value_max < self.value):
            raise InvalidFact(f"metric {self.metric!r}: 'value_max' needs a 'value' no larger than it")
        if self.amount_max is not None and (
            self.amount is None
            or self.amount_max.currency != self.amount.currency
            or self.amount_max.amount < self.amount.amount
        ):
            raise InvalidFact(f"metric {self.metric!r}: 'amount_max' needs an 'amount' in its currency, no larger")


_COMPANY_AND_MARKET_FIELDS: dict[FactKind, type[FactFields]] = {
    FactKind.FUNDING_ROUND: FundingRoundFields,
    FactKind.VALUATION_REPORTED: ValuationFields,
    FactKind.FINANCIALS_REPORTED: FinancialsFields,
    FactKind.BLACKLISTED: BlacklistingFields,
    FactKind.SUPPLY_CUT_OFF: SupplyCutOffFields,
    FactKind.ACQUISITION_ANNOUNCED: AcquisitionFields,
    FactKind.RESTRUCTURING: DescriptionFields,
    FactKind.JOINED_GROWTH_TIER: TierFields,
    FactKind.LEFT_GROWTH_TIER: TierFields,
    FactKind.U_MARK_REMOVED: NoteFields,
    FactKind.FIRST_PROFIT: FirstProfitFields,
    FactKind.FOLLOW_ON_OFFERING: FollowOnFields,
    FactKind.MILESTONE: MilestoneFields,
    FactKind.VENUE_LAUNCHED: VenueLaunchFields,
    FactKind.TIER_LAUNCHED: TierLaunchFields,
    FactKind.LISTING_STANDARD_REINSTATED: ListingStandardFields,
    FactKind.LISTING_STANDARD_CHANGED: ListingStandardFields,
    FactKind.CHANNEL_LAUNCHED: ChannelFields,
    FactKind.LISTING_RULE_ADOPTED: ListingRuleFields,
    FactKind.POLICY_ANNOUNCED: PolicyFields,
    FactKind.MARKET_STATISTIC: MarketStatisticFields,
}
FIELDS_BY_KIND: dict[FactKind, type[FactFields]] = {
    **dict.fromkeys(STAGE_KINDS, StageFields),
    **_COMPANY_AND_MARKET_FIELDS,
}
FIELD_CLASSES: dict[str, type[FactFields]] = {cls.__name__: cls for cls in set(FIELDS_BY_KIND.values())}


def build_fields(kind: FactKind, raw: Mapping[str, Any] | None) -> FactFields:
    """Validate ``raw`` against the kind's fields; errors name the kind and the field."""
    cls = FIELDS_BY_KIND[kind]
    raw = dict(raw or {})
    hints = _hints(cls)
    unknown = sorted(set(raw) - set(hints))
    if unknown:
        raise InvalidFact(f"{kind}: unknown field {unknown[0]!r}; {kind} takes {', '.join(sorted(hints))}")
    values: dict[str, Any] = {}
    for name, hint in hints.items():
        value = raw.get(name)
        if value is None:
            if name in _required(cls):
                raise InvalidFact(f"{kind}: field {name!r} is required")
            continue
        values[name] = _coerce(f"{kind}.{name}", value, hint)
    try:
        return cls(**values)
    except DomainError as error:
        raise InvalidFact(f"{kind}: {error}") from None


def changed_fields(kind: FactKind, current: FactFields, changes: Mapping[str, Any]) -> FactFields:
    """The fields after a correction: given names replaced, ``None`` clears a field."""
    return build_fields(kind, {**current.as_dict(), **changes})


def _hints(cls: type[FactFields]) -> dict[str, Any]:
    return _HINTS[cls.__name__]


def _required(cls: type[FactFields]) -> frozenset[str]:
    return _REQUIRED[cls.__name__]


_HINTS: dict[str, dict[str, Any]] = {
    name: {f.name: typing.get_type_hints(cls)[f.name] for f in dataclasses.fields(cls)}
    for name, cls in FIELD_CLASSES.items()
}
_REQUIRED: dict[str, frozenset[str]] = {
    name: frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    for name, cls in FIELD_CLASSES.items()
}


def _coerce(path: str, value: Any, hint: Any) -> Any:
    args = typing.get_args(hint)
    if args and type(None) in args:
        (hint,) = [arg for arg in args if arg is not type(None)]
        args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise InvalidFact(f"field {path!r} must be a list")
        return [_coerce(f"{path}[{i}]", item, args[0]) for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, Mapping):
            raise InvalidFact(f"field {path!r} must be a mapping")
        return {_coerce(f"{path} key", k, str): _coerce(f"{path}.{k}", v, args[1]) for k, v in value.items()}
    if hint is str:
        if not isinstance(value, str) or not value.strip():
            raise InvalidFact(f"field {path!r} must be non-empty text")
        if len(value) > MAX_TEXT_CHARS:
            raise InvalidFact(f"field {path!r} is longer than {MAX_TEXT_CHARS} characters")
        return check_text(value, f"field {path!r}", multiline=path.endswith(_FREE_TEXT)).strip()
    if hint is bool:
        if not isinstance(value, bool):
            raise InvalidFact(f"field {path!r} must be true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            raise InvalidFact(f"field {path!r} must be a whole number from 0 to {MAX_COUNT}")
        return value
    if hint is Decimal:
        return _decimal(path, value)
    if hint is Money:
        if isinstance(value, Money):
            return value
        try:
            return parse_money(value)
        except DomainError as error:
            raise InvalidFact(f"field {path!r}: {error}") from None
    raise TypeError(f"no coercion for {hint!r}")  # pragma: no cover - a programming error


def _decimal(path: str, value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise InvalidFact(f"field {path!r} must be a number")
    if isinstance(value, int) and value.bit_length() > 128:  # too long even to turn into text safely
        raise InvalidFact(f"field {path!r}: an integer of {value.bit_length()} bits is too large")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidFact(f"field {path!r}: {str(value)[:40]!r} is not a number") from None
    try:
        return check_magnitude(number, f"field {path!r}")
    except DomainError as error:
        raise InvalidFact(str(error)) from None
