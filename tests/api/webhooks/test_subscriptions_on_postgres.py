import pytest

from tests.api.webhooks.subscriptions import SubscriptionsContract


@pytest.mark.postgres
class TestSubscriptionsOnPostgres(SubscriptionsContract):
    delivers_in_process = False

    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url
