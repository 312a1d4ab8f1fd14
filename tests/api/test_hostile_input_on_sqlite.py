import pytest

from tests.api.hostile import HostileInputContract


class TestHostileInputOnSQLite(HostileInputContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url

    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, tmp_path_factory):
        return f"sqlite:///{tmp_path_factory.mktemp('shared') / 'timeline.db'}"
