"""``timeline fetch``: one timestamped snapshot of a list saved to a folder, for people who have the network.

Each list is asked page by page, politely (a pause between requests, a few retries with growing waits), with
the headers its site needs (the SSE refuses a request without its Referer). The SSE list is asked for both
boards (``issueMarketType=1,2``): without that parameter it answers STAR rows only. What is saved is what
``timeline ingest`` reads: the SSE rows as one JSON ``result`` array, Eastmoney's rows as the CSV of its table
(the column names akshare gives them), HKEX's answer as sent. Beside it a ``.meta.json`` says when it was
observed and from where."""

from __future__ import annotations

import csv
import io
import json
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.reading import META

USER_AGENT = "Mozilla/5.0 (compatible; hardtech-timeline fetch)"
SSE_URL = "https://query.sse.com.cn/commonSoaQuery.do"
EASTMONEY_URL = "https://datacenter-web.eastmoney.com/api/data/v1/get"
HKEX_URL = "https://www1.hkexnews.hk/app/appindex.html"
PAGE_SIZE = 100
MAX_PAGES = 500

# Eastmoney's API columns -> the table's names as akshare's stock_register_* give them.
EASTMONEY_COLUMNS = {
    "DECLARE_ORG": "企业名称",
    "STATE": "最新状态",
    "REG_ADDRESS": "注册地",
    "CSRC_INDUSTRY": "行业",
    "RECOMMEND_ORG": "保荐机构",
    "LAW_FIRM": "律师事务所",
    "ACCOUNT_FIRM": "会计师事务所",
    "UPDATE_DATE": "更新日期",
    "ACCEPT_DATE": "受理日期",
    "PREDICT_LISTING_MARKET": "拟上市地点",
}


class FetchError(RuntimeError):
    """The site did not give the list (after the retries)."""


@dataclass
class Polite:
    """How to ask: a pause between requests, retries with waits that double."""

    pause: float = 1.0
    retries: int = 3
    timeout: float = 30.0
    sleep: Callable[[float], None] = time.sleep

    def get(self, url: str, params: dict[str, Any], headers: dict[str, str]) -> bytes:
        full = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params) if params else url
        if urllib.parse.urlsplit(full).scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http(s) addresses are fetched")
        request = urllib.request.Request(full, headers={"User-Agent": USER_AGENT, **headers})  # noqa: S310
        wait = max(self.pause, 0.1)
        for attempt in range(self.retries + 1):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310 (checked above)
                    body: bytes = answer.read()
                self.sleep(self.pause)
                return body
            except (OSError, ValueError) as error:
                if attempt == self.retries:
                    raise FetchError(f"{url}: {error} (after {self.retries + 1} tries)") from None
                self.sleep(wait)
                wait *= 2
        raise AssertionError("unreachable")


def fetch_sse(polite: Polite, url: str = SSE_URL) -> bytes:
    rows: list[Any] = []
    page, pages = 1, 1
    while page <= min(pages, MAX_PAGES):
        params = {
            "sqlId": "SH_XM_LB",
            "isPagination": "true",
            "issueMarketType": "1,2",
            "order": "updateDate|desc,stockAuditNum|desc",
            "pageHelp.pageSize": PAGE_SIZE,
            "pageHelp.pageNo": page,
            "pageHelp.beginPage": page,
            "pageHelp.endPage": page,
        }
        data = _json(polite.get(url, params, {"Referer": "https://www.sse.com.cn/"}), url)
        rows += data.get("result") or []
        pages = int((data.get("pageHelp") or {}).get("pageCount") or 1)
        page += 1
    return json.dumps({"result": rows}, ensure_ascii=False).encode("utf-8")


def fetch_eastmoney(polite: Polite, url: str = EASTMONEY_URL) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EASTMONEY_COLUMNS.values())
    page, pages = 1, 1
    while page <= min(pages, MAX_PAGES):
        params = {
            "reportName": "RPT_IPO_INFOALLNEW",
            "columns": ",".join(EASTMONEY_COLUMNS),
            "sortColumns": "UPDATE_DATE,ORG_CODE",
            "sortTypes": "-1,-1",
            "pageSize": PAGE_SIZE,
            "pageNumber": page,
            "source": "WEB",
            "client": "WEB",
        }
        result = _json(polite.get(url, params, {"Referer": "https://data.eastmoney.com/"}), url).get("result") or {}
        for record in result.get("data") or []:
            writer.writerow([_cell(record.get(column)) for column in EASTMONEY_COLUMNS])
        pages = int(result.get("pages") or 1)
        page += 1
    return out.getvalue().encode("utf-8")


def fetch_hkex(polite: Polite, url: str = HKEX_URL) -> bytes:
    return polite.get(url, {}, {"Referer": "https://www1.hkexnews.hk/"})


FETCHERS: dict[str, tuple[Callable[[Polite, str], bytes], str, str]] = {
    "sse-projects": (fetch_sse, SSE_URL, "json"),
    "eastmoney-register": (fetch_eastmoney, EASTMONEY_URL, "csv"),
    "hkex-applications": (fetch_hkex, HKEX_URL, "csv"),
}


def fetch_snapshot(form: str, directory: Path, url: str | None = None, polite: Polite | None = None) -> Path:
    """Fetch one snapshot of ``form`` into ``directory``; answers the saved file's path."""
    fetch, default_url, extension = FETCHERS[form]
    body = fetch(polite or Polite(), url or default_url)
    observed = datetime.now(UTC).replace(microsecond=0)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{form}-{observed.strftime('%Y%m%dT%H%M%SZ')}.{extension}"
    path.write_bytes(body)
    meta = {"format": form, "observed_at": observed.isoformat().replace("+00:00", "Z"), "url": url or default_url}
    path.with_name(path.name + META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return path


def _json(body: bytes, url: str) -> dict[str, Any]:
    text = body.decode("utf-8-sig", errors="replace").strip()
    if text and not text.startswith("{") and "(" in text:  # JSONP
        text = text[text.index("(") + 1 : text.rindex(")")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FetchError(f"{url}: the answer is not JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise FetchError(f"{url}: the answer is not a JSON object")
    return data


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
