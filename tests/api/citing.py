"""Sources a journalist can cite, drawn from the seed documents: an article source shows its title, publisher,
date and link instead of its file name, every source its grade, and min_source_grade keeps the facts with a
source of at least that grade. Subclassed per database (the citations are read-model rows of the store)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Citation
from seeds.loading import load_seeds

TOKEN = "citing-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CAIXIN = "000_bd29c5250f60b916.txt"
CAIXIN_TITLE = "Cover Story: A New Gold Rush Begins in China’s Hard Tech Sector"
CAIXIN_URL = (
    "https://www.caixinglobal.com/2025-07-21/"
    "cover-story-a-new-gold-rush-begins-in-chinas-hard-tech-sector-102343179.html"
)
EVERYTHING = {"from": "2000-01-01", "to": "2026-12-31", "limit": 1000}


def _keys(facts: list[dict[str, Any]]) -> set[tuple[str, str | None, str]]:
    return {(fact["kind"], fact["venue"], fact["date"]) for fact in facts}


class CitingContract:
    @pytest.fixture(scope="class")
    @classmethod
    def services(cls, request):
        url = request.getfixturevalue("class_database_url")
        services = build_services(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN))
        load_seeds(services.app)
        yield services
        services.close()

    @pytest.fixture(scope="class")
    @classmethod
    def client(cls, request, services):
        url = request.getfixturevalue("class_database_url")
        settings = Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN)
        with TestClient(create_app(settings, services)) as client:
            yield client

    def test_a_caixin_sourced_fact_shows_the_cover_story_by_title_publisher_date_and_link(self, client):
        answer = client.get("/companies/moore-threads", params={"as_of": "2026-01-31"}).json()
        (blacklisted,) = [fact for fact in answer["facts"] if fact["kind"] == "blacklisted"]
        (source,) = blacklisted["sources"]
        assert source["document"] == CAIXIN
        assert source["title"] == CAIXIN_TITLE
        assert source["publisher"] == "Caixin"
        assert source["published"]["text"] == "2025-07-21"
        assert source["url"] == CAIXIN_URL
        assert source["language"] == "en"
        assert source["grade"] == "reputable_report"
        assert "Caixin" in source["grade_reason"]

    def test_an_article_without_a_known_link_shows_its_title_and_publisher_and_no_link(self, client):
        facts = client.get("/timeline", params={**EVERYTHING, "company": "Zhipu AI"}).json()["events"]
        (rumours,) = [fact for fact in facts if fact["kind"] == "milestone" and "rumour" in fact["summary"].lower()]
        (source,) = rumours["sources"]
        assert source["title"] == "Why are Zhipu AI and MiniMax in such a hurry to return to the A-share market?"
        assert source["publisher"].startswith("unknown (AI-generated commentary")
        assert "url" not in source
        assert source["grade"] == "other"

    def test_a_listing_announcement_is_graded_a_primary_disclosure(self, client):
        facts = client.get("/timeline", params={**EVERYTHING, "company": "moore-threads", "kind": "listed"}).json()
        (listed,) = facts["events"]
        grades = {source["document"]: source["grade"] for source in listed["sources"]}
        assert grades == {
            "sse-688795-listing-announcement": "primary_disclosure",
            "yangtse-2025-12-08-moore-threads-listing": "reputable_report",
        }

    def test_a_fact_history_and_the_revisions_cite_their_sources_too(self, client, services):
        facts = client.get("/timeline", params={**EVERYTHING, "company": "Zhipu AI"}).json()["events"]
        fact_id = next(fact["fact_id"] for fact in facts if "rumour" in fact["summary"].lower())
        history = client.get(f"/facts/{fact_id}").json()["history"]
        assert history[0]["sources"][0]["title"].startswith("Why are Zhipu AI")
        head = services.queries.head()
        changed = client.get("/revisions", params={"since": 0, "until": head, "as_of": "2026-01-31"}).json()
        cited = [s for change in changed["changes"] for cause in change["causes"] for s in cause["sources"]]
        assert cited
        assert all("grade" in source and "title" in source for source in cited)

    def test_min_source_grade_keeps_the_facts_with_a_source_of_at_least_that_grade(self, client):
        def facts(grade: str | None) -> set[tuple[str, str | None, str]]:
            params = {**EVERYTHING, "company": "moore-threads"} | ({"min_source_grade": grade} if grade else {})
            return _keys(client.get("/timeline", params=params).json()["events"])

        every, other, reputable, primary = (
            facts(None),
            facts("other"),
            facts("reputable_report"),
            facts("primary_disclosure"),
        )
        assert primary < reputable <= other == every
        assert ("blacklisted", None, "late 2023") in reputable - primary  # Caixin only
        assert ("listed", "SSE-STAR", "2025-12-05") in primary  # the listing announcement
        # the CSRC registration rests on ETNet's report and the prospectus notice: primary by the notice
        assert any(kind == "registered" for kind, _venue, _date in primary)

    def test_the_commentary_alone_counts_only_with_other(self, client):
        def minimax(grade: str | None) -> list[str]:
            params = {"as_of": "2026-12-03"} | ({"min_source_grade": grade} if grade else {})
            answer = client.get("/companies/MiniMax", params=params).json()
            return [venue["venue"] for venue in answer["venues"]]

        assert "SSE-STAR" in minimax(None)
        assert "SSE-STAR" in minimax("other")
        assert "SSE-STAR" not in minimax("reputable_report")

    def test_on_the_board_a_grade_keeps_the_entries_whose_deciding_fact_has_such_a_source(self, client):
        def board(grade: str | None, **more: str) -> dict[tuple[str, str], str]:
            params = {"as_of": "2026-01-31", **more} | ({"min_source_grade": grade} if grade else {})
            answer = client.get("/pipeline", params=params).json()
            assert answer["total"] == len(answer["entries"])
            return {(entry["company"], entry["venue"]): entry["stage"] for entry in answer["entries"]}

        every, primary = board(None), board("primary_disclosure")
        assert set(primary.items()) < set(every.items())
        assert primary[("Moore Threads", "SSE-STAR")] == "listed"
        # a source counts from the day it was certainly public: the day before the listing announcement,
        # the listing is unknown and the prospectus notice's registration decides
        before = board("primary_disclosure", published_by="2025-12-02")
        assert before[("Moore Threads", "SSE-STAR")] == "registered"
        counts = client.get("/pipeline", params={"as_of": "2026-01-31", "min_source_grade": "primary_disclosure"})
        assert sum(n for by_stage in counts.json()["counts"].values() for n in by_stage.values()) == len(primary)

    def test_an_unknown_grade_is_a_422_naming_the_parameter(self, client):
        answer = client.get("/timeline", params={"from": "2025-01-01", "min_source_grade": "best"})
        assert answer.status_code == 422
        assert "min_source_grade" in answer.text

    def test_an_answer_pinned_before_a_document_was_described_shows_the_source_as_it_was(self, client, services):
        source = {"document": "citing-late-document.txt", "published": "2025-03-01", "quote": "a quote"}
        assert client.post("/companies", json={"name": "Citing Test Co"}, headers=AUTH).status_code == 201
        recorded = client.post(
            "/facts",
            json={
                "kind": "milestone",
                "company": "Citing Test Co",
                "date": "2025-03-01",
                "fields": {"description": "x"},
            }
            | {"sources": [source]},
            headers=AUTH,
        ).json()
        citation = Citation("article", "A late title", "A publisher", parse_date("2025-03-01"), "other", "why")
        (described,) = services.app.describe_documents([("citing-late-document.txt", citation)])
        services.projection.catch_up()
        pinned = client.get(f"/facts/{recorded['fact_id']}", params={"known_at": recorded["position"]}).json()
        latest = client.get(f"/facts/{recorded['fact_id']}", params={"min_position": described.position}).json()
        assert "title" not in pinned["sources"][0]
        assert "grade" not in pinned["sources"][0]
        assert latest["sources"][0]["title"] == "A late title"
        assert latest["sources"][0]["grade"] == "other"
        params = {"from": "2025-01-01", "to": "2025-12-31", "company": "Citing Test Co"}
        graded = client.get("/timeline", params=params | {"min_source_grade": "other"}).json()
        ungraded_then = client.get(
            "/timeline", params=params | {"min_source_grade": "other", "known_at": recorded["position"]}
        ).json()
        assert graded["total"] == 1
        assert ungraded_then["total"] == 0
