"""Which receivers a webhook may reach: no server-side request forgery through a subscription's URL.

A subscriber chooses the URL the service will POST to, so without a check anyone with a write token could
make the service knock on its own loopback, the cloud's metadata address (169.254.169.254) or the private
network behind it. So a target's host is resolved and *every* address it resolves to is checked; the check
runs when the subscription is made (a 422 naming the reason) and again before every attempt, and the attempt
connects to an address that was checked (the name is not resolved a second time by the HTTP client, so DNS
that answers differently a moment later cannot slip a private address in).

``TIMELINE_WEBHOOK_HOSTS`` (hosts or CIDRs, comma-separated), when set, is the whole list of receivers: a
target is allowed when its host is named there or every address it resolves to lies in a listed network,
private ones included (that is how a test reaches 127.0.0.1). When unset, any globally routable address is
allowed and loopback, link-local, private, multicast, unspecified and other reserved addresses are refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RefusedTarget(ValueError):
    """A webhook URL the service will not call; says why."""


@dataclass(frozen=True)
class Target:
    url: httpx.URL
    host: str
    addresses: tuple[str, ...]  # every address the host resolved to, each checked


def refusal(address: Address) -> str | None:
    """Why an address is no place for a webhook by default (None: a public address)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    for reason, applies in (
        ("a loopback", address.is_loopback),
        ("an unspecified", address.is_unspecified),
        ("a link-local", address.is_link_local),
        ("a multicast", address.is_multicast),
        ("a private", address.is_private),
        ("a reserved", address.is_reserved),
    ):
        if applies:
            return f"{reason} address"
    if not address.is_global:
        return "not a globally routable address"
    return None


class TargetPolicy:
    def __init__(self, allowed: str) -> None:
        self.names: set[str] = set()
        self.networks: list[Network] = []
        for entry in (part.strip().lower() for part in allowed.split(",")):
            if not entry:
                continue
            try:
                self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.names.add(entry.rstrip("."))

    @property
    def listed(self) -> bool:
        return bool(self.names or self.networks)

    async def check(self, url: str) -> Target:
        """The target, resolved and checked; RefusedTarget naming the reason otherwise."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as error:
            raise RefusedTarget(f"{url[:200]!r} is not a URL ({error})") from None
        if parsed.scheme not in ("http", "https"):
            raise RefusedTarget("the URL must be http or https")
        if parsed.userinfo:
            raise RefusedTarget("the URL must not carry a user name or password; sign with the secret instead")
        host = parsed.host.lower().rstrip(".")
        if not host:
            raise RefusedTarget("the URL has no host")
        addresses = await _resolve(host, parsed.port or (443 if parsed.scheme == "https" else 80))
        if self.listed:
            if host not in self.names and not all(any(a in net for net in self.networks) for a in addresses):
                raise RefusedTarget(f"the host {host} is not in TIMELINE_WEBHOOK_HOSTS")
        else:
            for address in addresses:
                reason = refusal(address)
                if reason is not None:
                    what = "is" if _literal(host) else f"resolves to {address},"
                    raise RefusedTarget(
                        f"the host {host} {what} {reason}, which webhooks may not reach "
                        "(TIMELINE_WEBHOOK_HOSTS lists the receivers allowed)"
                    )
        return Target(parsed, host, tuple(str(address) for address in addresses))


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


async def _resolve(host: str, port: int) -> list[Address]:
    literal = _literal(host)
    if literal is not None:
        return [literal]
    try:
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedTarget(f"the host {host} does not resolve ({error})") from None
    addresses: list[Address] = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(str(sockaddr[0]).partition("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise RefusedTarget(f"the host {host} does not resolve")
    return addresses
