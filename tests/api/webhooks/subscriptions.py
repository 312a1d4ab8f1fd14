"""Standing queries end to end, through the API: a subscription made, writes that change its answer delivered
to a real receiver (signed, in order, retried, parked), its state, its Atom feed, its end. Subclassed per
storage: on SQLite the serving process delivers by itself; on PostgreSQL a deliverer runs beside it, as
``timeline deliver`` does."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.etree import ElementTree as ET

import orjson
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import Services, build_services
from api.settings import Settings
from api.webhooks.worker import Deliverer
from tests.api.webhooks.receiver import receiving

TOKEN = "webhook-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECRET = "a-secret-of-sixteen-or-more"
SOURCE = {"document": "webhooks.txt", "published": "2025-07-01", "quote": "a test quote"}
ATOM = "{http://www.w3.org/2005/Atom}"


class SubscriptionsContract:
    database_url: str
    delivers_in_process: bool

    @pytest.fixture
    def settings(self, database_url: str) -> Settings:
        return Settings(
            TIMELINE_DATABASE_URL=database_url,
            TIMELINE_API_TOKEN=TOKEN,
            TIMELINE_WEBHOOK_HOSTS="127.0.0.1",
            TIMELINE_WEBHOOK_TIMEOUT=2,
            TIMELINE_WEBHOOK_ATTEMPTS=3,
            TIMELINE_WEBHOOK_BACKOFF=0.05,
            TIMELINE_CATCH_UP_POLL=0,
        )

    @pytest.fixture
    def served(self, settings: Settings) -> Iterator[tuple[TestClient, Services]]:
        services = build_services(settings)
        with TestClient(create_app(settings, services)) as client, self._delivering(services, settings):
            yield client, services
        services.close()

    @contextmanager
    def _delivering(self, services: Services, settings: Settings) -> Iterator[None]:
        """On PostgreSQL, what `timeline deliver` runs, in a thread of the test; on SQLite the server does it."""
        if self.delivers_in_process:
            assert services.delivers_in_process
            yield
            return
        assert not services.delivers_in_process
        stop: asyncio.Event | None = None
        loop = asyncio.new_event_loop()

        def run() -> None:
            nonlocal stop
            stop = asyncio.Event()
            loop.run_until_complete(Deliverer(services, settings).run(stop, poll=0.05))

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        try:
            yield
        finally:
            while stop is None:
                time.sleep(0.01)
            loop.call_soon_threadsafe(stop.set)
            thread.join(10)
            loop.close()

    # Helpers -------------------------------------------------------------------------------

    def subscribe(self, client: TestClient, query: str, url: str) -> str:
        made = client.post("/subscriptions", headers=AUTH, json={"query": query, "url": url, "secret": SECRET})
        assert made.status_code == 201, made.text
        assert SECRET not in made.text
        return str(made.json()["subscription_id"])

    def company(self, client: TestClient, name: str) -> None:
        assert client.post("/companies", headers=AUTH, json={"name": name}).status_code == 201

    def accepted(self, client: TestClient, name: str, day: str = "2025-06-30") -> dict[str, Any]:
        body = {"kind": "accepted", "company": name, "venue": "SSE-STAR", "date": day, "sources": [SOURCE]}
        written = client.post("/facts", headers=AUTH, json=body)
        assert written.status_code == 201, written.text
        return dict(written.json())

    def state(self, client: TestClient, subscription_id: str) -> dict[str, Any]:
        answer = client.get(f"/subscriptions/{subscription_id}")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    def settled(self, client: TestClient, subscription_id: str, position: int) -> dict[str, Any]:
        """The state once everything up to ``position`` is delivered (or found to be no change)."""
        deadline = time.monotonic() + 20
        while (state := self.state(client, subscription_id))["delivered_position"] < position:
            assert time.monotonic() < deadline, state
            time.sleep(0.05)
        return state

    # Tests -----------------------------------------------------------------------------------

    def test_a_write_that_changes_the_answer_is_posted_signed_and_one_that_does_not_is_not(self, served):
        client, _ = served
        self.company(client, "Hookline Robotics")
        self.company(client, "Elsewhere Optics")
        with receiving() as receiver:
            followed = self.subscribe(client, "/companies/Hookline Robotics", receiver.url)
            written = self.accepted(client, "Hookline Robotics")
            (got,) = receiver.wait_for(1)
            other = self.accepted(client, "Elsewhere Optics")
            state = self.settled(client, followed, other["position"])
            assert len(receiver.received) == 1  # the other company's fact changed nothing in this answer

        assert got.signed_with(SECRET)
        assert not got.signed_with(SECRET + "x")
        body = got.json
        assert set(body) == {"subscription_id", "delivery_id", "since", "position", "query", "changes"}
        assert (body["subscription_id"], body["query"]) == (followed, "/companies/Hookline Robotics")
        assert got.headers["x-timeline-delivery"] == body["delivery_id"]
        assert body["position"] >= written["position"] > body["since"]
        (change,) = body["changes"]
        assert (change["company"], change["venue"], change["before"]) == ("Hookline Robotics", "SSE-STAR", None)
        assert change["after"]["stage"] == "accepted"
        (cause,) = change["causes"]
        assert cause["step"] == "recorded"
        assert body["since"] < cause["position"] <= written["position"]
        assert state["delivered_position"] >= other["position"]
        assert state["pending"] is None
        assert state["parked"] is False
        assert state["last_error"] is None
        assert SECRET not in orjson.dumps(state).decode()
        assert SECRET not in client.get("/feed?after=0&limit=1000").text

    def test_a_correction_rewriting_the_past_is_delivered_after_the_fact_in_position_order(self, served):
        client, _ = served
        self.company(client, "Backdate Semiconductor")
        with receiving() as receiver:
            followed = self.subscribe(client, "/pipeline?venue=SSE-STAR&stage=accepted", receiver.url)
            fact = self.accepted(client, "Backdate Semiconductor", "2025-06-30")
            receiver.wait_for(1)
            corrected = client.post(
                f"/facts/{fact['fact_id']}/corrections",
                headers=AUTH,
                json={"date": "2025-03-14", "reason": "the filing was earlier", "sources": [SOURCE]},
            )
            assert corrected.status_code == 201, corrected.text
            first, second = receiver.wait_for(2)
        assert first.json["position"] <= second.json["since"] < second.json["position"]
        (change,) = second.json["changes"]
        assert change["before"]["since"]["text"] == "2025-06-30"
        assert change["after"]["since"]["text"] == "2025-03-14"
        assert [c["step"] for c in change["causes"]] == ["corrected"]
        assert change["causes"][0]["reason"] == "the filing was earlier"
        # The receiver has the delivery before the deliverer has written down its 2xx: wait for that, then the
        # subscription has reached exactly the delivered position.
        assert self.settled(client, followed, second.json["position"])["delivered_position"] == second.json["position"]

    def test_a_500_is_retried_with_the_same_delivery_until_it_is_taken(self, served):
        client, _ = served
        self.company(client, "Retry Photonics")
        with receiving() as receiver:
            receiver.script.statuses = [500, 503]
            followed = self.subscribe(client, "/companies/Retry Photonics", receiver.url)
            written = self.accepted(client, "Retry Photonics")
            attempts = receiver.wait_for(3)
            state = self.settled(client, followed, written["position"])
        assert len({a.headers["x-timeline-delivery"] for a in attempts}) == 1
        assert len({a.body for a in attempts}) == 1
        assert all(a.signed_with(SECRET) for a in attempts)
        assert state["attempts"] == 0
        assert state["last_error"] is None
        assert not state["parked"]
        (made,) = state["deliveries"]
        assert made["attempts"] == 3
        assert made["delivered_at"] is not None

    def test_after_the_last_attempt_it_is_parked_with_the_error_shown(self, served):
        client, _ = served
        self.company(client, "Parked Lasers")
        with receiving() as receiver:
            receiver.script.statuses = [500] * 10
            followed = self.subscribe(client, "/companies/Parked Lasers", receiver.url)
            self.accepted(client, "Parked Lasers")
            receiver.wait_for(3)
            deadline = time.monotonic() + 10
            while not (state := self.state(client, followed))["parked"]:
                assert time.monotonic() < deadline, state
                time.sleep(0.05)
        assert state["attempts"] == 3
        assert len(receiver.received) == 3
        assert state["last_error"] == "HTTP 500: receiver says no"
        assert state["pending"] is not None
        assert state["pending"]["delivered_at"] is None
        assert state["delivered_position"] == state["created_position"]

    def test_the_atom_feed_carries_the_changes_the_webhook_got(self, served):
        client, _ = served
        self.company(client, "Feedreader Quantum")
        with receiving() as receiver:
            followed = self.subscribe(client, "/companies/Feedreader Quantum", receiver.url)
            self.accepted(client, "Feedreader Quantum")
            (got,) = receiver.wait_for(1)
        feed = client.get(f"/subscriptions/{followed}/feed.atom")
        assert feed.status_code == 200
        assert feed.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(feed.content)
        (entry,) = root.findall(f"{ATOM}entry")
        assert entry.findtext(f"{ATOM}id") == f"urn:uuid:{got.json['delivery_id']}"
        assert orjson.loads(entry.findtext(f"{ATOM}content") or "") == got.json
        assert "Feedreader Quantum on SSE-STAR: (none) -> accepted since 2025-06-30" in (
            entry.findtext(f"{ATOM}summary") or ""
        )

    def test_delete_ends_it_and_a_second_delete_appends_nothing(self, served):
        client, _ = served
        self.company(client, "Ending Materials")
        with receiving() as receiver:
            followed = self.subscribe(client, "/companies/Ending Materials", receiver.url)
            ended = client.delete(f"/subscriptions/{followed}", headers=AUTH)
            assert ended.status_code == 200
            assert ended.json()["appended"] is True
            again = client.delete(f"/subscriptions/{followed}", headers=AUTH)
            assert again.status_code == 200
            assert again.json()["appended"] is False
            written = self.accepted(client, "Ending Materials")
            watcher = self.subscribe(client, "/companies/Ending Materials", receiver.url)
            self.accepted(client, "Ending Materials", "2025-07-15")
            (got,) = receiver.wait_for(1)  # the second subscription's; the ended one had nothing
        assert got.json["subscription_id"] == watcher
        state = self.state(client, followed)
        assert state["ended_position"] == ended.json()["position"] < written["position"]
        assert state["deliveries"] == []
        assert client.delete("/subscriptions/6b1f5a62-0000-4000-8000-000000000000", headers=AUTH).status_code == 404
        assert client.get("/subscriptions/6b1f5a62-0000-4000-8000-000000000000").status_code == 404

    @pytest.mark.parametrize(
        ("query", "names"),
        [
            ("/nowhere", "no read route answers '/nowhere'"),
            ("/companies/Nobody At All Ltd", "Nobody At All Ltd"),
            ("/pipeline?venue=MOON", "'MOON' is not one of"),
            ("/pipeline?colour=red", "/pipeline has no parameter 'colour'"),
            ("/pipeline?known_at=5", "known_at pins the answer"),
            ("/feed?after=0", "/feed cannot be a standing query"),
            ("https://example.com/pipeline", "is not a path of this service"),
            ("/pipeline?as_of=2025-02-30", "as_of"),
        ],
    )
    def test_a_query_no_read_route_takes_is_a_422_naming_it(self, served, query, names):
        client, _ = served
        made = client.post(
            "/subscriptions", headers=AUTH, json={"query": query, "url": "http://127.0.0.1:9/h", "secret": SECRET}
        )
        assert made.status_code == 422, made.text
        (problem,) = made.json()["detail"]
        assert problem["loc"] == ["body", "query"]
        assert names in problem["msg"]

    def test_a_short_secret_is_a_422_and_no_token_a_401(self, served):
        client, _ = served
        body = {"query": "/pipeline", "url": "http://127.0.0.1:9/h", "secret": "short"}
        made = client.post("/subscriptions", headers=AUTH, json=body)
        assert made.status_code == 422
        assert made.json()["detail"][0]["loc"] == ["body", "secret"]
        assert "short" not in made.text
        assert client.post("/subscriptions", json={**body, "secret": SECRET}).status_code == 401
