"""Which company a name, stock code or id means, and company search: the one home of name resolution."""

from __future__ import annotations

import re
from uuid import UUID

import orjson

from domain.errors import AmbiguousName, UnknownCompany
from domain.text import refused_character
from projections.names import Candidate, NameRow, match_key, parse_code, ranked, sharing_words
from projections.queries import rows_to_answers
from projections.queries.answers import CompanyRecord, NameUse, RetiredName, SearchHit, StockCode
from projections.store.read_store import ReadStore

_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")


class Companies:
    def __init__(self, store: ReadStore) -> None:
        self.store = store
        p = store.p
        self._by_key = f"""SELECT DISTINCT {rows_to_answers.COMPANY_COLUMNS} FROM rm_names n
            JOIN rm_companies c ON c.company_id = n.company_id WHERE n.name_key = {p}"""
        self._by_id = f"SELECT {rows_to_answers.COMPANY_COLUMNS} FROM rm_companies c WHERE c.company_id = {p}"
        self._codes = f"SELECT company_id, code, venue, exchange FROM rm_codes WHERE code_key = {p} ORDER BY company_id"
        self._names_of = f"SELECT DISTINCT name, source FROM rm_names WHERE company_id = {p} ORDER BY name"
        self._retired_of = f"""SELECT name, names, reason, sources, position, recorded_at FROM rm_retired_names
            WHERE company_id = {p} ORDER BY position"""
        self._codes_of = f"SELECT DISTINCT venue, code FROM rm_codes WHERE company_id = {p} ORDER BY venue, code"
        self._names_cache: tuple[int, list[NameRow]] = (-1, [])

    def resolve(self, name_or_id: str) -> CompanyRecord:
        """The company a name, stock code or id means: 404 naming the nearest names when none does,
        409 listing them when several do (never a guess)."""
        text = name_or_id.strip()
        if refused_character(text) is not None or not text:
            raise UnknownCompany(f"no company is called {name_or_id[:80]!r}")
        if _UUID.fullmatch(text):
            found = self.by_id(str(UUID(text)))
            if found is not None:
                return found
        named = self.store.query(self._by_key, (match_key(text),))
        if len(named) == 1:  # the usual case, in one query
            return rows_to_answers.company(named[0])
        candidates = {row[0]: Candidate(row[0], row[2], "same name", 100.0) for row in named}
        if not candidates:
            candidates = {c.company_id: c for c in self._by_code(text)}
        if not candidates:
            candidates = {c.company_id: c for c in sharing_words(text, self._all_names())}
        if len(candidates) > 1:
            listed = "; ".join(
                f"{self._name(c.company_id)} ({c.company_id}, as {c.name!r})" for c in candidates.values()
            )
            raise AmbiguousName(f"{name_or_id[:80]!r} fits {len(candidates)} companies: {listed}; use a fuller name")
        if not candidates:
            nearest = [self._name(c.company_id) for c in ranked(text, self._all_names(), limit=3)]
            hint = f"; did you mean {', '.join(repr(n) for n in nearest)}?" if nearest else ""
            raise UnknownCompany(f"no company is called {name_or_id[:80]!r}{hint}")
        (only,) = candidates
        company = self.by_id(only)
        assert company is not None  # a name row always has its company row
        return company

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Companies ranked for a partial, misspelled or mixed-language query, with what matched and why."""
        hits = {c.company_id: c for c in self._by_code(query)}
        for candidate in ranked(query, self._all_names(), limit):
            hits.setdefault(candidate.company_id, candidate)
        return [
            {
                "company_id": candidate.company_id,
                "name": self._name(candidate.company_id),
                "matched": candidate.name,
                "why": candidate.why,
                "score": candidate.score,
            }
            for candidate in sorted(hits.values(), key=lambda c: -c.score)[:limit]
        ]

    def by_id(self, company_id: str) -> CompanyRecord | None:
        rows = self.store.query(self._by_id, (company_id,))
        return rows_to_answers.company(rows[0]) if rows else None

    def names_of(self, company_id: str) -> list[NameUse]:
        """Every name of a company with the source that uses it (none: given when it was registered)."""
        rows = self.store.query(self._names_of, (company_id,))
        return [{"name": name, "source": orjson.loads(source) if source else None} for name, source in rows]

    def retired_names_of(self, company_id: str) -> list[RetiredName]:
        """The names a company stopped answering to, each with its reason and sources, oldest first."""
        return [
            {
                "name": name,
                "names": orjson.loads(names),
                "reason": reason,
                "sources": orjson.loads(sources),
                "position": int(position),
                "recorded_at": recorded_at,
            }
            for name, names, reason, sources, position, recorded_at in self.store.query(self._retired_of, (company_id,))
        ]

    def codes_of(self, company_id: str) -> list[StockCode]:
        return [{"venue": venue, "code": code} for venue, code in self.store.query(self._codes_of, (company_id,))]

    def _name(self, company_id: str) -> str:
        found = self.by_id(company_id)
        return found["name"] if found else company_id

    def _all_names(self) -> list[NameRow]:
        """Every name, read once per log position (names change only with events)."""
        position = self.store.query("SELECT position FROM rm_tracking WHERE name = 'timeline'")
        stamp = int(position[0][0]) if position else 0
        if self._names_cache[0] != stamp:
            rows = self.store.query(
                "SELECT company_id, name, name_key FROM rm_names ORDER BY name_key, company_id, name"
            )
            self._names_cache = (stamp, [NameRow(*row) for row in rows])
        return self._names_cache[1]

    def _by_code(self, text: str) -> list[Candidate]:
        code = parse_code(text)
        if code is None:
            return []
        return [
            Candidate(company_id, f"{code_} ({venue})", "stock code", 100.0)
            for company_id, code_, venue, exchange in self.store.query(self._codes, (code.digits,))
            if code.exchange is None or code.exchange == exchange
        ]
