"""No server-side request forgery through a subscription's URL: by default a target on loopback, a private
network, link-local (the cloud's metadata address) or any address that is not public is a 422 naming the
reason, whether written as an address or as a name resolving to one; TIMELINE_WEBHOOK_HOSTS lists the
receivers allowed instead; and the check runs again at delivery time, so a receiver allowed once but refused
now gets nothing."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from application.subscriptions import Scope, subscribe
from tests.api.webhooks.receiver import receiving

TOKEN = "ssrf-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SECRET = "a-secret-of-sixteen-or-more"
SOURCE = {"document": "ssrf.txt", "published": "2025-07-01", "quote": "a test quote"}


def answer_to(settings: Settings, url: str) -> tuple[int, str]:
    """The status of a subscription to ``url``, and the message of its 422 (which must name ``url``)."""
    with TestClient(create_app(settings)) as client:
        made = client.post(
            "/subscriptions", headers=AUTH, json={"query": "/pipeline?venue=STAR", "url": url, "secret": SECRET}
        )
    if made.status_code != 422:
        return made.status_code, made.text
    (problem,) = made.json()["detail"]
    assert problem["loc"] == ["body", "url"]
    return 422, str(problem["msg"])


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:8000/hook", "the host 127.0.0.1 is a loopback address"),
        ("http://10.1.2.3/hook", "the host 10.1.2.3 is a private address"),
        ("http://192.168.0.10/hook", "the host 192.168.0.10 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "the host 169.254.169.254 is a link-local address"),
        ("http://[::1]:8080/hook", "the host ::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/hook", "the host ::ffff:127.0.0.1 is a loopback address"),
        ("http://0.0.0.0/hook", "the host 0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/hook", "the host 224.0.0.1 is a multicast address"),
        ("http://localhost:8000/hook", "the host localhost resolves to"),
        ("ftp://example.com/hook", "the URL must be http or https"),
        ("http://user:pass@example.com/hook", "must not carry a user name or password"),
    ],
)
def test_a_target_on_the_service_s_own_networks_is_a_422_naming_the_reason(sqlite_url, url, reason):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=TOKEN)
    status, message = answer_to(settings, url)
    assert status == 422
    assert reason in message


def test_a_name_is_refused_for_the_loopback_address_it_resolves_to(sqlite_url):
    settings = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=TOKEN)
    _, message = answer_to(settings, "http://localhost:8000/hook")
    assert "the host localhost resolves to 127.0.0.1, a loopback address" in message or (
        "the host localhost resolves to ::1, a loopback address" in message
    )
    assert "TIMELINE_WEBHOOK_HOSTS" in message


def test_with_a_list_of_receivers_only_those_are_allowed(sqlite_url):
    listed = Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=TOKEN, TIMELINE_WEBHOOK_HOSTS="127.0.0.1")
    assert answer_to(listed, "http://127.0.0.1:9/hook")[0] == 201
    status, message = answer_to(listed, "http://10.0.0.7/hook")
    assert status == 422
    assert "the host 10.0.0.7 is not in TIMELINE_WEBHOOK_HOSTS" in message
    cidr = listed.model_copy(update={"webhook_hosts": "10.0.0.0/8, localhost"})
    assert answer_to(cidr, "http://10.20.30.40/hook")[0] == 201
    assert answer_to(cidr, "http://localhost:9/hook")[0] == 201  # named: whatever it resolves to
    assert answer_to(cidr, "http://127.0.0.1:9/hook")[0] == 422  # the address itself is not listed


def test_a_target_refused_at_delivery_time_gets_nothing_and_its_error_says_why(sqlite_url):
    allowing = Settings(
        TIMELINE_DATABASE_URL=sqlite_url,
        TIMELINE_API_TOKEN=TOKEN,
        TIMELINE_WEBHOOK_HOSTS="127.0.0.1",
        TIMELINE_WEBHOOK_ATTEMPTS=1,
        TIMELINE_CATCH_UP_POLL=0,
    )
    services = build_services(allowing)
    refusing = allowing.model_copy(update={"webhook_hosts": ""})  # the receiver is no longer allowed
    with receiving() as receiver, TestClient(create_app(refusing, services)) as client:
        assert client.post("/companies", headers=AUTH, json={"name": "Rebind Robotics"}).status_code == 201
        company_id = str(services.queries.resolve("Rebind Robotics")["company_id"])
        made = subscribe(services.app, "/companies/Rebind Robotics", receiver.url, SECRET, Scope(company_id))
        fact = {"kind": "accepted", "company": "Rebind Robotics", "venue": "SSE-STAR", "date": "2025-06-30"}
        assert client.post("/facts", headers=AUTH, json={**fact, "sources": [SOURCE]}).status_code == 201
        deadline = time.monotonic() + 10
        while not (state := client.get(f"/subscriptions/{made.id}").json())["parked"]:
            assert time.monotonic() < deadline, state
            time.sleep(0.05)
        assert receiver.received == []
    services.close()
    assert state["last_error"].startswith("target refused: the host 127.0.0.1 is a loopback address")
