"""What the core read models' projector knows of its tables between batches, and the rows it
changes in memory within one.

A batch needs each (company, venue)'s open stage facts and rows, and the open version of each
fact it touches, before its first event. ``CarriedState`` keeps them from one batch to the next, so a
rebuild reads nothing back and catch-up after a write reads little.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import orjson

from domain.sources import document_key
from projections.clocks import MAX_POSITION
from projections.stage_rows import MAX_DAY, Rectangle, StageFact

Key = tuple[str, str]  # (company or market id, venue)


@dataclass(slots=True)
class Version:
    """One version of a fact: a row of rm_fact_versions, with its sources in their plain form.

    A fact as known at a log position is a chain of versions, one per statement that made it (the
    recording, then each correction); under the publication clock each shows from the day its
    statement became public until a later one did (``publish_chain``)."""

    fact_id: str
    subject_type: str
    subject_id: str
    kind: str
    category: str
    venue: str | None
    date: tuple[str, str, int, int]  # text, raw, earliest, latest (ordinals)
    fields: str  # JSON
    sources: list[dict[str, Any]]
    summary: str | None
    version_id: int = 0
    rec_from: int = 0
    rec_to: int = MAX_POSITION
    stored: bool = False  # read from the table, not opened by this batch
    days: list[int] = field(default_factory=list)  # when each source was certainly published, ascending
    step: int = 0  # the statement that made this version: 0 the recording, then one per correction
    revised: int = 0  # the first day one of that correction's sources was certainly public (0: recorded)
    published: int = 0  # public from: the fact's first source day, or ``revised`` if later
    pub_to: int = MAX_DAY  # exclusive: the day a later correction or the retraction became public

    def row(self) -> tuple[Any, ...]:
        """This version as a row of rm_fact_versions, in the column order batch_rows.py writes:
        version_id, the columns of table_reads.VERSION_COLUMNS, published, pub_to, step, revised, rec_from, rec_to."""
        return (
            self.version_id,
            self.fact_id,
            self.subject_type,
            self.subject_id,
            self.kind,
            self.category,
            self.venue,
            *self.date,
            self.fields,
            orjson.dumps(self.sources).decode(),
            self.summary,
            self.published,
            self.pub_to,
            self.step,
            self.revised,
            self.rec_from,
            self.rec_to,
        )

    def publish(self) -> None:
        self.days = sorted({date.fromisoformat(source["published"]["latest"]).toordinal() for source in self.sources})

    def source_days(self) -> list[tuple[str, int]]:
        """Each source's document key and the day it was certainly public (rm_fact_sources)."""
        return [
            (document_key(s["document"]), date.fromisoformat(s["published"]["latest"]).toordinal())
            for s in self.sources
        ]

    @property
    def shown(self) -> bool:
        """Public on some day: a version whose successor became public no later than it never shows."""
        return self.published < self.pub_to

    def stage_fact(self) -> StageFact:
        return StageFact(self.fact_id, self.kind, self.date[2], self.date[3], self.published, self.pub_to)


def publish_chain(chain: list[Version], retracted_from: int | None = None) -> None:
    """The publication days of a fact's versions: with sources public by day P, the version shown is the
    newest whose statement was public by P; the fact shows from its first source's day; a retraction
    public from ``retracted_from`` ends whichever shows then."""
    first = min(version.days[0] for version in chain)  # the sources are the fact's: one list, every version
    until = MAX_DAY if retracted_from is None else retracted_from
    for version in reversed(chain):
        version.published = max(first, version.revised)
        version.pub_to = until
        until = min(until, version.revised) if version.step else until


@dataclass(slots=True)
class Row:
    """A stage row this batch opened: believed from ``rec_from`` until ``rec_to``."""

    row_id: int
    rec_from: int
    rec_to: int = MAX_POSITION


@dataclass(slots=True)
class Pair:
    """A (company, venue): its open stage facts and the key of each rectangle believed now.

    Plain tuples and numbers only, which the garbage collector stops tracking: memory then costs
    a collection almost nothing, however many pairs it holds.
    """

    facts: dict[tuple[str, int], StageFact] = field(default_factory=dict)  # (fact, step): the versions shown
    rows: dict[Rectangle, int] = field(default_factory=dict)

    def latest(self, fact_id: str) -> StageFact:
        """The version of a fact shown when every source counts (the one board rows are decided by)."""
        return next(f for (shown, _step), f in self.facts.items() if shown == fact_id and f.public_until == MAX_DAY)


class CarriedState:
    """The tables' open versions and pairs as this process last wrote them, valid while the tables
    are the same ones (not dropped and made again: tables.py) and the log position they were
    written at is still the last one applied. Applying the same events to the same tables writes
    the same rows with the same keys, however they are batched, so another process that applied
    exactly those events leaves them valid too.

    ``complete`` while it holds everything (it began with empty tables): a miss then means
    "none", so a rebuild never reads back and needs no index to look rows up by. Outside a
    rebuild (``bounded``) it keeps only a few thousand pairs: catch-up after a write reads the
    little it needs, and a serving process does not hold the whole read model (36 MB at M).
    """

    MAX_PAIRS = 2_000
    MAX_FACTS = 50_000

    def __init__(self) -> None:
        self.tables: str | None = None  # their incarnation (tables.py)
        self.position: int | None = None
        self.complete = False
        self.bounded = True
        self.pairs: dict[Key, Pair] = {}
        self.version_ids: dict[str, list[int]] = {}  # fact -> its open versions, in step order

    def forget(self) -> None:
        self.tables, self.position, self.complete = None, None, False
        self.pairs.clear()
        self.version_ids.clear()

    def check(self, tables: str | None, last_position: int) -> None:
        """Keep what is known only if the tables are still those, as this process left them
        (``last_position`` 0: they are empty, so nothing is missed by knowing nothing)."""
        if (tables, last_position) != (self.tables, self.position):
            self.forget()
            self.tables, self.position, self.complete = tables, last_position, last_position == 0
        self.trim()

    def trim(self) -> None:
        """Let go of everything once over the bounds; what is let go of is read back when needed."""
        if self.bounded and (len(self.pairs) > self.MAX_PAIRS or len(self.version_ids) > self.MAX_FACTS):
            tables, position = self.tables, self.position
            self.forget()
            self.tables, self.position = tables, position
