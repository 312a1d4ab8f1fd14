import pytest

from tests.api.stuck import StuckProjectionContract


@pytest.mark.postgres
class TestStuckProjectionOnPostgres(StuckProjectionContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
