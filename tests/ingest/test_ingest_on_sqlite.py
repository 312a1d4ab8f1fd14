import pytest

from tests.ingest.contract import IngestContract


class TestIngestOnSqlite(IngestContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
