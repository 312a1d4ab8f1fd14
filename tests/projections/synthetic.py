"""A small deterministic dataset with corrections, corroborations and retractions."""

from __future__ import annotations

import random
from datetime import date, timedelta

from application.service import TimelineApplication
from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted
from domain.sources import Source

KINDS = ["preparing", "guidance", "filed", "accepted", "inquiry", "approved", "registered", "listed", "withdrawn"]
VENUES = ["SSE-STAR", "HKEX-MAIN", "SZSE-CHINEXT"]


def fill(app: TimelineApplication, companies: int = 20, facts: int = 200, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = [f"Synthetic {n:03d}" for n in range(companies)]
    for name in names:
        app.register_company(name, [f"合成{n}" for n in [name[-3:]]])
    recorded = []
    base = date(2019, 1, 1)
    for n in range(facts):
        day = base + timedelta(days=rng.randrange(2500))
        text = rng.choice(
            [day.isoformat(), f"{day:%Y-%m}", f"late {day:%Y}", f"{day.year}-Q{(day.month - 1) // 3 + 1}"]
        )
        source = Source(
            f"synthetic-{n}.txt", parse_date((day + timedelta(days=rng.randrange(60))).isoformat()), f"quote {n}"
        )
        try:
            written = app.record_fact(
                kind=rng.choice(KINDS), company=rng.choice(names), venue=rng.choice(VENUES), date=text, sources=[source]
            )
        except FactRetracted:
            continue
        recorded.append(written.id)
        roll = rng.random()
        target = rng.choice(recorded)
        if app.get_fact(target)["retracted"]:
            continue
        fix = Source(f"fix-{n}.txt", parse_date("2026-01-01"), f"correction {n}")
        if roll < 0.08:
            app.correct_fact(target, reason="better date", sources=[fix], date=(day - timedelta(days=30)).isoformat())
        elif roll < 0.12:
            app.retract_fact(target, reason="misreported", sources=[fix])
        elif roll < 0.18:
            app.add_source(target, fix)
