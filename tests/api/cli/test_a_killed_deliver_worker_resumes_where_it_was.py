"""SIGKILL `timeline deliver` again and again while writes go on: restarted, it delivers the rest, nothing
lost and nothing out of order. A delivery may arrive twice (at least once: the one being sent when the kill
landed), and then it is the same delivery, its id and bytes unchanged, so the receiver can drop the repeat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from api.composition import build_services
from api.settings import Settings
from application.subscriptions import Scope, subscribe
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from tests.api.cli.exports import ROOT
from tests.api.webhooks.receiver import Received, receiving

pytestmark = pytest.mark.slow

SECRET = "a-secret-of-sixteen-or-more"
COMPANIES = [
    f"Resume Devices {word}"
    for word in [
        "Alder",
        "Birch",
        "Cedar",
        "Dogwood",
        "Elm",
        "Fir",
        "Ginkgo",
        "Hazel",
        "Ilex",
        "Juniper",
        "Kapok",
        "Larch",
        "Maple",
        "Nutmeg",
        "Oak",
        "Pine",
        "Quince",
        "Rowan",
    ]
]
KILL_EVERY = 4


def worker(url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "TIMELINE_DATABASE_URL": url,
        "TIMELINE_WEBHOOK_HOSTS": "127.0.0.1",
        "TIMELINE_WEBHOOK_BACKOFF": "0.05",
        "LOG_LEVEL": "CRITICAL",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "api", "deliver", "--poll", "0.05"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def ids_of(received: list[Received]) -> set[str]:
    return {got.headers["x-timeline-delivery"] for got in received}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def test_a_deliver_worker_killed_mid_way_delivers_the_rest_in_order_without_losing_any(database_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=database_url))
    source = Source("resume.txt", parse_date("2025-07-01"), "a quote")
    kills = 0
    with receiving() as receiver:
        receiver.script.delay = 0.5  # each answer takes a while: the kill lands while a delivery is being sent
        made = subscribe(services.app, "/pipeline?venue=SSE-STAR", receiver.url, SECRET, Scope(venue="SSE-STAR"))
        services.catch_up()
        running = worker(database_url)
        try:
            for number, name in enumerate(COMPANIES, 1):
                services.app.register_company(name)
                services.app.record_fact(
                    kind="accepted", company=name, venue="SSE-STAR", date="2025-06-30", sources=[source]
                )
                services.catch_up()
                if number % KILL_EVERY == 0:
                    seen = len(ids_of(receiver.received))
                    deadline = time.monotonic() + 30
                    while len(ids_of(receiver.received)) == seen:  # until a new delivery is under way
                        assert time.monotonic() < deadline, "no new delivery"
                        time.sleep(0.01)
                    running.send_signal(signal.SIGKILL)
                    running.wait()
                    kills += 1
                    running = worker(database_url)
            head = services.app.position()
            deadline = time.monotonic() + 60
            while (state := services.subscribers.subscriber(str(made.id))).delivered < head:
                assert time.monotonic() < deadline, state
                assert state.attempts == 0, state.last_error
                time.sleep(0.1)
        finally:
            running.terminate()
            running.wait(10)
        received = list(receiver.received)
    services.close()

    bodies: dict[str, bytes] = {}
    for got in received:
        assert got.signed_with(SECRET)
        delivery_id = got.headers["x-timeline-delivery"]
        assert bodies.setdefault(delivery_id, got.body) == got.body  # a repeat is the same delivery, byte for byte
    first_arrivals = []
    for got in received:
        if got.json["delivery_id"] not in {d["delivery_id"] for d in first_arrivals}:
            first_arrivals.append(got.json)
    assert kills == len(COMPANIES) // KILL_EVERY
    assert len(first_arrivals) >= kills  # the writes went out over several deliveries, across the kills
    assert len(received) > len(first_arrivals)  # some were sent again after a kill, as the same delivery
    previous = made_at = first_arrivals[0]["since"]
    assert made_at >= 0
    for delivery in first_arrivals:
        assert delivery["since"] >= previous  # each span starts where an earlier one ended: in position order
        assert delivery["position"] > delivery["since"]
        previous = delivery["position"]
    delivered = [change["company"] for d in first_arrivals for change in d["changes"]]
    assert sorted(delivered) == sorted(COMPANIES)  # every one, exactly once
    assert delivered == [c for c in COMPANIES if c in delivered]  # in the order they were written
