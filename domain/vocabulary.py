"""The controlled vocabulary: venues, market scopes, pipeline stages, fact kinds and sectors."""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TypeVar

from domain.errors import InvalidFact

T = TypeVar("T")  # a day: an ordinal, a date or its ISO text, whatever the caller compares


class Venue(StrEnum):
    """A board a company lists on (``CN-A`` where a source names no board)."""

    SSE_STAR = "SSE-STAR"
    SSE_MAIN = "SSE-MAIN"
    SZSE_CHINEXT = "SZSE-CHINEXT"
    SZSE_MAIN = "SZSE-MAIN"
    BSE = "BSE"
    CN_A = "CN-A"
    HKEX_MAIN = "HKEX-MAIN"
    HKEX_GEM = "HKEX-GEM"
    NASDAQ = "NASDAQ"
    NYSE = "NYSE"
    UNKNOWN = "UNKNOWN"  # a source says the company listed (went public) but names no board or exchange


class MarketGroup(StrEnum):
    """Subjects of market facts wider than one board."""

    SSE = "SSE"
    SZSE = "SZSE"
    HKEX = "HKEX"
    CN = "CN"
    GLOBAL = "GLOBAL"


MARKETS: tuple[str, ...] = tuple(Venue) + tuple(MarketGroup)


class Stage(StrEnum):
    """Where one (company, venue) attempt stands; the order is the pipeline's."""

    PREPARING = "preparing"
    GUIDANCE = "guidance"
    FILED = "filed"
    ACCEPTED = "accepted"
    INQUIRY = "inquiry"
    APPROVED = "approved"
    REGISTERED = "registered"
    LISTED = "listed"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"
    REJECTED = "rejected"
    LAPSED = "lapsed"
    DELISTED = "delisted"


PROGRESS_STAGES: tuple[Stage, ...] = tuple(Stage)[: tuple(Stage).index(Stage.LISTED) + 1]
EXIT_STAGES: frozenset[Stage] = frozenset(set(Stage) - set(PROGRESS_STAGES))


class FactKind(StrEnum):
    # Stage facts: the kind is the stage reported, plus the reversible suspension overlay.
    PREPARING = "preparing"
    GUIDANCE = "guidance"
    FILED = "filed"
    ACCEPTED = "accepted"
    INQUIRY = "inquiry"
    APPROVED = "approved"
    REGISTERED = "registered"
    LISTED = "listed"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"
    REJECTED = "rejected"
    LAPSED = "lapsed"
    DELISTED = "delisted"
    SUSPENDED = "suspended"
    RESUMED = "resumed"
    # Company facts.
    FUNDING_ROUND = "funding_round"
    VALUATION_REPORTED = "valuation_reported"
    FINANCIALS_REPORTED = "financials_reported"
    BLACKLISTED = "blacklisted"
    SUPPLY_CUT_OFF = "supply_cut_off"
    ACQUISITION_ANNOUNCED = "acquisition_announced"
    RESTRUCTURING = "restructuring"
    JOINED_GROWTH_TIER = "joined_growth_tier"
    LEFT_GROWTH_TIER = "left_growth_tier"
    U_MARK_REMOVED = "u_mark_removed"
    FIRST_PROFIT = "first_profit"
    FOLLOW_ON_OFFERING = "follow_on_offering"
    MILESTONE = "milestone"
    # Market facts.
    VENUE_LAUNCHED = "venue_launched"
    TIER_LAUNCHED = "tier_launched"
    LISTING_STANDARD_REINSTATED = "listing_standard_reinstated"
    LISTING_STANDARD_CHANGED = "listing_standard_changed"
    CHANNEL_LAUNCHED = "channel_launched"
    LISTING_RULE_ADOPTED = "listing_rule_adopted"
    POLICY_ANNOUNCED = "policy_announced"
    MARKET_STATISTIC = "market_statistic"


class Sector(StrEnum):
    """The house list of sectors (seeds/README.md). A company's sector stays free text, so a store written
    before this list, or a sector not yet on it, is still read; clients offer these words."""

    SEMICONDUCTORS = "semiconductors"
    AI = "ai"
    ROBOTICS = "robotics"
    BIOTECH = "biotech"
    MEDTECH = "medtech"
    ELECTRONICS = "electronics"
    MATERIALS = "materials"
    ENERGY = "energy"
    INTERNET = "internet"
    FINANCE = "finance"
    OTHER = "other"


class Category(StrEnum):
    STAGE = "stage"
    COMPANY = "company"
    MARKET = "market"


STAGE_KINDS: frozenset[FactKind] = frozenset(
    {FactKind(stage.value) for stage in Stage} | {FactKind.SUSPENDED, FactKind.RESUMED}
)
MARKET_KINDS: frozenset[FactKind] = frozenset(
    {
        FactKind.VENUE_LAUNCHED,
        FactKind.TIER_LAUNCHED,
        FactKind.LISTING_STANDARD_REINSTATED,
        FactKind.LISTING_STANDARD_CHANGED,
        FactKind.CHANNEL_LAUNCHED,
        FactKind.LISTING_RULE_ADOPTED,
        FactKind.POLICY_ANNOUNCED,
        FactKind.MARKET_STATISTIC,
    }
)
#: Company facts that only make sense on one board.
VENUE_KINDS: frozenset[FactKind] = frozenset(
    {FactKind.JOINED_GROWTH_TIER, FactKind.LEFT_GROWTH_TIER, FactKind.U_MARK_REMOVED}
)


def category_of(kind: FactKind) -> Category:
    if kind in STAGE_KINDS:
        return Category.STAGE
    if kind in MARKET_KINDS:
        return Category.MARKET
    return Category.COMPANY


#: Pipeline order of the stages: preparing first, exits last.
STAGE_RANK: dict[str, int] = {stage.value: rank for rank, stage in enumerate(Stage)}


def stage_rank(kind: str) -> int:
    """Pipeline order of a kind; kinds that are no stage (the suspension overlay, company facts) sort last."""
    return STAGE_RANK.get(kind, len(STAGE_RANK))


def fact_order(earliest: T, latest: T, kind: str, fact_id: str) -> tuple[T, T, int, str]:
    """The order of facts, which decides a stage when fuzzy bounds overlap: earliest bound, then latest
    bound, then pipeline order (a listing sorts after an acceptance on the same fuzzy date), then id."""
    return (earliest, latest, stage_rank(kind), fact_id)


def parse_kind(value: object) -> FactKind:
    if not isinstance(value, str):
        raise InvalidFact(f"kind {value!r} is not a known fact kind")
    try:
        return FactKind(value)
    except ValueError:
        raise InvalidFact(f"kind {value!r} is not a known fact kind") from None


#: What people call the venues, in English and Chinese, each mapped to its code (compared by ``venue_key``).
VENUE_NAMES: dict[str, Venue] = {
    "star": Venue.SSE_STAR,
    "star market": Venue.SSE_STAR,
    "sse star": Venue.SSE_STAR,
    "sse star market": Venue.SSE_STAR,
    "sci tech innovation board": Venue.SSE_STAR,
    "科创板": Venue.SSE_STAR,
    "上交所科创板": Venue.SSE_STAR,
    "sse main": Venue.SSE_MAIN,
    "sse main board": Venue.SSE_MAIN,
    "shanghai main board": Venue.SSE_MAIN,
    "上交所主板": Venue.SSE_MAIN,
    "沪市主板": Venue.SSE_MAIN,
    "chinext": Venue.SZSE_CHINEXT,
    "szse chinext": Venue.SZSE_CHINEXT,
    "创业板": Venue.SZSE_CHINEXT,
    "深交所创业板": Venue.SZSE_CHINEXT,
    "szse main": Venue.SZSE_MAIN,
    "szse main board": Venue.SZSE_MAIN,
    "shenzhen main board": Venue.SZSE_MAIN,
    "深交所主板": Venue.SZSE_MAIN,
    "深市主板": Venue.SZSE_MAIN,
    "bse": Venue.BSE,
    "beijing stock exchange": Venue.BSE,
    "北交所": Venue.BSE,
    "北京证券交易所": Venue.BSE,
    "cn a": Venue.CN_A,
    "a share": Venue.CN_A,
    "a shares": Venue.CN_A,
    "a股": Venue.CN_A,
    "hkex": Venue.HKEX_MAIN,
    "hkex main": Venue.HKEX_MAIN,
    "hkex main board": Venue.HKEX_MAIN,
    "hong kong main board": Venue.HKEX_MAIN,
    "港交所": Venue.HKEX_MAIN,
    "港交所主板": Venue.HKEX_MAIN,
    "港股主板": Venue.HKEX_MAIN,
    "hkex gem": Venue.HKEX_GEM,
    "gem": Venue.HKEX_GEM,
    "港交所创业板": Venue.HKEX_GEM,
    "nasdaq": Venue.NASDAQ,
    "纳斯达克": Venue.NASDAQ,
    "nyse": Venue.NYSE,
    "纽交所": Venue.NYSE,
}


def venue_key(text: str) -> str:
    """A venue's name compared loosely: width, case, and dashes, underscores and spaces alike."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().replace("-", " ").replace("_", " ").split())


def venue_named(text: str) -> Venue | None:
    """The venue a code or a name people use means (``STAR``, ``科创板``, ``sse-star``), or None."""
    key = venue_key(text)
    for venue in Venue:
        if venue_key(venue.value) == key:
            return venue
    return VENUE_NAMES.get(key)


def parse_venue(value: object) -> Venue:
    if not isinstance(value, str):
        raise InvalidFact(f"venue {value!r} is not one of {', '.join(Venue)}")
    try:
        return Venue(value)
    except ValueError:
        raise InvalidFact(f"venue {value!r} is not one of {', '.join(Venue)}") from None


def parse_market(value: object) -> str:
    if value not in MARKETS:
        raise InvalidFact(f"market {value!r} is not one of {', '.join(MARKETS)}")
    return str(value)
