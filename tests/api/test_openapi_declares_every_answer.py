"""/openapi.json describes every read answer field by field, and real answers fit it."""

from __future__ import annotations

import jsonschema_rs
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.answers import examples
from api.app import create_app
from api.deps import declared_query
from api.settings import Settings

READS = {
    "/pipeline": "/pipeline?as_of=2025-06-30&limit=5",
    "/companies/{name}": "/companies/MiniMax?as_of=2026-01-09",
    "/timeline": "/timeline?from=2025-06-01&to=2025-07-31",
    "/changes": "/changes?from=2025-06-01&to=2025-07-31",
    "/time-in-stage": "/time-in-stage?as_of=2026-01-31",
    "/search": "/search?q=moore",
    "/feed": "/feed?after=0&limit=50",
    "/stats/pipeline-counts": "/stats/pipeline-counts?from=2025-01-01&to=2025-06-30",
    "/stats/time-to-listing": "/stats/time-to-listing?venue=SSE-STAR&as_of=2026-01-31&cohort=quarter",
    "/revisions": "/revisions?as_of=2025-06-30&published_since=2025-06-01&published_until=2025-08-01",
    "/companies/{name}/history": "/companies/MiniMax/history",
    "/panel": "/panel?from=2025-01-01&to=2025-12-31&venue=SSE-STAR",
    "/panel/leaks": "/panel/leaks?from=2025-01-01&to=2025-12-31",
}


@pytest.fixture(scope="module")
def client(seeded):
    app = create_app(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{seeded.app.env['SQLITE_DBNAME']}"), seeded)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def spec(client):
    return client.get("/openapi.json").json()


def answer_schema(spec, path):
    content = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return {**content, "components": spec["components"]}


def test_every_read_route_declares_its_answer_with_named_fields(spec):
    for path, item in spec["paths"].items():
        get = item.get("get")
        if get is None or "application/json" not in get["responses"]["200"].get("content", {}):
            continue
        schema = get["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, f"GET {path} declares no answer model: {schema}"
        declared = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        assert declared.get("properties"), f"GET {path}: {declared}"


@pytest.mark.parametrize("path", sorted(READS))
def test_a_real_answer_fits_its_declared_schema(client, spec, path):
    body = client.get(READS[path]).json()
    jsonschema_rs.validate(answer_schema(spec, path), body)


def test_an_answer_missing_a_field_would_not_fit(client, spec):
    body = client.get(READS["/pipeline"]).json()
    del body["entries"][0]["since"]
    with pytest.raises(jsonschema_rs.ValidationError, match="since"):
        jsonschema_rs.validate(answer_schema(spec, "/pipeline"), body)


def test_a_foreign_cursor_is_a_422_naming_it(client):
    answer = client.get("/pipeline?cursor=bm90LWEtY3Vyc29y")
    assert answer.status_code == 422
    assert "cursor" in answer.text


@pytest.mark.parametrize(("path", "name"), [("/pipeline", "PIPELINE"), ("/companies/{name}", "COMPANY")])
def test_the_documented_examples_fit_their_schemas(spec, path, name):
    assert spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    jsonschema_rs.validate(answer_schema(spec, path), getattr(examples, name))


def test_the_query_parameters_read_from_a_routes_dependencies_are_those_its_operation_lists(client, spec):
    routes = [route for route in client.app.routes if isinstance(route, APIRoute) and route.include_in_schema]
    assert len(routes) > 20
    for route in routes:
        for method in route.methods:
            operation = spec["paths"][route.path][method.lower()]
            listed = {p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"}
            assert declared_query(route) == listed, (method, route.path)
