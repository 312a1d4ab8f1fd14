import pytest

from api.composition import build_services
from api.settings import Settings
from seeds.loading import load_seeds
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
    def seeded_database_url(self, postgres_url):
        services = build_services(Settings(TIMELINE_DATABASE_URL=postgres_url))
        load_seeds(services.app)
        services.close()
        return postgres_url
