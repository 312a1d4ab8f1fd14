import pytest

from tests.api.contract import ApiContract


@pytest.mark.postgres
class TestApiOnPostgres(ApiContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
