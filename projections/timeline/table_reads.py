"""What a batch of the core read models must know of its tables and memory does not hold, read
back a few statements for the whole batch (``KEYS_A_STATEMENT`` keys each), never one per event.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from projections.clocks import MAX_POSITION
from projections.stage_rows import StageFact
from projections.store.read_store import Cursor, ReadStore, key_chunks
from projections.timeline.carried_state import CarriedState, Key, Pair, Version

#: Keys per read-back statement: well under any driver's limit on parameters.
VERSION_COLUMNS = (
    "fact_id, subject_type, subject_id, kind, category, venue, date_text, date_raw, earliest, latest, fields, "
    "sources, summary"
)


class TableReads:
    def __init__(self, store: ReadStore, cursor: Cursor, memory: CarriedState) -> None:
        self.store = store
        self.p = store.p
        self.cursor = cursor
        self.memory = memory
        self.versions: dict[str, list[Version]] = {}  # the open versions of every fact this batch has touched
        self.companies: dict[str, list[Any]] = {}  # company_id, key, name, aliases, sector, rec_from

    def read_versions(self, fact_ids: Iterable[str]) -> list[Version]:
        """The open versions of these facts: by key where memory knows them, else by fact."""
        p, known, unknown = self.p, [], []
        for fact_id in sorted(set(fact_ids) - self.versions.keys()):
            if fact_id in self.memory.version_ids:
                known += self.memory.version_ids[fact_id]
            elif not self.memory.complete:
                unknown.append(fact_id)
        read = []
        for where, keys in (("version_id", known), ("fact_id", unknown)):
            for chunk in key_chunks(keys):
                self.cursor.execute(
                    f"""SELECT version_id, {VERSION_COLUMNS}, step, revised FROM rm_fact_versions
                       WHERE {where} IN ({", ".join([p] * len(chunk))}) AND rec_to = {p}""",
                    [*chunk, MAX_POSITION],
                )
                read += [_version(row) for row in self.cursor.fetchall()]
        read.sort(key=lambda version: (version.fact_id, version.step))
        for version in read:
            self.versions.setdefault(version.fact_id, []).append(version)
        return read

    def read_pairs(self, keys: Iterable[Key]) -> None:
        """The open stage facts and rows of the pairs memory does not hold (none, if it holds everything)."""
        pairs = self.memory.pairs
        wanted = {key for key in keys if key not in pairs}
        for key in wanted:
            pairs[key] = Pair()
        if self.memory.complete:
            return
        p = self.p
        # By company, which the indexes answer on both databases; pairs memory holds already stay as
        # they are (this batch may have changed them).
        for chunk in key_chunks(sorted({company_id for company_id, _venue in wanted})):
            listed = ", ".join([p] * len(chunk))
            self.cursor.execute(
                f"""SELECT subject_id, venue, fact_id, step, kind, earliest, latest, published, pub_to
                   FROM rm_fact_versions WHERE subject_id IN ({listed}) AND category = 'stage' AND rec_to = {p}
                   AND published < pub_to""",
                [*chunk, MAX_POSITION],
            )
            for subject_id, venue, fact_id, step, *stage_fact in self.cursor.fetchall():
                if (subject_id, venue) in wanted:
                    pairs[(subject_id, venue)].facts[(fact_id, step)] = StageFact(fact_id, *stage_fact)
            self.cursor.execute(
                f"""SELECT company_id, venue, row_id, mode, valid_from, valid_to, pub_from, pub_to, fact_id, stage,
                   suspended FROM rm_stage_rows WHERE company_id IN ({listed}) AND rec_to = {p}""",
                [*chunk, MAX_POSITION],
            )
            for company_id, venue, row_id, *rectangle in self.cursor.fetchall():
                if (company_id, venue) in wanted:
                    mode, valid_from, valid_to, pub_from, pub_to, fact_id, stage, suspended = rectangle
                    row = (mode, valid_from, valid_to, pub_from, pub_to, fact_id, stage, bool(suspended))
                    pairs[(company_id, venue)].rows[row] = row_id

    def pair(self, key: Key) -> Pair:
        if key not in self.memory.pairs:
            self.read_pairs([key])
        return self.memory.pairs[key]

    def names_and_sectors(self, company_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """Each company's name and sector: registered in this batch, or read back."""
        found = {c: (row[2], row[4]) for c in company_ids if (row := self.companies.get(c)) is not None}
        missing = sorted(set(company_ids) - found.keys())
        for chunk in key_chunks(missing):
            listed = ", ".join([self.p] * len(chunk))
            self.cursor.execute(
                f"SELECT company_id, name, sector FROM rm_companies WHERE company_id IN ({listed})", chunk
            )
            found.update((company_id, (name, sector)) for company_id, name, sector in self.cursor.fetchall())
        return found


def _version(row: Any) -> Version:
    version = Version(
        fact_id=row[1],
        subject_type=row[2],
        subject_id=row[3],
        kind=row[4],
        category=row[5],
        venue=row[6],
        date=(row[7], row[8], row[9], row[10]),
        fields=row[11],
        sources=orjson.loads(row[12]),
        summary=row[13],
        version_id=row[0],
        stored=True,
        step=row[14],
        revised=row[15],
    )
    version.publish()
    return version
