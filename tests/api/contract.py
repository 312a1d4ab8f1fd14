"""The HTTP contract, run against a real store per storage (in-process ASGI client)."""

from __future__ import annotations

import base64
import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import orjson
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from seeds.loading import load_seeds

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "api-test.txt", "published": "2025-12-01", "quote": "a test quote"}
#: The lists a client pages through: route, question, the field holding the rows.
PAGED_LISTS = [
    ("/timeline", {"from": "2019-01-01", "to": "2026-06-30"}, "events"),
    ("/changes", {"from": "2019-01-01", "to": "2026-06-30"}, "changes"),
    ("/time-in-stage", {"as_of": "2026-06-30"}, "spans"),
    ("/pipeline", {"as_of": "2026-01-31"}, "entries"),
]


class ApiReadContract:
    """Questions only: they share one seeded store (a class-scoped ``class_database_url``)."""

    @pytest.fixture(scope="class")
    @classmethod
    def client(cls, request):
        """One seeded store per class and database: these tests only read."""
        url = request.getfixturevalue("class_database_url")
        settings = Settings(TIMELINE_DATABASE_URL=url, TIMELINE_API_TOKEN=TOKEN)
        services = build_services(settings)
        load_seeds(services.app)
        with TestClient(create_app(settings, services)) as client:
            yield client
        services.close()

    def test_the_pipeline_on_30_june_2025_has_moore_threads_and_metax_accepted_on_star(self, client):
        body = client.get("/pipeline", params={"as_of": "2025-06-30", "venue": "SSE-STAR", "stage": "accepted"}).json()
        assert {e["company"] for e in body["entries"]} >= {"Moore Threads", "MetaX"}
        assert body["counts"]["SSE-STAR"]["accepted"] == body["total"]

    def test_pipeline_pages_carry_the_total(self, client):
        first = client.get("/pipeline", params={"as_of": "2026-01-31", "limit": 3}).json()
        second = client.get("/pipeline", params={"as_of": "2026-01-31", "limit": 3, "offset": 3}).json()
        assert first["total"] == second["total"] > 6
        assert len(first["entries"]) == len(second["entries"]) == 3
        assert not {e["fact_id"] for e in first["entries"]} & {e["fact_id"] for e in second["entries"]}

    def test_the_pipeline_downloads_as_csv(self, client):
        response = client.get("/pipeline.csv", params={"as_of": "2025-06-30"})
        assert response.headers["content-type"].startswith("text/csv")
        lines = response.text.strip().splitlines()
        assert lines[0].startswith("company_id,company,sector,venue,stage")
        assert any("Moore Threads" in line and "accepted" in line for line in lines)

    def test_a_company_resolves_by_a_url_encoded_chinese_name(self, client):
        body = client.get("/companies/%E5%A3%81%E4%BB%9E%E7%A7%91%E6%8A%80", params={"as_of": "2026-01-09"}).json()
        assert body["name"].startswith("Shanghai Biren")
        assert [(v["venue"], v["stage"]) for v in body["venues"]] == [("HKEX-MAIN", "listed")]
        assert body["flags"]["blacklisted"]["value"] is True

    def test_unknown_companies_and_facts_are_404_with_the_name(self, client):
        response = client.get("/companies/Nobody Inc", params={"as_of": "2025-06-30"})
        assert response.status_code == 404
        assert "Nobody Inc" in response.json()["detail"]
        assert client.get("/facts/00000000-0000-0000-0000-000000000000").status_code == 404

    @pytest.mark.parametrize(
        ("params", "named"),
        [
            ({"as_of": "2025-02-30"}, "as_of"),
            ({"as_of": "2025-06"}, "give one day"),
            ({"as_of": "2025-06-30", "published_by": "soon"}, "published_by"),
            ({"as_of": "2025-06-30", "known_at": "yesterday-ish"}, "known_at"),
            ({"as_of": "2025-06-30", "limit": 0}, "limit"),
        ],
    )
    def test_bad_query_parameters_are_422_naming_the_parameter(self, client, params, named):
        response = client.get("/pipeline", params=params)
        assert response.status_code == 422
        assert named in str(response.json()["detail"])

    def test_reads_without_as_of_answer_for_today_in_shanghai_and_say_so(self, client):
        today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
        assert client.get("/pipeline").json()["as_of"] == today
        assert client.get("/companies/Biren").json()["as_of"] == today
        assert client.get("/time-in-stage").status_code == 200
        assert client.get("/timeline", params={"from": "2026-01-01"}).json()["to"] == today
        assert client.get("/changes", params={"from": "2026-01-01"}).json()["to"] == today

    def test_the_feed_pages_the_log_in_order_with_fact_ids_kinds_dates_and_sources(self, client):
        first = client.get("/feed", params={"after": 0, "limit": 150}).json()
        second = client.get("/feed", params={"after": first["next_after"], "limit": 150}).json()
        positions = [e["position"] for e in first["events"] + second["events"]]
        assert positions == sorted(positions) == list(range(1, 301))
        # the seed loader registers companies and documents before facts, so walk on to the first fact
        after, recorded = 0, None
        while recorded is None:
            page = client.get("/feed", params={"after": after, "limit": 500}).json()
            assert page["events"], "the feed ended before any Fact.Recorded"
            recorded = next((e for e in page["events"] if e["type"] == "Fact.Recorded"), None)
            after = page["next_after"]
        assert {"fact_id", "kind", "date", "sources"} <= recorded.keys()

    def test_timeline_changes_and_time_in_stage_answer(self, client):
        events = client.get("/timeline", params={"from": "2026-01-01", "to": "2026-01-13"}).json()["events"]
        assert {"Zhipu AI", "MiniMax"} <= {e["company"] for e in events if e["kind"] == "listed"}
        moved = client.get("/changes", params={"from": "2025-06-01", "to": "2025-07-31"}).json()["changes"]
        assert any(m["company"] == "Moore Threads" and m["to"] == "accepted" for m in moved)
        spans = client.get("/time-in-stage", params={"as_of": "2026-01-31", "venue": "SSE-STAR"}).json()
        assert spans["summary"]

    def test_time_to_listing_on_star_counts_moore_threads_as_one_listed_span_of_158_days(self, client):
        response = client.get("/stats/time-to-listing", params={"venue": "SSE-STAR", "as_of": "2026-01-31"})
        assert response.status_code == 200, response.text
        answer = response.json()
        assert (answer["start"], answer["cohort"], answer["confidence"]) == ("accepted", "year", 0.95)
        assert answer["basis"]["position"] > 0
        cohorts = {c["cohort"]: c for c in answer["cohorts"]}
        moore = [s for s in cohorts["2025"]["spans"] if s["company"] == "Moore Threads"]
        assert [(s["start"], s["end"], s["outcome"], s["days"], s["certain"]) for s in moore] == [
            ("2025-06-30", "2025-12-05", "listed", 158.0, True)
        ]
        for group in [*answer["cohorts"], answer["overall"]]:
            assert group["at_risk"] == group["listed"] + group["censored"] + group["exited"] == len(group["spans"])
            assert group["curve"][0] == {
                "day": 0.0,
                "survival": 1.0,
                "lower": 1.0,
                "upper": 1.0,
                "at_risk": len(group["spans"]),
            }
            survival = [point["survival"] for point in group["curve"]]
            assert survival == sorted(survival, reverse=True)
            if group["median_days"] is not None and group["median_days_ci"]["upper"] is not None:
                assert group["median_days_ci"]["lower"] <= group["median_days"] <= group["median_days_ci"]["upper"]
        # six accepted in 2025, two listed by the end of January 2026 (Moore Threads and MetaX), the rest in review
        assert (cohorts["2025"]["listed"], cohorts["2025"]["censored"], cohorts["2025"]["exited"]) == (2, 4, 0)
        assert cohorts["2025"]["median_days"] == 170.0

    def test_time_to_listing_censors_at_as_of_and_by_quarter(self, client):
        params = {"venue": "SSE-STAR", "as_of": "2025-12-10", "cohort": "quarter"}
        answer = client.get("/stats/time-to-listing", params=params).json()
        cohorts = {c["cohort"]: c for c in answer["cohorts"]}
        spans = {s["company"]: s for s in cohorts["2025-Q2"]["spans"]}
        assert (spans["Moore Threads"]["outcome"], spans["Moore Threads"]["days"]) == ("listed", 158.0)
        assert (spans["MetaX"]["outcome"], spans["MetaX"]["days"], spans["MetaX"]["end"]) == ("censored", 163.0, None)
        assert "2025-Q4" not in cohorts  # accepted after as_of: not yet in the curve

    def test_time_to_listing_by_the_publication_clock_holds_back_a_listing_not_yet_public(self, client):
        params = {"venue": "SSE-STAR", "as_of": "2026-01-31"}
        public = client.get("/stats/time-to-listing", params={**params, "published_by": "2025-11-30"}).json()
        moore = next(s for s in public["overall"]["spans"] if s["company"] == "Moore Threads")
        assert (moore["outcome"], moore["days"]) == ("censored", 215.0)
        assert public["published_by"] == "2025-11-30"

    def test_time_to_listing_on_hkex_starts_at_the_filing(self, client):
        answer = client.get("/stats/time-to-listing", params={"venue": "HKEX-MAIN", "as_of": "2026-01-31"}).json()
        assert answer["start"] == "filed"
        assert answer["overall"]["listed"] >= 4

    @pytest.mark.parametrize(
        ("params", "named"),
        [
            ({}, "venue"),
            ({"venue": "NASDAQ-ish"}, "SSE-STAR"),
            ({"venue": "SSE-STAR", "cohort": "month"}, "cohort"),
            ({"venue": "SSE-STAR", "as_of": "2025-02-30"}, "as_of"),
        ],
    )
    def test_a_bad_time_to_listing_question_is_a_422_naming_the_parameter(self, client, params, named):
        response = client.get("/stats/time-to-listing", params=params)
        assert response.status_code == 422
        assert named in str(response.json()["detail"])

    def test_changes_count_a_move_made_on_their_first_day(self, client):
        moved = client.get("/changes", params={"from": "2025-07-09", "to": "2025-07-09", "venue": "HKEX-MAIN"})
        listed = {c["company"] for c in moved.json()["changes"] if c["to"] == "listed"}
        assert {"Geek+", "Lens Technology Co. Ltd."} <= listed

    def first_position_of(self, client, event_type: str) -> int:
        after = 0
        while True:
            page = client.get("/feed", params={"after": after, "limit": 1000}).json()
            assert page["events"], f"no {event_type} in the log"
            found = [e["position"] for e in page["events"] if e["type"] == event_type]
            if found:
                return found[0]
            after = page["next_after"]

    def test_revisions_say_what_the_seed_corrections_changed_on_30_june_2025_and_why(self, client):
        since = self.first_position_of(client, "Fact.Corrected") - 1
        answer = client.get("/revisions", params={"as_of": "2025-06-30", "since": str(since)}).json()
        assert answer["since"]["position"] == since
        assert answer["until"]["position"] > since
        zhaoxin = {c["venue"]: c for c in answer["changes"] if c["company"].startswith("Shanghai Zhaoxin")}
        assert zhaoxin["CN-A"]["before"]["stage"] == "accepted"
        assert zhaoxin["CN-A"]["after"] is None
        assert zhaoxin["SSE-STAR"]["before"] is None
        assert zhaoxin["SSE-STAR"]["after"]["stage"] == "accepted"
        (cause,) = zhaoxin["SSE-STAR"]["causes"]
        assert cause["step"] == "corrected"
        assert "STAR" in cause["reason"]
        assert since < cause["position"] <= answer["until"]["position"]
        star = answer["counts"]["SSE-STAR"]["accepted"]
        assert star["after"] == star["before"] + 1
        on_the_day = client.get("/pipeline", params={"as_of": "2025-06-30", "limit": 1}).json()["counts"]
        assert star["after"] == on_the_day["SSE-STAR"]["accepted"]
        nothing = client.get("/revisions", params={"as_of": "2025-06-30", "since": str(since), "until": str(since)})
        assert nothing.json()["changes"] == []

    def test_revisions_by_the_publication_clock_say_what_the_public_learned_and_from_which_sources(self, client):
        params = {"as_of": "2025-06-30", "published_since": "2025-06-30", "published_until": "2025-07-31"}
        answer = client.get("/revisions", params={**params, "venue": "SSE-STAR"}).json()
        assert answer["published_since"] == "2025-06-30"
        assert answer["published_until"] == "2025-07-31"
        moore = next(c for c in answer["changes"] if c["company"] == "Moore Threads")
        assert moore["before"] is None
        assert moore["after"]["stage"] == "accepted"
        cited = [s["published"]["latest"] for cause in moore["causes"] for s in cause["sources"]]
        assert cited
        assert all("2025-06-30" < day <= "2025-07-31" for day in cited)
        star = answer["counts"]["SSE-STAR"]["accepted"]
        for day, count in (("2025-06-30", star["before"]), ("2025-07-31", star["after"])):
            on = client.get("/pipeline", params={"as_of": "2025-06-30", "published_by": day, "limit": 1}).json()
            assert on["counts"].get("SSE-STAR", {}).get("accepted", 0) == count

    def test_a_companys_history_shows_the_correction_that_moved_its_acceptance(self, client):
        corrected = client.get("/revisions", params={"as_of": "2025-06-30", "since": "0"}).json()
        zhaoxin = client.get("/companies/兆芯/history").json()
        assert zhaoxin["name"].startswith("Shanghai Zhaoxin")
        rows = [r for r in zhaoxin["rectangles"] if r["stage"] == "accepted" and not r["certain"]]
        (old,) = [r for r in rows if r["venue"] == "CN-A"]
        (new,) = [r for r in rows if r["venue"] == "SSE-STAR"]
        assert old["known_to"]["position"] == new["known_from"]["position"]  # one correction redrew it
        assert new["known_to"] is None
        assert old["valid_from"] == new["valid_from"] == "2025-06-11"
        assert new["known_from"]["recorded_at"]
        moved = [
            cause["position"]
            for change in corrected["changes"]
            if change["company"].startswith("Shanghai Zhaoxin")
            for cause in change["causes"]
        ]
        assert new["known_from"]["position"] in moved
        star_only = client.get("/companies/兆芯/history", params={"venue": "SSE-STAR"}).json()["rectangles"]
        assert {r["venue"] for r in star_only} == {"SSE-STAR"}
        assert client.get("/companies/No Such Co/history").status_code == 404

    @pytest.mark.parametrize(
        ("params", "named"),
        [
            ({"since": "20", "until": "10"}, "since"),
            ({"since": "yesterday-ish"}, "since"),
            ({"since": "1", "until": "soon"}, "until"),
            ({"since": "1", "venue": "MOON"}, "venue"),
            ({}, "since"),
            ({"since": "1", "published_since": "2025-01-01"}, "since"),
            ({"published_since": "2025-08-01", "published_until": "2025-07-01"}, "published_since"),
        ],
    )
    def test_a_bad_revisions_question_is_a_422_naming_the_parameter(self, client, params, named):
        response = client.get("/revisions", params=params)
        assert response.status_code == 422
        assert named in response.text

    def test_the_panel_answers_in_json_csv_parquet_and_arrow_with_the_same_rows(self, client):
        params = {"from": "2025-01-01", "to": "2025-12-31", "freq": "month", "venue": "SSE-STAR"}
        answer = client.get("/panel", params=params)
        assert answer.status_code == 200, answer.text
        rows = answer.json()["rows"]
        assert answer.json()["basis"]["position"] > 0
        assert rows
        assert {"date", "company", "stage_as_published", "stage_hindsight", "leak"} <= rows[0].keys()
        assert any(r["leak"] for r in rows)
        as_table = pq.read_table(io.BytesIO(client.get("/panel", params={**params, "format": "parquet"}).content))
        negotiated = client.get("/panel", params=params, headers={"Accept": "application/vnd.apache.parquet"})
        assert negotiated.headers["content-type"] == "application/vnd.apache.parquet"
        stream = pa.ipc.open_stream(client.get("/panel", params={**params, "format": "arrow"}).content).read_all()
        for table in (as_table, stream):
            assert [{**r, "date": r["date"].isoformat()} for r in table.to_pylist()] == rows
        text = client.get("/panel", params={**params, "format": "csv", "bom": "true"}).content.decode("utf-8")
        assert text.startswith("\ufeff")
        assert len(list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))) == len(rows)
        moore = [r for r in rows if r["company"] == "Moore Threads"]
        assert moore
        assert {r["short_name_zh"] for r in moore} == {"摩尔线程"}
        leaks = client.get("/panel/leaks", params=params).json()["points"]
        assert sum(p["leaks"] for p in leaks) == sum(r["leak"] for r in rows)
        assert sum(p["rows"] for p in leaks) == len(rows)

    def test_the_pipeline_csv_can_start_with_a_bom_for_excel(self, client):
        plain = client.get("/pipeline.csv", params={"as_of": "2026-01-31"}).content
        with_bom = client.get("/pipeline.csv", params={"as_of": "2026-01-31", "bom": "true"}).content
        assert not plain.startswith(b"\xef\xbb\xbf")
        assert with_bom == b"\xef\xbb\xbf" + plain

    @pytest.mark.parametrize("said", ["STAR", "科创板", "sse-star", "Star Market", "ＳＴＡＲ"])
    def test_a_venue_is_read_by_the_names_people_use_and_answered_as_its_code(self, client, said):
        answer = client.get("/pipeline", params={"as_of": "2025-06-30", "venue": said}).json()
        assert set(answer["counts"]) == {"SSE-STAR"}
        assert {e["venue"] for e in answer["entries"]} == {"SSE-STAR"}

    def test_company_rows_carry_english_and_chinese_names_and_the_codes_known_then(self, client):
        def moore(as_of: str) -> dict:
            entries = client.get("/pipeline", params={"as_of": as_of, "venue": "SSE-STAR", "limit": 1000}).json()
            return next(e for e in entries["entries"] if e["company"] == "Moore Threads")

        listed = moore("2026-01-31")
        assert listed["name_en"] == "Moore Threads"
        assert listed["short_name_zh"] == "摩尔线程"
        assert listed["name_zh"].startswith("摩尔线程智能科技")
        assert "688795.SH" in listed["stock_codes"]
        assert moore("2025-06-30")["stock_codes"] == []  # not listed yet: no code leaks into the past
        moved = client.get("/changes", params={"from": "2025-12-01", "to": "2025-12-31", "venue": "SSE-STAR"}).json()
        row = next(c for c in moved["changes"] if c["company"] == "Moore Threads")
        assert row["short_name_zh"] == "摩尔线程"
        assert "688795.SH" in row["stock_codes"]
        spans = client.get("/time-in-stage", params={"as_of": "2026-01-31", "company": "Moore Threads"}).json()
        assert all(span["short_name_zh"] == "摩尔线程" for span in spans["spans"])
        text = client.get("/pipeline.csv", params={"as_of": "2026-01-31", "venue": "STAR"}).text
        header, *rows = text.splitlines()
        assert header.endswith("name_en,name_zh,short_name_zh,stock_codes")
        assert any("摩尔线程" in line and "688795.SH" in line for line in rows)

    def test_the_timeline_downloads_as_csv_for_excel_with_every_fact_of_the_range(self, client):
        params = {"from": "2025-06-01", "to": "2025-07-31", "venue": "STAR"}
        total = client.get("/timeline", params=params).json()["total"]
        response = client.get("/timeline.csv", params={**params, "bom": "true"})
        assert response.headers["content-type"].startswith("text/csv")
        text = response.content.decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert len(rows) == total > 0
        assert {row["venue"] or row["market"] for row in rows} == {"SSE-STAR"}  # its facts and market facts
        assert any(row["company"] == "Moore Threads" and row["kind"] == "accepted" for row in rows)

    def test_health_and_metrics(self, client):
        health = client.get("/healthz").json()
        assert health["status"] == "ok"
        assert health["projection_lag"] == 0
        text = client.get("/metrics").text
        assert "timeline_http_requests_total" in text
        assert "timeline_projection_lag_events 0.0" in text

    def test_pipeline_counts_over_time_come_per_month_end(self, client):
        body = client.get(
            "/stats/pipeline-counts", params={"from": "2025-05-15", "to": "2025-07-10", "venue": "SSE-STAR"}
        ).json()
        assert [p["date"] for p in body["points"]] == ["2025-05-31", "2025-06-30", "2025-07-10"]
        on_the_day = client.get("/pipeline", params={"as_of": "2025-06-30", "venue": "SSE-STAR"}).json()["counts"]
        assert body["points"][1]["counts"]["accepted"] == on_the_day["SSE-STAR"]["accepted"] >= 2
        assert (
            client.get("/stats/pipeline-counts", params={"from": "2026-01-01", "to": "2025-01-01"}).status_code == 422
        )

    def test_the_as_published_vintage_counts_each_point_as_the_public_could_know_it_that_day(self, client):
        params = {"from": "2025-01-01", "to": "2025-12-31", "venue": "SSE-STAR"}
        real_time = client.get("/stats/pipeline-counts", params={**params, "vintage": "as_published"}).json()
        hindsight = client.get("/stats/pipeline-counts", params=params).json()
        assert real_time["vintage"] == "as_published"
        assert hindsight["vintage"] == "latest"
        for point in real_time["points"]:
            day = point["date"]
            then = client.get(
                "/pipeline", params={"as_of": day, "published_by": day, "venue": "SSE-STAR", "limit": 1}
            ).json()["counts"]
            assert point["counts"] == then.get("SSE-STAR", {}), day
        assert real_time["points"] != hindsight["points"]  # the articles reported some moves weeks later
        spans = client.get("/time-in-stage", params={"as_of": "2025-07-15", "vintage": "as_published"}).json()
        known_then = client.get("/time-in-stage", params={"as_of": "2025-07-15", "published_by": "2025-07-15"}).json()
        assert spans == known_then

    def test_the_viewer_page_and_its_assets_are_served_by_the_service(self, client):
        page = client.get("/")
        assert page.status_code == 200
        assert '<script src="/static/app.js"' in page.text
        assert client.get("/static/app.js").status_code == 200
        assert client.get("/static/style.css").status_code == 200

    # Every list pages by cursor with a hard cap; a cursor the service did not hand out is a 422 ----

    @pytest.mark.parametrize(("path", "params", "items"), PAGED_LISTS)
    def test_walking_a_list_by_cursor_gives_the_whole_list_in_order_each_row_once(self, client, path, params, items):
        whole = client.get(path, params={**params, "limit": 1000}).json()
        assert whole["next_cursor"] is None
        assert len(whole[items]) > 20
        walked, cursor, pages = [], None, 0
        while True:
            page = client.get(path, params={**params, "limit": 7, **({"cursor": cursor} if cursor else {})})
            assert page.status_code == 200, page.text
            body = page.json()
            assert len(body[items]) <= 7
            walked += body[items]
            pages += 1
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert walked == whole[items]
        assert pages == -(-len(walked) // 7)

    @pytest.mark.parametrize(("path", "params", "items"), PAGED_LISTS)
    def test_a_page_past_the_hard_cap_is_a_422_naming_limit(self, client, path, params, items):
        response = client.get(path, params={**params, "limit": 1001})
        assert response.status_code == 422
        assert "limit" in response.text

    def test_the_summary_of_time_in_stage_covers_every_span_on_every_page(self, client):
        whole = client.get("/time-in-stage", params={"as_of": "2026-06-30"}).json()
        page = client.get("/time-in-stage", params={"as_of": "2026-06-30", "limit": 3}).json()
        assert page["summary"] == whole["summary"]
        assert sum(s["count"] for s in page["summary"]) == len(whole["spans"])

    def test_a_timeline_page_by_cursor_equals_the_page_by_offset(self, client):
        params = {"from": "2019-01-01", "to": "2026-06-30", "limit": 25}
        first = client.get("/timeline", params=params).json()
        by_cursor = client.get("/timeline", params={**params, "cursor": first["next_cursor"]}).json()
        by_offset = client.get("/timeline", params={**params, "offset": 25}).json()
        assert by_cursor["events"] == by_offset["events"]
        assert by_cursor["total"] == by_offset["total"] == first["total"]

    @pytest.mark.parametrize(
        ("path", "params", "key"),
        [
            ("/pipeline", {}, ["SSE-STAR", 2**63, "2025-01-01", "x", "y"]),  # past a database integer
            ("/pipeline", {}, ["SSE-STAR\u0000", 1, "2025-01-01", "x", "y"]),  # PostgreSQL text holds no NUL
            ("/timeline", {"from": "2019-01-01"}, ["2025-01-01", "2025-01-01", 2**63, "x"]),
            ("/timeline", {"from": "2019-01-01"}, ["2025-01-01", "2025-01-01", 1, "x\u0000"]),
            ("/timeline", {"from": "2019-01-01"}, ["2025-13-01", "2025-01-01", 1, "x"]),
            ("/changes", {"from": "2019-01-01"}, ["x\u0000", "SSE-STAR"]),
            ("/changes", {"from": "2019-01-01"}, [2**63, "SSE-STAR"]),
            ("/time-in-stage", {}, ["x", "SSE-STAR", 2**63]),
            ("/time-in-stage", {}, ["x\u0000", "SSE-STAR", 0]),
            ("/time-in-stage", {}, ["x", "SSE-STAR", -1]),
        ],
    )
    def test_a_forged_cursor_is_a_422_naming_cursor_never_a_database_error(self, client, path, params, key):
        forged = base64.urlsafe_b64encode(orjson.dumps(key)).decode().rstrip("=")
        response = client.get(path, params={**params, "cursor": forged})
        assert response.status_code == 422, response.text
        assert "cursor" in response.text


class ApiContract:
    """Writes, each test on a store of its own holding the seed dataset (``seeded_database_url``)."""

    @pytest.fixture
    def client(self, seeded_database_url):
        settings = Settings(
            TIMELINE_DATABASE_URL=seeded_database_url,
            TIMELINE_API_TOKEN=f"other,{TOKEN}",
            TIMELINE_MAX_BODY_BYTES=20_000,
        )
        services = build_services(settings)
        with TestClient(create_app(settings, services)) as client:
            yield client
        services.close()

    def test_writes_need_a_valid_bearer_token(self, client):
        body = {"name": "Token Test Co"}
        assert client.post("/companies", json=body).status_code == 401
        assert client.post("/companies", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
        assert client.post("/companies", json=body, headers={"Authorization": "Basic x"}).status_code == 401
        assert client.post("/companies", json=body, headers=AUTH).status_code == 201

    def test_bad_writes_are_422_naming_the_field_and_store_nothing(self, client):
        head = client.get("/healthz").json()["log_position"]
        cases = [
            (
                {
                    "kind": "accepted",
                    "company": "MetaX",
                    "venue": "SSE-STAR",
                    "date": "2025-02-30",
                    "sources": [SOURCE],
                },
                "2025-02-30",
            ),
            (
                {"kind": "ipo_party", "company": "MetaX", "venue": "SSE-STAR", "date": "2025", "sources": [SOURCE]},
                "ipo_party",
            ),
            ({"kind": "accepted", "company": "MetaX", "venue": "SSE-STAR", "date": "2025", "sources": []}, "sources"),
            (
                {
                    "kind": "accepted",
                    "company": "MetaX",
                    "venue": "SSE-STAR",
                    "date": "2025",
                    "sources": [SOURCE],
                    "fields": {"amount_sought": "EUR 1 billion"},
                },
                "EUR",
            ),
            (
                {
                    "kind": "accepted",
                    "company": "MetaX",
                    "venue": "SSE-STAR",
                    "date": "2025",
                    "sources": [{**SOURCE, "published": "whenever"}],
                },
                "'sources', 0, 'published'",  # the field path, in the error's loc
            ),
            (
                {
                    "kind": "accepted",
                    "company": "MetaX",
                    "venue": "SSE-STAR",
                    "date": "2025",
                    "sources": [SOURCE],
                    "colour": "red",
                },
                "colour",
            ),
        ]
        for body, named in cases:
            response = client.post("/facts", json=body, headers=AUTH)
            assert response.status_code == 422, body
            assert named in str(response.json()["detail"]), response.json()
        response = client.post("/facts", json={**cases[0][0], "company": "Nobody Inc", "date": "2025"}, headers=AUTH)
        assert response.status_code == 404
        assert client.get("/healthz").json()["log_position"] == head

    def test_request_bodies_over_the_limit_get_413(self, client):
        response = client.post("/companies", json={"name": "x" * 30_000}, headers=AUTH)
        assert response.status_code == 413

    def test_a_write_returns_its_position_and_reads_can_wait_for_it(self, client):
        fact = {
            "kind": "inquiry",
            "company": "Moore Threads",
            "venue": "SSE-STAR",
            "date": "2025-07-15",
            "sources": [SOURCE],
        }
        written = client.post("/facts", headers=AUTH, json=fact).json()
        assert written["appended"] is True
        body = client.get(
            "/companies/Moore Threads", params={"as_of": "2025-07-20", "min_position": written["position"]}
        ).json()
        assert [(v["venue"], v["stage"]) for v in body["venues"]] == [("SSE-STAR", "inquiry")]
        again = client.post("/facts", headers=AUTH, json=fact).json()
        assert again["fact_id"] == written["fact_id"]
        assert again["appended"] is False

    def test_an_exit_in_time_to_listing_is_censored_on_its_day_and_counted_apart(self, client):
        params = {"venue": "SSE-STAR", "as_of": "2026-01-31"}
        before = client.get("/stats/time-to-listing", params=params).json()["overall"]
        withdrawn = {
            "kind": "withdrawn",
            "company": "Shanghai Advanced Silicon Technology",
            "venue": "SSE-STAR",
            "date": "2025-10-13",
            "sources": [SOURCE],
        }
        written = client.post("/facts", headers=AUTH, json=withdrawn)
        assert written.status_code == 201, written.text
        after = client.get(
            "/stats/time-to-listing", params={**params, "min_position": written.json()["position"]}
        ).json()["overall"]
        [span] = [s for s in after["spans"] if s["company"].startswith("Shanghai Advanced Silicon")]
        assert (span["outcome"], span["end"], span["days"]) == ("withdrawn", "2025-10-13", 122.0)
        assert (after["exited"], after["exits"]) == (1, {"withdrawn": 1})
        assert after["censored"] == before["censored"] - 1
        assert (after["at_risk"], after["listed"]) == (before["at_risk"], before["listed"])
        # censored, not listed: the curve does not step down at the exit's day
        exit_point = next(p for p in after["curve"] if p["day"] == 122.0)
        previous = after["curve"][after["curve"].index(exit_point) - 1]
        assert exit_point["survival"] == previous["survival"]

    def test_a_correction_moves_the_fact_and_known_at_still_shows_the_old_belief(self, client):
        # A company of its own, so later seed data about real companies cannot change the answer.
        client.post("/companies", headers=AUTH, json={"name": "Correction Co"})
        client.post(
            "/facts",
            headers=AUTH,
            json={
                "kind": "accepted",
                "company": "Correction Co",
                "venue": "SSE-STAR",
                "date": "2025-06-30",
                "sources": [SOURCE],
            },
        )
        written = client.post(
            "/facts",
            headers=AUTH,
            json={
                "kind": "inquiry",
                "company": "Correction Co",
                "venue": "SSE-STAR",
                "date": "2025-09",
                "sources": [SOURCE],
            },
        ).json()
        corrected = client.post(
            f"/facts/{written['fact_id']}/corrections",
            headers=AUTH,
            json={
                "date": "2025-07-20",
                "reason": "exact day found",
                "sources": [{**SOURCE, "document": "better.txt"}],
            },
        )
        assert corrected.status_code == 201

        def stage(**params):
            body = client.get("/companies/Correction Co", params={"as_of": "2025-08-01", **params}).json()
            return [v["stage"] for v in body["venues"] if v["venue"] == "SSE-STAR"]

        assert stage() == ["inquiry"]
        assert stage(known_at=str(written["position"])) == ["accepted"]
        history = client.get(f"/facts/{written['fact_id']}").json()["history"]
        assert [step["step"] for step in history] == ["recorded", "corrected"]
        retracted = client.post(
            f"/facts/{written['fact_id']}/retractions", headers=AUTH, json={"reason": "test", "sources": [SOURCE]}
        )
        assert retracted.status_code == 201
        again = client.post(
            f"/facts/{written['fact_id']}/retractions", headers=AUTH, json={"reason": "test", "sources": [SOURCE]}
        )
        assert again.status_code == 201  # a retry: the first answer again, nothing appended
        assert again.json()["position"] == retracted.json()["position"]
        assert again.json()["appended"] is False
        other = client.post(
            f"/facts/{written['fact_id']}/retractions", headers=AUTH, json={"reason": "another", "sources": [SOURCE]}
        )
        assert other.status_code == 409

    def test_a_correction_or_retraction_counts_by_the_publication_clock_only_from_its_sources_day(self, client):
        client.post("/companies", headers=AUTH, json={"name": "Late Source Co"})
        early = {"document": "early.txt", "published": "2025-03-02", "quote": "accepted on 1 March"}
        written = client.post(
            "/facts",
            headers=AUTH,
            json={
                "kind": "accepted",
                "company": "Late Source Co",
                "venue": "SSE-STAR",
                "date": "2025-03-01",
                "sources": [early],
            },
        ).json()
        corrected = client.post(
            f"/facts/{written['fact_id']}/corrections",
            headers=AUTH,
            json={
                "date": "2025-05-01",
                "reason": "the filing says May",
                "sources": [{"document": "late.txt", "published": "2026-12-01", "quote": "accepted 1 May"}],
            },
        )
        assert corrected.status_code == 201

        def stages(as_of: str, published_by: str | None) -> list[str]:
            params = {"as_of": as_of, **({"published_by": published_by} if published_by else {})}
            body = client.get("/companies/Late Source Co", params=params).json()
            return [v["stage"] for v in body["venues"] if v["venue"] == "SSE-STAR"]

        def listed(published_by: str | None) -> bool:
            params = {"as_of": "2025-06-30", "venue": "SSE-STAR", "stage": "accepted", "limit": 1000}
            body = client.get(
                "/pipeline", params={**params, **({"published_by": published_by} if published_by else {})}
            )
            return "Late Source Co" in {e["company"] for e in body.json()["entries"]}

        def dates(published_by: str) -> list[str]:
            params = {
                "from": "2025-01-01",
                "to": "2025-12-31",
                "company": "Late Source Co",
                "published_by": published_by,
            }
            return [e["date"] for e in client.get("/timeline", params=params).json()["events"]]

        # Before the correction's source was public, the fact stood as first reported (no look-ahead).
        assert stages("2025-04-01", "2026-11-29") == ["accepted"]
        assert dates("2026-11-29") == ["2025-03-01"]
        assert stages("2025-04-01", "2026-12-01") == []
        assert dates("2026-12-01") == ["2025-05-01"]
        assert stages("2025-04-01", None) == []
        held = {
            day: client.get(
                "/pipeline", params={"as_of": "2025-06-30", "venue": "SSE-STAR", "published_by": day, "limit": 1}
            ).json()["held_back"]
            for day in ("2026-11-29", "2026-12-01")
        }
        assert held["2026-11-29"] == held["2026-12-01"] + 1  # the correction, not yet public on the 29th
        assert client.get("/pipeline", params={"as_of": "2025-06-30", "limit": 1}).json()["held_back"] is None
        retracted = client.post(
            f"/facts/{written['fact_id']}/retractions",
            headers=AUTH,
            json={
                "reason": "never accepted",
                "sources": [{"document": "retraction.txt", "published": "2026-12-02", "quote": "no such filing"}],
            },
        )
        assert retracted.status_code == 201
        assert listed("2026-11-30")
        assert listed("2026-12-01")
        assert not listed("2026-12-02")
        assert not listed(None)
        assert dates("2026-12-01") == ["2025-05-01"]
        assert dates("2026-12-02") == []

    def test_an_answer_pinned_to_a_known_at_keeps_its_bytes_after_any_later_write_and_says_immutable(self, client):
        head = client.get("/healthz").json()["log_position"]
        star = client.get("/pipeline", params={"as_of": "2025-06-30", "venue": "SSE-STAR"}).json()["entries"]
        moore = next(e for e in star if e["company"] == "Moore Threads")
        pinned = [
            ("/pipeline", {"as_of": "2025-06-30", "known_at": str(head)}),
            ("/timeline", {"from": "2025-01-01", "to": "2025-12-31", "known_at": str(head)}),
            ("/changes", {"from": "2025-06-01", "to": "2025-07-31", "known_at": str(head)}),
            ("/time-in-stage", {"as_of": "2026-01-31", "known_at": str(head)}),
            ("/stats/pipeline-counts", {"from": "2025-01-01", "to": "2025-12-31", "known_at": str(head)}),
            ("/stats/time-to-listing", {"venue": "SSE-STAR", "as_of": "2026-01-31", "known_at": str(head)}),
            (f"/facts/{moore['fact_id']}", {"known_at": str(head)}),
            ("/revisions", {"as_of": "2025-06-30", "since": "1", "until": str(head)}),
        ]
        first = {}
        for path, params in pinned:
            answer = client.get(path, params=params)
            assert answer.status_code == 200, (path, answer.text)
            assert answer.headers["cache-control"] == "public, max-age=31536000, immutable", path
            assert answer.json()["basis"]["position"] == head
            assert answer.json()["basis"]["recorded_at"]
            first[path] = answer
        # Later writes of every kind: an alias, a new fact, a correction of a pinned fact, a retraction.
        registered = client.post(
            "/companies", headers=AUTH, json={"name": "Moore Threads", "key": "moore-threads", "aliases": ["MTT GPU"]}
        )
        assert registered.status_code in (200, 201), registered.text
        written = client.post(
            "/facts",
            headers=AUTH,
            json={
                "kind": "inquiry",
                "company": "Moore Threads",
                "venue": "SSE-STAR",
                "date": "2025-06-20",
                "sources": [SOURCE],
            },
        ).json()
        corrected = client.post(
            f"/facts/{moore['fact_id']}/corrections",
            headers=AUTH,
            json={"date": "2025-05-01", "reason": "pinned answers test", "sources": [{**SOURCE, "document": "p.txt"}]},
        )
        assert corrected.status_code == 201
        retracted = client.post(
            f"/facts/{written['fact_id']}/retractions", headers=AUTH, json={"reason": "test", "sources": [SOURCE]}
        )
        assert retracted.status_code == 201
        for path, params in pinned:
            again = client.get(path, params=params)
            assert again.content == first[path].content, path
            assert again.headers["etag"] == first[path].headers["etag"]
            unchanged = client.get(path, params=params, headers={"If-None-Match": first[path].headers["etag"]})
            assert unchanged.status_code == 304, path
            assert unchanged.content == b""
        now = client.get("/pipeline", params={"as_of": "2025-06-30"})
        assert "MTT GPU" in next(e for e in now.json()["entries"] if e["company"] == "Moore Threads")["aliases"]
        assert now.headers["cache-control"] == "no-cache"
        assert now.json()["basis"]["position"] > head
        assert now.headers["etag"] != first["/pipeline"].headers["etag"]
        for path in ("/companies/Moore Threads", "/search?q=moore", "/companies/Moore Threads/history"):
            answer = client.get(path)
            assert answer.json()["basis"]["position"] == now.json()["basis"]["position"], path
            assert answer.headers["cache-control"] == "no-cache", path

    def test_each_entry_says_how_fresh_its_newest_source_is_and_can_be_filtered_by_it(self, client):
        client.post("/companies", headers=AUTH, json={"name": "Fresh Co"})
        fact = {"kind": "accepted", "company": "Fresh Co", "venue": "BSE", "date": "2025-06-30"}
        old = {**SOURCE, "document": "old.txt", "published": "2025-07-01"}
        written = client.post("/facts", headers=AUTH, json={**fact, "sources": [old]}).json()

        def entry(**params):
            body = client.get("/pipeline", params={"as_of": "2026-06-30", "venue": "BSE", **params}).json()
            found = [e for e in body["entries"] if e["company"] == "Fresh Co"]
            return (found[0] if found else None), body["counts"].get("BSE", {}).get("accepted", 0)

        stale, _ = entry()
        assert (stale["last_reported"]["text"], stale["days_since_reported"], stale["stale"]) == (
            "2025-07-01",
            364,
            True,
        )
        assert entry(reported_since="2025-12-01") == (None, 0)
        new = {**SOURCE, "document": "new.txt", "published": "2026-01-15"}
        client.post("/facts", headers=AUTH, json={**fact, "sources": [new]})
        fresh, counted = entry(reported_since="2025-12-01")
        assert (fresh["last_reported"]["text"], fresh["days_since_reported"], fresh["stale"]) == (
            "2026-01-15",
            166,
            False,
        )
        assert counted == 1
        before, _ = entry(published_by="2025-12-31")
        assert before["last_reported"]["text"] == "2025-07-01"
        assert entry(published_by="2025-12-31", reported_since="2025-12-01") == (None, 0)
        assert entry(known_at=str(written["position"]), reported_since="2025-12-01") == (None, 0)
        venues = client.get("/companies/Fresh Co", params={"as_of": "2026-06-30"}).json()["venues"]
        assert venues[0]["last_reported"]["text"] == "2026-01-15"
        vague = {**SOURCE, "document": "vague.txt", "published": "2026"}
        client.post("/facts", headers=AUTH, json={**fact, "sources": [vague]})
        maybe_old, _ = entry()  # might have been published in January: counted from then, so stale
        assert (maybe_old["last_reported"]["text"], maybe_old["days_since_reported"]) == ("2026", 180)
