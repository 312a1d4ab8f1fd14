import pytest

from tests.api.name_identity import NameIdentityContract


@pytest.mark.postgres
class TestNameIdentityOnPostgres(NameIdentityContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url

    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, class_postgres_url):
        return class_postgres_url
