"""One company's answer read from a real SQLite store beside another company's facts: every name
with the source that uses it, its stock codes, the day asked, and only its own facts."""

from __future__ import annotations

from datetime import date

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from projections.clocks import Clocks


def source(document: str, day: str) -> Source:
    return Source(document, parse_date(day), f"quoted from {document}")


def test_a_company_answers_with_its_own_names_codes_and_facts(sqlite_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    try:
        app = services.app
        app.register_company("Answer Co", aliases=["答案科技"])
        app.add_alias("Answer Co", "Answer Semiconductor", source("alias.txt", "2025-02-01"))
        app.register_company("Other Co")
        listed = app.record_fact(
            kind="listed",
            company="Answer Co",
            venue="SSE-STAR",
            date="2025-07-01",
            fields={"stock_code": "688001"},
            sources=[source("listing.txt", "2025-07-01")],
        )
        app.record_fact(
            kind="listed",
            company="Other Co",
            venue="HKEX-MAIN",
            date="2025-07-02",
            fields={"stock_code": "06082"},
            sources=[source("other.txt", "2025-07-02")],
        )
        services.catch_up()

        answer = services.queries.company("Answer Co", Clocks(date(2025, 12, 31)))
        assert answer["name"] == "Answer Co"
        assert answer["as_of"] == "2025-12-31"
        names = {use["name"]: use["source"] for use in answer["names"]}
        assert set(names) == {"Answer Co", "答案科技", "Answer Semiconductor"}
        assert names["Answer Co"] is None  # given when it was registered
        assert names["Answer Semiconductor"]["document"] == "alias.txt"
        assert answer["codes"] == [{"venue": "SSE-STAR", "code": "688001"}]
        assert [fact["fact_id"] for fact in answer["facts"]] == [str(listed.id)]
        assert [(v["venue"], v["stage"]) for v in answer["venues"]] == [("SSE-STAR", "listed")]
        assert answer["retracted"] == []
    finally:
        services.close()
