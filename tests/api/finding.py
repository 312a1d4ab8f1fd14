"""Finding a company the way people write it: legal names without their suffix, short forms, keys,
traditional characters, stock codes; ambiguity is a 409 listing every fitting company, an unknown
name a 404 with the nearest names, and /search ranks the intended company first."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from seeds.loading import load_seeds

TOKEN = "finding-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "codes.txt", "published": "2025-12-01", "quote": "a quote"}

# Every spelling the issue lists as failing, with the company (by its key) it must find.
SPELLINGS = [
    ("Shanghai Zhaoxin Semiconductor", "zhaoxin"),
    ("Shanghai Advanced Silicon Technology", "shanghai-advanced-silicon"),
    ("Shanghai Enflame Technology", "enflame"),
    ("Shanghai Biren Intelligent Technology", "biren"),
    ("Moore Threads Technology", "moore-threads"),
    ("Unisoc Shanghai Technologies", "unisoc"),
    ("ChangXin Memory Technologies", "changxin-memory"),
    ("UBTech Robotics", "ubtech"),
    ("Sichuan Biokin Pharmaceutical", "biokin"),
    ("Sinocelltech Group", "sinocelltech"),
    ("Zhaoxin Semiconductor", "zhaoxin"),
    ("Shanghai Advanced Silicon", "shanghai-advanced-silicon"),
    ("Zhipu", "zhipu-ai"),
    ("Healthgen", "heyuan-biotech"),
    ("Iluvatar", "iluvatar-corex"),
    ("HYC", "hyc-technology"),
    ("shanghai-advanced-silicon", "shanghai-advanced-silicon"),
    ("Zhaoxin", "zhaoxin"),
    ("Enflame", "enflame"),
    ("UBTech", "ubtech"),
    ("ＵＢＴＥＣＨ  ROBOTICS corp., ltd", "ubtech"),
    ("壁仞科技股份有限公司", "biren"),
    ("上海壁仞科技", "biren"),
]


class FindingContract:
    @pytest.fixture(scope="class")
    @classmethod
    def client(cls, request):
        url = request.getfixturevalue("class_database_url")
        settings = Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN)
        services = build_services(settings)
        load_seeds(services.app)
        for name in ("Alpha Robotics", "Alpha Pharma"):
            services.app.register_company(name)
        with TestClient(create_app(settings, services)) as client:
            for company, venue, code in [
                ("Alpha Robotics", "SSE-STAR", "688999"),
                ("Alpha Pharma", "HKEX-MAIN", "06082"),
                ("Alpha Pharma", "SZSE-CHINEXT", "300999"),
            ]:
                body = {"kind": "listed", "company": company, "venue": venue, "date": "2025-12-05"}
                body |= {"fields": {"stock_code": code}, "sources": [SOURCE]}
                assert client.post("/facts", headers=AUTH, json=body).status_code == 201
            yield client
        services.close()

    @pytest.mark.parametrize(("spelling", "key"), SPELLINGS)
    def test_every_spelling_people_use_resolves_to_its_company(self, client, spelling, key):
        response = client.get(f"/companies/{spelling}", params={"as_of": "2026-01-09"})
        assert response.status_code == 200, response.text
        assert response.json()["key"] == key

    @pytest.mark.parametrize("code", ["688999", "688999.SH", "SH688999", "sh688999", "688999.ss"])
    def test_a_star_code_resolves_in_every_usual_spelling(self, client, code):
        assert client.get(f"/companies/{code}").json()["name"] == "Alpha Robotics"

    @pytest.mark.parametrize("code", ["6082.HK", "06082.HK", "HK6082", "06082", "300999.SZ"])
    def test_a_hong_kong_or_shenzhen_code_resolves_too(self, client, code):
        assert client.get(f"/companies/{code}").json()["name"] == "Alpha Pharma"

    def test_the_company_answer_shows_its_codes_per_venue_and_where_each_name_comes_from(self, client):
        body = client.get("/companies/Alpha Pharma").json()
        assert body["codes"] == [{"venue": "HKEX-MAIN", "code": "06082"}, {"venue": "SZSE-CHINEXT", "code": "300999"}]
        assert {"name": "Alpha Pharma", "source": None} in body["names"]

    def test_a_name_that_fits_two_companies_is_409_listing_both(self, client):
        response = client.get("/companies/Alpha")
        assert response.status_code == 409
        assert "Alpha Robotics" in response.text
        assert "Alpha Pharma" in response.text

    def test_an_unknown_name_is_404_naming_the_nearest(self, client):
        response = client.get("/companies/Moore Thraeds Inc")
        assert response.status_code == 404
        assert "did you mean" in response.json()["detail"]
        assert "Moore Threads" in response.json()["detail"], response.json()["detail"]

    @pytest.mark.parametrize(
        ("query", "first"),
        [
            ("moore thread", "Moore Threads"),  # partial
            ("zhipuu", "Zhipu AI"),  # misspelled
            ("Camrbicon", "Cambricon Technologies Corp. Ltd."),  # transposed letters
            ("壁仞", "Shanghai Biren Intelligent Technology Co. Ltd."),  # Chinese
            ("天数", "Iluvatar CoreX"),  # the start of a Chinese name
            ("688999.SH", "Alpha Robotics"),  # a code
        ],
    )
    def test_search_ranks_the_intended_company_first_and_says_why(self, client, query, first):
        results = client.get("/search", params={"q": query}).json()["results"]
        assert results, query
        assert results[0]["name"] == first
        assert results[0]["why"]
        assert results[0]["matched"]

    def test_openapi_documents_search_and_the_optional_as_of(self, client):
        spec = client.get("/openapi.json").json()
        assert "/search" in spec["paths"]
        for path in ("/pipeline", "/companies/{name}", "/time-in-stage"):
            as_of = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "as_of")
            assert as_of["required"] is False
            assert "Asia/Shanghai" in as_of["description"]

    def test_the_feed_gives_an_alias_its_source_and_a_registered_name_none(self, client):
        client.post("/companies", headers=AUTH, json={"name": "Alpha Robotics", "aliases": ["阿尔法机器人"]})
        events, after = [], 0
        while page := client.get("/feed", params={"after": after, "limit": 1000}).json()["events"]:
            events += page
            after = page[-1]["position"]
        aliases = [e for e in events if e["type"] == "Company.AliasAdded"]
        assert aliases
        assert all(e["sources"][0]["kind"] in ("article", "disclosure", "report") for e in aliases if "sources" in e)
        assert all(None not in e.get("sources", []) for e in events)
        unsourced = next(e for e in aliases if e["alias"] == "阿尔法机器人")
        assert "sources" not in unsourced  # registered under that name, citing nothing
