import pytest

from tests.api.finding import FindingContract


class TestFindingCompaniesOnSQLite(FindingContract):
    @pytest.fixture(scope="class")
    @classmethod
    def class_database_url(cls, tmp_path_factory):
        return f"sqlite:///{tmp_path_factory.mktemp('finding') / 'timeline.db'}"
