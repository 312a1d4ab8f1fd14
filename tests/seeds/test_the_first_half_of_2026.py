"""The record brought into the first half of 2026 (seeds/facts/record-2026-h1.yaml), checked against the
pages it cites.

Expected values are written from the source itself (an SCMP opinion column of 27 June 2026, carried by
wpnews.pro; see seeds/documents.yaml), never read from the YAML: the column says the SSE has clarified how
unprofitable AI large-model companies can use the STAR fifth listing standard and that Unitree has moved
further through the STAR process; it gives no day for the rule and no stage for Unitree; a Deep News story
gives MetaX's 2025 forecast of 27 January 2026. The real seeds
are loaded into a real SQLite store and asked through the application and the read-model queries.
"""

from __future__ import annotations

from datetime import date

from projections.clocks import Clocks
from seeds.reading import read_seeds

RECORD = "facts/record-2026-h1.yaml"
COLUMN = "scmp-2026-06-27-tech-ipo-surprise"


def ai_rule(seeded) -> dict:
    found = [
        f
        for f in seeded.app.market_facts("SSE-STAR")
        if f["kind"] == "listing_standard_changed" and "large-model" in f["fields"].get("description", "")
    ]
    assert len(found) == 1, found
    return found[0]


def test_the_fifth_standard_is_opened_to_ai_large_models_by_the_column_of_27_june_2026(seeded):
    rule = ai_rule(seeded)
    assert rule["fields"]["standard"] == "fifth listing standard"
    # No day on the page: from the CSRC's announcement of 18 June 2025 to the column, not "17 June 2026".
    assert (rule["date"]["earliest"], rule["date"]["latest"]) == ("2025-06-18", "2026-06-27")
    assert rule["date"]["text"] != "2026-06-17"
    [source] = rule["sources"]
    assert (source["document"], source["kind"]) == (COLUMN, "report")
    assert source["publisher"].startswith("South China Morning Post")
    assert source["published"]["latest"] == "2026-06-27"
    assert source["statement"]
    assert "quote" not in source


def test_the_rocket_rule_and_the_ai_rule_are_two_facts_on_star(seeded):
    rules = [f for f in seeded.app.market_facts("SSE-STAR") if f["kind"] == "listing_standard_changed"]
    # Guideline No. 9 for rockets (26 December 2025) and the AI large-model clarification (by 27 June 2026).
    assert sorted(f["date"]["latest"] for f in rules) == ["2025-12-26", "2026-06-27"]


def test_unitree_is_on_the_star_track_in_june_2026_without_a_stage(seeded):
    [milestone] = [
        f for f in seeded.app.company_facts("Unitree") if f["kind"] == "milestone" and f["date"]["text"] == "2026-06-27"
    ]
    assert "STAR" in milestone["fields"]["description"]
    assert [s["document"] for s in milestone["sources"]] == [COLUMN]
    # The column names no stage: the pipeline keeps the 2025 guidance and nothing on SSE-STAR is inferred.
    answer = seeded.queries.company("Unitree", Clocks(date(2026, 6, 30)))
    venues = {v["venue"]: (v["stage"], v["certain"]) for v in answer["venues"]}
    assert venues.get("CN-A") == ("guidance", True)
    assert "SSE-STAR" not in venues


def test_unitree_june_2026_milestone_is_not_seen_before_the_column_is_public(seeded):
    def milestone_days(published_by: date) -> set[str]:
        answer = seeded.queries.company("Unitree", Clocks(date(2026, 7, 1), published_by=published_by))
        return {f["date"] for f in answer["facts"] if f["kind"] == "milestone"}

    assert "2026-06-27" not in milestone_days(date(2026, 6, 26))
    assert "2026-06-27" in milestone_days(date(2026, 6, 27))


def test_metax_forecasts_its_2025_results_on_27_january_2026(seeded):
    # Deep News: revenue 1.6-1.7 billion yuan (+115.32%-128.78%), loss 650-798 million yuan (-43.36%-53.86%).
    [forecast] = [f for f in seeded.app.company_facts("MetaX") if f["kind"] == "financials_reported"]
    assert (forecast["date"]["text"], forecast["fields"]["period"]) == ("2026-01-27", "2025")
    for figure in ("1.6-1.7 billion", "115.32%-128.78%", "650-798 million", "43.36%-53.86%"):
        assert figure in forecast["fields"]["note"], figure
    assert [s["document"] for s in forecast["sources"]] == ["deepnews-2026-01-27-metax-forecast"]


def test_every_entry_of_the_first_half_file_cites_a_report_in_its_own_words():
    entries = [entry for fact in read_seeds().facts for entry in fact.entries if entry.file == RECORD]
    assert len(entries) == 3
    for entry in entries:
        assert entry.source.kind in ("disclosure", "report"), entry.key
        assert entry.source.quote is None, entry.key
        assert entry.source.statement, entry.key
        assert (entry.source.url or "").startswith(("http://", "https://")), entry.key
