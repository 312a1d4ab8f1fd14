"""As-of questions answered from the read models; every answer is plain data.

No query replays the log: stage questions are point look-ups in the bitemporal state rows
(R-tree on SQLite, GiST on PostgreSQL), fact questions read the fact versions believed at
``known_at`` whose sources were published by ``published_by``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson

from domain.errors import AmbiguousName, UnknownCompany, UnknownFact
from domain.freshness import days_since, is_stale, newest
from domain.fuzzy_dates import FuzzyDate
from domain.money import Money
from domain.text import refused_character
from domain.vocabulary import STAGE_RANK, FactKind, fact_order, stage_rank
from projections.clocks import Clocks, system_time
from projections.database import Database
from projections.names import Candidate, NameRow, match_key, parse_code, ranked, sharing_words
from projections.time_in_stage import spans, summarise

_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
_STAGE_RANK_SQL = "CASE r.stage " + " ".join(f"WHEN '{s}' THEN {r}" for s, r in STAGE_RANK.items()) + " END"
_FACT_COLUMNS = """v.fact_id, v.subject_type, v.subject_id, v.kind, v.venue, v.date_text, v.date_raw, v.earliest,
    v.latest, v.fields, v.sources, v.summary, v.published"""


def day_text(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


class Queries:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._names_cache: tuple[int, list[NameRow]] = (-1, [])

    # Clocks ------------------------------------------------------------------------------

    def position_known_at(self, moment: datetime) -> int:
        """The last log position recorded by ``moment`` (naive times are taken as UTC)."""
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        stamp = system_time(aware)
        rows = self.db.query("SELECT max(position) FROM rm_log WHERE recorded_at <= ?", (stamp,))
        return int(rows[0][0] or 0)

    def fact_kinds(self, fact_ids: list[str]) -> dict[str, str]:
        """The kind of each fact (a fact never changes kind)."""
        kinds: dict[str, str] = {}
        for start in range(0, len(fact_ids), 500):
            chunk = fact_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for fact_id, kind in self.db.query(
                f"SELECT DISTINCT fact_id, kind FROM rm_fact_versions WHERE fact_id IN ({marks})", chunk
            ):
                kinds[fact_id] = kind
        return kinds

    # Companies ---------------------------------------------------------------------------

    def resolve(self, name_or_id: str) -> dict[str, Any]:
        """The company a name, stock code or id means: 404 naming the nearest names when none does,
        409 listing them when several do (never a guess)."""
        text = name_or_id.strip()
        if refused_character(text) is not None or not text:
            raise UnknownCompany(f"no company is called {name_or_id[:80]!r}")
        if _UUID.fullmatch(text):
            found = self._company_row(str(UUID(text)))
            if found is not None:
                return found
        key = match_key(text)
        named = self.db.query(
            """SELECT DISTINCT c.company_id, c.key, c.name, c.aliases, c.sector FROM rm_names n
               JOIN rm_companies c ON c.company_id = n.company_id WHERE n.name_key = ?""",
            (key,),
        )
        if len(named) == 1:  # the usual case, in one query
            return _company(named[0])
        candidates = {row[0]: Candidate(row[0], row[2], "same name", 100.0) for row in named}
        if not candidates:
            candidates = {c.company_id: c for c in self._by_code(text)}
        if not candidates:
            candidates = {c.company_id: c for c in sharing_words(text, self._all_names())}
        if len(candidates) > 1:
            listed = "; ".join(
                f"{self._company_name(c.company_id)} ({c.company_id}, as {c.name!r})" for c in candidates.values()
            )
            raise AmbiguousName(f"{name_or_id[:80]!r} fits {len(candidates)} companies: {listed}; use a fuller name")
        if not candidates:
            nearest = [self._company_name(c.company_id) for c in ranked(text, self._all_names(), limit=3)]
            hint = f"; did you mean {', '.join(repr(n) for n in nearest)}?" if nearest else ""
            raise UnknownCompany(f"no company is called {name_or_id[:80]!r}{hint}")
        (only,) = candidates
        company = self._company_row(only)
        assert company is not None  # a name row always has its company row
        return company

    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Companies ranked for a partial, misspelled or mixed-language query, with what matched and why."""
        hits = {c.company_id: c for c in self._by_code(query)}
        for candidate in ranked(query, self._all_names(), limit):
            if candidate.company_id not in hits:
                hits[candidate.company_id] = candidate
        results = []
        for candidate in sorted(hits.values(), key=lambda c: -c.score)[:limit]:
            company = self._company_row(candidate.company_id)
            assert company is not None
            results.append(
                {
                    "company_id": candidate.company_id,
                    "name": company["name"],
                    "matched": candidate.name,
                    "why": candidate.why,
                    "score": candidate.score,
                }
            )
        return results

    def _company_row(self, company_id: str) -> dict[str, Any] | None:
        rows = self.db.query(
            "SELECT company_id, key, name, aliases, sector FROM rm_companies WHERE company_id = ?", (company_id,)
        )
        return _company(rows[0]) if rows else None

    def _company_name(self, company_id: str) -> str:
        found = self._company_row(company_id)
        return found["name"] if found else company_id

    def _all_names(self) -> list[NameRow]:
        """Every name, read once per log position (names change only with events)."""
        position = self.db.query("SELECT position FROM rm_tracking WHERE name = 'timeline'")
        stamp = int(position[0][0]) if position else 0
        if self._names_cache[0] != stamp:
            rows = self.db.query("SELECT company_id, name, name_key FROM rm_names ORDER BY name_key, company_id, name")
            self._names_cache = (stamp, [NameRow(*row) for row in rows])
        return self._names_cache[1]

    def _by_code(self, text: str) -> list[Candidate]:
        code = parse_code(text)
        if code is None:
            return []
        rows = self.db.query(
            "SELECT company_id, code, venue, exchange FROM rm_codes WHERE code_key = ? ORDER BY company_id",
            (code.digits,),
        )
        return [
            Candidate(company_id, f"{code_} ({venue})", "stock code", 100.0)
            for company_id, code_, venue, exchange in rows
            if code.exchange is None or code.exchange == exchange
        ]

    def names_of(self, company_id: str) -> list[dict[str, Any]]:
        """Every name of a company with the source that uses it (none: given when it was registered)."""
        rows = self.db.query(
            "SELECT DISTINCT name, source FROM rm_names WHERE company_id = ? ORDER BY name", (company_id,)
        )
        return [{"name": name, "source": orjson.loads(source) if source else None} for name, source in rows]

    def codes_of(self, company_id: str) -> list[dict[str, str]]:
        rows = self.db.query(
            "SELECT DISTINCT venue, code FROM rm_codes WHERE company_id = ? ORDER BY venue, code", (company_id,)
        )
        return [{"venue": venue, "code": code} for venue, code in rows]

    def company(self, name_or_id: str, clocks: Clocks) -> dict[str, Any]:
        """A company's stage on each venue, its flags and its facts, as of the clocks."""
        company = self.resolve(name_or_id)
        venues = self._stage_rows(clocks, company_id=company["company_id"])
        facts = self._facts(clocks, subject_id=company["company_id"], until=clocks.day)
        return {
            **company,
            "names": self.names_of(company["company_id"]),
            "codes": self.codes_of(company["company_id"]),
            "as_of": clocks.as_of.isoformat(),
            "venues": [
                {k: v for k, v in entry.items() if k not in ("company_id", "company", "aliases", "sector")}
                for entry in venues
            ],
            "flags": flags_of(facts),
            "facts": facts,
            "retracted": self._retracted(company["company_id"], clocks.known_at),
        }

    def _retracted(self, company_id: str, known_at: int) -> list[dict[str, Any]]:
        """Facts about the company retracted by ``known_at``, as they stood, with their histories."""
        rows = self.db.query(
            """SELECT DISTINCT v.fact_id FROM rm_fact_versions v
               WHERE v.subject_id = ? AND EXISTS (SELECT 1 FROM rm_fact_history h
                   WHERE h.fact_id = v.fact_id AND h.step = 'retracted' AND h.position <= ?)
               ORDER BY v.fact_id""",
            (company_id, known_at),
        )
        return [self.fact(fact_id, known_at) for (fact_id,) in rows]

    # Pipeline ----------------------------------------------------------------------------

    def pipeline(
        self,
        clocks: Clocks,
        venue: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        reported_since: date | None = None,
    ) -> dict[str, Any]:
        counts = self._counts(clocks, venue=venue, stage=stage, sector=sector, reported_since=reported_since)
        total = sum(n for by_stage in counts.values() for n in by_stage.values())
        page = (
            self._stage_rows(
                clocks,
                venue=venue,
                stage=stage,
                sector=sector,
                limit=limit,
                offset=offset,
                reported_since=reported_since,
            )
            if limit != 0
            else []
        )
        return {
            "as_of": clocks.as_of.isoformat(),
            "known_at": None if clocks.is_now else clocks.known_at,
            "published_by": clocks.published_by.isoformat() if clocks.published_by else None,
            "certain_only": clocks.certain_only,
            "reported_since": reported_since.isoformat() if reported_since else None,
            "total": total,
            "entries": page,
            "counts": counts,
        }

    def _filters(
        self,
        clocks: Clocks,
        company_id: str | None,
        venue: str | None,
        stage: str | None,
        sector: str | None,
        reported_since: date | None = None,
    ) -> tuple[str, list[Any]]:
        where, params = self._company_point(clocks) if company_id is not None else self._point(clocks)
        for column, value in (
            ("r.company_id", company_id),
            ("r.venue", venue),
            ("r.stage", stage),
            ("c.sector", sector),
        ):
            if value is not None:
                where += f" AND {column} = ?"
                params.append(value)
        if reported_since is not None:  # a source of the deciding fact public between then and published_by
            where += (
                " AND EXISTS (SELECT 1 FROM rm_fact_sources s WHERE s.version_id = v.version_id"
                " AND s.published >= ? AND s.published <= ?)"
            )
            params += [reported_since.toordinal(), clocks.publication_day]
        return where, params

    def _counts(
        self,
        clocks: Clocks,
        venue: str | None,
        stage: str | None,
        sector: str | None,
        reported_since: date | None = None,
    ) -> dict[str, dict[str, int]]:
        """Venue x stage counts, counted by the database (no row leaves it)."""
        where, params = self._filters(clocks, None, venue, stage, sector, reported_since)
        joins = "JOIN rm_companies c ON c.company_id = r.company_id " if sector is not None else ""
        if reported_since is not None:
            joins += "JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND v.rec_from <= ? AND v.rec_to > ?"
            params = [clocks.known_at, clocks.known_at, *params]
        rows = self.db.query(
            f"SELECT r.venue, r.stage, count(*) FROM {self._point_source()} {joins} WHERE {where} "
            "GROUP BY r.venue, r.stage",
            params,
        )
        counts: dict[str, dict[str, int]] = {}
        for venue_, stage_, n in sorted(rows, key=lambda row: (row[0], stage_rank(row[1]))):
            counts.setdefault(venue_, {})[stage_] = int(n)
        return counts

    def _stage_rows(
        self,
        clocks: Clocks,
        company_id: str | None = None,
        venue: str | None = None,
        stage: str | None = None,
        sector: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        reported_since: date | None = None,
    ) -> list[dict[str, Any]]:
        """Entries in board order: venue, pipeline order of the stage, since, company name."""
        where, params = self._filters(clocks, company_id, venue, stage, sector, reported_since)
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params += [limit, offset]
        elif offset:
            page = " LIMIT -1 OFFSET ?" if self.db.dialect == "sqlite" else " OFFSET ?"
            params.append(offset)
        rows = self.db.query(
            f"""SELECT r.company_id, c.name, c.aliases, c.sector, r.venue, r.stage, r.suspended, r.fact_id,
                       v.date_text, v.earliest, v.latest, v.sources
                FROM {self._point_source(company=company_id is not None)}
                JOIN rm_companies c ON c.company_id = r.company_id
                JOIN rm_fact_versions v ON v.fact_id = r.fact_id AND v.rec_from <= ? AND v.rec_to > ?
                WHERE {where}
                ORDER BY r.venue, {_STAGE_RANK_SQL}, v.earliest, c.name, r.company_id{page}""",
            [clocks.known_at, clocks.known_at, *params],
        )
        return [
            {
                "company_id": company_id_,
                "company": name,
                "aliases": orjson.loads(aliases),
                "sector": sector_,
                "venue": venue_,
                "stage": stage_,
                "suspended": bool(suspended),
                "since": {"text": text, "earliest": day_text(earliest), "latest": day_text(latest)},
                "certain": latest <= clocks.day,
                "fact_id": fact_id,
                **freshness_of(sources, clocks),
            }
            for (
                company_id_,
                name,
                aliases,
                sector_,
                venue_,
                stage_,
                suspended,
                fact_id,
                text,
                earliest,
                latest,
                sources,
            ) in rows
        ]

    @staticmethod
    def _company_point(clocks: Clocks) -> tuple[str, list[Any]]:
        """The same point test in plain comparisons: one company's few rows come from its own index."""
        where = (
            "r.valid_from <= ? AND r.valid_to > ? AND r.pub_from <= ? AND r.pub_to > ? "
            "AND r.rec_from <= ? AND r.rec_to > ? AND r.mode = ?"
        )
        day, pub, pos = clocks.day, clocks.publication_day, clocks.known_at
        return where, [day, day, pub, pub, pos, pos, clocks.mode]

    def _point_source(self, company: bool = False) -> str:
        if self.db.dialect == "sqlite" and not company:
            return "rm_stage_index i JOIN rm_stage_rows r ON r.row_id = i.row_id"
        return "rm_stage_rows r"

    def _point(self, clocks: Clocks) -> tuple[str, list[Any]]:
        """Rows whose rectangle holds the point (valid day, publication day, position)."""
        if self.db.dialect == "sqlite":
            where = (
                "i.valid_lo <= ? AND i.valid_hi >= ? AND i.pub_lo <= ? AND i.pub_hi >= ? "
                "AND i.rec_lo <= ? AND i.rec_hi >= ? AND r.mode = ?"
            )
        else:
            where = (
                "int4range(r.valid_from, r.valid_to) @> ?::int AND int4range(r.pub_from, r.pub_to) @> ?::int "
                "AND int8range(r.rec_from, r.rec_to) @> ?::bigint AND r.mode = ?"
            )
            return where, [clocks.day, clocks.publication_day, clocks.known_at, clocks.mode]
        day, pub, pos = clocks.day, clocks.publication_day, clocks.known_at
        return where, [day, day, pub, pub, pos, pos, clocks.mode]

    # Changes -----------------------------------------------------------------------------

    def changes(self, start: date, end: date, clocks: Clocks, venue: str | None = None) -> dict[str, Any]:
        """Which (company, venue) stood at a different stage on ``end`` than on ``start``."""
        before = {(e["company_id"], e["venue"]): e for e in self._stage_rows(clocks.at(start), venue=venue)}
        after = {(e["company_id"], e["venue"]): e for e in self._stage_rows(clocks.at(end), venue=venue)}
        moved = []
        for key in sorted(before.keys() | after.keys()):
            old, new = before.get(key), after.get(key)
            if old and new and old["stage"] == new["stage"]:
                continue  # the same stage again (even by another fact, a re-filing say) is no move
            some = new or old
            assert some is not None
            moved.append(
                {
                    "company_id": some["company_id"],
                    "company": some["company"],
                    "venue": some["venue"],
                    "from": old["stage"] if old else None,
                    "to": new["stage"] if new else None,
                    "since": new["since"] if new else None,
                    "certain": (old["certain"] if old else True) and (new["certain"] if new else True),
                }
            )
        return {"from": start.isoformat(), "to": end.isoformat(), "changes": moved}

    # Facts -------------------------------------------------------------------------------

    def timeline(
        self,
        start: date,
        end: date,
        clocks: Clocks,
        company: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> dict[str, Any]:
        """Facts that possibly happened between two days (certainly, with certain_only)."""
        subject_id = self.resolve(company)["company_id"] if company else None
        facts = self._facts(
            clocks, subject_id=subject_id, venue=venue, kind=kind, since=start.toordinal(), until=end.toordinal()
        )
        page = facts[offset : offset + limit] if limit is not None else facts[offset:]
        return {"from": start.isoformat(), "to": end.isoformat(), "total": len(facts), "events": page}

    def _facts(
        self,
        clocks: Clocks,
        subject_id: str | None = None,
        venue: str | None = None,
        kind: str | None = None,
        since: int | None = None,
        until: int | None = None,
    ) -> list[dict[str, Any]]:
        where = ["v.rec_from <= ?", "v.rec_to > ?", "v.published <= ?"]
        params: list[Any] = [clocks.known_at, clocks.known_at, clocks.publication_day]
        bound = "v.latest" if clocks.certain_only else "v.earliest"
        for clause, value in (
            ("v.subject_id = ?", subject_id),
            ("v.kind = ?", kind),
            (f"{bound} <= ?", until),
            ("v.latest >= ?", since),
        ):
            if value is not None:
                where.append(clause)
                params.append(value)
        if venue is not None:
            where.append("(v.venue = ? OR m.code = ?)")
            params += [venue, venue]
        rows = self.db.query(
            f"""SELECT {_FACT_COLUMNS}, c.name, m.code FROM rm_fact_versions v
                LEFT JOIN rm_companies c ON c.company_id = v.subject_id
                LEFT JOIN rm_markets m ON m.market_id = v.subject_id
                WHERE {" AND ".join(where)}""",
            params,
        )
        facts = [fact_row(row, clocks.day) for row in rows]
        facts.sort(key=lambda f: fact_order(f["earliest"], f["latest"], f["kind"], f["fact_id"]))
        return facts

    def time_in_stage(self, clocks: Clocks, venue: str | None = None, company: str | None = None) -> dict[str, Any]:
        """Spans between stages of each attempt, as of the clocks, with per venue-year summaries."""
        subject_id = self.resolve(company)["company_id"] if company else None
        facts = self._facts(clocks, subject_id=subject_id, venue=venue, until=clocks.day)
        by_pair: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for fact in facts:
            if fact["company_id"] and fact["venue"]:
                by_pair.setdefault((fact["company_id"], fact["venue"]), []).append(fact)
        rows = []
        for (_company_id, pair_venue), pair_facts in sorted(by_pair.items()):
            for span in spans(pair_facts):
                rows.append(
                    {
                        "company_id": pair_facts[0]["company_id"],
                        "company": pair_facts[0]["company"],
                        "venue": pair_venue,
                        **span,
                    }
                )
        return {"as_of": clocks.as_of.isoformat(), "spans": rows, "summary": summarise(rows)}

    def fact(self, fact_id: str, known_at: int = Clocks.NOW) -> dict[str, Any]:
        """A fact as believed at ``known_at``, with every step of its history up to then."""
        history = self.db.query(
            "SELECT position, step, recorded_at, detail FROM rm_fact_history WHERE fact_id = ? AND position <= ? "
            "ORDER BY position",
            (fact_id, known_at),
        )
        if not history:
            raise UnknownFact(
                f"no fact has id {fact_id}" + ("" if known_at >= Clocks.NOW else f" at position {known_at}")
            )
        rows = self.db.query(
            f"""SELECT {_FACT_COLUMNS}, c.name, m.code FROM rm_fact_versions v
                LEFT JOIN rm_companies c ON c.company_id = v.subject_id
                LEFT JOIN rm_markets m ON m.market_id = v.subject_id
                WHERE v.fact_id = ? AND v.rec_from <= ? ORDER BY v.rec_from DESC LIMIT 1""",
            (fact_id, known_at),
        )
        fact = fact_row(rows[0], None)
        fact["retracted"] = history[-1][1] == "retracted"
        fact["history"] = [
            {"position": position, "step": step, "recorded_at": recorded_at, **orjson.loads(detail)}
            for position, step, recorded_at, detail in history
        ]
        return fact


def fact_row(row: Any, day: int | None) -> dict[str, Any]:
    (
        fact_id,
        subject_type,
        subject_id,
        kind,
        venue,
        text,
        raw,
        earliest,
        latest,
        fields,
        sources,
        summary,
        published,
        company,
        market,
    ) = row
    fact = {
        "fact_id": fact_id,
        "kind": kind,
        "subject_type": subject_type,
        "company_id": subject_id if subject_type == "company" else None,
        "company": company,
        "market": market,
        "venue": venue,
        "date": text,
        "date_raw": raw,
        "earliest": day_text(earliest),
        "latest": day_text(latest),
        "fields": orjson.loads(fields),
        "summary": summary,
        "sources": orjson.loads(sources),
        "public_from": day_text(published),
    }
    if day is not None:
        fact["certain"] = latest <= day
    return fact


def _company(row: Any) -> dict[str, Any]:
    company_id, key, name, aliases, sector = row
    return {"company_id": company_id, "key": key, "name": name, "aliases": orjson.loads(aliases), "sector": sector}


def freshness_of(sources_json: str, clocks: Clocks) -> dict[str, Any]:
    """``last_reported``: when the newest source behind the state was published (as public by
    ``published_by``), how many days before ``as_of`` that was, and whether that is stale."""
    published = [
        FuzzyDate(p["text"], date.fromisoformat(p["earliest"]), date.fromisoformat(p["latest"]), p["raw"])
        for p in (source["published"] for source in orjson.loads(sources_json))
    ]
    as_of = FuzzyDate.day(clocks.as_of)
    reported = newest(published, FuzzyDate.day(clocks.published_by) if clocks.published_by else None)
    return {
        "last_reported": None
        if reported is None
        else {"text": reported.text, "earliest": reported.earliest.isoformat(), "latest": reported.latest.isoformat()},
        "days_since_reported": days_since(as_of, reported) if reported else None,
        "stale": is_stale(as_of, reported),
    }


def flags_of(facts: list[dict[str, Any]]) -> dict[str, Any]:
    """Company flags from its facts as of a day (facts arrive in fact order)."""

    def latest_of(*kinds: FactKind) -> dict[str, Any] | None:
        found = [f for f in facts if f["kind"] in {k.value for k in kinds}]
        return found[-1] if found else None

    def flag(fact: dict[str, Any] | None, truth: bool) -> dict[str, Any]:
        if fact is None:
            return {"value": False, "certain": True, "since": None}
        return {"value": truth, "certain": fact["certain"], "since": fact["date"], "fact_id": fact["fact_id"]}

    tier = latest_of(FactKind.JOINED_GROWTH_TIER, FactKind.LEFT_GROWTH_TIER)
    totals: dict[str, Money] = {}
    funding: dict[str, dict[str, Any]] = {}
    for fact in facts:
        amount = fact["fields"].get("amount") if fact["kind"] == FactKind.FUNDING_ROUND.value else None
        if amount:
            money = Money(Decimal(amount["amount"]), amount["currency"])
            # Money adds only within a currency: each currency keeps its own total, never converted.
            totals[money.currency] = totals[money.currency] + money if money.currency in totals else money
            total = funding.setdefault(money.currency, {"rounds": 0, "certain": True})
            total["amount"] = str(totals[money.currency].amount)
            total["rounds"] += fact["fields"].get("rounds", 1)
            total["certain"] = total["certain"] and fact["certain"]
    valuations = [
        (f, f["fields"]["valuation"])
        for f in facts
        if f["kind"] in (FactKind.VALUATION_REPORTED.value, FactKind.FUNDING_ROUND.value) and "valuation" in f["fields"]
    ]
    latest_valuation = None
    if valuations:
        fact, money = valuations[-1]
        latest_valuation = {
            "valuation": money,
            "date": fact["date"],
            "certain": fact["certain"],
            "fact_id": fact["fact_id"],
        }
    return {
        "blacklisted": flag(latest_of(FactKind.BLACKLISTED), True),
        "growth_tier": flag(tier, tier is not None and tier["kind"] == FactKind.JOINED_GROWTH_TIER.value),
        "u_mark_removed": flag(latest_of(FactKind.U_MARK_REMOVED), True),
        "profitable": flag(latest_of(FactKind.FIRST_PROFIT), True),
        "funding_raised": funding,
        "latest_valuation": latest_valuation,
    }
