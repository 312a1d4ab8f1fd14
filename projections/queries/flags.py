"""Company flags as of a day, from its facts: the one home of each flag's rule."""

from __future__ import annotations

from decimal import Decimal

from domain.money import Money
from domain.vocabulary import FactKind
from projections.queries.answers import Fact, Flag, Flags, FundingTotal, Valuation


def flags_of(facts: list[Fact]) -> Flags:
    """Flags from a company's facts as of a day (facts arrive in fact order: the last one decides)."""

    def latest_of(*kinds: FactKind) -> Fact | None:
        found = [f for f in facts if f["kind"] in {k.value for k in kinds}]
        return found[-1] if found else None

    tier = latest_of(FactKind.JOINED_GROWTH_TIER, FactKind.LEFT_GROWTH_TIER)
    return {
        "blacklisted": _flag(latest_of(FactKind.BLACKLISTED), True),
        "growth_tier": _flag(tier, tier is not None and tier["kind"] == FactKind.JOINED_GROWTH_TIER.value),
        "u_mark_removed": _flag(latest_of(FactKind.U_MARK_REMOVED), True),
        "profitable": _flag(latest_of(FactKind.FIRST_PROFIT), True),
        "funding_raised": funding_raised(facts),
        "latest_valuation": latest_valuation(facts),
    }


def _flag(fact: Fact | None, truth: bool) -> Flag:
    if fact is None:
        return {"value": False, "certain": True, "since": None}
    return {"value": truth, "certain": fact.get("certain", True), "since": fact["date"], "fact_id": fact["fact_id"]}


def funding_raised(facts: list[Fact]) -> dict[str, FundingTotal]:
    """Funding rounds summed per currency through Money, which adds only within a currency: never converted."""
    totals: dict[str, Money] = {}
    funding: dict[str, FundingTotal] = {}
    for fact in facts:
        amount = fact["fields"].get("amount") if fact["kind"] == FactKind.FUNDING_ROUND.value else None
        if not amount:
            continue
        money = Money(Decimal(amount["amount"]), amount["currency"])
        totals[money.currency] = totals[money.currency] + money if money.currency in totals else money
        total = funding.setdefault(money.currency, {"amount": "0", "rounds": 0, "certain": True})
        total["amount"] = str(totals[money.currency].amount)
        total["rounds"] += fact["fields"].get("rounds", 1)
        total["certain"] = total["certain"] and fact.get("certain", True)
    return funding


def latest_valuation(facts: list[Fact]) -> Valuation | None:
    """The newest valuation in fact order, reported alone or with a funding round."""
    valued = [
        f
        for f in facts
        if f["kind"] in (FactKind.VALUATION_REPORTED.value, FactKind.FUNDING_ROUND.value) and "valuation" in f["fields"]
    ]
    if not valued:
        return None
    fact = valued[-1]
    return {
        "valuation": fact["fields"]["valuation"],
        "date": fact["date"],
        "certain": fact.get("certain", True),
        "fact_id": fact["fact_id"],
    }
