"""One attempt at one delivery: a signed POST to a checked address, bounded in time and in what is read.

The body is the delivery's stored bytes, signed as they are sent: ``X-Timeline-Signature: sha256=<hex
HMAC-SHA256 of the body with the subscription's secret>``, and ``X-Timeline-Delivery`` carries the delivery's
id (the same on every retry, so a receiver drops repeats by it). The attempt connects to an address the
target check passed, with the URL's host in ``Host`` (and as the TLS server name), never following a
redirect (a 3xx is a failed attempt: a receiver cannot bounce the service elsewhere). Environment proxies
are ignored, since a proxy would connect wherever it liked. The whole attempt, from the address check to the
last byte read, has ``TIMELINE_WEBHOOK_TIMEOUT`` seconds, so a receiver that trickles its answer cannot hold
a worker; of its body at most ``MAX_ANSWER_BYTES`` are read (for the error), so a huge one cannot either.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac

import httpx

from api.webhooks.targets import RefusedTarget, TargetPolicy
from projections.subscriptions.deliveries import Delivery

MAX_ANSWER_BYTES = 4096
SHOWN_ANSWER_CHARS = 200
USER_AGENT = "hardtech-timeline-webhooks/1"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Sender:
    def __init__(self, policy: TargetPolicy, timeout: float) -> None:
        self.policy = policy
        self.timeout = timeout
        self._client: httpx.AsyncClient | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        # Made at the first attempt: loading the TLS trust store costs ~20 ms of CPU, which a process that never
        # delivers (most of them: no subscription) need not pay at start-up.
        if self._client is None:
            self._client = httpx.AsyncClient(follow_redirects=False, trust_env=False, timeout=self.timeout)
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def send(self, url: str, secret: str, delivery: Delivery) -> str | None:
        """None when the receiver acknowledged the delivery (2xx); otherwise what went wrong."""
        try:
            async with asyncio.timeout(self.timeout):
                return await self._post(url, secret, delivery)
        except TimeoutError:
            return f"no whole answer within {self.timeout:g} s (TIMELINE_WEBHOOK_TIMEOUT)"
        except RefusedTarget as refused:
            return f"target refused: {refused}"
        except httpx.HTTPError as error:
            return f"{type(error).__name__}: {error}"[:500]

    async def _post(self, url: str, secret: str, delivery: Delivery) -> str | None:
        target = await self.policy.check(url)
        headers = {
            "Host": target.url.netloc.decode("ascii"),
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Timeline-Signature": signature(secret, delivery.body),
            "X-Timeline-Delivery": delivery.delivery_id,
        }
        extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
        for address in target.addresses[:-1]:
            try:
                return await self._post_to(target.url.copy_with(host=address), delivery.body, headers, extensions)
            except httpx.ConnectError:
                continue  # the next address the name resolved to (each was checked)
        return await self._post_to(target.url.copy_with(host=target.addresses[-1]), delivery.body, headers, extensions)

    async def _post_to(
        self, url: httpx.URL, body: bytes, headers: dict[str, str], extensions: dict[str, str]
    ) -> str | None:
        async with self.client.stream("POST", url, content=body, headers=headers, extensions=extensions) as answer:
            if 200 <= answer.status_code < 300:
                return None  # its body is not needed: closing the stream leaves it unread
            if answer.is_redirect:
                location = answer.headers.get("location", "?")[:200]
                return f"HTTP {answer.status_code}: a redirect (to {location}), not followed"
            read = await _first_bytes(answer)
            shown = read.decode("utf-8", "replace")[:SHOWN_ANSWER_CHARS]
            return f"HTTP {answer.status_code}: {shown}" if shown else f"HTTP {answer.status_code}"


async def _first_bytes(answer: httpx.Response) -> bytes:
    kept = b""
    async for chunk in answer.aiter_raw():
        kept += chunk
        if len(kept) >= MAX_ANSWER_BYTES:
            break
    return kept[:MAX_ANSWER_BYTES]
