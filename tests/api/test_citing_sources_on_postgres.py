import pytest

from tests.api.citing import CitingContract


@pytest.mark.postgres
class TestCitingSourcesOnPostgres(CitingContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, class_postgres_url):
        return class_postgres_url
