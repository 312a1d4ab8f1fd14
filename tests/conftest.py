"""Storage for tests: a real SQLite file, and the real PostgreSQL server in its own schema."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import psycopg
import pytest

from api.composition import Services, build_services
from api.settings import Settings
from seeds.loading import load_seeds
from tests.own_postgres import OwnCluster, own_cluster, unavailable_reason

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_unreachable_reason() -> str | None:
    try:
        with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), connect_timeout=3):
            return None
    except psycopg.OperationalError as error:
        return f"PostgreSQL at {POSTGRES_ADMIN_URL} is unreachable ({str(error).strip().splitlines()[0]})"


def _libpq(url: str) -> str:
    return url.split("?", 1)[0]


@pytest.fixture(scope="session")
def postgres_available() -> None:
    reason = postgres_unreachable_reason()
    if reason is None:
        return
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
    pytest.skip(f"{reason}; set REQUIRE_POSTGRES=1 to make this a failure")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'timeline.db'}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A new PostgreSQL schema, dropped afterwards, so tests never see each other's events."""
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{POSTGRES_ADMIN_URL}?schema={schema}"
    finally:
        with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="session")
def empty_postgres_template(postgres_available: None) -> Iterator[str]:
    """A PostgreSQL database holding an empty store (its tables made, no event), made once per test process and never
    connected to afterwards: the template each ``postgres_url`` database is copied from."""
    with _template(_with_services(lambda services: None)) as name:
        yield name


@pytest.fixture
def postgres_url(empty_postgres_template: str) -> Iterator[str]:
    """An empty store of this test's own: a database copied from the template (~35 ms, where making the tables of a
    new schema takes ~150 ms)."""
    with _copy_of(empty_postgres_template) as url:
        yield url


@pytest.fixture(scope="class")
def class_postgres_url(empty_postgres_template: str) -> Iterator[str]:
    """An empty store shared by one test class (for classes that load the seeds once)."""
    with _copy_of(empty_postgres_template) as url:
        yield url


@pytest.fixture
def own_postgres() -> Iterator[OwnCluster]:
    """A PostgreSQL cluster of this test's own (its own directory and port), for tests that stop it."""
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(f"REQUIRE_POSTGRES=1 but {reason}", pytrace=False)
        pytest.skip(f"{reason}; set REQUIRE_POSTGRES=1 to make this a failure")
    with own_cluster() as cluster:
        yield cluster


@pytest.fixture
def seeded_sqlite_url(seeded: Services, seeded_sqlite_path: Path, tmp_path: Path) -> str:
    """A store of this test's own holding the seed dataset, read models caught up: a copy of ``seeded``'s
    file by SQLite's backup API (milliseconds, where loading the seeds again takes about a second)."""
    copy = tmp_path / "timeline.db"
    copy_store(seeded_sqlite_path, copy)
    return f"sqlite:///{copy}"


@pytest.fixture(scope="session")
def seeded_postgres_template(postgres_available: None) -> Iterator[str]:
    """A PostgreSQL database holding the seed dataset, read models caught up, loaded once per test process and
    never connected to afterwards: the template each ``seeded_postgres_url`` database is copied from."""

    def seed(services: Services) -> None:
        load_seeds(services.app)
        services.projection.catch_up()

    with _template(_with_services(seed)) as name:
        yield name


@pytest.fixture
def seeded_postgres_url(seeded_postgres_template: str) -> Iterator[str]:
    """A PostgreSQL database of this test's own holding the seed dataset: CREATE DATABASE ... TEMPLATE copies the
    template's files (a fraction of a second, where loading the seeds again takes about three)."""
    with _copy_of(seeded_postgres_template) as url:
        yield url


# A test's own database commits without waiting for the WAL to reach the disk (2.1 -> 0.2 ms a commit here): a
# commit is still durable against the death of any client process, which is what the crash tests kill; the tests
# that stop PostgreSQL itself run a cluster of their own (``own_postgres``). A setting of that database alone.
_NO_WAIT_FOR_DISK = 'ALTER DATABASE "{name}" SET synchronous_commit = off'


Fill = Callable[[str], None]


class _FilledTemplates:
    """What each fill wrote into an empty store, once per test process and database: a SQLite file, or a PostgreSQL
    database never connected to afterwards (dropped when the process ends)."""

    def __init__(self, stack: ExitStack, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.stack = stack
        self.tmp_path_factory = tmp_path_factory
        self.made: dict[tuple[str, Fill], str] = {}

    def template(self, database: str, fill: Fill) -> str:
        if (database, fill) not in self.made:
            if database == "sqlite":
                path = self.tmp_path_factory.mktemp("filled") / "timeline.db"
                fill(f"sqlite:///{path}")
                self.made[database, fill] = str(path)
            else:
                self.made[database, fill] = self.stack.enter_context(_template(fill))
        return self.made[database, fill]


@pytest.fixture(scope="session")
def _filled_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_FilledTemplates]:
    with ExitStack() as stack:
        yield _FilledTemplates(stack, tmp_path_factory)


@pytest.fixture
def filled_url(request, _filled_templates: _FilledTemplates, tmp_path: Path) -> Iterator[Callable[[str, Fill], str]]:
    """``filled_url(database, fill)``: a store of this test's own ("sqlite" or "postgres") holding what ``fill(url)``
    wrote into an empty one. Each fill runs once per test process and database; every test gets a copy of its result
    (SQLite's backup API, CREATE DATABASE ... TEMPLATE), where writing a log of hundreds of facts takes seconds.
    ``fill`` must close every connection it opened: a template is copied only while nothing is connected to it."""
    with ExitStack() as copies:

        def copy(database: str, fill: Fill) -> str:
            if database == "postgres":
                request.getfixturevalue("postgres_available")
            template = _filled_templates.template(database, fill)
            if database == "postgres":
                return copies.enter_context(_copy_of(template))
            path = tmp_path / f"filled-{uuid.uuid4().hex[:8]}.db"
            copy_store(Path(template), path)
            return f"sqlite:///{path}"

        yield copy


def _with_services(fill: Callable[[Services], None]) -> Fill:
    def filled(url: str) -> None:
        services = build_services(Settings(TIMELINE_DATABASE_URL=url))
        try:
            fill(services)
        finally:
            services.close()

    return filled


@contextmanager
def _template(fill: Fill) -> Iterator[str]:
    name = f"template_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        conn.execute(_NO_WAIT_FOR_DISK.format(name=name))
    try:
        fill(_database_url(name))
        yield name
    finally:
        _drop_database(name)


@contextmanager
def _copy_of(template: str) -> Iterator[str]:
    name = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        conn.execute(_NO_WAIT_FOR_DISK.format(name=name))
    try:
        yield _database_url(name)
    finally:
        _drop_database(name)


def _database_url(name: str) -> str:
    return f"{_libpq(POSTGRES_ADMIN_URL).rsplit('/', 1)[0]}/{name}"


def _drop_database(name: str) -> None:
    with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _seeds_caught_up(services: Services) -> None:
    load_seeds(services.app)
    services.catch_up()


_SEEDS_CAUGHT_UP = _with_services(_seeds_caught_up)


@pytest.fixture(scope="session")
def served_seed_store(_filled_templates: _FilledTemplates) -> Path:
    """A SQLite file holding what `timeline seed` leaves (the seeds loaded, every read model caught up), made once
    per test process: the servers of the seed data start on copies of it (``copy_store``). The command itself runs
    as a process in tests/e2e/test_a_rebuild_killed_mid_way_is_caught_up_by_the_server.py."""
    return Path(_filled_templates.template("sqlite", _SEEDS_CAUGHT_UP))


def copy_store(source: Path, target: Path) -> None:
    """A SQLite store copied whole, by SQLite's backup API."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)


ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeded_sqlite_path(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("seeded") / "timeline.db"


@pytest.fixture(scope="session")
def seeded(seeded_sqlite_path: Path) -> Iterator[Services]:
    """The seed dataset loaded once into a real SQLite file, read models caught up."""
    services = build_services(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{seeded_sqlite_path}"))
    load_seeds(services.app)
    services.projection.catch_up()
    yield services
    services.close()


@pytest.fixture(scope="session")
def articles() -> Path:
    if not ARTICLES.is_dir():
        pytest.skip(f"the source articles are not at {ARTICLES}")
    return ARTICLES
