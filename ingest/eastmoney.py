"""``eastmoney-register``: Eastmoney's IPO review table as CSV (the table akshare's ``stock_register_*`` return),
UTF-8 with or without a BOM. Column names are those of akshare's current and older releases."""

from __future__ import annotations

from pathlib import Path

from domain.vocabulary import Venue
from ingest.dictionary import FormatDictionary
from ingest.snapshot import Row, Snapshot, SnapshotError, csv_rows, read_day

FORMAT = "eastmoney-register"

# Each field with the column names that carry it, current name first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "applicant": ("企业名称", "发行人全称"),
    "status": ("最新状态", "审核状态"),
    "updated": ("更新日期",),
    "accepted": ("受理日期",),
    "province": ("注册地",),
    "industry": ("行业", "证监会行业"),
    "sponsor": ("保荐机构",),
    "law_firm": ("律师事务所",),
    "auditor": ("会计师事务所",),
    "market": ("拟上市地点",),
}
REQUIRED = ("applicant", "status", "updated", "accepted")
DETAILS = ("province", "industry", "sponsor", "law_firm", "auditor")


def read_eastmoney(path: Path, words: FormatDictionary, venue: Venue | None) -> Snapshot:
    reader = csv_rows(path)
    header = reader.fieldnames or []
    chosen: dict[str, str] = {}
    for name, candidates in COLUMNS.items():
        found = next((column for column in candidates if column in header), None)
        if found is not None:
            chosen[name] = found
        elif name in REQUIRED:
            raise SnapshotError(path, None, candidates[0], f"missing column (one of {', '.join(candidates)})")
    rows = []
    for number, record in enumerate(reader, start=1):
        if None in record:
            raise SnapshotError(path, number, None, "more cells than the header has columns")
        rows.append(_row(path, number, record, chosen, words, venue))
    return Snapshot(path, FORMAT, tuple(rows))


def _row(
    path: Path,
    number: int,
    record: dict[str, str],
    chosen: dict[str, str],
    words: FormatDictionary,
    venue: Venue | None,
) -> Row:
    def cell(name: str) -> str:
        column = chosen.get(name)
        return (record.get(column) or "").strip() if column else ""

    applicant = cell("applicant")
    if not applicant:
        raise SnapshotError(path, number, chosen["applicant"], "empty: the applicant's full name is required")
    word = cell("status")
    meaning = words.tables["words"].get(word)
    if meaning is None:
        raise SnapshotError(path, number, chosen["status"], f"status {word!r} is not in the dictionary")
    market = cell("market")
    row_venue = words.venues["markets"].get(market) if market else venue
    if market and row_venue is None:
        raise SnapshotError(path, number, chosen["market"], f"market {market!r} is not in the dictionary")
    if row_venue is None:
        raise SnapshotError(path, number, "拟上市地点", "no market in the row: give --venue")
    details: dict[str, object] = {name: cell(name) for name in DETAILS if cell(name)}
    return Row(
        number=number,
        application=applicant,
        applicant=applicant,
        venue=row_venue,
        meaning=meaning,
        status_text=word,
        status_day=read_day(path, number, chosen["updated"], cell("updated")),
        accepted_day=read_day(path, number, chosen["accepted"], cell("accepted")),
        details=details,  # type: ignore[arg-type]
    )
