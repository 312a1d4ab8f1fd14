import pytest

from tests.api.hostile import HostileInputContract


@pytest.mark.postgres
class TestHostileInputOnPostgres(HostileInputContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url

    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, class_postgres_url):
        return class_postgres_url
