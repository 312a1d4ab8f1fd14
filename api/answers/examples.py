"""Example answers for /openapi.json, taken from the seed data (abridged: one entry, one fact).

tests/api/test_openapi_declares_every_answer.py checks that each still fits its declared schema.
"""

from __future__ import annotations

from typing import Any

PIPELINE: dict[str, Any] = {
    "as_of": "2025-06-30",
    "known_at": None,
    "published_by": None,
    "certain_only": False,
    "reported_since": None,
    "total": 4,
    "counts": {"SSE-STAR": {"accepted": 4}},
    "entries": [
        {
            "company_id": "3a9f6941-d5b4-5239-9077-d7de7867fbc0",
            "company": "Moore Threads",
            "aliases": ["Moore Threads Technology Co. Ltd.", "摩尔线程"],
            "sector": "semiconductors",
            "venue": "SSE-STAR",
            "stage": "accepted",
            "suspended": False,
            "since": {"text": "2025-06-30", "earliest": "2025-06-30", "latest": "2025-06-30"},
            "certain": True,
            "fact_id": "5c25d6d8-ae52-54ee-8118-7c6cd233c779",
            "last_reported": {"text": "2025-07-11/2025-09-30", "earliest": "2025-07-11", "latest": "2025-09-30"},
            "days_since_reported": -11,
            "stale": False,
        }
    ],
    "next_cursor": (
        "WyJTU0UtU1RBUiIsMywiMjAyNS0wNi0zMCIsIk1vb3JlIFRocmVhZHMiLCIzYTlmNjk0MS1kNWI0LTUyMzktOTA3Ny1kN2RlNzg2N2ZiYzAiXQ"
    ),
    "held_back": None,
}

COMPANY: dict[str, Any] = {
    "company_id": "3a9f6941-d5b4-5239-9077-d7de7867fbc0",
    "key": "moore-threads",
    "name": "Moore Threads",
    "aliases": ["Moore Threads Technology Co. Ltd.", "摩尔线程", "摩尔线程智能科技(北京)股份有限公司"],
    "sector": "semiconductors",
    "names": [{"name": "Moore Threads", "source": None}, {"name": "Moore Threads Technology Co. Ltd.", "source": None}],
    "retired_names": [],
    "codes": [{"venue": "SSE-STAR", "code": "688795"}],
    "as_of": "2025-07-01",
    "venues": [
        {
            "venue": "SSE-STAR",
            "stage": "accepted",
            "suspended": False,
            "since": {"text": "2025-06-30", "earliest": "2025-06-30", "latest": "2025-06-30"},
            "certain": True,
            "fact_id": "5c25d6d8-ae52-54ee-8118-7c6cd233c779",
            "last_reported": {"text": "2025-07-11/2025-09-30", "earliest": "2025-07-11", "latest": "2025-09-30"},
            "days_since_reported": -10,
            "stale": False,
        }
    ],
    "flags": {
        "blacklisted": {
            "value": True,
            "certain": True,
            "since": "late 2023",
            "fact_id": "f6b4988c-840f-5292-b7b9-2e0818246b11",
        },
        "growth_tier": {"value": False, "certain": True, "since": None},
        "u_mark_removed": {"value": False, "certain": True, "since": None},
        "profitable": {"value": False, "certain": True, "since": None},
        "funding_raised": {},
        "latest_valuation": None,
    },
    "facts": [
        {
            "fact_id": "f6b4988c-840f-5292-b7b9-2e0818246b11",
            "kind": "blacklisted",
            "subject_type": "company",
            "company_id": "3a9f6941-d5b4-5239-9077-d7de7867fbc0",
            "company": "Moore Threads",
            "market": None,
            "venue": None,
            "date": "late 2023",
            "date_raw": "late 2023",
            "earliest": "2023-09-01",
            "latest": "2023-12-31",
            "fields": {"authority": "U.S."},
            "summary": "Moore Threads is blacklisted by the U.S.",
            "sources": [
                {
                    "kind": "article",
                    "document": "000_bd29c5250f60b916.txt",
                    "published": {
                        "text": "2025-07-11/2025-09-30",
                        "raw": "2025-07-11/2025-09-30",
                        "earliest": "2025-07-11",
                        "latest": "2025-09-30",
                    },
                    "quote": "Moore Threads and Biren were blacklisted by the U.S.",
                    "date_text": "Late 2023",
                }
            ],
            "public_from": "2025-09-30",
            "certain": True,
        }
    ],
    "retracted": [],
}


def example(answer: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entry that shows ``answer`` as a route's 200 example."""
    return {200: {"content": {"application/json": {"example": answer}}}}
