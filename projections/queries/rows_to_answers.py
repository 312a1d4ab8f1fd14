"""Rows into answers: the one place each stored column becomes a field of an answer."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import orjson

from domain.dates.freshness import days_since, is_stale, newest
from domain.dates.fuzzy_dates import FuzzyDate
from projections.clocks import Clocks
from projections.queries.answers import CompanyRecord, DaySpan, Fact, Freshness

#: The columns ``fact`` reads, in its order (fact versions as ``v``, companies ``c``, markets ``m``).
FACT_COLUMNS = """v.fact_id, v.subject_type, v.subject_id, v.kind, v.venue, v.date_text, v.date_raw, v.earliest,
    v.latest, v.fields, v.sources, v.summary, v.published, c.name, m.code"""
#: The joins that name a fact's subject.
FACT_SUBJECTS = """LEFT JOIN rm_companies c ON c.company_id = v.subject_id
    LEFT JOIN rm_markets m ON m.market_id = v.subject_id"""
#: The columns ``company`` reads (companies as ``c``).
COMPANY_COLUMNS = "c.company_id, c.key, c.name, c.aliases, c.sector"


# Every entry of every page writes its days as text again, and the days are few (a few thousand distinct in a
# store): each written once.
@lru_cache(maxsize=65536)
def day_text(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def day_span(text: str, earliest: int, latest: int) -> DaySpan:
    return {"text": text, "earliest": day_text(earliest), "latest": day_text(latest)}


def fact(row: Any, day: int | None) -> Fact:
    """A fact version; asked as of a day, it says whether it certainly happened by then."""
    (
        fact_id,
        subject_type,
        subject_id,
        kind,
        venue,
        text,
        raw,
        earliest,
        latest,
        fields,
        sources,
        summary,
        published,
        company,
        market,
    ) = row
    answer: Fact = {
        "fact_id": fact_id,
        "kind": kind,
        "subject_type": subject_type,
        "company_id": subject_id if subject_type == "company" else None,
        "company": company,
        "market": market,
        "venue": venue,
        "date": text,
        "date_raw": raw,
        "earliest": day_text(earliest),
        "latest": day_text(latest),
        "fields": orjson.loads(fields),
        "summary": summary,
        "sources": orjson.loads(sources),
        "public_from": day_text(published),
    }
    if day is not None:
        answer["certain"] = latest <= day
    return answer


def company(row: Any) -> CompanyRecord:
    company_id, key, name, aliases, sector = row
    return {"company_id": company_id, "key": key, "name": name, "aliases": orjson.loads(aliases), "sector": sector}


# Each entry of a page reads its sources' publication dates, and the same entries come back whatever the day
# asked: the newest is found once per distinct sources column and publication day (each column a few kB at
# most, so a few MB in all at most).
@lru_cache(maxsize=4096)
def newest_reported(sources_json: str, published_by: date | None) -> FuzzyDate | None:
    """The publication date of the newest source in a ``sources`` column, among those public by ``published_by``."""
    published = [
        FuzzyDate(p["text"], date.fromisoformat(p["earliest"]), date.fromisoformat(p["latest"]), p["raw"])
        for p in (source["published"] for source in orjson.loads(sources_json))
    ]
    return newest(published, FuzzyDate.day(published_by) if published_by else None)


def freshness(sources_json: str, clocks: Clocks, as_of: FuzzyDate | None = None) -> Freshness:
    """``last_reported``: when the newest source behind the state was published (as public by
    ``published_by``), how many days before ``as_of`` that was, and whether that is stale. A page passes its
    ``as_of`` as a fuzzy day, made once for all its entries."""
    as_of = as_of or FuzzyDate.day(clocks.as_of)
    reported = newest_reported(sources_json, clocks.published_by)
    return {
        "last_reported": None if reported is None else _reported_span(reported).copy(),
        "days_since_reported": days_since(as_of, reported) if reported else None,
        "stale": is_stale(as_of, reported),
    }


@lru_cache(maxsize=4096)
def _reported_span(reported: FuzzyDate) -> DaySpan:
    """A publication date as an answer writes it (copied by each answer that shows it)."""
    return {"text": reported.text, "earliest": reported.earliest.isoformat(), "latest": reported.latest.isoformat()}
