"""Finding companies the way people write them: keys that fold what does not tell companies apart,
stock codes in their usual spellings, and ranked suggestions for partial or misspelled queries.

Writes claim every name under ``match_key`` too (name_identity.py, application/name_claims.py), so
that no key here ever fits two companies: changing it leaves the claims stored under the old keys,
which must then be taken again. ``domain.names`` keeps the strict spelling that names the ids of the
spelling claims, and never changes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import opencc
from rapidfuzz import fuzz, process

# Legal forms, longest first so "co., ltd." goes before "co."; matched as whole words at the end.
_EN_SUFFIXES = (
    "company limited",
    "co ltd",
    "corp ltd",
    "group limited",
    "group co ltd",
    "holdings limited",
    "holdings",
    "limited",
    "ltd",
    "corporation",
    "corp",
    "incorporated",
    "inc",
    "company",
    "co",
    "group",
    "plc",
    "llc",
    "sa",
    "ag",
)
_ZH_SUFFIXES = ("集团股份有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "有限公司", "集团", "公司")
#: Words that describe rather than name: a query may leave them out ("Zhaoxin" for Shanghai Zhaoxin
#: Semiconductor). Only used to compare what is left, never to build a company's identity.
_GENERIC = frozenset(
    (
        "shanghai",
        "beijing",
        "shenzhen",
        "wuhan",
        "sichuan",
        "hangzhou",
        "suzhou",
        "hong",
        "kong",
        "china",
        "chinese",
        "technology",
        "technologies",
        "tech",
        "intelligent",
        "intelligence",
        "semiconductor",
        "semiconductors",
        "electronics",
        "robotics",
        "robot",
        "pharmaceutical",
        "pharmaceuticals",
        "pharma",
        "biotechnology",
        "biotech",
        "bio",
        "medical",
        "medtech",
        "memory",
        "materials",
        "advanced",
        "science",
        "sciences",
        "international",
        "global",
        "ai",
        "the",
        "and",
        "of",
    )
)
_PUNCTUATION = re.compile(r"[\s\-_.,;:'’\"“”()\[\]{}·・、，。（）/&+]+")
_CODE = re.compile(r"^(?:(SH|SS|SZ|BJ|HK)\s*)?0*([0-9]{1,6})(?:\s*\.\s*(SH|SS|SZ|BJ|HK))?$", re.IGNORECASE)
EXCHANGES = {"SSE": "SH", "SZSE": "SZ", "BSE": "BJ", "HKEX": "HK"}


@functools.cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# Every company question folds the name it was asked by (~50 µs, most of it OpenCC): kept for the names asked
# most, bounded, as any client may ask by any text (at most 4,096 keys of at most a few hundred bytes each).
@functools.lru_cache(maxsize=4096)
def match_key(name: str) -> str:
    """Case, width, traditional or simplified characters, punctuation, spacing and legal form do not
    tell two names apart: "Shanghai Zhaoxin Semiconductor Co., Ltd." = "shanghai zhaoxin semiconductor"."""
    folded = _to_simplified().convert(unicodedata.normalize("NFKC", name).casefold())
    folded = _PUNCTUATION.sub(" ", folded).strip()
    changed = True
    while changed and folded:
        changed = False
        for suffix in _ZH_SUFFIXES:
            if folded.endswith(suffix) and len(folded) > len(suffix):
                folded, changed = folded[: -len(suffix)].strip(), True
        for suffix in _EN_SUFFIXES:
            if folded.endswith(" " + suffix):
                folded, changed = folded[: -len(suffix) - 1].strip(), True
    return folded


def core_words(key: str) -> frozenset[str]:
    """The words of a match key that name rather than describe (for partial names)."""
    return frozenset(word for word in key.split() if word not in _GENERIC)


@dataclass(frozen=True)
class StockCode:
    """A code as typed: digits without leading zeros, and the exchange when the spelling says it."""

    digits: str
    exchange: str | None


def parse_code(text: str) -> StockCode | None:
    """688795, 688795.SH, SH688795, 6082.HK, 06082.HK ... or None when ``text`` is not a code."""
    found = _CODE.match(text.strip())
    if found is None:
        return None
    exchange = (found.group(1) or found.group(3) or "").upper() or None
    return StockCode(found.group(2).lstrip("0") or "0", "SH" if exchange == "SS" else exchange)


def exchange_of(venue: str) -> str | None:
    return EXCHANGES.get(venue.split("-", maxsplit=1)[0])


@dataclass(frozen=True)
class NameRow:
    company_id: str
    name: str
    key: str


@dataclass(frozen=True)
class Candidate:
    company_id: str
    name: str  # the company's name that matched
    why: str
    score: float


def sharing_words(query: str, rows: Iterable[NameRow]) -> list[Candidate]:
    """Companies a shortened name surely means: every distinctive word of the query is in one of the
    company's names ("Zhaoxin" in "Shanghai Zhaoxin Semiconductor"). More than one company is an
    ambiguity for the caller to report; the same name is looked up by its key before this."""
    words = core_words(match_key(query))
    if not words:
        return []
    partial: dict[str, Candidate] = {}
    for row in rows:
        if words <= core_words(row.key):
            partial.setdefault(row.company_id, Candidate(row.company_id, row.name, "every distinctive word", 95.0))
    return list(partial.values())


def ranked(query: str, rows: Iterable[NameRow], limit: int = 10) -> list[Candidate]:
    """Best first: the same name, then names starting with the query, then shared distinctive words,
    then close spellings (rapidfuzz), each company once under its best-matching name."""
    key = match_key(query)
    if not key:
        return []
    rows = list(rows)
    best: dict[str, Candidate] = {}

    def offer(candidate: Candidate) -> None:
        known = best.get(candidate.company_id)
        if known is None or candidate.score > known.score:
            best[candidate.company_id] = candidate

    words = core_words(key)
    for row in rows:
        if row.key == key:
            offer(Candidate(row.company_id, row.name, "same name", 100.0))
        elif row.key.startswith(key):
            offer(Candidate(row.company_id, row.name, "name starts so", 90.0 + 5.0 * len(key) / len(row.key)))
        elif words and words <= core_words(row.key):
            offer(Candidate(row.company_id, row.name, "every distinctive word", 85.0))
    keys = [row.key for row in rows]
    for _, score, index in process.extract(key, keys, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60):
        row = rows[index]
        offer(Candidate(row.company_id, row.name, "similar spelling", round(min(float(score), 84.0), 1)))
    return sorted(best.values(), key=lambda c: (-c.score, c.name))[:limit]
