"""Name identity (issue 28, items 1 and 2): a name belongs to one company under every rule a read uses.

A registration or alias that reads or looks like another company's name is a 409 naming the holder;
a key merges only into the company that already holds the name; writes find companies the way reads
do; invisible, bidi and unassigned characters and mixed-script words never enter a name, nor tag
characters any text; a name registered by mistake is retired by a sourced event, after which it finds
the company that really bears it. Subclassed once per storage.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import jsonschema_rs
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from domain.companies import Company, CompanyName
from tests.api.sharing import shares_store

TOKEN = "names-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "names.txt", "published": "2025-12-01", "quote": "a quote"}
DISCLOSURE = {
    "kind": "disclosure",
    "document": "registry-check",
    "url": "https://example.org/registry",
    "title": "Company registry entry",
    "publisher": "registry",
    "published": "2025-12-02",
    "statement": "The registry lists Delta Robotics as a company of its own.",
}
COMPANIES = [
    {"name": "MetaX", "aliases": ["沐曦"], "sector": "semiconductors", "key": "metax"},
    {"name": "Moore Threads", "aliases": ["摩尔线程"], "sector": "semiconductors", "key": "moore-threads"},
    {"name": "Unisoc", "sector": "semiconductors"},
    {"name": "Cambricon", "sector": "semiconductors"},
    {"name": "Dizal Pharma", "aliases": ["Dizal"], "sector": "biotech"},
    {"name": "Hengrui Pharma", "aliases": ["恒瑞医药"], "sector": "biotech"},
    {"name": "Geek+", "aliases": ["Geek+ Robotics"], "sector": "robotics"},
    {"name": "Alpha Robotics", "sector": "robotics"},
    {"name": "Alpha Pharma", "sector": "biotech"},
]


def acceptance(company: str) -> dict[str, object]:
    return {"kind": "accepted", "company": company, "venue": "SSE-STAR", "date": "2025-06-30", "sources": [SOURCE]}


def serving(settings: Settings) -> Iterator[TestClient]:
    services = build_services(settings)
    services.app.register_companies(COMPANIES)
    with TestClient(create_app(settings, services)) as client:
        listing = {
            "kind": "listed",
            "company": "moore-threads",
            "venue": "SSE-STAR",
            "date": "2025-12-05",
            "fields": {"stock_code": "688795"},
            "sources": [SOURCE],
        }
        assert client.post("/facts", headers=AUTH, json=listing).status_code == 201
        yield client
    services.close()


class NameIdentityContract:
    @pytest.fixture
    def settings(self, database_url):
        return Settings(TIMELINE_DATABASE_URL=database_url, TIMELINE_API_TOKEN=TOKEN)

    @pytest.fixture(scope="class")
    @classmethod
    def shared_client(cls, request):
        url = request.getfixturevalue("class_database_url")
        yield from serving(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN))

    @pytest.fixture
    def client(self, request):
        if request.node.get_closest_marker("shares_store"):
            yield request.getfixturevalue("shared_client")
        else:
            yield from serving(request.getfixturevalue("settings"))

    def head(self, client) -> int:
        return client.get("/feed", params={"after": 0, "limit": 1}).json()["head"]

    def key_of(self, client, name: str) -> str:
        response = client.get(f"/companies/{name}")
        assert response.status_code == 200, response.text
        return response.json()["key"]

    # Item 1: one identity -----------------------------------------------------------------

    @pytest.mark.parametrize(
        ("name", "holder", "real"),
        [
            ("MetaX Inc.", "MetaX", "MetaX"),
            ("摩爾線程", "Moore Threads", "摩尔线程"),
            ("Dizal-Pharma", "Dizal Pharma", "Dizal Pharma"),
            ("Hengrui Pharma Group", "Hengrui Pharma", "Hengrui Pharma"),
            ("Geek", "Geek+", "Geek+"),
        ],
    )
    def test_a_name_that_reads_as_another_companys_is_409_naming_the_holder_and_the_real_one_stays_reachable(
        self, client, name, holder, real
    ):
        before = self.head(client)
        response = client.post("/companies", headers=AUTH, json={"name": name})
        assert response.status_code == 409, response.text
        assert holder in response.json()["detail"]
        assert self.head(client) == before
        assert client.get(f"/companies/{real}").json()["name"] == holder
        written = client.post("/facts", headers=AUTH, json=acceptance(name))
        assert written.status_code == 201, written.text
        assert (
            client.get(f"/facts/{written.json()['fact_id']}").json()["company_id"]
            == (client.get(f"/companies/{real}").json()["company_id"])
        )

    @shares_store
    def test_an_alias_that_reads_as_another_companys_name_is_409_too(self, client):
        response = client.post("/companies", headers=AUTH, json={"name": "Omega Chips", "aliases": ["METAX, INC."]})
        assert response.status_code == 409, response.text
        assert "MetaX" in response.json()["detail"]

    @shares_store
    @pytest.mark.parametrize(("name", "holder"), [("Carnbricon", "Cambricon"), ("UNIS0C", "Unisoc")])
    def test_a_name_that_looks_like_another_companys_is_409_naming_the_holder(self, client, name, holder):
        response = client.post("/companies", headers=AUTH, json={"name": name})
        assert response.status_code == 409, response.text
        assert holder in response.json()["detail"]
        assert "looks like" in response.json()["detail"]

    @shares_store
    def test_a_key_never_merges_a_company_that_does_not_hold_the_name(self, client):
        before = self.head(client)
        body = {"name": "Totally Different Robotics", "key": "moore-threads", "sector": "robotics"}
        response = client.post("/companies", headers=AUTH, json=body)
        assert response.status_code == 409, response.text
        assert "Moore Threads" in response.json()["detail"]
        assert self.head(client) == before
        company = client.get("/companies/Moore Threads").json()
        assert company["sector"] == "semiconductors"
        assert "Totally Different Robotics" not in company["aliases"]
        assert client.get("/companies/Totally Different Robotics").status_code == 404

    def test_registering_again_under_the_companys_own_name_and_key_still_adds_aliases(self, client):
        body = {"name": "Moore Threads", "key": "moore-threads", "aliases": ["Moore Threads Technology"]}
        assert client.post("/companies", headers=AUTH, json=body).status_code == 201
        assert self.key_of(client, "Moore Threads Technology") == "moore-threads"

    @pytest.mark.parametrize(
        "company", ["688795.SH", "SH688795", "摩爾線程", "Moore Threads Co., Ltd.", "moore-threads"]
    )
    def test_a_write_finds_a_company_by_every_spelling_a_read_does(self, client, company):
        wanted = client.get("/companies/Moore Threads").json()["company_id"]
        assert client.get(f"/companies/{company}").json()["company_id"] == wanted
        written = client.post("/facts", headers=AUTH, json=acceptance(company))
        assert written.status_code == 201, written.text
        assert client.get(f"/facts/{written.json()['fact_id']}").json()["company_id"] == wanted

    @shares_store
    def test_a_write_naming_a_company_ambiguously_is_409_listing_the_candidates_as_a_read_is(self, client):
        before = self.head(client)
        read = client.get("/companies/Alpha")
        written = client.post("/facts", headers=AUTH, json=acceptance("Alpha"))
        assert read.status_code == written.status_code == 409, written.text
        for candidate in ("Alpha Robotics", "Alpha Pharma"):
            assert candidate in written.json()["detail"]
        assert self.head(client) == before

    def test_a_name_registered_by_mistake_is_retired_by_a_sourced_event_and_the_real_company_takes_it(
        self, client, settings
    ):
        mistaken = client.post(
            "/companies", headers=AUTH, json={"name": "Alpha Robotics", "aliases": ["Delta Robotics"]}
        )
        assert mistaken.status_code == 201, mistaken.text
        refused = client.post("/companies", headers=AUTH, json={"name": "Delta Robotics Co., Ltd.", "key": "delta"})
        assert refused.status_code == 409
        assert "Alpha Robotics" in refused.json()["detail"]

        retirement = {"name": "delta robotics", "reason": "given to the wrong company", "sources": [DISCLOSURE]}
        retired = client.post("/companies/Alpha Robotics/names/retire", headers=AUTH, json=retirement)
        assert retired.status_code == 201, retired.text
        assert retired.json()["appended"] is True
        again = client.post("/companies/Alpha Robotics/names/retire", headers=AUTH, json=retirement)
        assert again.status_code == 201, again.text
        assert again.json()["appended"] is False
        assert client.get("/companies/Delta Robotics").status_code == 404
        hits = client.get("/search", params={"q": "Delta Robotics"}).json()["results"]
        assert all(hit["matched"] != "Delta Robotics" for hit in hits)

        registered = client.post("/companies", headers=AUTH, json={"name": "Delta Robotics Co., Ltd.", "key": "delta"})
        assert registered.status_code == 201, registered.text
        assert self.key_of(client, "Delta Robotics") == "delta"
        alpha = client.get("/companies/Alpha Robotics").json()
        assert "Delta Robotics" not in alpha["aliases"]
        assert [(r["name"], r["names"], r["reason"]) for r in alpha["retired_names"]] == [
            ("delta robotics", ["Delta Robotics"], "given to the wrong company")
        ]
        assert alpha["retired_names"][0]["sources"][0]["document"] == "registry-check"
        spec = client.get("/openapi.json").json()  # the answer with a retired name fits what OpenAPI declares
        declared = spec["paths"]["/companies/{name}"]["get"]["responses"]["200"]["content"]["application/json"]
        jsonschema_rs.validate({**declared["schema"], "components": spec["components"]}, alpha)
        feed = client.get("/feed", params={"after": 0, "limit": 1000}).json()["events"]
        assert [e["name"] for e in feed if e["type"] == "Company.NameRetired"] == ["delta robotics"]

        rebuilt = build_services(settings)  # the read models follow the retirement on a rebuild too
        try:
            for runner in rebuilt.projections.values():
                runner.rebuild()
            assert rebuilt.queries.resolve("Delta Robotics")["key"] == "delta"
            assert rebuilt.queries.resolve("Alpha Robotics")["aliases"] == []
        finally:
            rebuilt.close()

    def test_a_companys_only_name_retired_frees_it_and_its_key_for_the_company_that_bears_it(self, client):
        squatter = client.post("/companies", headers=AUTH, json={"name": "Epsilon Chips"})
        company_id = squatter.json()["company_id"]
        retirement = {"name": "Epsilon Chips", "reason": "no such company", "sources": [DISCLOSURE]}
        retired = client.post(f"/companies/{company_id}/names/retire", headers=AUTH, json=retirement)
        assert retired.status_code == 201, retired.text
        assert client.get("/companies/Epsilon Chips").status_code == 404
        assert client.get(f"/companies/{company_id}").json()["retired_names"][0]["names"] == ["Epsilon Chips"]
        again = client.post("/companies", headers=AUTH, json={"name": "Epsilon Chips"})
        assert again.status_code == 409, again.text  # its key is still the retired company's id
        real = client.post("/companies", headers=AUTH, json={"name": "Epsilon Chips", "key": "epsilon-chips"})
        assert real.status_code == 201, real.text
        assert client.get("/companies/Epsilon Chips").json()["company_id"] == real.json()["company_id"]

    @shares_store
    def test_retiring_a_name_the_company_does_not_have_is_404_and_without_sources_422(self, client):
        retirement = {"name": "Cambricon", "reason": "wrong", "sources": [DISCLOSURE]}
        assert client.post("/companies/MetaX/names/retire", headers=AUTH, json=retirement).status_code == 404
        unsourced = {"name": "沐曦", "reason": "wrong", "sources": []}
        assert client.post("/companies/MetaX/names/retire", headers=AUTH, json=unsourced).status_code == 422
        assert client.post("/companies/MetaX/names/retire", json=retirement).status_code == 401

    def test_a_server_taking_writes_claims_the_names_of_a_store_written_before_name_identities(self, settings):
        services = build_services(settings)
        company = Company.register("MetaX", ("沐曦",))  # as companies were registered before: spellings only
        services.app.save(company, *(CompanyName(name=name, company_id=company.id) for name in company.names))
        with TestClient(create_app(settings, services)) as client:
            response = client.post("/companies", headers=AUTH, json={"name": "MetaX Inc."})
            assert response.status_code == 409, response.text
            assert "MetaX" in response.json()["detail"]
        services.close()

    # Item 2: invisible and look-alike characters --------------------------------------------

    @shares_store
    @pytest.mark.parametrize(
        "character",
        [
            "\u200b",  # zero width space
            "\u200c",
            "\u200d",
            "\u200e",  # left-to-right mark
            "\u200f",
            "\u2060",  # word joiner
            "\u2061",
            "\u2064",
            "\ufeff",
            "\u00ad",  # soft hyphen
            "\u034f",  # combining grapheme joiner
            "\u061c",  # Arabic letter mark
            "\ufe0f",  # variation selector-16
            "\U000e0041",  # tag Latin capital letter A
            "\U000e0100",  # variation selector-17
        ],
    )
    def test_an_invisible_character_in_a_name_is_422_naming_it(self, client, character):
        before = self.head(client)
        for body in ({"name": f"Unisoc{character}"}, {"name": "Fresh Co", "aliases": [f"Uni{character}soc"]}):
            response = client.post("/companies", headers=AUTH, json=body)
            assert response.status_code == 422, response.text
            detail = response.text
            assert f"U+{ord(character):04X}" in detail
            if unicodedata.name(character, ""):
                assert unicodedata.name(character) in detail
        assert self.head(client) == before
        assert [hit["name"] for hit in client.get("/search", params={"q": "Unisoc"}).json()["results"]][:1] == [
            "Unisoc"
        ]

    @shares_store
    @pytest.mark.parametrize("name", ["Сambricon", "ΜetaX", "Robo Мetrics", "ΜΕΤΑΧ"])
    def test_a_look_alike_name_in_another_script_is_refused(self, client, name):
        before = self.head(client)
        response = client.post("/companies", headers=AUTH, json={"name": name})
        assert response.status_code in (409, 422), response.text
        assert self.head(client) == before

    @pytest.mark.parametrize("name", ["Яндекс Роботы", "Αλφα Robotics", "H股 Robotics", "Zhipu · 智谱"])
    def test_a_name_written_in_one_script_per_word_is_accepted(self, client, name):
        response = client.post("/companies", headers=AUTH, json={"name": name})
        assert response.status_code == 201, response.text

    @shares_store
    @pytest.mark.parametrize(
        ("field", "change"),
        [
            ("quote", {"sources": [{**SOURCE, "quote": "hidden\U000e0069\U000e0067text"}]}),
            ("summary", {"summary": "fine\U000e0041"}),
            ("period", {"fields": {"period": "FY2024\U000e0041", "metrics": {"revenue": "CNY 1"}}}),
        ],
    )
    def test_a_tag_character_is_refused_in_any_text(self, client, field, change):
        before = self.head(client)
        financials = {"kind": "financials_reported", "company": "MetaX", "date": "2025", "sources": [SOURCE]}
        financials["fields"] = {"period": "FY2024", "metrics": {"revenue": "CNY 1"}}
        response = client.post("/facts", headers=AUTH, json={**financials, **change})
        assert response.status_code == 422, response.text
        assert field in response.text
        assert "U+E00" in response.text
        assert self.head(client) == before

    def test_a_tag_character_is_refused_in_a_reason(self, client):
        fact_id = client.post("/facts", headers=AUTH, json=acceptance("MetaX")).json()["fact_id"]
        before = self.head(client)
        body = {"reason": "wrong\U000e0041", "sources": [SOURCE]}
        response = client.post(f"/facts/{fact_id}/retractions", headers=AUTH, json=body)
        assert response.status_code == 422, response.text
        assert "reason" in response.text
        assert "U+E0041" in response.text
        assert self.head(client) == before
