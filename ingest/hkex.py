"""``hkex-applications``: HKEX's list of listing applications as CSV (Applicant, Date of Application Proof,
Status, and for an application no longer active the Status Date), days written DD/MM/YYYY as HKEX writes them
(ISO also read)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from domain.vocabulary import Venue
from ingest.dictionary import FormatDictionary
from ingest.snapshot import Row, Snapshot, SnapshotError, csv_rows, read_day

FORMAT = "hkex-applications"
REQUIRED = ("Applicant", "Date of Application Proof", "Status")
LAPSE_MONTHS = 6  # an application lapses six months after its proof unless renewed (DESIGN.md)


def read_hkex(path: Path, words: FormatDictionary, venue: Venue | None) -> Snapshot:
    reader = csv_rows(path)
    header = reader.fieldnames or []
    for column in REQUIRED:
        if column not in header:
            raise SnapshotError(path, None, column, "missing column")
    rows = []
    for number, record in enumerate(reader, start=1):
        if None in record:
            raise SnapshotError(path, number, None, "more cells than the header has columns")
        rows.append(_row(path, number, record, words, venue or Venue.HKEX_MAIN))
    return Snapshot(path, FORMAT, tuple(rows))


def _day(path: Path, number: int, column: str, text: str) -> date:
    return read_day(path, number, column, text, day_first="/" in text and text.strip().index("/") <= 2)


def _row(path: Path, number: int, record: dict[str, str], words: FormatDictionary, venue: Venue) -> Row:
    applicant = (record.get("Applicant") or "").strip()
    if not applicant:
        raise SnapshotError(path, number, "Applicant", "empty: the applicant's name is required")
    word = (record.get("Status") or "").strip()
    meaning = words.tables["words"].get(word)
    if meaning is None:
        raise SnapshotError(path, number, "Status", f"status {word!r} is not in the dictionary")
    proof = _day(path, number, "Date of Application Proof", record.get("Date of Application Proof") or "")
    if meaning.date == "proof":
        day = proof
    elif meaning.date == "lapse":
        day = _months_after(proof, LAPSE_MONTHS)
        if (record.get("Status Date") or "").strip():
            day = _day(path, number, "Status Date", record["Status Date"])
    else:
        if not (record.get("Status Date") or "").strip():
            raise SnapshotError(path, number, "Status Date", f"required for status {word!r}: the day it became so")
        day = _day(path, number, "Status Date", record["Status Date"])
    return Row(
        number=number,
        application=applicant,
        applicant=applicant,
        venue=venue,
        meaning=meaning,
        status_text=word,
        status_day=day,
        accepted_day=proof,
    )


def _months_after(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")
