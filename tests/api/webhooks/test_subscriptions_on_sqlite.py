import pytest

from tests.api.webhooks.subscriptions import SubscriptionsContract


class TestSubscriptionsOnSQLite(SubscriptionsContract):
    delivers_in_process = True

    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url
