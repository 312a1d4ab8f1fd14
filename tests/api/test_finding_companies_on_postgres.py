import pytest

from tests.api.finding import FindingContract


@pytest.mark.postgres
class TestFindingCompaniesOnPostgres(FindingContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, class_postgres_url):
        return class_postgres_url
