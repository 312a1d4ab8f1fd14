"""As-of answers on the seed dataset against checks written from the articles (spot_checks.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from projections.clocks import Clocks

CHECKS = yaml.safe_load((Path(__file__).parent / "spot_checks.yaml").read_text(encoding="utf-8"))["checks"]


def label(check: dict) -> str:
    what = check.get("venue") or check.get("flag")
    return f"{check['company']}|{what}|{check['as_of']}"


def test_the_checks_cover_at_least_fifteen_companies():
    assert len({check["company"] for check in CHECKS}) >= 15


@pytest.mark.parametrize("check", CHECKS, ids=label)
def test_the_seeded_store_answers_as_the_articles_say(seeded, check):
    answer = seeded.queries.company(check["company"], Clocks(date.fromisoformat(check["as_of"])))
    if "flag" in check:
        flag = answer["flags"][check["flag"]]
        assert flag["value"] is check["value"], check["why"]
        assert flag["certain"] is check["certain"], check["why"]
        return
    on_venue = [v for v in answer["venues"] if v["venue"] == check["venue"]]
    if check["stage"] == "none":
        assert on_venue == [], check["why"]
        return
    assert [(v["stage"], v["certain"]) for v in on_venue] == [(check["stage"], check["certain"])], check["why"]
