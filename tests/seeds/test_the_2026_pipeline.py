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

from projections.clocks import Clocks
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


# ----------------------------------------------------------------------------- companies outside the articles


def stage(seeded, company: str, venue: str, day: str) -> tuple[str, bool] | None:
    answer = seeded.queries.company(company, Clocks(date.fromisoformat(day)))
    found = [(v["stage"], v["certain"]) for v in answer["venues"] if v["venue"] == venue]
    return found[0] if found else None


def facts_of(seeded, company: str, kind: str, venue: str | None = None) -> list[dict]:
    """The company's facts of one kind; with a venue, only those on it (an A+H company is listed twice)."""
    return [
        f for f in seeded.app.company_facts(company) if f["kind"] == kind and (venue is None or f["venue"] == venue)
    ]


def day_before(day: str) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()


# (company, first trading day, code as HKEX writes it, offer price) from the announcements and reports.
HK_LISTINGS_2026 = [
    ("兆易创新", "2026-01-13", "03986", "162.00"),  # announcement 2026-013 (code "3986"), HK$162.00
    ("豪威集团", "2026-01-12", "00501", "104.80"),  # announcement 2026-008 (code "0501"), HK$104.80
    ("Montage Technology", "2026-02-09", "06809", "106.89"),  # Reuters: 6809.HK, HK$106.89
    ("Axera", "2026-02-10", "00600", "28.2"),  # VenturePort: 00600.HK, HK$28.2
]


@pytest.mark.parametrize(("company", "day", "code", "price"), HK_LISTINGS_2026, ids=[r[0] for r in HK_LISTINGS_2026])
def test_the_2026_hong_kong_chip_listings_start_on_their_day_with_their_code(seeded, company, day, code, price):
    assert stage(seeded, company, "HKEX-MAIN", day) == ("listed", True)
    assert stage(seeded, company, "HKEX-MAIN", day_before(day)) != ("listed", True)
    [listed] = facts_of(seeded, company, "listed", "HKEX-MAIN")
    assert (listed["venue"], listed["date"]["text"]) == ("HKEX-MAIN", day)
    assert listed["fields"]["stock_code"] == code
    assert Decimal(listed["fields"]["issue_price"]["amount"]) == Decimal(price)
    assert listed["fields"]["issue_price"]["currency"] == "HKD"
    assert {"venue": "HKEX-MAIN", "code": code} in seeded.queries.company(company, Clocks(date(2026, 3, 1)))["codes"]


def test_the_a_plus_h_companies_amounts_raised_keep_hong_kong_dollars(seeded):
    # RTHK: GigaDevice raised HK$4.68 billion; Reuters: Montage raised HK$7.04 billion.
    for company, amount in [("GigaDevice Semiconductor", "4680000000"), ("澜起科技", "7040000000")]:
        [listed] = facts_of(seeded, company, "listed", "HKEX-MAIN")
        assert money(listed["fields"], "amount_raised") == (Decimal(amount), "HKD"), company


def test_gigadevices_listing_has_the_announcement_and_the_news_report_as_sources(seeded):
    [listed] = facts_of(seeded, "GIGADEVICE", "listed", "HKEX-MAIN")
    assert {(s["document"], s["kind"]) for s in listed["sources"]} == {
        ("sse-603986-announcement-2026-013", "disclosure"),
        ("rthk-2026-01-13-gigadevice-debut", "report"),
    }


def test_the_a_plus_h_plans_come_months_before_the_listings(seeded):
    # GigaDevice: supervisory board, 20 May 2025. Montage: board, 20 June 2025; hearing passed 12 Jan 2026.
    assert stage(seeded, "兆易创新", "HKEX-MAIN", "2025-05-20") == ("preparing", True)
    assert stage(seeded, "兆易创新", "HKEX-MAIN", "2025-05-19") is None
    assert stage(seeded, "Montage Technology", "HKEX-MAIN", "2025-06-20") == ("preparing", True)
    assert stage(seeded, "Montage Technology", "HKEX-MAIN", "2026-01-11") == ("preparing", True)
    assert stage(seeded, "Montage Technology", "HKEX-MAIN", "2026-01-12") == ("approved", True)
    assert stage(seeded, "Montage Technology", "HKEX-MAIN", "2026-02-08") == ("approved", True)


def test_landspace_is_in_tutoring_from_july_2025_and_accepted_on_star_on_31_december(seeded):
    # Yicai: tutoring announced by the CSRC in July 2025; 南都: tutoring from 29 July, accepted 31 Dec 2025.
    assert stage(seeded, "LandSpace", "SSE-STAR", "2025-07-28") is None
    assert stage(seeded, "LandSpace", "SSE-STAR", "2025-07-29") == ("guidance", True)
    assert stage(seeded, "蓝箭航天", "SSE-STAR", "2025-12-30") == ("guidance", True)
    assert stage(seeded, "蓝箭航天", "SSE-STAR", "2025-12-31") == ("accepted", True)
    [accepted] = facts_of(seeded, "LandSpace", "accepted")
    assert money(accepted["fields"], "amount_sought") == (Decimal("7500000000"), "CNY")
    [guidance] = facts_of(seeded, "LandSpace", "guidance")
    assert {s["document"] for s in guidance["sources"]} == {
        "yicaiglobal-2025-12-04-landspace-ipo",
        "nandu-2026-01-landspace-accepted",
    }

    # The acceptance comes from a report that may be as late as 31 December 2026; counted from that day, only
    # Yicai's tutoring report (4 December 2025) is certainly public before it.
    def published_by(day: str) -> tuple[str, bool]:
        answer = seeded.queries.company("LandSpace", Clocks(date(2026, 1, 31), published_by=date.fromisoformat(day)))
        [venue] = [(v["stage"], v["certain"]) for v in answer["venues"] if v["venue"] == "SSE-STAR"]
        return venue

    assert published_by("2026-06-30") == ("guidance", True)
    assert published_by("2026-12-31") == ("accepted", True)


def test_kunlunxin_files_its_a1_confidentially_on_1_january_2026(seeded):
    # Reuters (Dec 2025): planning a Hong Kong IPO, valued at 21 billion yuan; Longbridge: A1 on 1 January 2026.
    assert stage(seeded, "Kunlunxin", "HKEX-MAIN", "2025-12-31") == ("preparing", True)
    assert stage(seeded, "Kunlun Core", "HKEX-MAIN", "2026-01-01") == ("filed", True)
    [valuation] = facts_of(seeded, "Kunlunxin", "valuation_reported")
    assert money(valuation["fields"], "valuation") == (Decimal("21000000000"), "CNY")


def test_the_new_companies_are_found_by_every_name_their_documents_print(seeded):
    for name, key in [("LandSpace", "landspace"), ("蓝箭航天", "landspace"), ("Kunlun Core", "kunlunxin"),
                      ("兆易创新科技集团股份有限公司", "gigadevice"), ("澜起科技股份有限公司", "montage"),
                      ("OMNIVISION", "omnivision"), ("豪威集成电路(集团)股份有限公司", "omnivision"),
                      ("Axera", "axera"), ("06809", "montage")]:  # fmt: skip
        assert seeded.queries.resolve(name)["key"] == key, name
