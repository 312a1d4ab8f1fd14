import pytest

from tests.ingest.contract import IngestContract


@pytest.mark.postgres
class TestIngestOnPostgres(IngestContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
