"""/openapi.json is a contract a client generator can use: clean operation ids, the vocabulary as enums on the
query parameters that take it (without refusing words the server reads), GET /vocabulary, days declared
``format: date``, and a write body's every problem reported at once with its field path."""

from __future__ import annotations

from pathlib import Path

import jsonschema_rs
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from domain.vocabulary import MARKETS, PROGRESS_STAGES, FactKind, Sector, Stage, Venue

TOKEN = "contract-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "001.txt", "published": "2025-07-01", "quote": "a verbatim quote"}


@pytest.fixture(scope="module")
def client(seeded):
    url = f"sqlite:///{seeded.app.env['SQLITE_DBNAME']}"
    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN), seeded)) as client:
        yield client


@pytest.fixture(scope="module")
def spec(client):
    return client.get("/openapi.json").json()


def operations(spec):
    return [(path, method, op) for path, item in spec["paths"].items() for method, op in item.items()]


def test_every_operation_id_is_its_endpoints_name_and_unique(client, spec):
    endpoints = {
        (route.path, method.lower()): route.endpoint.__name__
        for route in client.app.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }
    ids = [op["operationId"] for _, _, op in operations(spec)]
    assert len(ids) == len(set(ids)), ids
    for path, method, op in operations(spec):
        assert op["operationId"] == endpoints[(path, method)]
    assert {"pipeline", "company", "timeline", "record_fact", "vocabulary"} <= set(ids)


def parameter(spec, path, name):
    (found,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
    return found["schema"]


def enums_offered(spec, schema):
    """The enum words a schema offers, through $refs and anyOf, and whether it also takes any text."""
    words, any_text = set(), False
    for given in schema.get("anyOf", [schema]):
        branch = spec["components"]["schemas"][given["$ref"].rsplit("/", 1)[1]] if "$ref" in given else given
        if "enum" in branch:
            words |= set(branch["enum"])
        elif branch.get("type") == "string":
            any_text = True
    return words, any_text


@pytest.mark.parametrize(
    ("path", "name", "words"),
    [
        ("/pipeline", "venue", set(Venue)),
        ("/pipeline", "stage", set(Stage)),
        ("/pipeline", "sector", set(Sector)),
        ("/pipeline.csv", "venue", set(Venue)),
        ("/companies/{name}/history", "venue", set(Venue)),
        ("/timeline", "venue", set(MARKETS)),
        ("/timeline", "kind", set(FactKind)),
        ("/changes", "venue", set(Venue)),
        ("/time-in-stage", "venue", set(Venue)),
        ("/revisions", "stage", set(Stage)),
        ("/panel", "stage", set(Stage)),
        ("/panel", "sector", set(Sector)),
        ("/stats/pipeline-counts", "venue", set(Venue)),
    ],
)
def test_vocabulary_parameters_offer_the_enum_and_still_take_text(spec, path, name, words):
    offered, any_text = enums_offered(spec, parameter(spec, path, name))
    assert offered == words
    assert any_text, "declared as the enum alone, FastAPI would refuse the aliases the server reads"


def test_a_word_off_the_enum_reaches_the_servers_own_parser(client):
    response = client.get("/pipeline", params={"venue": "NOT-A-BOARD"})
    assert response.status_code == 422
    assert "is not one of SSE-STAR" in response.text  # our 422 listing the words, not pydantic's enum error
    assert client.get("/pipeline", params={"venue": "SSE-STAR", "stage": "accepted"}).status_code == 200


def test_the_vocabulary_lists_every_word_stages_in_pipeline_order(client):
    answer = client.get("/vocabulary").json()
    assert answer["venues"] == list(Venue)
    assert answer["markets"] == list(MARKETS)
    assert answer["stages"] == list(Stage)
    assert answer["progress_stages"] == list(PROGRESS_STAGES)
    assert answer["stages"].index("accepted") < answer["stages"].index("listed") < answer["stages"].index("lapsed")
    assert [k["kind"] for k in answer["kinds"]] == list(FactKind)
    assert {k["category"] for k in answer["kinds"]} == {"stage", "company", "market"}
    assert answer["sectors"] == list(Sector)
    # every name people use for a venue is one the filters read, and answers as its code
    assert answer["venue_names"]["科创板"] == "SSE-STAR"
    for name, code in answer["venue_names"].items():
        assert client.get("/pipeline", params={"as_of": "2025-06-30", "venue": name, "limit": 1}).status_code == 200
        assert code in list(Venue)


def test_the_viewer_keeps_no_vocabulary_of_its_own(client):
    # The script is one ES module per job (api/web/*.js): none keeps a list the API already gives.
    modules = sorted(path.name for path in (Path(__file__).resolve().parents[2] / "api" / "web").glob("*.js"))
    assert "app.js" in modules
    assert len(modules) > 1
    scripts = {name: client.get(f"/static/{name}").text for name in modules}
    assert "/vocabulary" in scripts["common.js"]
    for name, script in scripts.items():
        for listed in ('"SSE-STAR"', '"preparing"', '"semiconductors"'):
            assert listed not in script, (name, listed)


DAY_FIELDS = {
    "DaySpan": ["earliest", "latest"],
    "Fact": ["earliest", "latest", "public_from"],
    "Pipeline": ["as_of", "published_by", "reported_since"],
    "Company": ["as_of"],
    "Changes": ["from", "to"],
    "Timeline": ["from", "to"],
    "TimeInStage": ["as_of"],
    "StatsCounts": ["from", "to"],
    "CountsPoint": ["date"],
    "Revisions": ["as_of", "published_by", "published_since", "published_until"],
    "HistoryRectangle": ["valid_from", "valid_to", "public_from"],
    "Panel": ["from", "to"],
    "PanelRow": ["date"],
}


def test_day_fields_of_answers_say_format_date(spec):
    for model, fields in DAY_FIELDS.items():
        properties = spec["components"]["schemas"][model]["properties"]
        for field in fields:
            branches = properties[field].get("anyOf", [properties[field]])
            assert any(b.get("format") == "date" for b in branches), (model, field, properties[field])


def test_day_query_parameters_say_format_date(spec):
    for path, method, op in operations(spec):
        for p in op.get("parameters", []):
            if p["name"] in {"as_of", "from", "to", "published_by", "published_since", "published_until"}:
                # on the text branch itself, where a generator reads it (a typed client then takes a date)
                branches = p["schema"].get("anyOf", [p["schema"]])
                assert any(b.get("format") == "date" for b in branches), (method, path, p)


READS = [
    "/pipeline?as_of=2025-06-30&published_by=2025-07-01",
    "/companies/MiniMax?as_of=2026-01-09",
    "/companies/MiniMax/history",
    "/timeline?from=2025-06-01&to=2025-07-31",
    "/changes?from=2025-06-01&to=2025-07-31",
    "/time-in-stage?as_of=2026-01-31",
    "/stats/pipeline-counts?from=2025-01-01&to=2025-06-30",
    "/revisions?as_of=2025-06-30&published_since=2025-06-01&published_until=2025-08-01",
    "/panel?from=2025-01-01&to=2025-03-31&freq=month",
    "/vocabulary",
]


@pytest.mark.parametrize("url", READS)
def test_real_answers_hold_real_dates_where_the_schema_says_date(client, spec, url):
    path = client.get(url).request.url.path
    route = "/companies/{name}/history" if path.endswith("/history") else path
    route = "/companies/{name}" if route.startswith("/companies/") and "history" not in route else route
    schema = spec["paths"][route]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    validator = jsonschema_rs.validator_for({**schema, "components": spec["components"]}, validate_formats=True)
    validator.validate(client.get(url).json())


def test_a_fact_with_several_bad_fields_gets_one_422_naming_each(client):
    body = {
        "kind": "floated",
        "company": "MetaX",
        "venue": "MOON",
        "date": "the thirty-second of June",
        "sources": [SOURCE, {**SOURCE, "published": "someday"}],
    }
    response = client.post("/facts", headers=AUTH, json=body)
    assert response.status_code == 422, response.text
    places = {tuple(problem["loc"]) for problem in response.json()["detail"]}
    assert {
        ("body", "kind"),
        ("body", "venue"),
        ("body", "date"),
        ("body", "sources", 1, "published"),
    } <= places, response.text


def test_a_kinds_fields_are_judged_with_the_other_fields(client):
    body = {
        "kind": "funding_round",
        "company": "MetaX",
        "date": "sometime",
        "fields": {"no_such_field": 1},
        "sources": [SOURCE],
    }
    response = client.post("/facts", headers=AUTH, json=body)
    assert response.status_code == 422, response.text
    places = {tuple(problem["loc"]) for problem in response.json()["detail"]}
    assert {("body", "date"), ("body", "fields")} <= places, response.text


def test_a_correction_with_several_bad_fields_gets_one_422_naming_each(client):
    fact_id = client.get("/timeline", params={"from": "2025-06-01", "to": "2025-07-31"}).json()["events"][0]
    body = {"date": "never", "venue": "MOON", "reason": "", "sources": [{**SOURCE, "published": "?"}]}
    response = client.post(f"/facts/{fact_id['fact_id']}/corrections", headers=AUTH, json=body)
    assert response.status_code == 422, response.text
    places = {tuple(problem["loc"]) for problem in response.json()["detail"]}
    assert {
        ("body", "date"),
        ("body", "venue"),
        ("body", "reason"),
        ("body", "sources", 0, "published"),
    } <= places, response.text
