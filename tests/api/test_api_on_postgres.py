import pytest

from tests.api.contract import ApiContract, ApiReadContract


@pytest.mark.postgres
class TestApiReadsOnPostgres(ApiReadContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, class_postgres_url):
        return class_postgres_url


@pytest.mark.postgres
class TestApiOnPostgres(ApiContract):
    @pytest.fixture
    def seeded_database_url(self, seeded_postgres_url):
        return seeded_postgres_url
