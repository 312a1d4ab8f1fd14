import pytest

from tests.api.citing import CitingContract


class TestCitingSourcesOnSqlite(CitingContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, tmp_path_factory):
        return f"sqlite:///{tmp_path_factory.mktemp('citing') / 'timeline.db'}"
