"""The viewer's page carries the board (and a company asked for) as HTML, from the same answers the API
gives, so a reader without JavaScript, a link preview or a screenshot sees them."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.views.page import Page


@pytest.fixture(scope="module")
def client(seeded):
    app = create_app(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{seeded.app.env['SQLITE_DBNAME']}"), seeded)
    with TestClient(app) as test_client:
        yield test_client


def test_the_board_of_a_day_is_in_the_html_with_every_entry_the_pipeline_answer_has(client):
    response = client.get("/", params={"as_of": "2025-06-30"})
    assert response.status_code == 200
    page = Page(response.text)
    accepted = " ".join(page.names("SSE-STAR", "accepted"))
    assert "Moore Threads" in accepted
    assert "MetaX" in accepted
    answer = client.get("/pipeline", params={"as_of": "2025-06-30", "limit": 1000}).json()
    assert sum(len(cards) for cards in page.cards.values()) == answer["total"]
    for entry in answer["entries"]:
        assert len(page.names(entry["venue"], entry["stage"])) == answer["counts"][entry["venue"]][entry["stage"]]
    assert page.ids["status"].startswith(f"{answer['total']} companies on 2025-06-30")
    assert "as known now" in page.ids["board-clocks"]


def test_the_title_and_link_preview_name_the_day_and_the_filters(client):
    page = Page(client.get("/", params={"as_of": "2025-06-30", "venue": "STAR", "stage": "accepted"}).text)
    for field in (page.meta["og:title"], page.ids["board-title"]):
        assert "2025-06-30" in field
    assert "SSE-STAR" in page.meta["og:title"]
    assert "accepted" in page.meta["og:title"]
    assert "2025-06-30" in page.meta["og:description"]
    assert "SSE-STAR" in page.meta["og:description"]
    assert set(page.cards) == {("SSE-STAR", "accepted")}


def test_the_downloads_are_the_apis_own_csv_for_the_same_question(client):
    page = Page(client.get("/", params={"as_of": "2025-06-30", "venue": "SSE-STAR", "certain_only": "true"}).text)
    board_csv = client.get(page.links["board-csv"])
    assert board_csv.status_code == 200
    assert board_csv.headers["content-type"].startswith("text/csv")
    rows = board_csv.text.strip().splitlines()[1:]
    assert len(rows) == sum(len(cards) for cards in page.cards.values())
    assert "certain_only=true" in page.links["board-csv"]
    facts_csv = client.get(page.links["facts-csv"])
    assert facts_csv.status_code == 200
    assert "MetaX" in facts_csv.text


def test_a_company_asked_in_the_address_is_rendered_with_its_codes_flags_and_sources(client):
    response = client.get("/", params={"as_of": "2026-01-09", "company": "688795.SH"})
    page = Page(response.text)
    assert response.status_code == 200
    assert page.ids["company-name"] == "Moore Threads"
    assert page.ids["company-codes"] == "SSE-STAR 688795"
    assert "blacklisted (entity list) since late 2023" in page.ids["company-flags"]
    assert "in the STAR growth tier since 2025-12-05" in page.ids["company-flags"]
    answer = client.get("/companies/688795.SH", params={"as_of": "2026-01-09"}).json()
    for fact in answer["facts"]:
        for source in fact["sources"]:
            assert (source.get("title") or source["document"]) in page.ids["company-facts"]
            assert f"published {source['published']['text']}" in page.ids["company-facts"]
    assert page.meta["og:title"].startswith("Moore Threads on 2026-01-09")


def test_a_name_that_fits_no_one_exactly_opens_no_company_and_says_did_you_mean(client):
    response = client.get("/", params={"as_of": "2026-01-09", "company": "科技"})
    page = Page(response.text)
    assert response.status_code == 404
    assert page.ids["company-name"] == ""
    assert "did you mean" in page.ids["company-problem"]
    assert page.cards, "the board is still shown"


def test_a_bad_day_is_a_422_page_naming_the_parameter(client):
    response = client.get("/", params={"as_of": "2025-13-01"})
    assert response.status_code == 422
    assert "as_of" in Page(response.text).ids["problem"]


def test_listed_states_are_never_called_stale_and_late_reports_never_count_negative_days(client):
    page = Page(client.get("/", params={"as_of": "2026-12-31"}).text)
    listed = [text for (venue, stage), cards in page.cards.items() if stage == "listed" for text in cards]
    waiting = [text for (venue, stage), cards in page.cards.items() if stage == "accepted" for text in cards]
    assert listed
    assert not any("stale" in text for text in listed)
    assert waiting
    assert all("stale" in text for text in waiting)
    early = Page(client.get("/", params={"as_of": "2025-06-30"}).text)
    texts = [text for cards in early.cards.values() for text in cards]
    assert any("reported later, on " in text for text in texts)
    assert not any(re.search(r"-\d+ days|days after", text) for text in texts)


def test_the_page_offers_the_vocabulary_the_api_reads(client):
    vocabulary = client.get("/vocabulary").json()
    html = client.get("/", params={"as_of": "2025-06-30"}).text
    for select, words in (
        ("venue", vocabulary["venues"]),
        ("stage", vocabulary["stages"]),
        ("sector", vocabulary["sectors"]),
    ):
        block = html[
            html.index(f'<select id="{select}"') : html.index("</select>", html.index(f'<select id="{select}"'))
        ]
        assert re.findall(r'<option value="([^"]+)"', block) == words
