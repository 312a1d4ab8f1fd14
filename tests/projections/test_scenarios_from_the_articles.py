"""Scenarios written from the articles, asked of the seeded read models."""

from __future__ import annotations

from datetime import date

from projections.clocks import Clocks


def stage(seeded, company: str, venue: str, day: str, **clocks) -> tuple[str, bool] | None:
    answer = seeded.queries.company(company, Clocks(date.fromisoformat(day), **clocks))
    found = [(v["stage"], v["certain"]) for v in answer["venues"] if v["venue"] == venue]
    return found[0] if found else None


def in_pipeline(seeded, day: str, venue: str, wanted_stage: str, **clocks) -> set[str]:
    snapshot = seeded.queries.pipeline(Clocks(date.fromisoformat(day), **clocks), venue=venue, stage=wanted_stage)
    return {entry["company"] for entry in snapshot["entries"]}


def test_moore_threads_and_metax_are_accepted_on_star_on_30_june_2025_but_not_the_day_before(seeded):
    assert {"Moore Threads", "MetaX"} <= in_pipeline(seeded, "2025-06-30", "SSE-STAR", "accepted")
    before = in_pipeline(seeded, "2025-06-29", "SSE-STAR", "accepted")
    assert "Moore Threads" not in before
    assert "MetaX" not in before


def test_zhaoxins_mid_june_acceptance_is_possible_but_not_certain_on_15_june(seeded):
    # Caixin names no board; a later report on the SSE review status names the STAR Market, so the
    # acceptance is corrected to SSE-STAR (seeds/revisions.yaml).
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-06-15") == ("accepted", False)
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-06-20") == ("accepted", True)
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-06-10") is None
    assert stage(seeded, "Shanghai Zhaoxin Semiconductor Co. Ltd.", "SSE-STAR", "2025-06-15", certain_only=True) is None


def test_biren_is_blacklisted_for_certain_from_2024_and_only_possibly_in_late_2023(seeded):
    flags = seeded.queries.company("壁仞科技", Clocks(date(2024, 1, 1)))["flags"]
    assert (flags["blacklisted"]["value"], flags["blacklisted"]["certain"]) == (True, True)
    flags = seeded.queries.company("Biren", Clocks(date(2023, 10, 1)))["flags"]
    assert (flags["blacklisted"]["value"], flags["blacklisted"]["certain"]) == (True, False)
    flags = seeded.queries.company("Biren", Clocks(date(2023, 8, 31)))["flags"]
    assert flags["blacklisted"]["value"] is False


def test_the_january_2026_hkex_wave_lists_biren_iluvatar_zhipu_and_minimax(seeded):
    listed = in_pipeline(seeded, "2026-01-09", "HKEX-MAIN", "listed")
    assert {"Shanghai Biren Intelligent Technology Co. Ltd.", "Iluvatar CoreX", "Zhipu AI", "MiniMax"} <= listed
    assert "MiniMax" not in in_pipeline(seeded, "2026-01-08", "HKEX-MAIN", "listed")


def test_healthgen_passes_the_listing_committee_on_1_july_2025(seeded):
    assert stage(seeded, "Healthgen Biotech", "SSE-STAR", "2025-07-01") == ("approved", True)
    # The SSE's English site dates the inquiry stage 19 January 2023 (facts/later-disclosures.yaml).
    assert stage(seeded, "Wuhan Heyuan Biotechnology Co. Ltd.", "SSE-STAR", "2025-06-30") == ("inquiry", True)


def test_no_look_ahead_hides_facts_whose_sources_were_not_yet_published(seeded):
    # The earliest source of the Biren listing is China Daily Asia of 2 January 2026 (IT时报 follows on
    # 26 January); nothing published before then reports it.
    assert stage(seeded, "Biren", "HKEX-MAIN", "2026-01-09") == ("listed", True)
    assert stage(seeded, "Biren", "HKEX-MAIN", "2026-01-09", published_by=date(2026, 1, 1)) is None
    assert stage(seeded, "Biren", "HKEX-MAIN", "2026-01-09", published_by=date(2026, 1, 2)) == ("listed", True)


def test_counts_add_up_to_the_entries(seeded):
    snapshot = seeded.queries.pipeline(Clocks(date(2025, 6, 30)))
    assert sum(n for by_stage in snapshot["counts"].values() for n in by_stage.values()) == snapshot["total"]
    assert snapshot["counts"]["SSE-STAR"]["accepted"] >= 2


def test_changes_between_june_and_july_2025_include_heyuans_approval(seeded):
    moved = seeded.queries.changes(date(2025, 6, 1), date(2025, 7, 31), Clocks(date(2025, 7, 31)))["changes"]
    heyuan = [m for m in moved if m["company"].startswith("Wuhan Heyuan")]
    # The SSE's English site dates the inquiry stage 19 January 2023 (facts/later-disclosures.yaml).
    assert [(m["from"], m["to"]) for m in heyuan] == [("inquiry", "approved")]


def test_the_timeline_lists_market_facts_too(seeded):
    events = seeded.queries.timeline(date(2019, 7, 22), date(2019, 7, 22), Clocks(date(2019, 7, 22)))["events"]
    assert any(e["kind"] == "venue_launched" and e["market"] == "SSE-STAR" for e in events)


def test_time_in_stage_measures_heyuans_wait_from_filing_to_approval_as_uncertain(seeded):
    answer = seeded.queries.time_in_stage(Clocks(date(2026, 1, 31)), company="Healthgen Biotech")
    [span] = [s for s in answer["spans"] if (s["from"], s["to"]) == ("filed", "approved")]
    assert span["certain"] is False  # filed "2022-12" (Yicai, revisions.yaml): a month-wide date
    assert span["min_days"] == (date(2025, 7, 1) - date(2022, 12, 31)).days
    assert span["max_days"] == (date(2025, 7, 1) - date(2022, 12, 1)).days
    [summary] = [s for s in answer["summary"] if (s["from"], s["to"]) == ("filed", "approved")]
    assert (summary["venue"], summary["year"], summary["count"], summary["uncertain"]) == ("SSE-STAR", 2025, 1, 1)
