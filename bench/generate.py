"""A deterministic synthetic pipeline: companies with realistic lifecycles across venues.

Each company has an English and a Chinese name, a sector, one or two listing attempts (STAR,
ChiNext, BSE or HKEX; some exit and re-file, some list in Hong Kong after Shanghai: A+H),
0-3 funding rounds, and there are monthly market statistics. About 30% of dates are fuzzy
(month, quarter, early/mid/late, year); about 2% of facts are corrected or retracted later.
The same seed and size always give the same facts in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from domain.dates.date_parsing import parse_date
from domain.sources import Source

SIZES = {"tiny": 600, "S": 10_000, "M": 100_000, "L": 1_000_000}
PROGRESS = ["preparing", "guidance", "filed", "accepted", "inquiry", "approved", "registered", "listed"]
HK_PROGRESS = ["preparing", "filed", "approved", "listed"]
EXITS = ["withdrawn", "terminated", "rejected"]
SECTORS = ["semiconductors", "ai", "robotics", "biotech", "medtech", "materials", "energy"]
START, END = date(2019, 1, 1), date(2026, 6, 30)
EVENTS_PER_FACT = 2  # Fact.Recorded and the subject's FactAttached
# Registered, and each of its three names (key, name, alias) claimed by spelling and by identity (read
# key and two look-alike skeletons: application/name_claims.py)
EVENTS_PER_COMPANY = 13


@dataclass(frozen=True)
class Company:
    key: str
    name: str
    aliases: tuple[str, ...]
    sector: str


@dataclass
class Plan:
    companies: list[Company]
    facts: list[dict[str, Any]]
    revisions: list[tuple[int, str, dict[str, Any]]]  # (index of the fact, "correct" | "retract", arguments)

    @property
    def events(self) -> int:
        return len(self.companies) * EVENTS_PER_COMPANY + len(self.facts) * EVENTS_PER_FACT + len(self.revisions)


def fuzzy(rng: random.Random, day: date) -> str:
    """The exact day 70% of the time, else a vaguer form that contains it."""
    roll = rng.random()
    if roll < 0.70:
        return day.isoformat()
    if roll < 0.80:
        return f"{day:%Y-%m}"
    if roll < 0.88:
        return f"{'early' if day.day <= 10 else 'mid' if day.day <= 20 else 'late'} {day:%Y-%m}"
    if roll < 0.96:
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def source(rng: random.Random, n: int, day: date) -> Source:
    published = min(day + timedelta(days=rng.randrange(0, 40)), END)
    return Source(f"synthetic/{n}.txt", parse_date(published.isoformat()), f"synthetic report {n}")


def plan(size: str | int, seed: int = 2026) -> Plan:
    """Facts until the log would hold ``size`` events."""
    target = SIZES[size] if isinstance(size, str) else size
    rng = random.Random(seed)
    companies: list[Company] = []
    facts: list[dict[str, Any]] = []
    n = 0

    def add(company: Company | None, kind: str, day: date, venue: str | None = None, **fields: Any) -> None:
        nonlocal n
        item: dict[str, Any] = {
            "kind": kind,
            "date": fuzzy(rng, day),
            "sources": [source(rng, n, day)],
            "fields": fields,
        }
        if company is None:
            item["market"] = venue
        else:
            item["company"] = company.key
            item["venue"] = venue
        facts.append(item)
        n += 1

    month = START
    while len(companies) * EVENTS_PER_COMPANY + len(facts) * EVENTS_PER_FACT < target * 0.98:
        index = len(companies)
        company = Company(f"synth-{index:07d}", f"Synth Tech {index}", (f"合成科技{index}号",), rng.choice(SECTORS))
        companies.append(company)
        day = START + timedelta(days=rng.randrange((END - START).days - 400))
        venue = rng.choice(["SSE-STAR", "SSE-STAR", "SZSE-CHINEXT", "BSE", "HKEX-MAIN"])
        for _round in range(rng.randrange(4)):
            add(
                company,
                "funding_round",
                day - timedelta(days=rng.randrange(30, 900)),
                None,
                round=rng.choice(["A", "B", "C", "pre-IPO"]),
                amount=f"{rng.choice(['CNY', 'USD'])} {rng.randrange(5, 500)} million",
            )
        for attempt in range(rng.choice([1, 1, 1, 2])):
            stages = HK_PROGRESS if venue.startswith("HKEX") else PROGRESS
            reach = rng.randrange(1, len(stages) + 1)
            for stage in stages[:reach]:
                if day >= END:
                    break
                add(company, stage, day, venue)
                day += timedelta(days=rng.randrange(15, 200))
            if reach < len(stages) and rng.random() < 0.4 and day < END:
                add(company, rng.choice(EXITS), day, venue)
                day += timedelta(days=rng.randrange(60, 400))
            elif reach == len(stages) and not venue.startswith("HKEX") and rng.random() < 0.15:
                venue = "HKEX-MAIN"  # A+H: a second listing in Hong Kong
            if attempt == 0 and rng.random() < 0.5:
                venue = rng.choice(["SSE-STAR", "HKEX-MAIN"])
        while month < min(day, END) and rng.random() < 0.05:
            add(
                None,
                "market_statistic",
                month,
                rng.choice(["SSE-STAR", "HKEX", "CN"]),
                metric="ipo_applications",
                value=rng.randrange(1, 60),
                unit="applications",
                period=f"{month:%Y-%m}",
            )
            month = (month + timedelta(days=32)).replace(day=1)
    revisions = []
    for index in rng.sample(range(len(facts)), k=len(facts) // 50):
        correction = Source(f"synthetic/correction-{index}.txt", parse_date("2026-07-01"), f"correction {index}")
        if rng.random() < 0.7:
            moved = parse_date(facts[index]["date"]).earliest - timedelta(days=rng.randrange(1, 60))
            revisions.append(
                (index, "correct", {"reason": "date revised", "sources": [correction], "date": moved.isoformat()})
            )
        else:
            revisions.append((index, "retract", {"reason": "misreported", "sources": [correction]}))
    return Plan(companies, facts, revisions)


def batches(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
