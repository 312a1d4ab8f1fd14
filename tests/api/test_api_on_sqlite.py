import pytest

from tests.api.contract import ApiContract, ApiReadContract


class TestApiReadsOnSQLite(ApiReadContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, tmp_path_factory):
        return f"sqlite:///{tmp_path_factory.mktemp('reads') / 'timeline.db'}"


class TestApiOnSQLite(ApiContract):
    @pytest.fixture
    def seeded_database_url(self, seeded_sqlite_url):
        return seeded_sqlite_url


def test_writes_are_refused_when_no_token_is_configured(sqlite_url):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=""))) as client:
        response = client.post("/companies", json={"name": "X"}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "TIMELINE_API_TOKEN" in response.json()["detail"]


def test_a_read_waiting_for_a_position_no_worker_applies_gets_503_with_retry_after(sqlite_url):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    settings = Settings(
        TIMELINE_DATABASE_URL=sqlite_url,
        TIMELINE_API_TOKEN="t",
        TIMELINE_CATCH_UP_ON_WRITE="false",
        TIMELINE_MIN_POSITION_TIMEOUT="0.3",
    )
    with TestClient(create_app(settings)) as client:
        written = client.post("/companies", json={"name": "Lagging Co"}, headers={"Authorization": "Bearer t"}).json()
        response = client.get("/pipeline", params={"as_of": "2025-06-30", "min_position": written["position"]})
        assert response.status_code == 503
        assert response.headers["retry-after"] == "1"
        assert f"not yet {written['position']}" in response.json()["detail"]
        health = client.get("/healthz").json()
        assert health["projection_lag"] == written["position"]
