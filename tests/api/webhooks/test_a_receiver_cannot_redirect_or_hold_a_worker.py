"""One attempt against real receivers on 127.0.0.1: a redirect is a failed attempt (the place it points to
gets nothing), a receiver that does not answer is cut off at the timeout, a huge answer is cut off after a
few kilobytes, and a 2xx is an acknowledgement whatever its body."""

from __future__ import annotations

import asyncio
import time

from api.webhooks.sender import MAX_ANSWER_BYTES, Sender, signature
from api.webhooks.targets import TargetPolicy
from projections.subscriptions.deliveries import Delivery
from tests.api.webhooks.receiver import receiving

SECRET = "a-secret-of-sixteen-or-more"
DELIVERY = Delivery("7c0e2b8e-1111-5222-8333-944455556666", "sub", 3, 9, b'{"changes": []}')


def attempt(url: str, timeout: float = 2.0) -> tuple[str | None, float]:
    async def run() -> str | None:
        sender = Sender(TargetPolicy("127.0.0.1, ::1"), timeout)
        try:
            return await sender.send(url, SECRET, DELIVERY)
        finally:
            await sender.close()

    started = time.monotonic()
    error = asyncio.run(run())
    return error, time.monotonic() - started


def test_a_2xx_acknowledges_and_the_request_is_signed_with_its_delivery_id():
    with receiving() as receiver:
        error, _ = attempt(receiver.url)
        (got,) = receiver.received
    assert error is None
    assert got.body == DELIVERY.body
    assert got.headers["x-timeline-signature"] == signature(SECRET, DELIVERY.body)
    assert got.headers["x-timeline-delivery"] == DELIVERY.delivery_id
    assert got.headers["content-type"] == "application/json"
    assert got.headers["host"] == receiver.url.split("/")[2]


def test_a_redirect_is_not_followed():
    with receiving() as elsewhere, receiving() as receiver:
        receiver.script.redirect_to = elsewhere.url
        error, _ = attempt(receiver.url)
        assert len(receiver.received) == 1
        assert elsewhere.received == []
    assert error == f"HTTP 307: a redirect (to {elsewhere.url}), not followed"


def test_a_receiver_that_does_not_answer_is_cut_off_at_the_timeout():
    with receiving() as receiver:
        receiver.script.delay = 5.0
        error, took = attempt(receiver.url, timeout=0.5)
    assert error == "no whole answer within 0.5 s (TIMELINE_WEBHOOK_TIMEOUT)"
    assert took < 3.0


def test_a_huge_answer_is_cut_off_after_a_few_kilobytes():
    with receiving() as receiver:
        receiver.script.huge = True
        error, took = attempt(receiver.url, timeout=30.0)
    assert error is not None
    assert error.startswith("HTTP 500: xxxx")
    assert len(error) <= len("HTTP 500: ") + 200 < MAX_ANSWER_BYTES
    assert took < 10.0  # 6.5 GB were on offer; reading them would take far longer than this


def test_a_name_is_reached_at_the_address_checked_with_its_own_name_as_host():
    # localhost resolves to 127.0.0.1 (and perhaps ::1), which the list allows; the request goes to an address
    # checked (the client does not look the name up again) and tells the receiver the name it was given.
    with receiving() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        error, _ = attempt(f"http://localhost:{port}/hook")
        (got,) = receiver.received
    assert error is None
    assert got.headers["host"] == f"localhost:{port}"
