"""The 2026 listing pipeline beyond the seed companies (seeds/facts/record-2026.yaml), checked against
the documents it cites.

Expected values are written from the sources themselves (news reports and company announcements; see
seeds/documents.yaml for their URLs), never read from the YAML: the day a rule was issued, the figures
and periods a report prints, the hedges it uses. The real seeds are loaded into a real SQLite store
and asked through the application and the read-model queries, as in test_later_disclosures.py.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from seeds.reading import read_seeds

RECORD = "facts/record-2026.yaml"


def market_fact(seeded, market: str, kind: str, **fields) -> dict:
    found = [
        f
        for f in seeded.app.market_facts(market)
        if f["kind"] == kind and all(f["fields"].get(name) == value for name, value in fields.items())
    ]
    assert len(found) == 1, (market, kind, fields, found)
    return found[0]


def statistic(seeded, market: str, metric: str, period: str) -> dict:
    return market_fact(seeded, market, "market_statistic", metric=metric, period=period)


def money(fields: dict, name: str) -> tuple[Decimal, str]:
    return Decimal(fields[name]["amount"]), fields[name]["currency"]


# ----------------------------------------------------------------------------- market rules


def test_commercial_rockets_get_the_star_fifth_standard_on_26_december_2025(seeded):
    # Jiemian: SSE Guideline No. 9 issued "late on Dec 26"; United Daily News (27 Dec 2025) reports it too.
    [rule] = [
        f
        for f in seeded.app.market_facts("SSE-STAR")
        if f["kind"] == "listing_standard_changed" and "rocket" in f["fields"].get("description", "")
    ]
    assert rule["fields"]["standard"] == "fifth listing standard"
    assert rule["date"]["text"] == "2025-12-26"
    assert {s["document"] for s in rule["sources"]} == {
        "jiemian-en-2025-12-sse-rocket-guideline",
        "udn-2025-12-27-star-rocket-listing-standard",
    }
    assert {s["kind"] for s in rule["sources"]} == {"report"}
    assert all(s["statement"] and "quote" not in s for s in rule["sources"])


# ----------------------------------------------------------------------------- market statistics


def test_hong_kong_2025_to_19_december_keeps_the_figures_and_the_cut_off_day(seeded):
    # Xinhua (23 Dec 2025), per HKEX: HK$274.6 billion from 106 new listings as of 19 December.
    raised = statistic(seeded, "HKEX", "ipo_funds_raised", "2025-01-01 to 2025-12-19")
    assert money(raised["fields"], "amount") == (Decimal("274600000000"), "HKD")
    listings = statistic(seeded, "HKEX", "ipo_listings", "2025-01-01 to 2025-12-19")
    assert Decimal(listings["fields"]["value"]) == 106
    for fact in (raised, listings):
        assert (fact["date"]["earliest"], fact["date"]["latest"]) == ("2025-01-01", "2025-12-19")
        assert "qualifier" not in fact["fields"]  # the report gives exact figures


def test_the_a_share_2025_year_keeps_wind_count_and_amount(seeded):
    # National Business Daily: 115 new A-share listings in 2025, 1309.65亿元 raised (Wind).
    count = statistic(seeded, "CN-A", "ipo_listings", "2025")
    assert Decimal(count["fields"]["value"]) == 115
    raised = statistic(seeded, "CN-A", "ipo_funds_raised", "2025")
    assert money(raised["fields"], "amount") == (Decimal("130965000000"), "CNY")
    assert count["date"]["text"] == raised["date"]["text"] == "2025"


def test_the_hong_kong_queue_in_mid_january_2026(seeded):
    # GMT Eight (19 Jan 2026): 327 companies queued as of 15 January 2026; 2025 equity financing HK$612.2bn.
    queue = statistic(seeded, "HKEX", "ipo_applications_pending", "as of 2026-01-15")
    assert (Decimal(queue["fields"]["value"]), queue["fields"]["unit"]) == (327, "companies")
    assert queue["date"]["text"] == "2026-01-15"
    equity = statistic(seeded, "HKEX", "equity_funds_raised", "2025")
    assert money(equity["fields"], "amount") == (Decimal("612200000000"), "HKD")


def test_statistics_are_not_counted_before_the_report_that_gives_them(seeded):
    # published_by counts a source from the last day of its publication interval.
    queue = statistic(seeded, "HKEX", "ipo_applications_pending", "as of 2026-01-15")
    [source] = queue["sources"]
    assert source["published"]["latest"] == "2026-01-19"
    review = statistic(seeded, "CN-A", "ipo_listings", "2025")
    # The year review counts listings still to come on 30 and 31 December: published before them.
    assert date.fromisoformat(review["sources"][0]["published"]["latest"]) < date(2025, 12, 30)


def test_every_entry_of_the_2026_file_cites_a_document_outside_the_articles_in_its_own_words():
    entries = [entry for fact in read_seeds().facts for entry in fact.entries if entry.file == RECORD]
    assert len(entries) >= 9
    for entry in entries:
        assert entry.source.kind in ("disclosure", "report"), entry.key
        assert entry.source.quote is None, entry.key
        assert entry.source.statement, entry.key
        assert (entry.source.url or "").startswith(("http://", "https://")), entry.key


@pytest.mark.parametrize("market", ["SSE-STAR", "HKEX", "CN-A"])
def test_no_2026_market_fact_is_dated_after_its_newest_source(seeded, market):
    for fact in seeded.app.market_facts(market):
        published = max(date.fromisoformat(s["published"]["latest"]) for s in fact["sources"])
        assert date.fromisoformat(fact["date"]["earliest"]) <= published, fact["fields"]
