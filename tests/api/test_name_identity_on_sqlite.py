import pytest

from tests.api.name_identity import NameIdentityContract


class TestNameIdentityOnSQLite(NameIdentityContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
