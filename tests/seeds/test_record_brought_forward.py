"""Issue 24, parts 1-2: the audit fixes and the existing seed companies brought forward.

Expected values are written from the sources themselves (Swancor's announcement 2025-078, the SSE's
English site, the listing announcements, the reports listed in seeds/documents.yaml), never read from
the YAML. The real seeds are loaded into a real SQLite store and asked through the application and
the read-model queries, as in test_later_disclosures.py.
"""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.sources import Document
from projections.clocks import Clocks
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR

CAIXIN = "000_bd29c5250f60b916.txt"
COMMENTARY = "004_4e176088b89923bf.txt"


def stage(seeded, company: str, venue: str, day: str) -> tuple[str, bool] | None:
    answer = seeded.queries.company(company, Clocks(date.fromisoformat(day)))
    found = [(v["stage"], v["certain"]) for v in answer["venues"] if v["venue"] == venue]
    return found[0] if found else None


def facts_of(seeded, company: str, kind: str, venue: str | None = None) -> list[dict]:
    """The company's facts of one kind; with a venue, only those on it (an A+H company is listed twice)."""
    return [
        f for f in seeded.app.company_facts(company) if f["kind"] == kind and (venue is None or f["venue"] == venue)
    ]


def money(value: dict) -> tuple[Decimal, str]:
    return Decimal(value["amount"]), value["currency"]


# ---------------------------------------------------------------------------------------------
# A1. AgiBot-Swancor: about 2.1 billion yuan, not "over 21 billion"
# ---------------------------------------------------------------------------------------------


def test_the_agibot_swancor_value_is_corrected_to_the_disclosed_amounts_and_keeps_caixins_figure(seeded):
    [deal] = facts_of(seeded, "AgiBot", "acquisition_announced")
    # Announcement 2025-078: 149,243,840 shares at 7.78 yuan (at most 1,161,117,075.20 yuan), after
    # 120,968,182 shares (29.99%) transferred: about 2.1 billion yuan in all.
    assert Decimal("149243840") * Decimal("7.78") == Decimal("1161117075.20")
    assert money(deal["fields"]["value"]) == (Decimal("2100000000"), "CNY")
    steps = [step["step"] for step in deal["history"]]
    assert steps[0] == "recorded"
    assert "corrected" in steps
    # Caixin's "worth over 21 billion yuan" stays in the fact's history.
    assert money(deal["history"][0]["fields"]["value"]) == (Decimal("21000000000"), "CNY")
    corrected = [step for step in deal["history"] if step["step"] == "corrected"]
    assert [s["document"] for s in corrected[-1]["sources"]] == ["sse-688585-announcement-2025-078"]
    assert corrected[-1]["sources"][0]["kind"] == "disclosure"


# ---------------------------------------------------------------------------------------------
# A2. Caixin's publication date: 21 July 2025 (URL /2025-07-21/)
# ---------------------------------------------------------------------------------------------


def test_caixin_is_dated_21_july_2025_and_facts_dated_by_it_end_there(seeded):
    [valuation] = facts_of(seeded, "Unisoc", "valuation_reported")
    [source] = [s for s in valuation["sources"] if s["document"] == CAIXIN]
    assert source["published"]["text"] == "2025-07-21"
    # "Companies like ChangXin Memory (valued at 140 billion yuan) and Unisoc (66 billion yuan) are preparing"
    assert valuation["date"]["latest"] == "2025-07-21"
    [changxin] = facts_of(seeded, "ChangXin Memory", "valuation_reported")
    assert changxin["date"]["text"] == "2025-07-21"
    # "3SBio Inc. is a Chinese drugmaker that has recently turned profitable": after 2024, by publication.
    [profit] = facts_of(seeded, "3SBio Inc.", "milestone")
    assert (profit["date"]["earliest"], profit["date"]["latest"]) == ("2024-01-01", "2025-07-21")


def test_caixins_facts_count_as_public_from_21_july_2025(seeded):
    # published_by counts a source from the last day of its publication interval: now 2025-07-21.
    before = seeded.queries.company("Unisoc", Clocks(date(2025, 8, 1), published_by=date(2025, 7, 20)))
    after = seeded.queries.company("Unisoc", Clocks(date(2025, 8, 1), published_by=date(2025, 7, 21)))
    assert not [v for v in before["venues"] if v["venue"] == "CN-A"]
    assert [v["stage"] for v in after["venues"] if v["venue"] == "CN-A"] == ["preparing"]


def _seed_copy(tmp: Path, caixin_published: str) -> Path:
    copy = tmp / "seeds"
    shutil.copytree(SEED_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    documents = copy / "documents.yaml"
    text = documents.read_text(encoding="utf-8")
    marker = f"  - document: {CAIXIN}\n"
    head, tail = text.split(marker, 1)
    tail = tail.replace('    published: "2025-07-21"\n', f'    published: "{caixin_published}"\n', 1)
    documents.write_text(head + marker + tail, encoding="utf-8")
    return copy


def test_an_existing_store_takes_the_new_files_without_repeating_a_revision(tmp_path):
    """A store loaded before the date change takes the new files: a revision is known by its fact,
    reason and sources (a source by its document, not its publication date), so the Caixin-cited
    revisions already stored are retries and append nothing (before this, `timeline seed` stopped
    at the Unisoc retraction, refused as a second retraction).
    The sources already recorded keep 2025-07-11/2025-09-30 (a source is known by its document, so
    the more precise date is not a new source); a fresh store has 21 July everywhere."""
    old = _seed_copy(tmp_path, "2025-07-11/2025-09-30")
    app = TimelineApplication(environment_for(f"sqlite:///{tmp_path / 'existing.db'}"))
    try:
        load_seeds(app, old)
        assert load_seeds(app, old).appended == 0
        # The files differ only in Caixin's date: its document is described anew, nothing else is appended.
        assert load_seeds(app).appended == 1
        caixin = app.repository.get(Document.create_id(CAIXIN))
        assert caixin.citation.published.text == "2025-07-21"
        assert load_seeds(app).appended == 0
        [plan] = [f for f in app.company_facts("Unisoc") if f["kind"] == "withdrawn"]
        assert [step["step"] for step in plan["history"]].count("retracted") == 1
        [valuation] = [f for f in app.company_facts("Unisoc") if f["kind"] == "valuation_reported"]
        [source] = [s for s in valuation["sources"] if s["document"] == CAIXIN]
        assert source["published"]["text"] == "2025-07-11/2025-09-30"
        [rumour_stage] = [f for f in app.company_facts("Zhipu AI") if f["kind"] == "preparing"]
        assert rumour_stage["retracted"] is True
    finally:
        app.close()


# ---------------------------------------------------------------------------------------------
# A3. The growth tier: Sunday 13 July 2025
# ---------------------------------------------------------------------------------------------


def test_the_growth_tier_launch_is_dated_sunday_13_july_2025_by_the_sse_release(seeded):
    [tier] = [f for f in seeded.app.market_facts("SSE-STAR") if f["kind"] == "tier_launched"]
    assert tier["date"]["text"] == "2025-07-13"
    assert date(2025, 7, 13).weekday() == 6  # "a quiet Sunday in mid-July"
    assert tier["fields"]["inaugural_count"] == 32
    corrected = [step for step in tier["history"] if step["step"] == "corrected"]
    assert corrected[-1]["sources"][0]["url"].startswith("http://english.sse.com.cn/")


# ---------------------------------------------------------------------------------------------
# A4. Zhipu AI: rumours are a note, the STAR guidance filing is a stage
# ---------------------------------------------------------------------------------------------


def test_zhipus_rumoured_capital_operations_are_a_milestone_not_a_stage(seeded):
    [preparing] = facts_of(seeded, "Zhipu AI", "preparing")
    assert preparing["retracted"] is True
    assert [step["step"] for step in preparing["history"]] == ["recorded", "retracted"]
    rumours = [f for f in facts_of(seeded, "Zhipu AI", "milestone") if "rumours" in f["fields"]["description"]]
    assert [f["sources"][0]["document"] for f in rumours] == [COMMENTARY]
    assert "recent rumors of capital operations by Zhipu AI" in rumours[0]["sources"][0]["quote"]


def test_zhipu_files_for_star_guidance_on_11_february_2026(seeded):
    # Bloomberg (13 Feb 2026): Guotai Haitong and CICC hired for a STAR listing, "a document filed on Wednesday".
    assert stage(seeded, "Zhipu AI", "SSE-STAR", "2026-02-10") is None
    assert stage(seeded, "Zhipu AI", "SSE-STAR", "2026-02-11") == ("guidance", True)
    [guidance] = [f for f in facts_of(seeded, "智谱AI", "guidance") if f["venue"] == "SSE-STAR"]
    assert "Guotai Haitong" in guidance["fields"]["note"]
    assert "CICC" in guidance["fields"]["note"]
    # The April 2025 guidance (Caixin, IT时报) names no board and stays on CN-A.
    assert stage(seeded, "Zhipu AI", "CN-A", "2026-02-11") == ("guidance", True)


# ---------------------------------------------------------------------------------------------
# A5. Zhaoxin: the report's day is the submission
# ---------------------------------------------------------------------------------------------


def test_zhaoxins_17_june_is_the_submission_and_the_acceptance_stays_mid_june(seeded):
    company = "Shanghai Zhaoxin Semiconductor Co. Ltd."
    # Beiduo Finance: the application was submitted (递交) on 17 June 2025; Caixin: accepted "mid-June".
    [accepted] = facts_of(seeded, company, "accepted")
    assert accepted["date"]["text"] == "mid 2025-06"
    # The note of the existing board correction already gives the day as the submission's.
    assert "submitted on 17 June 2025" in accepted["fields"]["note"]
    assert not facts_of(seeded, company, "filed")
    assert money(accepted["fields"]["amount_sought"]) == (Decimal("4200000000"), "CNY")
    assert stage(seeded, company, "SSE-STAR", "2025-06-21") == ("accepted", True)


# ---------------------------------------------------------------------------------------------
# A6. Unisoc's rebooted plan names no board
# ---------------------------------------------------------------------------------------------


def test_unisocs_rebooted_plan_is_on_cn_a_and_the_2020_plan_stays_on_star(seeded):
    preparing = {f["date"]["text"]: f for f in facts_of(seeded, "Unisoc", "preparing")}
    assert preparing["2024/2025-07-21"]["venue"] == "CN-A"
    assert preparing["2020"]["venue"] == "SSE-STAR"
    assert stage(seeded, "Unisoc", "CN-A", "2025-07-21") == ("preparing", True)


# ---------------------------------------------------------------------------------------------
# A7. Chery: two bases for two amounts
# ---------------------------------------------------------------------------------------------


def test_cherys_two_amounts_say_which_basis_each_is(seeded):
    [listed] = facts_of(seeded, "奇瑞汽车", "listed", "HKEX-MAIN")
    # 经济参考报 / 明報: 297,397,000 H shares at HK$30.75, before any over-allotment.
    assert money(listed["fields"]["amount_raised"]) == (Decimal("9145000000"), "HKD")
    assert Decimal("297397000") * Decimal("30.75") == Decimal("9144957750.00")
    note = listed["fields"]["note"]
    assert "before any over-allotment" in note
    assert "over-allotment option exercised" in note
    assert "HK$10 billion" in note


# ---------------------------------------------------------------------------------------------
# A8. The A-share side of the A+H companies
# ---------------------------------------------------------------------------------------------

A_SHARE_LISTINGS = [
    ("三一重工", "SSE-MAIN", "2003-07-03", "600031"),  # 上市公告书, 2003-06-27
    ("赛力斯", "SSE-MAIN", "2016-06-15", "601127"),  # 小康股份 上市公告书, 2016-06-14
    ("宁德时代", "SZSE-CHINEXT", "2018-06-11", "300750"),  # 创业板上市公告书, 2018-06-08; announcement 2021-050
    ("海天味业", "SSE-MAIN", "2014-02-11", "603288"),  # 上市公告书, 上海证券报 2014-02-10; code: 发行公告, 2014-01-23
    ("Lens Technology Co. Ltd.", "SZSE-CHINEXT", "2015-03-18", "300433"),  # 上市公告书, 2015-03; 临2018-079
    ("GigaDevice Semiconductor", "SSE-MAIN", "2016-08-18", "603986"),  # 上市公告书, 2016-08-17
]


@pytest.mark.parametrize(("company", "venue", "day", "code"), A_SHARE_LISTINGS, ids=[r[0] for r in A_SHARE_LISTINGS])
def test_the_a_share_listing_of_each_a_plus_h_company_is_on_its_board_and_day(seeded, company, venue, day, code):
    assert stage(seeded, company, venue, day) == ("listed", True)
    before = date.fromordinal(date.fromisoformat(day).toordinal() - 1).isoformat()
    assert stage(seeded, company, venue, before) is None
    [listed] = facts_of(seeded, company, "listed", venue)
    assert listed["fields"]["stock_code"] == code
    assert all(s["kind"] == "disclosure" for s in listed["sources"])
    # The Hong Kong listing is still there, on its own venue.
    assert stage(seeded, company, "HKEX-MAIN", "2026-01-26") == ("listed", True)
    # The A-share code answers for the company on its own venue.
    assert {"venue": venue, "code": code} in seeded.queries.company(company, Clocks(date(2026, 3, 1)))["codes"]


def test_catl_and_lens_technology_are_on_chinext_by_two_disclosures_each(seeded):
    # The listing announcement names ChiNext and the day; a later announcement repeats both with the code.
    for company, documents in [
        ("宁德时代", {"szse-300750-listing-announcement", "szse-300750-announcement-2021-050"}),
        ("蓝思科技", {"szse-300433-listing-announcement", "szse-300433-announcement-2018-079"}),
    ]:
        [listed] = facts_of(seeded, company, "listed", "SZSE-CHINEXT")
        assert {s["document"] for s in listed["sources"]} == documents, company
        assert stage(seeded, company, "SZSE-MAIN", "2026-01-26") is None, company


# ---------------------------------------------------------------------------------------------
# B. Brought forward
# ---------------------------------------------------------------------------------------------


def test_cambricon_reports_its_first_annual_profit_on_12_march_2026(seeded):
    [profit] = [f for f in facts_of(seeded, "Cambricon", "first_profit") if f["fields"].get("period") == "2025"]
    assert profit["date"]["text"] == "2026-03-12"
    # 鉅亨網: revenue 64.97亿元, net profit attributable 20.59亿元.
    assert "6.497 billion" in profit["fields"]["description"]
    assert "2.059 billion" in profit["fields"]["description"]


def test_moore_threads_forecasts_its_2025_results_on_21_january_2026(seeded):
    [forecast] = [
        f for f in facts_of(seeded, "Moore Threads", "financials_reported") if f["fields"]["period"] == "2025"
    ]
    assert forecast["date"]["text"] == "2026-01-21"
    assert "1.45-1.52 billion" in forecast["fields"]["note"]
    assert "0.95-1.06 billion" in forecast["fields"]["note"]


def test_unitree_after_guidance_acceptance_and_the_january_2026_statement(seeded):
    milestones = {f["date"]["text"]: f for f in facts_of(seeded, "Unitree", "milestone")}
    assert "辅导验收" in milestones["2025-11-15"]["fields"]["description"]
    assert "green channel" in milestones["2026-01-04/2026-01-05"]["fields"]["description"]
    # No application is recorded: the stage stays guidance (July 2025, CN-A).
    assert stage(seeded, "Unitree", "CN-A", "2026-01-26") == ("guidance", True)
    assert not facts_of(seeded, "Unitree", "filed")
    assert not facts_of(seeded, "Unitree", "accepted")
