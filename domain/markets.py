"""Markets: venues and wider scopes that market-wide facts are about."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.vocabulary import parse_market

MARKET_NAMESPACE = uuid5(NAMESPACE_URL, "hardtech-timeline:market")


def market_id_for(code: str) -> UUID:
    return uuid5(MARKET_NAMESPACE, parse_market(code))


class Market(Aggregate):
    """A venue (``SSE-STAR``) or a wider scope (``HKEX``, ``CN``); it lists its facts."""

    @staticmethod
    def create_id(code: str) -> UUID:
        return market_id_for(code)

    @event("Opened")
    def __init__(self, code: str) -> None:
        self.code = parse_market(code)
        self.fact_ids: list[UUID] = []

    @event("FactAttached")
    def attach_fact(self, fact_id: UUID) -> None:
        self.fact_ids.append(fact_id)
