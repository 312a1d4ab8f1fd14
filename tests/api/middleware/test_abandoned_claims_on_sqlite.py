import pytest

from tests.api.middleware.claims import AbandonedClaimContract


class TestAbandonedClaimsOnSQLite(AbandonedClaimContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
