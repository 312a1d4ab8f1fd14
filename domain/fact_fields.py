"""Kind-specific fields of facts: one frozen dataclass per family of kinds, validated.

``IDENTITY`` names the fields that tell two facts of the same kind, subject, venue and date
apart (two market statistics of one day differ by metric); the fact id derives from them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from domain.errors import InvalidFact
from domain.money import Money
from domain.vocabulary import STAGE_KINDS, FactKind


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
    # The application's details as an exchange's list gives them (ingest/): who brings it and where it is from.
    application_no: str | None = None
    sponsor: str | None = None
    law_firm: str | None = None
    auditor: str | None = None
    province: str | None = None
    industry: str | None = None


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
