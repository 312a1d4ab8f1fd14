import pytest

from tests.api.name_identity import NameIdentityContract


@pytest.mark.postgres
class TestNameIdentityOnPostgres(NameIdentityContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
