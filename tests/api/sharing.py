"""Contract tests that are refused or only read share their class's store and app (a class-scoped
``class_database_url`` each storage's subclass gives), where a store and an app of a test's own cost ~0.4 s on
PostgreSQL. A test whose write is accepted keeps a store of its own."""

import pytest

shares_store = pytest.mark.shares_store
