"""Property: every body the API accepts is stored, decoded, projected and rebuilt identically.

Hypothesis throws fact bodies at a real SQLite store, with text from all of Unicode (controls,
bidi marks, surrogates' neighbours), numbers of every size and dicts shaped like the transcoder's
envelope. Whatever is refused must be a 4xx; whatever is accepted must read back and leave the
projections healthy, and a rebuild from the log must give the very same read-model rows.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from tests.projections.dump import dump

TOKEN = "property-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["1.5", "12", "-3", "1e30"]),
)
MONEY = st.one_of(
    st.sampled_from(["CNY 1", "USD 67 million", "HKD 5.583 billion", "CNY 1" + "0" * 40]),
    st.builds(lambda n: f"CNY {n}", st.integers(min_value=0, max_value=10**30)),
    TEXT,
)
FREE_DICT = st.one_of(
    st.dictionaries(st.one_of(TEXT, st.sampled_from(["_type_", "_data_"])), MONEY, max_size=3),
    st.fixed_dictionaries({"_type_": MONEY, "_data_": MONEY}),
)
DATES = st.one_of(st.sampled_from(["2025", "2025-06-30", "late June 2025", "2025-Q1", "2025年6月"]), TEXT)
SOURCE = st.fixed_dictionaries(
    {"document": TEXT, "published": st.sampled_from(["2025-07-01", "2025", "mid-July 2025"]), "quote": TEXT},
    optional={"url": st.sampled_from(["https://example.com/a", "javascript:alert(1)"]), "date_text": TEXT},
)
BODIES = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.just("financials_reported"),
            "company": st.just("MetaX"),
            "date": DATES,
            "fields": st.fixed_dictionaries(
                {"period": TEXT},
                optional={"metrics": FREE_DICT, "growth_pct": st.dictionaries(TEXT, NUMBERS), "note": TEXT},
            ),
            "sources": st.lists(SOURCE, min_size=1, max_size=2),
        },
        optional={"summary": TEXT},
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("funding_round"),
            "company": st.just("MetaX"),
            "date": DATES,
            "fields": st.fixed_dictionaries(
                {},
                optional={"round": TEXT, "amount": MONEY, "rounds": NUMBERS, "investors": st.lists(TEXT, max_size=3)},
            ),
            "sources": st.lists(SOURCE, min_size=1, max_size=2),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("market_statistic"),
            "market": st.just("SSE-STAR"),
            "date": DATES,
            "fields": st.fixed_dictionaries({"metric": TEXT, "value": NUMBERS, "unit": TEXT}),
            "sources": st.lists(SOURCE, min_size=1, max_size=1),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["accepted", "listed"]),
            "company": st.just("MetaX"),
            "venue": st.just("SSE-STAR"),
            "date": DATES,
            "fields": st.fixed_dictionaries({}, optional={"note": TEXT, "amount_sought": MONEY}),
            "sources": st.lists(SOURCE, min_size=1, max_size=2),
        }
    ),
)


@pytest.mark.slow
def test_every_accepted_body_is_stored_decoded_projected_and_rebuilt_identically(tmp_path):
    app_settings = Settings(TIMELINE_DATABASE_URL=f"sqlite:///{tmp_path / 'timeline.db'}", TIMELINE_API_TOKEN=TOKEN)
    services = build_services(app_settings)
    services.app.register_company("MetaX", ["沐曦"], "semiconductors")
    accepted: list[str] = []
    with TestClient(create_app(app_settings, services)) as client:

        @given(BODIES)
        @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def post(body):
            response = client.post("/facts", headers=AUTH, json=body)
            assert response.status_code < 500, response.text
            if response.status_code != 201:
                assert response.status_code == 422, response.text
                return
            written = response.json()
            accepted.append(written["fact_id"])
            fact = client.get(f"/facts/{written['fact_id']}")
            assert fact.status_code == 200, fact.text
            assert fact.json()["kind"] == body["kind"]
            feed = client.get("/feed", params={"after": written["position"] - 1, "limit": 1}).json()["events"]
            assert "undecodable" not in feed[0]
            assert client.get("/healthz").json()["status"] == "ok"

        post()
    assert len(accepted) > 30, "the strategies should produce plenty of acceptable bodies"
    incremental = dump(services.store, daily_counts=True)
    for runner in services.projections.values():
        runner.rebuild()
    assert dump(services.store, daily_counts=True) == incremental
    assert services.stuck(fresh=True) == []
    services.close()
