"""One snapshot of a list, as every format reads into it: its rows, each an application with its status
meaning, dates and details; and the error that refuses a whole file, naming file, row and field."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from domain.vocabulary import Venue
from ingest.dictionary import Meaning


class SnapshotError(ValueError):
    """A file refused whole: nothing of it is written."""

    def __init__(self, path: Path | str, row: int | None, column: str | None, problem: str) -> None:
        where = [str(path)]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"field {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")
        self.path, self.row, self.column, self.problem = str(path), row, column, problem


@dataclass(frozen=True)
class Row:
    """One application as the list shows it."""

    number: int  # the row's place in the file (1 = the first data row)
    application: str  # the list's own id of the application (SSE stockAuditNum), else the applicant's name
    applicant: str  # the full legal name as listed
    venue: Venue
    meaning: Meaning
    status_text: str  # the status as the file writes it (a word, or codes)
    status_day: date  # the day the status was published (update date; HKEX: per the dictionary's rule)
    accepted_day: date | None  # acceptance (A-share lists) or application proof (HKEX)
    short_name: str | None = None
    details: dict[str, str | Decimal] = field(default_factory=dict)  # sponsor, law_firm, auditor, ...


@dataclass(frozen=True)
class Snapshot:
    path: Path
    format: str
    rows: tuple[Row, ...]


_DAY = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(\d{6})?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def read_day(path: Path, row: int, column: str, text: object, *, day_first: bool = False) -> date:
    """A day as the lists write it: ``2026/1/15 17:02:03``, ISO, ``20260115170203`` (SSE), ``15/01/2026`` (HKEX)."""
    raw = "" if text is None else str(text)
    match = _DMY.match(raw) if day_first else _DAY.match(raw) or _COMPACT.match(raw)
    try:
        if match is None:
            raise ValueError
        if day_first:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        shown = raw[:40]
        raise SnapshotError(path, row, column, f"{shown!r} is not a date this list writes") from None


def parse_observed_at(text: str) -> datetime:
    """An RFC 3339 date-time with its offset (when the snapshot was taken)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--observed-at {text[:40]!r} is not an RFC 3339 date-time") from None
    if moment.tzinfo is None:
        raise ValueError(f"--observed-at {text[:40]!r} needs its offset (Z or +08:00)")
    return moment


def csv_rows(path: Path) -> csv.DictReader[str]:
    """A list saved as CSV (UTF-8, with or without a BOM), read by its header; a file that is not UTF-8 is refused."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SnapshotError(path, None, None, f"not UTF-8 ({error.reason} at byte {error.start})") from None
    return csv.DictReader(io.StringIO(text, newline=""))
