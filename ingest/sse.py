"""``sse-projects``: the SSE's IPO project list as JSON (the ``result`` rows of ``query.sse.com.cn``'s
``SH_XM_LB`` answer, JSONP-wrapped or not). The status is three fields: currStatus, commitiResult and
registeResult; statuses.yaml says which decides."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from domain.vocabulary import Venue
from ingest.dictionary import FormatDictionary, Meaning
from ingest.snapshot import Row, Snapshot, SnapshotError, read_day

FORMAT = "sse-projects"
REQUIRED = ("stockAuditNum", "stockAuditName", "currStatus", "issueMarketType", "auditApplyDate", "updateDate")
_JSONP = re.compile(r"^\s*[\w$.]+\s*\((.*)\)\s*;?\s*$", re.S)
_HUNDRED_MILLION = Decimal(100_000_000)  # planIssueCapital is in 亿元


def read_sse(path: Path, words: FormatDictionary, venue: Venue | None) -> Snapshot:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SnapshotError(path, None, None, f"not UTF-8 ({error.reason} at byte {error.start})") from None
    wrapped = _JSONP.match(text)
    try:
        data = json.loads(wrapped[1] if wrapped else text)
    except json.JSONDecodeError as error:
        raise SnapshotError(path, None, None, f"not whole JSON ({error.msg} at line {error.lineno})") from None
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, list):
        raise SnapshotError(path, None, "result", "missing: the list's rows are its 'result' array")
    rows = tuple(_row(path, number, record, words) for number, record in enumerate(result, start=1))
    if venue is not None:
        rows = tuple(row for row in rows if row.venue is venue)
    return Snapshot(path, FORMAT, rows)


def _row(path: Path, number: int, record: Any, words: FormatDictionary) -> Row:
    if not isinstance(record, dict):
        raise SnapshotError(path, number, None, "a row must be a JSON object")
    for name in REQUIRED:
        if record.get(name) in (None, ""):
            raise SnapshotError(path, number, name, "missing")
    meaning = _meaning(path, number, record, words)
    market = str(record["issueMarketType"])
    venue = words.venues["issueMarketType"].get(market)
    if venue is None:
        raise SnapshotError(path, number, "issueMarketType", f"board code {market!r} is not in the dictionary")
    issuer = _first(record.get("stockIssuer"))
    applicant = str(issuer.get("s_issueCompanyFullName") or record["stockAuditName"]).strip()
    details: dict[str, Any] = {}
    for key, name in (("s_province", "province"), ("s_csrcCodeDesc", "industry")):
        if issuer.get(key):
            details[name] = str(issuer[key]).strip()
    details.update(_intermediaries(record.get("intermediary")))
    capital = record.get("planIssueCapital")
    if capital not in (None, ""):
        try:
            details["amount_sought"] = Decimal(str(capital)) * _HUNDRED_MILLION
        except InvalidOperation:
            raise SnapshotError(path, number, "planIssueCapital", f"{str(capital)[:40]!r} is not a number") from None
    codes = ", ".join(f"{name}={record.get(name)}" for name in ("currStatus", "commitiResult", "registeResult"))
    return Row(
        number=number,
        application=str(record["stockAuditNum"]),
        applicant=applicant,
        venue=venue,
        meaning=meaning,
        status_text=codes,
        status_day=read_day(path, number, "updateDate", record["updateDate"]),
        accepted_day=read_day(path, number, "auditApplyDate", record["auditApplyDate"]),
        short_name=(str(issuer.get("s_issueCompanyAbbrName") or "").strip() or None),
        details=details,
    )


def _meaning(path: Path, number: int, record: dict[str, Any], words: FormatDictionary) -> Meaning:
    """currStatus decides alone where the dictionary says so (中止, 终止); else the registration result, then the
    committee's result, then currStatus."""
    found = {}
    for name in ("currStatus", "commitiResult", "registeResult"):
        value = record.get(name)
        if value in (None, ""):
            continue
        meaning = words.tables[name].get(str(value))
        if meaning is None:
            raise SnapshotError(path, number, name, f"status code {str(value)[:20]!r} is not in the dictionary")
        found[name] = meaning
    current = found["currStatus"]
    if current.decides:
        return current
    return found.get("registeResult") or found.get("commitiResult") or current


def _first(value: Any) -> dict[str, Any]:
    return value[0] if isinstance(value, list) and value and isinstance(value[0], dict) else {}


def _intermediaries(value: Any) -> dict[str, str]:
    """Sponsor by type 1 (as the SSE list's readers take it); law firm and auditor by what their names say."""
    found: dict[str, str] = {}
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict) or not item.get("i_intermediaryName"):
            continue
        name = str(item["i_intermediaryName"]).strip()
        if str(item.get("i_intermediaryType")) == "1":
            found.setdefault("sponsor", name)
        elif "律师" in name:
            found.setdefault("law_firm", name)
        elif "会计" in name:
            found.setdefault("auditor", name)
    return found
