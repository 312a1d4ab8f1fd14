"""Freshness: which source is the newest behind an answer, and when it is too old to trust."""

from domain.dates.date_parsing import parse_date
from domain.dates.freshness import STALE_AFTER_DAYS, days_since, is_stale, newest
from domain.dates.fuzzy_dates import FuzzyDate


def dates(*texts: str) -> list[FuzzyDate]:
    return [parse_date(text) for text in texts]


def test_with_no_source_there_is_no_newest() -> None:
    assert newest([]) is None


def test_the_newest_source_is_the_one_that_may_have_been_published_last() -> None:
    assert newest(dates("2025-11-30", "2025", "2025-06")) == parse_date("2025")


def test_between_two_that_may_have_appeared_on_the_same_last_day_the_narrower_is_newer() -> None:
    assert newest(dates("2025", "2025-12-31", "2025-Q4")) == parse_date("2025-12-31")
    assert newest(dates("2025-12-31", "2025")) == parse_date("2025-12-31")


def test_only_sources_certainly_public_by_the_day_asked_count() -> None:
    published = dates("2025-06-30", "2025-07-01", "2025", "2025-05")
    assert newest(published, published_by=parse_date("2025-06")) == parse_date("2025-06-30")
    assert newest(published, published_by=parse_date("2025-06-29")) == parse_date("2025-05")
    assert newest(published, published_by=parse_date("2025-04-30")) is None


def test_age_is_counted_from_the_earliest_the_source_may_have_appeared() -> None:
    assert days_since(parse_date("2025-06-30"), parse_date("2025")) == 180
    assert days_since(parse_date("2025-06"), parse_date("2025-06-30")) == -29


def test_a_state_is_stale_after_180_days_without_a_newer_source_or_with_none() -> None:
    assert STALE_AFTER_DAYS == 180
    assert not is_stale(parse_date("2025-06-30"), parse_date("2025"))
    assert is_stale(parse_date("2025-07-01"), parse_date("2025"))
    assert not is_stale(parse_date("2025-01-01"), parse_date("2025-06-30"))
    assert is_stale(parse_date("2025-06-30"), None)
