"""A company as of a day: its names, codes, venues, flags and facts; and the company search."""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from projections.queries.answers.common import Day, LogPoint, Source, VenueState
from projections.queries.answers.facts import Fact, FactWithHistory


class Flag(TypedDict):
    value: bool
    certain: bool
    since: str | None
    fact_id: NotRequired[str]


class Money(TypedDict):
    amount: str  # exact decimal as text
    currency: str


class FundingTotal(TypedDict):
    amount: str  # the sum of the rounds in this currency, never converted
    rounds: int
    certain: bool


class Valuation(TypedDict):
    valuation: Money
    date: str
    certain: bool
    fact_id: str


class Flags(TypedDict):
    blacklisted: Flag
    growth_tier: Flag
    u_mark_removed: Flag
    profitable: Flag
    funding_raised: dict[str, FundingTotal]  # currency -> total
    latest_valuation: Valuation | None


class NameUse(TypedDict):
    name: str
    source: Source | None  # null: given when the company was registered


class RetiredName(TypedDict):
    name: str  # as the retirement gave it
    names: list[str]  # every spelling (or key) of it the company stopped answering to
    reason: str
    sources: list[Source]
    position: int
    recorded_at: str


class StockCode(TypedDict):
    venue: str
    code: str


class CompanyRecord(TypedDict):
    company_id: str
    key: str
    name: str
    aliases: list[str]
    sector: str | None


class Company(CompanyRecord):
    names: list[NameUse]
    retired_names: list[RetiredName]
    codes: list[StockCode]
    as_of: Day
    venues: list[VenueState]
    flags: Flags
    facts: list[Fact]
    retracted: list[FactWithHistory]
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)


# "from" is a Python keyword: these answers use the functional form.
class SearchHit(TypedDict):
    company_id: str
    name: str
    matched: str  # the name or code that matched
    why: str
    score: float


class Search(TypedDict):
    query: str
    results: list[SearchHit]
    basis: NotRequired[LogPoint]  # the log position the answer reflects (every HTTP read answer has it)
