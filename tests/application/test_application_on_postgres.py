import pytest

from tests.application.contract import ApplicationContract


@pytest.mark.postgres
class TestApplicationOnPostgres(ApplicationContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
