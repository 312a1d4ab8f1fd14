"""Which applications a sponsor (保荐机构) brings: the (company, venue) pairs with a stage fact, visible at the
clocks and happened by ``as_of``, whose ``sponsor`` field contains the text asked (width and case aside), so
``中信证券`` finds 中信证券股份有限公司. The sponsor comes from the exchanges' lists (ingest/)."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from projections.clocks import Clocks
from projections.store.read_store import ReadStore

Pairs = frozenset[tuple[str, str]]


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def pairs_with_sponsor(store: ReadStore, clocks: Clocks, sponsor: str) -> Pairs:
    p = store.p
    happened = "v.latest" if clocks.certain_only else "v.earliest"
    rows = store.query(
        f"""SELECT v.subject_id, v.venue, v.fields FROM rm_fact_versions v
            WHERE v.category = 'stage' AND v.subject_type = 'company' AND v.fields LIKE {p}
              AND v.rec_from <= {p} AND v.rec_to > {p} AND v.published <= {p} AND v.pub_to > {p}
              AND {happened} <= {p}""",
        ["%sponsor%", clocks.known_at, clocks.known_at, clocks.publication_day, clocks.publication_day, clocks.day],
    )
    wanted = _key(sponsor)
    found = set()
    for company_id, venue, fields in rows:
        value = json.loads(fields).get("sponsor")
        if isinstance(value, str) and wanted in _key(value):
            found.add((str(company_id), str(venue)))
    return frozenset(found)


def pairs_clause(p: str, pairs: Pairs | None) -> tuple[str, list[Any]]:
    """A WHERE condition keeping the stage rows ``r`` of these pairs (None: every row)."""
    if pairs is None:
        return "", []
    if not pairs:
        return " AND 1 = 0", []
    ordered = sorted(pairs)
    condition = " OR ".join([f"(r.company_id = {p} AND r.venue = {p})"] * len(ordered))
    return f" AND ({condition})", [value for pair in ordered for value in pair]
