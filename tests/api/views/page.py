"""Reading the viewer's server-rendered page as a reader without JavaScript would: the cards per venue and
stage, the company dialog, the meta tags (stdlib HTML parser, no browser)."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.cards: dict[tuple[str, str], list[str]] = {}
        self.meta: dict[str, str] = {}
        self.ids: dict[str, str] = {}  # element id -> its text
        self.links: dict[str, str] = {}  # link id -> href
        self._venue = self._stage = ""
        self._card: list[str] | None = None
        self._open: list[tuple[str, str]] = []  # (tag, id) of elements with an id still open
        self._texts: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "data-venue" in a:
            self._venue = a["data-venue"]
        if "data-stage" in a and tag == "section":
            self._stage = a["data-stage"]
        if tag == "li" and "card" in a.get("class", "").split():
            self._card = []
            self.cards.setdefault((self._venue, self._stage), []).append("")
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        if tag == "a" and "id" in a:
            self.links[a["id"]] = a.get("href", "")
        if "id" in a and tag not in ("input", "meta", "link", "img"):
            self._open.append((tag, a["id"]))
            self._texts[a["id"]] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self._card is not None:
            self.cards[(self._venue, self._stage)][-1] = " ".join(" ".join(self._card).split())
            self._card = None
        if self._open and self._open[-1][0] == tag:
            _, done = self._open.pop()
            self.ids[done] = " ".join(" ".join(self._texts.pop(done)).split())

    def handle_data(self, data: str) -> None:
        if self._card is not None:
            self._card.append(data)
        for _, open_id in self._open:
            self._texts[open_id].append(data)

    def names(self, venue: str, stage: str) -> list[str]:
        return self.cards.get((venue, stage), [])
