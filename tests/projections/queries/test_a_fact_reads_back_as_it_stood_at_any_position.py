"""One fact as this store believed it at a log position, with every step of its history up to
then, and the log position a moment in system time stands for: asked of a real SQLite store
after a fact was recorded, corroborated, corrected and retracted."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.errors import UnknownFact
from domain.sources import Source
from projections.clocks import Clocks, system_time


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    built.app.register_company("History Co")
    yield built
    built.close()


def source(document: str, day: str = "2025-07-01") -> Source:
    return Source(document, parse_date(day), f"report {document}")


def test_each_position_shows_the_fact_as_it_stood_and_the_steps_up_to_it(services):
    app = services.app
    recorded = app.record_fact(
        kind="accepted", company="History Co", venue="SSE-STAR", date="2025-06-30", sources=[source("first.txt")]
    )
    fact_id = str(recorded.id)
    corroborated = app.add_source(fact_id, source("second.txt", "2025-07-02"))
    corrected = app.correct_fact(
        fact_id, reason="the exchange said 28 June", sources=[source("fix.txt")], date="2025-06-28"
    )
    retracted = app.retract_fact(fact_id, reason="never happened", sources=[source("denial.txt")])
    services.catch_up()
    queries = services.queries

    first = queries.fact(fact_id, recorded.position)
    assert (first["date"], first["retracted"]) == ("2025-06-30", False)
    assert [step["step"] for step in first["history"]] == ["recorded"]
    # The fact's event comes just before its company's, which the write saved with it.
    assert first["history"][0]["position"] == recorded.position - 1
    assert first["history"][0]["date"]["text"] == "2025-06-30"
    assert "certain" not in first  # not asked as of a day

    second = queries.fact(fact_id, corroborated.position)
    assert [s["document"] for s in second["sources"]] == ["first.txt", "second.txt"]
    assert [step["step"] for step in second["history"]] == ["recorded", "corroborated"]
    assert second["history"][1]["source"]["document"] == "second.txt"

    third = queries.fact(fact_id, corrected.position)
    assert third["date"] == "2025-06-28"
    assert third["history"][2]["reason"] == "the exchange said 28 June"
    assert third["retracted"] is False

    now = queries.fact(fact_id)
    assert now["retracted"] is True
    assert [(step["position"], step["step"]) for step in now["history"]] == [
        (recorded.position - 1, "recorded"),
        (corroborated.position, "corroborated"),
        (corrected.position, "corrected"),
        (retracted.position, "retracted"),
    ]
    assert now["history"][3]["reason"] == "never happened"
    assert all(step["recorded_at"] for step in now["history"])
    # A retracted fact shows as it stood last: corrected, with both sources.
    assert (now["date"], now["fact_id"], now["company"]) == ("2025-06-28", fact_id, "History Co")
    assert queries.fact(fact_id, retracted.position) == now


def test_the_company_lists_a_retraction_only_from_its_position_on(services):
    app = services.app
    kept = app.record_fact(
        kind="filed", company="History Co", venue="SSE-STAR", date="2025-03-01", sources=[source("kept.txt")]
    )
    dropped = app.record_fact(
        kind="accepted", company="History Co", venue="SSE-STAR", date="2025-04-01", sources=[source("dropped.txt")]
    )
    retraction = app.retract_fact(dropped.id, reason="a misreading", sources=[source("denial.txt")])
    services.catch_up()
    as_of = date(2025, 12, 31)

    before = services.queries.company("History Co", Clocks(as_of, known_at=retraction.position - 1))
    assert before["retracted"] == []
    assert {f["fact_id"] for f in before["facts"]} == {str(kept.id), str(dropped.id)}

    after = services.queries.company("History Co", Clocks(as_of, known_at=retraction.position))
    assert [f["fact_id"] for f in after["retracted"]] == [str(dropped.id)]
    assert after["retracted"][0]["retracted"] is True
    assert [step["step"] for step in after["retracted"][0]["history"]] == ["recorded", "retracted"]
    assert [f["fact_id"] for f in after["facts"]] == [str(kept.id)]


def test_an_unknown_fact_or_one_not_yet_recorded_is_refused_naming_the_position(services):
    recorded = services.app.record_fact(
        kind="filed", company="History Co", venue="SSE-STAR", date="2025-03-01", sources=[source("a.txt")]
    )
    services.catch_up()
    with pytest.raises(UnknownFact) as now:
        services.queries.fact("00000000-0000-0000-0000-000000000000")
    assert str(now.value) == "no fact has id 00000000-0000-0000-0000-000000000000"
    with pytest.raises(UnknownFact) as earlier:
        services.queries.fact(str(recorded.id), recorded.position - 2)
    assert str(earlier.value) == f"no fact has id {recorded.id} at position {recorded.position - 2}"
    assert services.queries.fact(str(recorded.id), Clocks.NOW)["fact_id"] == str(recorded.id)


def test_the_kind_of_every_fact_asked_even_past_a_batch_of_five_hundred(services):
    app = services.app
    filed = app.record_fact(
        kind="filed", company="History Co", venue="SSE-STAR", date="2025-03-01", sources=[source("a.txt")]
    )
    accepted = app.record_fact(
        kind="accepted", company="History Co", venue="SSE-STAR", date="2025-05-01", sources=[source("b.txt")]
    )
    listed = app.record_fact(
        kind="listed", company="History Co", venue="SSE-STAR", date="2025-09-01", sources=[source("c.txt")]
    )
    services.catch_up()
    unknown = [f"00000000-0000-0000-0000-{n:012d}" for n in range(1001)]
    # Real ids where the first and the second batch of 500 start, and last of all, in a third batch.
    asked = [str(filed.id), *unknown[:499], str(accepted.id), *unknown[499:], str(listed.id)]
    assert services.queries.fact_kinds(asked) == {
        str(filed.id): "filed",
        str(accepted.id): "accepted",
        str(listed.id): "listed",
    }
    assert services.queries.fact_kinds([str(listed.id)]) == {str(listed.id): "listed"}
    assert services.queries.fact_kinds([]) == {}


def test_a_moment_in_system_time_stands_for_the_last_position_recorded_by_then(services):
    queries = services.queries
    services.catch_up()
    registered = services.app.position()
    assert queries.position_known_at(datetime(2000, 1, 1, tzinfo=UTC)) == 0
    between = datetime.now(UTC)
    later = services.app.record_fact(
        kind="filed", company="History Co", venue="SSE-STAR", date="2025-03-01", sources=[source("a.txt")]
    )
    services.catch_up()
    assert later.position > registered
    assert queries.position_known_at(between) == registered
    assert queries.position_known_at(datetime.now(UTC) + timedelta(seconds=1)) == later.position
    # A naive moment is UTC, whatever the machine's zone; in UTC+8 the same wall time is 8 hours earlier.
    assert queries.position_known_at(between.replace(tzinfo=None)) == registered
    shanghai = between.astimezone(UTC).replace(tzinfo=None) + timedelta(hours=8)
    assert queries.position_known_at(shanghai) == later.position
    # An aware moment in another zone is the same instant.
    assert queries.position_known_at(between.astimezone(timezone(timedelta(hours=8)))) == registered


@pytest.fixture
def shanghai_machine(monkeypatch):
    """The process's local zone set to Asia/Shanghai, as on a server in China."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_naive_moment_is_utc_on_a_machine_in_another_zone(services, shanghai_machine):
    services.catch_up()
    registered = services.app.position()
    between = datetime.now(UTC)
    later = services.app.record_fact(
        kind="filed", company="History Co", venue="SSE-STAR", date="2025-03-01", sources=[source("a.txt")]
    )
    services.catch_up()
    assert later.position > registered
    assert services.queries.position_known_at(between.replace(tzinfo=None)) == registered


def test_a_system_time_is_written_in_utc_whatever_the_machines_zone(shanghai_machine):
    moment = datetime(2025, 1, 1, 8, 30, tzinfo=timezone(timedelta(hours=8)))
    assert system_time(moment) == "2025-01-01T00:30:00.000000+00:00"
