"""Snapshots of the three lists in their real shapes, two observations each, every status of the dictionary
among their rows. The applicants are made up (test data, never seeds) except Biren's legal name, which must
find the company the store knows."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

BIREN = "上海壁仞科技股份有限公司"
SSE_FIRST, SSE_SECOND = "2026-03-01T08:00:00Z", "2026-04-01T08:00:00Z"
EM_FIRST, EM_SECOND = "2026-03-02T01:00:00Z", "2026-04-02T01:00:00Z"
HK_FIRST, HK_SECOND = "2026-03-03T02:00:00Z", "2026-04-03T02:00:00Z"


def sse_row(
    number: int, name: str, status: int, updated: str, *, board: int = 1, committee: Any = "", registration: Any = ""
) -> dict[str, Any]:
    return {
        "stockAuditNum": str(number),
        "stockAuditName": name,
        "currStatus": status,
        "commitiResult": committee,
        "registeResult": registration,
        "issueMarketType": board,
        "auditApplyDate": "20260105093000",
        "updateDate": f"{updated}170203",
        "planIssueCapital": 48.5,
        "stockIssuer": [
            {"s_issueCompanyFullName": name, "s_province": "上海", "s_csrcCodeDesc": "计算机、通信和其他电子设备制造业"}
        ],
        "intermediary": [
            {"i_intermediaryType": 1, "i_intermediaryName": "甲证券股份有限公司"},
            {"i_intermediaryType": 2, "i_intermediaryName": "乙会计师事务所(特殊普通合伙)"},
            {"i_intermediaryType": 3, "i_intermediaryName": "丙律师事务所"},
        ],
    }


def sse_first() -> dict[str, Any]:
    rows = [
        sse_row(1001, BIREN, 2, "20260210"),
        sse_row(1002, "试样乙科技股份有限公司", 1, "20260105"),
        sse_row(1003, "试样丙芯片股份有限公司", 3, "20260212", committee=6),
        sse_row(1004, "试样丁光电股份有限公司", 4, "20260215"),
        sse_row(1005, "试样戊材料股份有限公司", 5, "20260220", registration=1),
        sse_row(1006, "试样己医疗股份有限公司", 5, "20260221", registration=2),
        sse_row(1007, "试样庚能源股份有限公司", 5, "20260222", registration=3),
        sse_row(1008, "试样辛装备股份有限公司", 7, "20260223", board=2),
        sse_row(1009, "试样壬软件股份有限公司", 8, "20260224"),
        sse_row(1010, "试样癸机器人股份有限公司", 9, "20260225", committee=1),
        sse_row(1011, "试样子半导体股份有限公司", 10, "20260226"),
        sse_row(1012, "试样丑通信股份有限公司", 3, "20260227", committee=3),
        sse_row(1013, "试样寅精密股份有限公司", 3, "20260227", committee=4),
        sse_row(1014, "试样卯生物股份有限公司", 3, "20260227", committee=5),
        sse_row(1015, "试样辰电子股份有限公司", 3, "20260228"),
    ]
    return {"result": rows, "pageHelp": {"pageCount": 1, "total": len(rows)}}


def sse_second() -> dict[str, Any]:
    changed = {
        "1001": sse_row(1001, BIREN, 7, "20260315"),  # suspended (中止) after inquiry
        "1002": sse_row(1002, "试样乙科技股份有限公司", 2, "20260305"),
        "1008": sse_row(1008, "试样辛装备股份有限公司", 2, "20260320", board=2),  # resumed: back in inquiry
    }
    rows = [changed.get(row["stockAuditNum"], row) for row in sse_first()["result"] if row["stockAuditNum"] != "1003"]
    return {"result": rows, "pageHelp": {"pageCount": 1, "total": len(rows)}}


EM_HEADER = [
    "序号",
    "企业名称",
    "最新状态",
    "注册地",
    "行业",
    "保荐机构",
    "律师事务所",
    "会计师事务所",
    "更新日期",
    "受理日期",
    "拟上市地点",
]
EM_WORDS = [
    "已受理", "新受理", "已问询", "补充审核", "上市委会议", "上市委会议通过", "通过", "复审委会议通过", "复审通过",
    "上市委会议未通过", "未通过", "复审不通过", "暂缓审议", "提交注册", "注册生效", "不予注册", "终止注册", "中止",
    "中止(财报更新)", "终止", "终止(撤回)", "终止(审核不通过)",
]  # fmt: skip
EM_MARKETS = ["科创板", "创业板", "北交所", "上交所主板", "深交所主板"]


def eastmoney_rows(second: bool) -> list[list[str]]:
    rows = []
    for index, word in enumerate(EM_WORDS, start=1):
        status, updated = word, f"2026/2/{index} 17:02:03"
        if second and word == "已受理":
            status, updated = "已问询", "2026/3/10 09:00:00"
        if second and word == "新受理":
            status, updated = "终止(撤回)", "2026/3/11 09:00:00"
        rows.append(
            [str(index), f"样本{index:02d}号科技股份有限公司", status, "北京", "专用设备制造业", "丁证券有限责任公司",
             "戊律师事务所", "己会计师事务所", updated, "2026-01-20", EM_MARKETS[index % len(EM_MARKETS)]]
        )  # fmt: skip
    return rows


HK_HEADER = ["Applicant", "Date of Application Proof", "Status", "Status Date"]


def hkex_rows(second: bool) -> list[list[str]]:
    rows = [
        ["Sample Alpha Robotics Co., Ltd. - H Shares", "15/01/2026", "Active", ""],
        ["Sample Beta Biotech Inc. - B", "02/07/2025", "Lapsed", ""],
        ["Sample Gamma Semiconductor Limited", "10/10/2025", "Withdrawn", "20/02/2026"],
        ["Sample Delta AI Holdings Limited", "11/10/2025", "Rejected", "21/02/2026"],
        ["Sample Epsilon Devices Limited", "12/10/2025", "Returned", "22/02/2026"],
        ["Sample Zeta Materials Limited", "05/09/2025", "Listed", "23/02/2026"],
    ]
    if second:
        rows[0] = ["Sample Alpha Robotics Co., Ltd. - H Shares", "15/01/2026", "Listed", "27/03/2026"]
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def write_all(directory: Path) -> dict[str, list[tuple[Path, str]]]:
    """Every snapshot as a file: format -> [(file, observed at)] in observation order."""
    directory.mkdir(parents=True, exist_ok=True)
    return {
        "sse-projects": [
            (write_json(directory / "sse-1.json", sse_first()), SSE_FIRST),
            (write_json(directory / "sse-2.json", sse_second()), SSE_SECOND),
        ],
        "eastmoney-register": [
            (write_csv(directory / "em-1.csv", EM_HEADER, eastmoney_rows(False), bom=True), EM_FIRST),
            (write_csv(directory / "em-2.csv", EM_HEADER, eastmoney_rows(True)), EM_SECOND),
        ],
        "hkex-applications": [
            (write_csv(directory / "hk-1.csv", HK_HEADER, hkex_rows(False)), HK_FIRST),
            (write_csv(directory / "hk-2.csv", HK_HEADER, hkex_rows(True)), HK_SECOND),
        ],
    }
