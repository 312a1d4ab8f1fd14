import pytest

from tests.api.hostile import HostileInputContract


class TestHostileInputOnSQLite(HostileInputContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
