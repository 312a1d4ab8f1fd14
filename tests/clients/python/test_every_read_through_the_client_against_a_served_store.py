"""Every read of the Python client against a real `timeline serve` process on the seed data, answers typed by the
generated models; and a write with a token, whose refusal lists every problem."""

from __future__ import annotations

import datetime as dt
import json
import time
from xml.etree import ElementTree as ET

import pyarrow as pa
import pytest
from timeline_client import ApiError, Client
from timeline_client.generated.models import Company, Pipeline, Stage, Venue, Vocabulary

from tests.api.webhooks.receiver import receiving
from tests.conftest import copy_store
from tests.e2e.conftest import TOKEN, free_port, server_env, start_server
from tools.generate_client import CLIENT

pytestmark = pytest.mark.slow

# Operations the client leaves to the generated calls: an endless live tail and Prometheus text.
NOT_WRAPPED = {"feed_stream", "metrics"}


@pytest.fixture(scope="module")
def server(tmp_path_factory, served_seed_store):
    data = tmp_path_factory.mktemp("client")
    port = free_port()
    env = server_env(data, port, TIMELINE_WEBHOOK_HOSTS="127.0.0.1")  # the subscription test's receiver
    copy_store(served_seed_store, data / "timeline.db")
    process = start_server(env, port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def client(server):
    with Client(server) as client:
        yield client


def test_the_client_wraps_every_read_operation():
    spec = json.loads((CLIENT / "openapi.json").read_text(encoding="utf-8"))
    reads = {op["operationId"] for item in spec["paths"].values() for method, op in item.items() if method == "get"}
    wrapped = {name for name in dir(Client) if not name.startswith("_")}
    assert reads - NOT_WRAPPED - {"healthz"} <= wrapped
    assert "health" in wrapped


def test_the_pipeline_on_a_day_with_the_clocks_as_keywords(client):
    answer = client.pipeline(as_of="2025-06-30", venue=Venue.SSE_STAR, stage=Stage.ACCEPTED)
    assert isinstance(answer.answer, Pipeline)
    assert answer.as_of == dt.date(2025, 6, 30)
    assert {entry.company for entry in answer} >= {"Moore Threads", "MetaX"}
    assert all(entry.stage == "accepted" for entry in answer.rows)
    pinned = client.pipeline(as_of=dt.date(2025, 6, 30), known_at=answer.basis.position, published_by="2025-07-21")
    assert pinned.published_by == dt.date(2025, 7, 21)
    frame = answer.to_pandas()
    assert len(frame) == len(answer)
    assert "since.earliest" in frame.columns
    assert "Moore Threads" in client.pipeline_csv(as_of="2025-06-30", venue="SSE-STAR")


def test_a_venue_alias_or_any_text_reaches_the_server_as_sent(client):
    with pytest.raises(ApiError) as refused:
        client.pipeline(venue="MOON")
    assert refused.value.status == 422
    assert "venue" in str(refused.value.detail)


def test_a_company_and_its_history(client):
    company = client.company("壁仞科技", as_of="2026-01-09")
    assert isinstance(company, Company)
    assert [venue.stage for venue in company.venues] == ["listed"]
    assert client.company("壁仞科技", as_of="2026-01-09", published_by="2019-01-01").venues == []
    history = client.company_history("MiniMax")
    assert len(history) > 0
    assert history.rectangles[0].valid_from <= dt.date.today()
    with pytest.raises(ApiError) as unknown:
        client.company("No Such Company Anywhere")
    assert unknown.value.status == 404


def test_search_timeline_changes_time_in_stage_and_a_fact(client):
    assert client.search("moore").rows[0].company_id
    events = client.timeline("2025-06-01", "2025-07-31", venue="SSE-STAR")
    assert len(events) > 0
    assert all(event.earliest <= dt.date(2025, 7, 31) and event.latest >= dt.date(2025, 6, 1) for event in events)
    fact = client.fact(events.rows[0].fact_id)
    assert fact.fact_id == events.rows[0].fact_id
    assert fact.history
    changes = client.changes("2025-06-01", "2025-07-15", venue="SSE-STAR")
    assert {change.company for change in changes} >= {"Moore Threads", "MetaX"}
    spans = client.time_in_stage(as_of="2026-01-31")
    assert len(spans) > 0
    assert spans.summary


def test_revisions_counts_feed_vocabulary_and_health(client):
    revisions = client.revisions(as_of="2025-06-30", published_since="2025-06-01", published_until="2025-08-01")
    assert revisions.published_until == dt.date(2025, 8, 1)
    head = client.feed(after=0, limit=5)
    assert len(head) == 5
    assert head.head >= 5
    revised = client.revisions(since=1, until=head.head, as_of="2025-06-30")
    assert revised.until.position == head.head
    counts = client.pipeline_counts("2025-01-01", "2025-06-30", venue="SSE-STAR", vintage="as_published")
    assert counts.points[-1].date == dt.date(2025, 6, 30)
    vocabulary = client.vocabulary()
    assert isinstance(vocabulary, Vocabulary)
    assert vocabulary.stages[0] == Stage.PREPARING
    assert Venue.SSE_STAR in vocabulary.venues
    assert client.health().status == "ok"


def test_the_panel_as_arrow_as_pandas_and_as_typed_rows(client):
    table = client.panel("2025-01-01", "2025-12-31", venue="SSE-STAR")
    assert isinstance(table, pa.Table)
    assert {"date", "company_id", "venue", "stage_as_published", "stage_hindsight", "leak"} <= set(table.column_names)
    frame = client.panel("2025-01-01", "2025-12-31", venue="SSE-STAR", as_pandas=True)
    assert len(frame) == table.num_rows
    rows = client.panel_json("2025-01-01", "2025-12-31", venue="SSE-STAR")
    assert len(rows) == table.num_rows
    leaks = client.panel_leaks("2025-01-01", "2025-12-31")
    assert leaks.points[0].date == dt.date(2025, 1, 31)


def test_writes_need_the_token_and_a_refusal_lists_every_problem(server):
    body = {
        "kind": "floated",
        "company": "MetaX",
        "venue": "MOON",
        "date": "2025-07-01",
        "sources": [{"document": "001.txt", "published": "someday", "quote": "q"}],
    }
    with Client(server) as anonymous, pytest.raises(ApiError) as refused:
        anonymous.register_company({"name": "Client Test Co"})
    assert refused.value.status in (401, 403)
    with Client(server, token=TOKEN) as writer:
        with pytest.raises(ApiError) as invalid:
            writer.record_fact(body)
        places = {tuple(problem["loc"]) for problem in invalid.value.detail}
        assert {("body", "kind"), ("body", "venue"), ("body", "sources", 0, "published")} <= places
        written = writer.register_company({"name": "Client Test Co", "sector": "robotics"})
        assert written.appended
        assert written.position > 0


def test_time_to_listing_and_the_timeline_as_csv_through_the_client(client):
    curves = client.time_to_listing("SSE-STAR", as_of="2026-01-31")
    assert curves.answer.venue == "SSE-STAR"
    assert any(cohort.listed for cohort in curves.rows)
    text = client.timeline_csv("2025-06-01", "2025-07-31", venue="STAR")
    assert text.splitlines()[0].startswith("fact_id,date")
    assert "Moore Threads" in text


def test_a_subscription_made_read_as_atom_and_ended_through_the_client(server):
    source = {"document": "client.txt", "published": "2025-07-01", "quote": "a quote"}
    secret = "client-secret-0123456789"
    with Client(server, token=TOKEN) as writer, receiving() as receiver:
        writer.register_company({"name": "Client Subscriber Co"})
        made = writer.subscribe({"query": "/companies/Client Subscriber Co", "url": receiver.url, "secret": secret})
        fact = {"kind": "accepted", "company": "Client Subscriber Co", "venue": "SSE-STAR", "date": "2025-06-30"}
        written = writer.record_fact({**fact, "sources": [source]})
        (got,) = receiver.wait_for(1)
        assert got.signed_with(secret)
        deadline = time.monotonic() + 20
        while (state := writer.subscription(made.subscription_id)).delivered_position < written.position:
            assert time.monotonic() < deadline, state
            time.sleep(0.05)
        assert state.query == "/companies/Client Subscriber Co"
        assert state.parked is False
        entries = ET.fromstring(writer.subscription_feed(made.subscription_id)).findall(
            "{http://www.w3.org/2005/Atom}entry"
        )
        assert [entry.findtext("{http://www.w3.org/2005/Atom}id") for entry in entries] == [
            f"urn:uuid:{got.json['delivery_id']}"
        ]
        ended = writer.end_subscription(made.subscription_id)
        assert ended.appended
        assert writer.subscription(made.subscription_id).ended_position == ended.position


def test_a_source_reads_back_with_its_citation_and_grade_and_min_source_grade_filters(client):
    everything = client.timeline("2019-01-01", "2026-12-31", company="moore-threads", limit=1000)
    primary = client.timeline(
        "2019-01-01", "2026-12-31", company="moore-threads", limit=1000, min_source_grade="primary_disclosure"
    )
    assert 0 < len(primary) < len(everything)
    (blacklisted,) = [event for event in everything if event.kind == "blacklisted"]
    (source,) = blacklisted.sources
    assert source.title == "Cover Story: A New Gold Rush Begins in China’s Hard Tech Sector"
    assert source.publisher == "Caixin"
    assert source.grade == "reputable_report"
    assert all(event.kind != "blacklisted" for event in primary)
