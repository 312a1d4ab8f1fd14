import pytest

from tests.application.contract import ApplicationContract


class TestApplicationOnSQLite(ApplicationContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
