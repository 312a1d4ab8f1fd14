import pytest

from tests.api.contract import ApiContract


class TestApiOnSQLite(ApiContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url


def test_writes_are_refused_when_no_token_is_configured(sqlite_url):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings

    with TestClient(create_app(Settings(TIMELINE_DATABASE_URL=sqlite_url, TIMELINE_API_TOKEN=""))) as client:
        response = client.post("/companies", json={"name": "X"}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert "TIMELINE_API_TOKEN" in response.json()["detail"]
