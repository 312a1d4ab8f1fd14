"""bench/distinct.lua's questions: every company of the seed data by its name, the pipeline page and every venue's
page, each a path that ends where the script appends a day."""

from __future__ import annotations

from urllib.parse import unquote

from bench.distinct import questions
from domain.vocabulary import Venue
from seeds.reading import read_seeds


def test_the_questions_ask_after_every_seeded_company_and_every_venue_by_day() -> None:
    lines = [line.split("\t") for line in questions().splitlines()]
    assert all(len(line) == 2 and line[1].endswith("as_of=") for line in lines)
    by_kind: dict[str, list[str]] = {}
    for kind, prefix in lines:
        by_kind.setdefault(kind, []).append(prefix)
    assert set(by_kind) == {"company", "pipeline page", "venue page"}
    names = [unquote(prefix.removeprefix("/companies/").removesuffix("?as_of=")) for prefix in by_kind["company"]]
    assert names == [company.name for company in read_seeds().companies]
    assert by_kind["pipeline page"] == ["/pipeline?limit=100&as_of="]
    assert by_kind["venue page"] == [f"/pipeline?venue={venue.value}&limit=100&as_of=" for venue in Venue]
