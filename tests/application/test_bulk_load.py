"""Bulk loads through record_facts: idempotent, all-or-nothing, and a fixed number of reads per batch.

One contract, run on a real SQLite file and on the real PostgreSQL server. Every statement
the application sends is recorded (SQLite's trace callback; psycopg's cursor), so the tests can
count how often a batch reads the log.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from typing import Any

import psycopg
import pytest
from psycopg.sql import Composable

from application.errors import ConcurrencyConflict
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.errors import InvalidDate, NameTaken, UnknownCompany
from domain.sources import Source
from tests.application.contract import CAIXIN, XINHUA, ConflictingApplication
from tests.conftest import fresh_schema

REUTERS = Source("002_reuters.txt", parse_date("2025-07-01"), "Moore Threads' application was accepted ...")
COMPANIES = [f"Company {n}" for n in range(20)]


def accepted(company: str, source: Source = CAIXIN, date: str = "2025-06-30") -> dict[str, Any]:
    return {"kind": "accepted", "company": company, "venue": "SSE-STAR", "date": date, "sources": [source]}


def statistic(value: int, source: Source = XINHUA) -> dict[str, Any]:
    return {
        "kind": "market_statistic",
        "market": "SSE-STAR",
        "date": "2025-06",
        "fields": {"metric": "ipo_applications", "value": value, "unit": "applications"},
        "sources": [source],
    }


def many_facts(count: int, companies: list[str]) -> list[dict[str, Any]]:
    """``count`` distinct new facts spread over ``companies``."""
    return [
        accepted(companies[n % len(companies)], date=f"2025-{n // 28 + 1:02d}-{n % 28 + 1:02d}") for n in range(count)
    ]


class BulkLoadContract:
    database_url: str

    @pytest.fixture
    def statements(self) -> list[str]:
        """Every SQL statement the application sends from now on (each storage fills it its own way)."""
        raise NotImplementedError

    @pytest.fixture
    def other_url(self) -> str:
        """A second, empty store."""
        raise NotImplementedError

    @pytest.fixture(autouse=True)
    def _application(self, database_url: str, statements: list[str]):
        self.database_url = database_url
        self.statements = statements
        self.app = TimelineApplication(environment_for(database_url))
        for name in COMPANIES:
            self.app.register_company(name)
        self.app.register_company("Moore Threads", ["摩尔线程"])
        yield
        self.app.close()

    def reads_of_the_log(self, batch: list[dict[str, Any]]) -> int:
        """How many statements read the events table while the batch is recorded."""
        table = re.compile(rf"\b{self.app.recorder.events_table_name}\b", re.IGNORECASE)
        before = len(self.statements)
        self.app.record_facts(batch)
        sent = self.statements[before:]
        return sum(1 for s in sent if s.lstrip().upper().startswith("SELECT") and table.search(s))

    def histories(self, app: TimelineApplication) -> dict[Any, list[tuple[int, str, dict[str, Any]]]]:
        """Every aggregate's events, in version order, without the time they were recorded."""
        found: dict[Any, list[tuple[int, str, dict[str, Any]]]] = {}
        for notification in app.recorder.select_notifications(start=1, limit=1_000_000):
            event = app.mapper.to_domain_event(notification)
            state = {k: v for k, v in vars(event).items() if k != "timestamp"}
            found.setdefault(notification.originator_id, []).append(
                (notification.originator_version, notification.topic, state)
            )
        return found

    # Reads -----------------------------------------------------------------------------

    def test_a_batch_reads_the_log_as_often_whatever_its_number_of_facts_and_subjects(self):
        one = self.reads_of_the_log([accepted("Company 0")])
        many = self.reads_of_the_log([*many_facts(300, COMPANIES), statistic(1)])
        assert many == one
        assert one <= 3  # the names claimed, the subjects, and which facts are already stored

    # Idempotency -----------------------------------------------------------------------

    def test_the_same_batch_again_appends_nothing(self):
        batch = [*many_facts(60, COMPANIES), statistic(7)]
        first = self.app.record_facts(batch)
        assert all(written.appended for written in first)
        position = self.app.position()
        again = self.app.record_facts(batch)
        assert not any(written.appended for written in again)
        assert sorted(w.id for w in again) == sorted(w.id for w in first)
        assert self.app.position() == position

    def test_a_mixed_batch_leaves_the_log_that_recording_its_facts_one_by_one_leaves(self, other_url: str):
        batch = [
            accepted("Moore Threads"),  # new
            accepted("Company 1", source=XINHUA),  # stored from another source: corroborated
            accepted("Company 2"),  # stored from this source: nothing
            accepted("Moore Threads", source=XINHUA),  # repeats the first item from another source
            accepted("Moore Threads"),  # repeats the first item exactly
            statistic(3),  # new, about a market
            statistic(3, source=REUTERS),  # repeats it from another source
            accepted("Company 3", date="2025-07"),  # new
        ]
        one_by_one = TimelineApplication(environment_for(other_url))
        for name in COMPANIES:
            one_by_one.register_company(name)
        one_by_one.register_company("Moore Threads", ["摩尔线程"])
        results = []
        for app in (self.app, one_by_one):
            app.record_fact(**accepted("Company 1"))
            app.record_fact(**accepted("Company 2"))
        results.append(self.app.record_facts(batch))
        results.append([one_by_one.record_fact(**item) for item in batch])
        try:
            assert self.histories(self.app) == self.histories(one_by_one)
            by_batch, by_fact = (Counter((w.id, w.appended) for w in written) for written in results)
            assert by_batch == by_fact
        finally:
            one_by_one.close()

    def test_the_answers_come_in_the_order_of_the_items(self):
        self.app.record_fact(**accepted("Company 7"))
        batch = [accepted("Company 7", source=XINHUA), accepted("Company 8"), accepted("Company 7")]
        written = self.app.record_facts(batch)
        assert [w.appended for w in written] == [True, True, False]  # a corroboration, a new fact, nothing
        assert written[0].id == written[2].id != written[1].id
        assert self.app.get_fact(written[1].id)["subject_id"] == str(self.app.resolve_company("Company 8"))

    def test_a_batch_may_name_one_company_by_several_of_its_names(self):
        written = self.app.record_facts([accepted("Moore Threads"), accepted("摩尔线程", date="2025-07-01")])
        assert all(w.appended for w in written)
        facts = self.app.company_facts("Moore Threads")
        assert [f["date"]["text"] for f in facts] == ["2025-06-30", "2025-07-01"]

    # Companies -------------------------------------------------------------------------

    def test_a_batch_of_companies_registers_each_under_all_its_names_as_one_by_one_would(self, other_url: str):
        batch = [
            {"name": "Cambricon", "aliases": ["寒武纪", "Cambricon Technologies"], "sector": "semiconductors"},
            {"name": "Unitree", "aliases": ["宇树科技"], "sector": "robotics", "key": "unitree"},
            {"name": "Moore Threads", "aliases": ["摩尔线程", "MTT"]},  # stored: only the new alias is added
            {"name": "Cambricon", "aliases": ["Cambricon Inc"]},  # the first company again, with another alias
            {"name": "Unitree", "aliases": ["宇树科技"], "sector": "robotics", "key": "unitree"},  # a repeat
        ]
        written = self.app.register_companies(batch)
        assert [w.appended for w in written] == [True, True, True, True, False]
        assert written[0].id == written[3].id == self.app.resolve_company("Cambricon Inc")
        assert written[1].id == written[4].id
        assert self.app.resolve_company("MTT") == written[2].id
        assert self.app.get_company("unitree")["sector"] == "robotics"
        one_by_one = TimelineApplication(environment_for(other_url))
        try:
            for name in COMPANIES:
                one_by_one.register_company(name)
            one_by_one.register_company("Moore Threads", ["摩尔线程"])
            assert [one_by_one.register_company(**item).id for item in batch] == [w.id for w in written]
            assert self.histories(self.app) == self.histories(one_by_one)
        finally:
            one_by_one.close()
        position = self.app.position()
        assert not any(w.appended for w in self.app.register_companies(batch))
        assert self.app.position() == position

    @pytest.mark.parametrize(
        "batch",
        [
            [{"name": "Cambricon"}, {"name": "Moorish Threads", "aliases": ["摩尔线程"]}],  # a stored company's name
            [{"name": "Cambricon", "aliases": ["CAM"]}, {"name": "Unitree", "aliases": ["cam"]}],  # an earlier item's
        ],
    )
    def test_a_name_another_company_holds_refuses_the_whole_batch_before_anything_is_written(self, batch):
        position = self.app.position()
        with pytest.raises(NameTaken, match="already belongs"):
            self.app.register_companies(batch)
        assert self.app.position() == position
        with pytest.raises(UnknownCompany):
            self.app.resolve_company("Cambricon")

    @pytest.mark.parametrize(
        ("batch", "holder"),
        [
            ([{"name": "Cambricon"}, {"name": "Moore Threads Inc."}], "Moore Threads"),  # reads as a stored name
            ([{"name": "Cambricon"}, {"name": "Moorish", "aliases": ["摩爾線程"]}], "Moore Threads"),  # traditional
            ([{"name": "Cambricon"}, {"name": "Carnbricon Labs", "aliases": ["Carnbricon"]}], "Cambricon"),  # looks
        ],
    )
    def test_a_name_that_reads_or_looks_like_another_companys_refuses_the_batch_naming_the_holder(self, batch, holder):
        position = self.app.position()
        with pytest.raises(NameTaken, match=f"like '[^']+', a name of company '{holder}'"):
            self.app.register_companies(batch)
        assert self.app.position() == position

    # All or nothing --------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("first", "second", "error"),
        [
            ({"date": "2025-02-30"}, {"company": "Nobody Inc"}, InvalidDate),
            ({"company": "Nobody Inc"}, {"date": "2025-02-30"}, UnknownCompany),
        ],
    )
    def test_the_first_bad_item_of_a_batch_is_the_one_reported_and_nothing_is_written(self, first, second, error):
        position = self.app.position()
        batch = [accepted("Company 0"), {**accepted("Company 1"), **first}, {**accepted("Company 2"), **second}]
        with pytest.raises(error):
            self.app.record_facts(batch)
        assert self.app.position() == position

    # Concurrency -----------------------------------------------------------------------

    def test_a_batch_that_loses_a_race_is_retried_whole_from_a_fresh_read(self):
        app = Conflicting(environment_for(self.database_url), conflicts=2)
        try:
            written = app.record_facts(many_facts(10, COMPANIES[:3]))
            assert app.save_calls == 3
            assert len({w.id for w in written}) == 10
            assert sum(len(app.company_facts(name)) for name in COMPANIES[:3]) == 10
        finally:
            app.close()

    def test_a_fact_another_writer_stores_meanwhile_is_corroborated_on_the_retry(self):
        app = RacedApplication(environment_for(self.database_url), rival=accepted("Company 4"))
        try:
            written = app.record_facts([accepted("Company 4", source=XINHUA), accepted("Company 5")])
            assert app.save_calls == 3  # the lost batch, the batch without the rival's fact, its corroboration
            fact = app.get_fact(written[0].id)
            assert [s["document"] for s in fact["sources"]] == [CAIXIN.document, XINHUA.document]
            assert len(app.company_facts("Company 4")) == 1
        finally:
            app.close()

    def test_conflicts_that_persist_fail_the_batch_and_write_nothing(self):
        app = Conflicting(environment_for(self.database_url), conflicts=99, max_attempts=3)
        position = app.position()
        try:
            with pytest.raises(ConcurrencyConflict, match="record_facts"):
                app.record_facts(many_facts(5, COMPANIES[:2]))
            assert app.position() == position
        finally:
            app.close()


class Conflicting(ConflictingApplication):
    name = TimelineApplication.name  # the same log as the application that registered the companies


class RacedApplication(TimelineApplication):
    """A real application another writer beats to one fact, just before its first save."""

    name = TimelineApplication.name

    def __init__(self, env, *, rival: dict[str, Any]):
        super().__init__(env)
        self.env_for_rival = env
        self.rival = rival
        self.save_calls = 0

    def save(self, *objs, **kwargs):
        self.save_calls += 1
        if self.save_calls == 1:
            other = TimelineApplication(self.env_for_rival)
            try:
                other.record_fact(**self.rival)
            finally:
                other.close()
        return super().save(*objs, **kwargs)


class TestBulkLoadOnSQLite(BulkLoadContract):
    @pytest.fixture
    def database_url(self, sqlite_url):
        return sqlite_url

    @pytest.fixture
    def statements(self, monkeypatch) -> list[str]:
        sent: list[str] = []
        connect = sqlite3.connect

        def traced(*args, **kwargs):
            connection = connect(*args, **kwargs)
            connection.set_trace_callback(sent.append)
            return connection

        monkeypatch.setattr(sqlite3, "connect", traced)
        return sent

    @pytest.fixture
    def other_url(self, tmp_path):
        return f"sqlite:///{tmp_path / 'one_by_one.db'}"


@pytest.mark.postgres
class TestBulkLoadOnPostgres(BulkLoadContract):
    @pytest.fixture
    def database_url(self, postgres_url):
        return postgres_url

    @pytest.fixture
    def statements(self, monkeypatch) -> list[str]:
        sent: list[str] = []
        execute = psycopg.Cursor.execute

        def traced(cursor, query, *args, **kwargs):
            sent.append(query.as_string(cursor) if isinstance(query, Composable) else str(query))
            return execute(cursor, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.Cursor, "execute", traced)
        return sent

    @pytest.fixture
    def other_url(self, postgres_available):
        with fresh_schema() as url:
            yield url
