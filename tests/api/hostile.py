"""Hostile input, as an attacker or a careless client would send it: every case is a clear 4xx, and
whatever the API accepts stays readable, projectable and rebuildable. Subclassed once per storage."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from tests.api.sharing import shares_store

TOKEN = "hostile-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "p.txt", "published": "2025-07-01", "quote": "q"}
LIMIT = 20_000


def financials(metrics: object, period: str = "FY2024") -> dict[str, object]:
    return {
        "kind": "financials_reported",
        "company": "MetaX",
        "date": "2025",
        "fields": {"period": period, "metrics": metrics},
        "sources": [SOURCE],
    }


def settings_for(database_url: str) -> Settings:
    return Settings(
        TIMELINE_DATABASE_URL=database_url,
        TIMELINE_API_TOKEN=TOKEN,
        TIMELINE_MAX_BODY_BYTES=LIMIT,
        TIMELINE_IDEMPOTENCY_WAIT=2,
    )


def serving(settings: Settings) -> Iterator[TestClient]:
    services = build_services(settings)
    services.app.register_company("MetaX", ["沐曦"], "semiconductors")
    with TestClient(create_app(settings, services)) as client:
        yield client
    services.close()


class HostileInputContract:
    database_url: str

    @pytest.fixture
    def settings(self, database_url):
        return settings_for(database_url)

    @pytest.fixture(scope="class")
    @classmethod
    def shared_client(cls, request):
        yield from serving(settings_for(request.getfixturevalue("class_database_url")))

    @pytest.fixture
    def client(self, request):
        if request.node.get_closest_marker("shares_store"):
            yield request.getfixturevalue("shared_client")
        else:
            yield from serving(request.getfixturevalue("settings"))

    def head(self, client) -> int:
        return client.get("/feed", params={"after": 0, "limit": 1}).json()["head"]

    def assert_refused(self, response, status: int, *words: str) -> None:
        assert response.status_code == status, response.text
        text = response.text
        for word in words:
            assert word in text, text

    # The log cannot be poisoned ------------------------------------------------------------

    def test_a_dict_shaped_like_the_transcoders_envelope_is_stored_and_read_back_as_sent(self, client, settings):
        written = client.post("/facts", headers=AUTH, json=financials({"_type_": "CNY 1", "_data_": "CNY 2"}))
        assert written.status_code == 201, written.text
        fact = client.get(f"/facts/{written.json()['fact_id']}").json()
        assert fact["fields"]["metrics"] == {
            "_type_": {"amount": "1", "currency": "CNY"},
            "_data_": {"amount": "2", "currency": "CNY"},
        }
        assert client.get("/feed", params={"after": 0}).status_code == 200
        assert client.get("/healthz").json()["status"] == "ok"
        later = client.post("/facts", headers=AUTH, json=financials({"revenue": "CNY 3"}, "FY2023"))
        assert later.status_code == 201
        restarted = build_services(settings)  # a restart and a rebuild read the whole log again
        try:
            assert all(runner.rebuild() > 0 for runner in restarted.projections.values())
            assert restarted.stuck(fresh=True) == []
        finally:
            restarted.close()

    @shares_store
    @pytest.mark.parametrize(
        ("where", "body"),
        [
            ("company name", {"name": "Evil\x00Corp"}),
            ("company name", {"name": "Evil\u202eproC"}),
            ("company name", {"name": "Evil\x85Corp"}),
            ("company name", {"name": "Two\nLines"}),
            ("company name", {"name": "Fine", "aliases": ["bad\x1balias"]}),
            ("sector", {"name": "Fine", "sector": "chips\x00"}),
        ],
    )
    def test_control_and_bidi_characters_in_names_are_refused_naming_the_field(self, client, where, body):
        before = self.head(client)
        self.assert_refused(client.post("/companies", headers=AUTH, json=body), 422, where, "U+")
        assert self.head(client) == before

    @shares_store
    @pytest.mark.parametrize(
        ("field", "change"),
        [
            ("quote", {"sources": [{**SOURCE, "quote": "nul\x00here"}]}),
            ("document", {"sources": [{**SOURCE, "document": "p\x07.txt"}]}),
            ("period", {"fields": {"period": "FY\x002024"}}),
            ("metrics key", {"fields": {"period": "FY2024", "metrics": {"rev\u2066": "CNY 1"}}}),
            ("summary", {"summary": "fine\x00"}),
        ],
    )
    def test_nul_and_control_characters_in_fact_text_are_refused_and_nothing_is_stored(self, client, field, change):
        before = self.head(client)
        body = {**financials({"revenue": "CNY 1"}), **change}
        self.assert_refused(client.post("/facts", headers=AUTH, json=body), 422, field, "U+")
        assert self.head(client) == before

    def test_newlines_and_tabs_are_kept_in_long_text(self, client):
        body = {**financials({"revenue": "CNY 1"}), "sources": [{**SOURCE, "quote": "line one\n\tline two"}]}
        written = client.post("/facts", headers=AUTH, json=body)
        assert written.status_code == 201, written.text
        fact = client.get(f"/facts/{written.json()['fact_id']}").json()
        assert fact["sources"][0]["quote"] == "line one\n\tline two"

    @shares_store
    @pytest.mark.parametrize(
        ("raw", "words"),
        [
            (b'{"name": "A", "sector": 99999999999999999999}', ["64-bit"]),
            (b'{"name": NaN}', ["not JSON"]),
            (b'{"name": Infinity}', ["not JSON"]),
            (b'{"name": 1e400}', ["not JSON"]),
            (b'{"name": "\\ud800"}', ["not JSON"]),
            (b"[" * 3000 + b"]" * 3000, ["not JSON"]),
            (b'{"name": ', ["not JSON"]),
        ],
    )
    def test_json_the_store_could_not_keep_is_a_422(self, client, raw, words):
        headers = {**AUTH, "Content-Type": "application/json"}
        self.assert_refused(client.post("/companies", headers=headers, content=raw), 422, *words)

    @shares_store
    def test_a_count_beyond_64_bits_in_fields_is_a_422(self, client):
        body = {"kind": "funding_round", "company": "MetaX", "date": "2024", "fields": {"rounds": 2**63}}
        body["sources"] = [SOURCE]
        self.assert_refused(client.post("/facts", headers=AUTH, json=body), 422, "64-bit")

    @shares_store
    def test_amounts_too_large_to_print_are_refused(self, client):
        body = financials({"revenue": "CNY 1" + "0" * 40})
        self.assert_refused(client.post("/facts", headers=AUTH, json=body), 422, "significant digits")

    @shares_store
    def test_nan_in_a_field_that_wants_text_is_a_422_that_renders(self, client):
        raw = (
            b'{"kind": "accepted", "company": "MetaX", "venue": "SSE-STAR", "date": "2025", '
            b'"sources": [{"document": "a", "published": NaN, "quote": "q"}]}'
        )
        response = client.post("/facts", headers={**AUTH, "Content-Type": "application/json"}, content=raw)
        self.assert_refused(response, 422)

    # Clocks, positions and days ----------------------------------------------------------------

    @shares_store
    @pytest.mark.parametrize("known_at", ["99999999999999999999", "²", "١٢", "-1", "1e5", "9999-01-01T00:00:00"])
    def test_unreadable_known_at_is_a_422_on_every_route_that_takes_it(self, client, known_at):
        for path, params in [
            ("/pipeline", {"as_of": "2025-06-30"}),
            ("/companies/MetaX", {"as_of": "2025-06-30"}),
            ("/timeline", {"from": "2025-01-01", "to": "2025-06-30"}),
            ("/changes", {"from": "2025-01-01", "to": "2025-06-30"}),
            ("/time-in-stage", {"as_of": "2025-06-30"}),
            ("/stats/pipeline-counts", {"from": "2025-01-01", "to": "2025-06-30"}),
        ]:
            self.assert_refused(client.get(path, params={**params, "known_at": known_at}), 422, "known_at")

    @shares_store
    def test_a_position_past_the_head_but_within_64_bits_means_everything_so_far(self, client):
        response = client.get("/pipeline", params={"as_of": "2025-06-30", "known_at": str(2**63 - 2)})
        assert response.status_code == 200

    @shares_store
    @pytest.mark.parametrize("after", [str(2**63 - 1), str(2**64), "-1", "²"])
    def test_feed_positions_beyond_64_bits_are_a_422(self, client, after):
        self.assert_refused(client.get("/feed", params={"after": after}), 422, "after")

    @shares_store
    @pytest.mark.parametrize("header", ["²", "12a", "9" * 5000, str(2**63)])
    def test_an_unreadable_last_event_id_is_a_422(self, client, header):
        response = client.get("/feed/stream", headers={"Last-Event-ID": header.encode()})
        self.assert_refused(response, 422, "Last-Event-ID" if len(header) < 40 else "last-event-id")

    @pytest.mark.parametrize(
        "day", ["2025-06-30", "June 30 2025", "2025年6月30日", "20250630", "0001-01-01", "9999-12-01", "2025-6-30"]
    )
    def test_reads_accept_exactly_the_days_writes_accept(self, client, day):
        write = client.post(
            "/facts",
            headers=AUTH,
            json={"kind": "accepted", "company": "MetaX", "venue": "SSE-STAR", "date": day, "sources": [SOURCE]},
        )
        read = client.get("/pipeline", params={"as_of": day})
        assert (write.status_code == 201) == (read.status_code == 200), (write.text, read.text)
        assert read.status_code in (200, 422)

    @shares_store
    @pytest.mark.parametrize("path", ["/timeline", "/changes", "/stats/pipeline-counts"])
    def test_a_range_that_ends_before_it_starts_is_a_422(self, client, path):
        self.assert_refused(client.get(path, params={"from": "2025-07-01", "to": "2025-06-01"}), 422, "after")

    @shares_store
    @pytest.mark.parametrize(
        ("params", "word"),
        [
            ({"from": "1900-01-01", "to": "2100-12-31", "granularity": "day"}, "at most 4000"),
            ({"from": "0001-01-01", "to": "9999-12-30", "granularity": "day"}, "outside 1900..2100"),
            ({"from": "9999-12-01", "to": "9999-12-31"}, "outside 1900..2100"),
        ],
    )
    def test_chart_ranges_are_checked_before_any_work(self, client, params, word):
        self.assert_refused(client.get("/stats/pipeline-counts", params=params), 422, word)

    @shares_store
    @pytest.mark.parametrize(
        ("path", "params", "word"),
        [
            ("/pipeline", {"as_of": "2025-06-30", "venue": "LSE"}, "SSE-STAR"),
            ("/pipeline", {"as_of": "2025-06-30", "stage": "ipo"}, "accepted"),
            ("/pipeline.csv", {"as_of": "2025-06-30", "venue": "moon"}, "SSE-STAR"),  # "star" is a name people use
            ("/timeline", {"from": "2025-01-01", "to": "2025-06-30", "kind": "rumour"}, "funding_round"),
            ("/timeline", {"from": "2025-01-01", "to": "2025-06-30", "venue": "LSE"}, "SSE-STAR"),
            ("/changes", {"from": "2025-01-01", "to": "2025-06-30", "venue": "x"}, "HKEX-MAIN"),
            ("/time-in-stage", {"as_of": "2025-06-30", "venue": "x"}, "HKEX-MAIN"),
            ("/stats/pipeline-counts", {"from": "2025-01-01", "to": "2025-06-30", "venue": "x"}, "BSE"),
        ],
    )
    def test_unknown_vocabulary_is_a_422_listing_the_allowed_words(self, client, path, params, word):
        self.assert_refused(client.get(path, params=params), 422, word)

    @shares_store
    def test_422_bodies_echo_at_most_200_characters_of_the_input(self, client):
        response = client.post("/companies", headers=AUTH, json={"name": "x" * 60_00})
        assert response.status_code == 422
        assert len(response.content) < 1500
        long_day = client.get("/pipeline", params={"as_of": "y" * 39})
        assert long_day.status_code == 422

    # The write gate ------------------------------------------------------------------------------

    @shares_store
    def test_an_anonymous_client_gets_401_before_its_body_is_judged(self, client):
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            response = client.post("/facts", headers={**headers, "Content-Type": "application/json"}, content=b"{oops")
            assert response.status_code == 401
            assert "JSON" not in response.text

    @shares_store
    def test_a_chunked_body_over_the_limit_is_413(self, client):
        def chunks():
            for _ in range(10):
                yield b" " * (LIMIT // 4)

        response = client.post("/companies", headers={**AUTH, "Content-Type": "application/json"}, content=chunks())
        assert response.status_code == 413

    # Idempotent retries --------------------------------------------------------------------------

    def test_the_same_correction_twice_appends_once_and_answers_the_same_position(self, client):
        fact = client.post("/facts", headers=AUTH, json=financials({"revenue": "CNY 1"})).json()
        correction = {"fields": {"metrics": {"revenue": "CNY 2"}}, "reason": "restated", "sources": [SOURCE]}
        first = client.post(f"/facts/{fact['fact_id']}/corrections", headers=AUTH, json=correction).json()
        again = client.post(f"/facts/{fact['fact_id']}/corrections", headers=AUTH, json=correction).json()
        assert (again["position"], again["appended"], first["appended"]) == (first["position"], False, True)
        history = client.get(f"/facts/{fact['fact_id']}").json()["history"]
        assert [step["step"] for step in history] == ["recorded", "corrected"]

    def test_an_idempotency_key_replays_the_first_answer_and_refuses_another_body(self, client):
        key = {"Idempotency-Key": "retry-1"}
        body = {"name": "Once Only", "aliases": ["一次"]}
        first = client.post("/companies", headers={**AUTH, **key}, json=body)
        again = client.post("/companies", headers={**AUTH, **key}, json=body)
        assert first.status_code == again.status_code == 201
        assert again.json() == first.json()
        assert again.json()["appended"] is True  # the first answer, not "nothing appended this time"
        assert again.headers["idempotent-replayed"] == "true"
        other = client.post("/companies", headers={**AUTH, **key}, json={"name": "Someone Else"})
        self.assert_refused(other, 409, "retry-1")
        elsewhere = client.post("/facts", headers={**AUTH, **key}, json=financials({"revenue": "CNY 1"}))
        self.assert_refused(elsewhere, 409)

    def test_a_failed_write_releases_its_idempotency_key(self, client):
        key = {"Idempotency-Key": "retry-2"}
        body = {**financials({"revenue": "CNY 1"}), "company": "Not Yet Registered"}
        assert client.post("/facts", headers={**AUTH, **key}, json=body).status_code == 404
        assert client.post("/companies", headers=AUTH, json={"name": "Not Yet Registered"}).status_code == 201
        assert client.post("/facts", headers={**AUTH, **key}, json=body).status_code == 201

    @shares_store
    @pytest.mark.parametrize("key", ["", "x" * 201, "naïve", "tab\there"])
    def test_a_malformed_idempotency_key_is_a_422(self, client, key):
        response = client.post("/companies", headers={**AUTH, "Idempotency-Key": key.encode()}, json={"name": "K"})
        self.assert_refused(response, 422, "Idempotency-Key")

    # Output hardening ------------------------------------------------------------------------------

    def test_csv_cells_that_would_run_as_formulas_are_neutralised(self, client):
        client.post("/companies", headers=AUTH, json={"name": '=HYPERLINK("http://evil","x")'})
        client.post(
            "/facts",
            headers=AUTH,
            json={
                "kind": "accepted",
                "company": '=HYPERLINK("http://evil","x")',
                "venue": "SSE-STAR",
                "date": "2025-06-01",
                "sources": [SOURCE],
            },
        )
        csv = client.get("/pipeline.csv", params={"as_of": "2025-06-30"}).text
        assert "'=HYPERLINK" in csv
        assert ",=HYPERLINK" not in csv
        assert ',"=HYPERLINK' not in csv

    @shares_store
    def test_the_viewer_is_served_with_a_strict_csp_nosniff_and_no_referrer(self, client):
        for path in ("/", "/static/app.js"):
            headers = client.get(path).headers
            assert "default-src 'self'" in headers["content-security-policy"]
            assert "unsafe-inline" not in headers["content-security-policy"]
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "no-referrer"
        assert client.get("/healthz").headers["x-content-type-options"] == "nosniff"

    @shares_store
    def test_nul_and_controls_in_any_query_parameter_or_path_never_answer_5xx(self, client):
        spec = client.get("/openapi.json").json()
        sent = 0
        for path, operations in spec["paths"].items():
            get = operations.get("get")
            if get is None or path == "/feed/stream":
                continue
            names = [p["name"] for p in get.get("parameters", []) if p["in"] == "query"]
            concrete = path.replace("{name}", "MetaX").replace("{fact_id}", "00000000-0000-0000-0000-000000000000")
            for hostile in ("a\x00b", "\u202e", "\x1b[2J"):
                for name in names:
                    response = client.get(
                        concrete,
                        params={"as_of": "2025-06-30", "from": "2025-01-01", "to": "2025-06-30", name: hostile},
                    )
                    assert response.status_code < 500, (path, name, response.text)
                    sent += 1
                if "{" in path:
                    response = client.get(path.split("{")[0] + quote(hostile), params={"as_of": "2025-06-30"})
                    assert response.status_code < 500, (path, response.text)
        assert sent > 50
