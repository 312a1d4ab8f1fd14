"""A subscription's changes as an Atom feed (RFC 4287), for feed readers: one entry per delivery made.

Each entry is one delivery (its id as ``urn:uuid:``, its position in the title, when it was made as
``updated``), a line per change as its summary, and the delivery's JSON body, the very bytes a webhook
receives, as its text content. Built with the standard library's ElementTree, which escapes the text.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

import orjson

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml"


def atom_feed(subscription_id: str, query: str, self_url: str, deliveries: list[dict[str, Any]], created: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", f"urn:uuid:{subscription_id}")
    _text(feed, "title", f"Changes to {query}")
    _text(feed, "updated", deliveries[0]["made_at"] if deliveries else created)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "hard-tech listing pipeline timeline")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_url, type=ATOM_TYPE)
    for delivery in deliveries:
        body = orjson.loads(delivery["body"])
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"urn:uuid:{delivery['delivery_id']}")
        count = len(body["changes"])
        _text(entry, "title", f"{count} change{'s' if count != 1 else ''} up to position {delivery['position']}")
        _text(entry, "updated", delivery["made_at"])
        _text(entry, "summary", "\n".join(_line(change) for change in body["changes"]))
        content = _text(entry, "content", delivery["body"])
        content.set("type", "text")
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _line(change: dict[str, Any]) -> str:
    def stage(state: dict[str, Any] | None) -> str:
        return "(none)" if state is None else f"{state['stage']} since {state['since']['text']}"

    return f"{change['company']} on {change['venue']}: {stage(change['before'])} -> {stage(change['after'])}"
