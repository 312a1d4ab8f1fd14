"""How a company row is labelled for joining and reading: its English name, its full and short Chinese
names, and its stock codes, as known at the question's clocks.

Names come from the company's name and aliases as believed at ``known_at`` (rm_alias_versions); a Chinese
name is any with CJK characters, the full one the longest, the short one the shortest. Stock codes come
from the listings believed then, public by ``published_by`` and possibly made by ``as_of``: a row of a
day before a listing has no code yet, so joining by code never leaks a later listing into the past.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import orjson

from projections.clocks import Clocks
from projections.names import exchange_of
from projections.queries.answers import CompanyLabels
from projections.store.read_store import ReadStore, key_chunks

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def name_labels(name: str, aliases: list[str]) -> dict[str, str | None]:
    chinese = [n for n in [name, *aliases] if _CJK.search(n)]
    english = [n for n in [name, *aliases] if not _CJK.search(n)]
    return {
        "name_en": english[0] if english else None,
        "name_zh": max(chinese, key=len) if chinese else None,
        "short_name_zh": min(chinese, key=len) if chinese else None,
    }


# A company's names change rarely and every page labels the same companies again: labelled once per names column.
@lru_cache(maxsize=4096)
def names_column_labels(name: str, aliases_json: str) -> dict[str, str | None]:
    """``name_labels`` of a name and its aliases column (JSON); shared, so never to be changed by a caller."""
    return name_labels(name, orjson.loads(aliases_json))


def code_label(code: str, venue: str | None) -> str:
    """A code as written, with its exchange's suffix when the source wrote none (688795 -> 688795.SH)."""
    exchange = exchange_of(venue) if venue else None
    return code if "." in code or exchange is None else f"{code}.{exchange}"


class Labels:
    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def of(self, company_ids: Iterable[str], clocks: Clocks) -> dict[str, CompanyLabels]:
        p, found = self.store.p, {}
        for chunk in key_chunks(sorted(set(company_ids))):
            marks = ", ".join([p] * len(chunk))
            names = self.store.query(
                f"""SELECT c.company_id, c.name, COALESCE(a.aliases, c.aliases) FROM rm_companies c
                    LEFT JOIN rm_alias_versions a ON a.company_id = c.company_id AND a.rec_from <= {p}
                        AND a.rec_to > {p}
                    WHERE c.company_id IN ({marks})""",
                [clocks.known_at, clocks.known_at, *chunk],
            )
            codes: dict[str, list[str]] = {}
            for subject_id, venue, fields in self.store.query(
                f"""SELECT v.subject_id, v.venue, v.fields FROM rm_fact_versions v
                    WHERE v.kind = 'listed' AND v.subject_id IN ({marks}) AND v.rec_from <= {p} AND v.rec_to > {p}
                        AND v.published <= {p} AND v.pub_to > {p} AND v.earliest <= {p}
                    ORDER BY v.venue, v.fact_id""",
                [*chunk, clocks.known_at, clocks.known_at, clocks.publication_day, clocks.publication_day, clocks.day],
            ):
                code = orjson.loads(fields).get("stock_code")
                if code:
                    codes.setdefault(subject_id, []).append(code_label(str(code), venue))
            for company_id, name, aliases in names:
                labels: Any = {**names_column_labels(name, aliases), "stock_codes": codes.get(company_id, [])}
                found[company_id] = labels
        return found
