"""The seed set with the documents outside the five articles, checked against those documents.

Expected values are written from the sources themselves (exchange listing announcements, company
announcements, news reports; see seeds/documents.yaml for their URLs), never read from the YAML:
the listing day and code an announcement gives, the board it names, the range an article prints.
The real seeds are loaded into a real SQLite store and asked through the read-model queries.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.vocabulary import STAGE_KINDS, stage_rank
from projections.clocks import Clocks
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, read_seeds


def stage(seeded, company: str, venue: str, day: str, **clocks) -> tuple[str, bool] | None:
    answer = seeded.queries.company(company, Clocks(date.fromisoformat(day), **clocks))
    found = [(v["stage"], v["certain"]) for v in answer["venues"] if v["venue"] == venue]
    return found[0] if found else None


def flag(seeded, company: str, name: str, day: str) -> tuple[bool, bool]:
    found = seeded.queries.company(company, Clocks(date.fromisoformat(day)))["flags"][name]
    return found["value"], found["certain"]


def facts_of(seeded, company: str, kind: str, venue: str | None = None) -> list[dict]:
    """The company's facts of one kind; with a venue, only those on it (an A+H company is listed twice)."""
    return [
        f for f in seeded.app.company_facts(company) if f["kind"] == kind and (venue is None or f["venue"] == venue)
    ]


def day_before(day: str) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()


# (company, venue, first trading day, code) as the listing announcements and H-share announcements give them.
LISTINGS = [
    ("Moore Threads", "SSE-STAR", "2025-12-05", "688795"),  # 上市公告书, 2025-12-03
    ("MetaX", "SSE-STAR", "2025-12-17", "688802"),  # 上市公告书提示性公告, 2025-12-15
    ("Healthgen Biotech", "SSE-STAR", "2025-10-28", "688765"),  # 上市公告书, 2025-10-23
    ("Cambricon Technologies", "SSE-STAR", "2020-07-20", "688256"),  # 上市公告书, 上海证券报 2020-07-17
    ("BeiGene", "SSE-STAR", "2021-12-15", "688235"),  # 上市公告书, 2021-12-14
    ("HYC Technology", "SSE-STAR", "2019-07-22", "688001"),  # 上市公告书, 2019-07-16
    ("SinoCellTech", "SSE-STAR", "2020-06-22", "688520"),  # announcement 2023-048
    ("MicroPort EP", "SSE-STAR", "2022-08-31", "688351"),  # 上市公告书, 2022-08-30
    ("Swancor", "SSE-STAR", "2020-09-28", "688585"),  # 上市公告书, 中国证券报 2020-09-25
    ("SICC Co., Ltd.", "HKEX-MAIN", "2025-08-20", "02631"),  # announcement 2025-063
    ("宁德时代", "HKEX-MAIN", "2025-05-20", "03750"),  # announcement 2025-051
    ("恒瑞医药", "HKEX-MAIN", "2025-05-23", "01276"),  # over-allotment announcement, 2025-06
    ("三一重工", "HKEX-MAIN", "2025-10-28", "06031"),  # announcement 2025-079
    ("赛力斯", "HKEX-MAIN", "2025-11-05", "09927"),  # board announcement, 2025-11-06
    ("Zhipu AI", "HKEX-MAIN", "2026-01-08", "02513"),  # listing-day report
    ("UBTech Robotics Corp. Ltd.", "HKEX-MAIN", "2023-12-29", "09880"),  # SCMP, debut day
]


@pytest.mark.parametrize(("company", "venue", "day", "code"), LISTINGS, ids=[row[0] for row in LISTINGS])
def test_each_company_is_listed_on_the_board_and_day_its_announcement_gives_with_its_code(
    seeded, company, venue, day, code
):
    assert stage(seeded, company, venue, day) == ("listed", True)
    assert stage(seeded, company, venue, day_before(day)) != ("listed", True)
    listed = facts_of(seeded, company, "listed", venue)
    assert [f["date"]["text"] for f in listed] == [day]
    assert listed[0]["fields"]["stock_code"] == code
    assert {"venue": venue, "code": code} in seeded.queries.company(company, Clocks(date(2026, 2, 1)))["codes"]


def test_moore_threads_and_metax_are_listed_on_star_on_9_january_2026_with_their_codes(seeded):
    assert stage(seeded, "Moore Threads", "SSE-STAR", "2026-01-09") == ("listed", True)
    assert stage(seeded, "MetaX", "SSE-STAR", "2026-01-09") == ("listed", True)
    assert {"Moore Threads", "MetaX"} <= {
        e["company"]
        for e in seeded.queries.pipeline(Clocks(date(2026, 1, 9)), venue="SSE-STAR", stage="listed")["entries"]
    }
    assert seeded.queries.search("688795.SH")[0]["name"] == "Moore Threads"
    assert seeded.queries.search("688802")[0]["name"] == "MetaX"


def test_moore_threads_listing_keeps_the_price_and_the_amount_raised(seeded):
    # Prospectus notice: 114.28 yuan a share; 扬子晚报网 (8 Dec 2025): 79.996亿元 raised gross.
    [listed] = facts_of(seeded, "Moore Threads", "listed", "SSE-STAR")
    assert listed["fields"]["issue_price"] == {"amount": "114.28", "currency": "CNY"}
    assert Decimal(listed["fields"]["amount_raised"]["amount"]) == Decimal("7999600000")


def test_star_registration_and_committee_steps_come_in_order_before_the_listing(seeded):
    # Caixin (26 Sep 2025): committee meeting no. 40 on 26 September; ETNet: registration done end of October.
    assert stage(seeded, "Moore Threads", "SSE-STAR", "2025-09-25") == ("accepted", True)
    assert stage(seeded, "Moore Threads", "SSE-STAR", "2025-09-26") == ("approved", True)
    assert stage(seeded, "Moore Threads", "SSE-STAR", "2025-11-01") == ("registered", True)
    # SSE English site: Healthgen accepted 29 Dec 2022, inquiry from 19 Jan 2023, approved 1 July 2025.
    assert stage(seeded, "Healthgen Biotech", "SSE-STAR", "2022-12-29") == ("accepted", True)
    assert stage(seeded, "Healthgen Biotech", "SSE-STAR", "2023-01-19") == ("inquiry", True)
    assert stage(seeded, "Healthgen Biotech", "SSE-STAR", "2025-07-01") == ("approved", True)


@pytest.mark.parametrize(
    ("company", "day"), [("Moore Threads", "2025-12-05"), ("MetaX", "2025-12-17"), ("Healthgen Biotech", "2025-10-28")]
)
def test_unprofitable_star_listings_join_the_growth_tier_on_their_first_trading_day(seeded, company, day):
    assert flag(seeded, company, "growth_tier", day) == (True, True)
    assert flag(seeded, company, "growth_tier", day_before(day)) == (False, True)
    [joined] = facts_of(seeded, company, "joined_growth_tier")
    assert (joined["venue"], joined["fields"]["tier"]) == ("SSE-STAR", "sci-tech growth tier")


def test_biren_is_listed_on_the_hkex_main_board_on_2_january_2026(seeded):
    assert stage(seeded, "Biren", "HKEX-MAIN", "2026-01-02") == ("listed", True)
    assert stage(seeded, "Biren", "HKEX-MAIN", "2026-01-01") == ("filed", True)
    [listed] = facts_of(seeded, "壁仞科技", "listed", "HKEX-MAIN")
    assert listed["fields"]["issue_price"] == {"amount": "19.60", "currency": "HKD"}
    assert {"chinadailyasia-2026-01-02-hk-stocks-open-2026", "003_3279c473a457c7c1.txt"} <= {
        s["document"] for s in listed["sources"]
    }


def test_the_articles_hk_listings_in_2025_get_the_day_their_disclosures_give(seeded):
    # IT时报 says only "2025"; the disclosures give the days (Chery: 经济参考报, 25 Sep 2025).
    for company, day in [("宁德时代", "2025-05-20"), ("海天味业", "2025-06-19"), ("三花智控", "2025-06-23"),
                         ("奇瑞汽车", "2025-09-25"), ("紫金黄金国际", "2025-09-30")]:  # fmt: skip
        [listed] = facts_of(seeded, company, "listed", "HKEX-MAIN")
        assert listed["date"]["text"] == day, company
        assert any(s["kind"] == "article" for s in listed["sources"]), company


def test_unisocs_withdrawn_fact_is_retracted_and_what_caixin_says_is_kept_as_a_milestone(seeded):
    [withdrawn] = facts_of(seeded, "Unisoc", "withdrawn")
    assert withdrawn["retracted"] is True
    assert [step["step"] for step in withdrawn["history"]] == ["recorded", "retracted"]
    for day in ("2020-12-31", "2026-01-26"):
        assert stage(seeded, "Unisoc", "SSE-STAR", day) == ("preparing", True)
    nearly = [f for f in facts_of(seeded, "Unisoc", "milestone") if "nearly filed" in f["fields"]["description"]]
    assert [f["date"]["text"] for f in nearly] == ["2020"]
    assert nearly[0]["sources"][0]["quote"].startswith("Unisoc nearly filed for STAR Market listing")


def test_hycs_listing_is_not_before_the_star_market_opened(seeded):
    assert stage(seeded, "HYC Technology", "SSE-STAR", "2019-07-21") is None
    assert stage(seeded, "HYC Technology", "SSE-STAR", "2019-07-22") == ("listed", True)
    [listed] = facts_of(seeded, "HYC Technology", "listed", "SSE-STAR")
    assert date.fromisoformat(listed["date"]["earliest"]) >= date(2019, 7, 22)
    assert listed["history"][-1]["step"] == "corrected"


def test_cambricon_and_beigene_are_listed_on_star_besides_the_articles_milestones(seeded):
    assert stage(seeded, "Cambricon", "SSE-STAR", "2020-07-20") == ("listed", True)
    assert stage(seeded, "BeiGene", "SSE-STAR", "2021-12-15") == ("listed", True)
    assert [f["date"]["text"] for f in facts_of(seeded, "Cambricon", "registered")] == ["2020-06-23"]
    assert {f["date"]["text"] for f in facts_of(seeded, "Cambricon", "milestone")} >= {"2020"}


def test_boards_come_from_a_source_that_names_them(seeded):
    # Zhaoxin: Caixin names no board; Beiduo Finance (SSE review status) names the STAR Market.
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-06-21") == ("accepted", True)
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "CN-A", "2025-06-21") is None
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-07-09") == ("inquiry", True)
    # Heyuan: Caixin's 2022 filing names no board; Yicai says STAR Market, December 2022.
    [filed] = facts_of(seeded, "Healthgen Biotech", "filed")
    assert (filed["venue"], filed["date"]["text"]) == ("SSE-STAR", "2022-12")


def test_zhipus_figures_as_of_just_before_listing_end_the_day_before_the_listing(seeded):
    [figures] = [f for f in facts_of(seeded, "智谱AI", "financials_reported") if "cash" in f["fields"]["metrics"]]
    assert figures["date"]["latest"] == "2026-01-07"
    assert date.fromisoformat(figures["date"]["latest"]) < date(2026, 1, 8)


def test_biren_suffers_the_november_2024_tsmc_halt(seeded):
    [cut] = facts_of(seeded, "Biren", "supply_cut_off")
    assert (cut["fields"]["supplier"], cut["date"]["text"]) == ("TSMC", "2024-11")
    assert "impacting Biren" in cut["sources"][0]["quote"]


def test_the_freeze_on_loss_making_ipos_is_dated_two_years_before_the_july_2025_restart(seeded):
    [freeze] = [
        f
        for f in seeded.app.market_facts("SSE-STAR")
        if f["kind"] == "policy_announced" and "freeze" in f["fields"]["title"]
    ]
    # Caixin: "after a two-year pause" (2023); Yicai: reviews halted in June 2023.
    assert freeze["date"]["text"] == "2023-06"
    assert {s["kind"] for s in freeze["sources"]} == {"article", "report"}


RANGE = re.compile(r"\d\s*[–—-]\s*\d")


def test_statistics_stated_as_ranges_keep_both_ends(seeded):
    [embodied] = [
        f
        for f in seeded.app.market_facts("CN")
        if f["kind"] == "market_statistic" and f["fields"]["metric"] == "embodied_ai_startups_funded"
    ]
    # Caixin: "Four embodied AI startups raised $70–120 million each."
    assert embodied["fields"]["amount"] == {"amount": "70000000", "currency": "USD"}
    assert embodied["fields"]["amount_max"] == {"amount": "120000000", "currency": "USD"}
    markets = ("SSE-STAR", "SSE", "SZSE", "HKEX", "HKEX-MAIN", "CN", "CN-A", "GLOBAL")
    for fact in (f for m in markets for f in seeded.app.market_facts(m) if f["kind"] == "market_statistic"):
        quotes = [s.get("quote") or "" for s in fact["sources"]]
        if any(RANGE.search(q.replace("2022-2024", "")) for q in quotes):
            assert "amount_max" in fact["fields"] or "value_max" in fact["fields"], fact["fields"]["metric"]


def test_every_source_outside_the_articles_has_url_title_publisher_and_no_quote(seeded):
    outside = 0
    for company in [row[0] for row in LISTINGS] + ["Biren", "Unisoc", "AgiBot", "Dizal", "Biokin", "Enflame"]:
        for fact in seeded.app.company_facts(company):
            for source in fact["sources"]:
                if source["kind"] == "article":
                    assert source.get("quote")
                    assert "url" not in source
                    continue
                outside += 1
                assert source["kind"] in ("disclosure", "report")
                assert source["url"].startswith(("http://", "https://"))
                assert source["title"]
                assert source["publisher"]
                assert source["statement"]
                assert "quote" not in source
    assert outside > 30


def test_reloading_the_seeds_with_revisions_appends_nothing(sqlite_url):
    app = TimelineApplication(environment_for(sqlite_url))
    try:
        first = load_seeds(app)
        again = load_seeds(app)
        assert again.appended == 0
        assert again.position == first.position
    finally:
        app.close()


def _newest_rows(app, companies) -> dict[str, list[str]]:
    """The README table's columns, recomputed from the store by the rule the README states."""
    stages = {kind.value for kind in STAGE_KINDS}

    def newest(facts):
        # Ties on the interval go by pipeline order, as in the domain's fact order (a growth-tier entry
        # follows its listing), so the answer does not depend on the order facts are listed in.
        key = lambda f: (f["date"]["latest"], f["date"]["earliest"], stage_rank(f["kind"]), f["fact_id"])  # noqa: E731
        return max(facts, key=key) if facts else None

    def shown(fact):
        return f"{fact['kind']}, {fact['venue'] or '—'}, {fact['date']['text']}" if fact else "—"

    rows = {}
    for company in companies:
        facts = [f for f in app.company_facts(company.key) if not f["retracted"]]
        stage_fact, any_fact = newest([f for f in facts if f["kind"] in stages]), newest(facts)
        sources = {s["document"]: s for f in facts for step in f["history"] for s in step["sources"]}
        later = sum(1 for s in sources.values() if s["kind"] != "article")
        published = max(sources.values(), key=lambda s: s["published"]["latest"])["published"]["text"]
        other = "same" if any_fact is stage_fact else shown(any_fact)
        rows[company.key] = [shown(stage_fact), other, published, str(later) if later else "no later source found"]
    return rows


def test_the_readmes_newest_fact_table_matches_the_data(seeded):
    text = (SEED_DIR / "README.md").read_text(encoding="utf-8")
    table = text.split("### Newest fact per company", 1)[1]
    found = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] not in ("company", "---"):
            found[cells[0]] = cells[1:]
    expected = _newest_rows(seeded.app, read_seeds().companies)
    assert set(found) == set(expected)
    for key, cells in expected.items():
        assert found[key][:3] == cells[:3], key
        assert found[key][3].startswith(cells[3]), key
