import pytest

from tests.api.stuck import StuckProjectionContract


class TestStuckProjectionOnSQLite(StuckProjectionContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
