"""What ingesting the lists' snapshots makes of a store, asked through the answers (subclassed per database):
the as-of and published_by answers follow docs/ingest.md, the feed gains nothing from a second ingest, the
application's details are fields of its facts, and an older snapshot is refused unless late."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.cli.ingest import boards, coverage
from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from ingest.reading import Observed, read_snapshot
from ingest.snapshot import SnapshotError, parse_observed_at
from ingest.writing import ingest_snapshot
from projections.clocks import Clocks
from tests.ingest.snapshots import BIREN, sse_second, write_all, write_json


def ingest_all(services, files, form=None):
    summaries = []
    for name, observed in files.items():
        if form and name != form:
            continue
        previous = None
        for path, at in observed:
            snapshot = read_snapshot(path, name)
            summaries.append(
                ingest_snapshot(services.app, snapshot, parse_observed_at(at), url="https://example.org/list",
                                previous=previous)
            )  # fmt: skip
            previous = snapshot
    services.catch_up()
    return summaries


def stage_of(services, name, venue, day, **clocks):
    answer = services.queries.company(name, Clocks(as_of=date.fromisoformat(day), **clocks))
    found = [entry for entry in answer["venues"] if entry["venue"] == venue]
    return (found[0]["stage"], found[0]["suspended"], found[0]["since"]["text"]) if found else None


class IngestContract:
    @pytest.fixture
    def services(self, database_url):
        services = build_services(Settings(database_url=database_url))
        services.app.register_company("Shanghai Biren Intelligent Technology Co. Ltd.", aliases=["壁仞科技", BIREN])
        services.app.record_fact(
            kind="preparing", company="壁仞科技", venue="SSE-STAR", date="2025-06",
            sources=[Source("a test article", parse_date("2025-07-01"), "a quote")],
        )  # fmt: skip
        yield services
        services.close()

    @pytest.fixture
    def files(self, tmp_path: Path):
        return write_all(tmp_path)

    def test_a_list_row_finds_the_company_by_its_legal_name_and_dates_each_status_on_its_update_day(
        self, services, files
    ):
        ingest_all(services, files, "sse-projects")
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-01-04") == ("preparing", False, "2025-06")
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-01-05") == ("accepted", False, "2026-01-05")
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-03-01") == ("inquiry", False, "2026-02-10")
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-03-31") == ("inquiry", True, "2026-02-10")
        # A status that goes back is what happened: suspended, then in inquiry again on its own day.
        assert stage_of(services, "试样辛装备股份有限公司", "SSE-MAIN", "2026-03-01") == (
            "accepted",
            True,
            "2026-01-05",
        )
        assert stage_of(services, "试样辛装备股份有限公司", "SSE-MAIN", "2026-03-31") == (
            "inquiry",
            False,
            "2026-03-20",
        )
        # Results decide over currStatus; statuses of no stage of their own add none.
        expected = {
            "试样丁光电股份有限公司": "approved", "试样戊材料股份有限公司": "registered",
            "试样己医疗股份有限公司": "rejected", "试样庚能源股份有限公司": "terminated",
            "试样壬软件股份有限公司": "terminated", "试样癸机器人股份有限公司": "approved",
            "试样子半导体股份有限公司": "inquiry", "试样丑通信股份有限公司": "rejected",
            "试样寅精密股份有限公司": "approved", "试样卯生物股份有限公司": "rejected",
            "试样丙芯片股份有限公司": "accepted", "试样辰电子股份有限公司": "accepted",
        }  # fmt: skip
        for name, stage in expected.items():
            assert stage_of(services, name, "SSE-STAR", "2026-03-31")[0] == stage, name

    def test_published_by_shows_a_status_only_from_the_day_the_list_published_it(self, services, files):
        ingest_all(services, files, "sse-projects")
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-03-31", published_by=date(2026, 2, 9)) == (
            "accepted", False, "2026-01-05",
        )  # fmt: skip
        assert stage_of(services, "壁仞科技", "SSE-STAR", "2026-03-31", published_by=date(2026, 3, 14))[:2] == (
            "inquiry", False,
        )  # fmt: skip

    def test_sponsor_law_firm_auditor_province_industry_and_amount_are_fields_of_the_applications_facts(
        self, services, files
    ):
        ingest_all(services, files, "sse-projects")
        answer = services.queries.company("壁仞科技", Clocks(as_of=date(2026, 3, 31)))
        accepted = next(f for f in answer["facts"] if f["kind"] == "accepted")
        assert accepted["fields"]["sponsor"] == "甲证券股份有限公司"
        assert accepted["fields"]["law_firm"] == "丙律师事务所"
        assert accepted["fields"]["auditor"] == "乙会计师事务所(特殊普通合伙)"
        assert accepted["fields"]["province"] == "上海"
        assert accepted["fields"]["industry"] == "计算机、通信和其他电子设备制造业"
        assert accepted["fields"]["application_no"] == "1001"
        assert accepted["fields"]["amount_sought"] == {"amount": "4850000000", "currency": "CNY"}, accepted["fields"]
        source = accepted["sources"][0]
        assert source["url"] == "https://example.org/list"
        assert source["published"]["text"] == "2026-01-05"
        assert "2026-03-01T08:00:00" in source["statement"]  # when this store learned it

    def test_the_pipeline_keeps_a_sponsors_applications_as_of_the_clocks(self, services, files):
        ingest_all(services, files)
        clocks = Clocks(as_of=date(2026, 3, 31))
        everyone = services.queries.pipeline(clocks)
        sse = services.queries.pipeline(clocks, sponsor="甲证券")  # part of the name, as people write it
        from_the_sse_list = {e["company_id"] for e in everyone["entries"] if not e["company"].startswith("样本")}
        from_the_sse_list -= {e["company_id"] for e in everyone["entries"] if e["venue"].startswith("HKEX")}
        assert {e["company_id"] for e in sse["entries"]} == from_the_sse_list
        assert sse["total"] == len(sse["entries"]) == 15
        assert services.queries.pipeline(clocks, sponsor="丁证券")["total"] == 22  # the Eastmoney rows
        assert services.queries.pipeline(clocks, sponsor="nobody")["entries"] == []
        # Known from the acceptance on: not before it happened, nor before the list published it.
        assert services.queries.pipeline(Clocks(as_of=date(2026, 1, 4)), sponsor="甲证券")["entries"] == []
        public_then = Clocks(as_of=date(2026, 3, 31), published_by=date(2026, 1, 1))
        assert services.queries.pipeline(public_then, sponsor="甲证券")["entries"] == []
        page = services.queries.pipeline(clocks, sponsor="甲证券", limit=5)
        assert len(page["entries"]) == 5
        assert page["next_cursor"]

    def test_ingesting_the_same_snapshots_again_appends_nothing_to_the_feed(self, services, files):
        first = ingest_all(services, files)
        head = services.log.head()
        again = ingest_all(services, files)
        assert services.log.head() == head
        assert sum(s.new_facts for s in first) > 0
        assert all(s.new_facts == s.corroborations == s.new_companies == 0 for s in again)

    def test_every_list_gives_its_statuses_their_stages_and_reports_who_vanished(self, services, files):
        summaries = ingest_all(services, files)
        sse_second = summaries[1]
        assert sse_second.vanished == ["试样丙芯片股份有限公司 (SSE-STAR, 1003)"]
        assert stage_of(services, "样本02号科技股份有限公司", "BSE", "2026-03-31")[0] == "withdrawn"
        assert stage_of(services, "样本01号科技股份有限公司", "SZSE-CHINEXT", "2026-03-31")[0] == "inquiry"
        alpha = "Sample Alpha Robotics Co., Ltd. - H Shares"
        assert stage_of(services, alpha, "HKEX-MAIN", "2026-03-01") == ("filed", False, "2026-01-15")
        assert stage_of(services, alpha, "HKEX-MAIN", "2026-03-31") == ("listed", False, "2026-03-27")
        assert stage_of(services, "Sample Beta Biotech Inc. - B", "HKEX-MAIN", "2026-03-31")[:2] == ("lapsed", False)
        assert stage_of(services, "Sample Epsilon Devices Limited", "HKEX-MAIN", "2026-03-31")[0] == "terminated"

    def test_an_older_snapshot_is_refused_unless_it_fills_a_gap(self, services, files):
        ingest_all(services, files, "sse-projects")
        head = services.log.head()
        path, _ = files["sse-projects"][0]
        older = parse_observed_at("2026-02-01T00:00:00Z")
        with pytest.raises(SnapshotError, match="--late"):
            ingest_snapshot(services.app, read_snapshot(path, "sse-projects"), older)
        assert services.log.head() == head
        ingest_snapshot(services.app, read_snapshot(path, "sse-projects"), older, late=True)
        assert (
            services.log.head() == head + 2
        )  # only the observation (a fact attached to the market): no new stage fact

    def test_get_pipeline_takes_a_sponsor(self, services, files, database_url):
        ingest_all(services, files, "sse-projects")
        with TestClient(create_app(Settings(database_url=database_url), services)) as client:
            answer = client.get("/pipeline", params={"as_of": "2026-03-31", "sponsor": "甲证券", "venue": "SSE-MAIN"})
            assert answer.status_code == 200, answer.text
            assert [e["company"] for e in answer.json()["entries"]] == ["试样辛装备股份有限公司"]
            refused = client.get("/pipeline", params={"sponsor": "甲\u202e证券"})
            assert refused.status_code == 422
            assert "sponsor" in refused.text

    def test_the_check_catches_a_list_without_one_of_its_boards(self, services, files, tmp_path):
        ingest_all(services, files, "sse-projects")
        path, at = files["sse-projects"][1]
        full = read_snapshot(path, "sse-projects")
        star_only = write_json(
            tmp_path / "star-only.json", {"result": [r for r in sse_second()["result"] if r["issueMarketType"] == 1]}
        )
        cut = read_snapshot(star_only, "sse-projects")
        observed = Observed(star_only, "sse-projects", parse_observed_at(at), None, None)
        assert ("SSE-MAIN", "inquiry", 0, 1) in boards(services, cut, observed)
        assert ("SSE-MAIN", "inquiry", 1, 1) in boards(services, full, observed)
        by_status = {
            (c.status, c.stage): (c.listed, c.in_store) for c in coverage(services, full, parse_observed_at(at))
        }
        assert by_status[("已问询", "inquiry")] == (2, 2)
        assert by_status[("中止(财报更新)", "suspended")] == (1, 1)
        assert by_status[("上市委审议", None)] == (1, 0)
