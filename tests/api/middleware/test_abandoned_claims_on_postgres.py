import pytest

from tests.api.middleware.claims import AbandonedClaimContract


@pytest.mark.postgres
class TestAbandonedClaimsOnPostgres(AbandonedClaimContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
