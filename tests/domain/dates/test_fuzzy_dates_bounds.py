"""Fuzzy dates at their edges: the forms less often written, the limits, and the bounds' comparisons."""

from datetime import date

import pytest

from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import FuzzyDate
from domain.errors import InvalidDate


@pytest.mark.parametrize(
    ("raw", "text", "earliest", "latest"),
    [
        ("second quarter of 2025", "2025-Q2", "2025-04-01", "2025-06-30"),
        ("the third quarter of 2025", "2025-Q3", "2025-07-01", "2025-09-30"),
        ("fourth quarter 2025", "2025-Q4", "2025-10-01", "2025-12-31"),
        ("H1 2025", "2025-H1", "2025-01-01", "2025-06-30"),
        ("h2 2025", "2025-H2", "2025-07-01", "2025-12-31"),
        ("second half of 2025", "2025-H2", "2025-07-01", "2025-12-31"),
        ("mid-2025", "mid 2025", "2025-05-01", "2025-08-31"),
        ("late-2023", "late 2023", "2023-09-01", "2023-12-31"),
        ("mid  2025-06", "mid 2025-06", "2025-06-11", "2025-06-20"),
        ("mid–June 2025", "mid 2025-06", "2025-06-11", "2025-06-20"),
        ("mid—June 2025", "mid 2025-06", "2025-06-11", "2025-06-20"),
        ("late June 2025.", "late 2025-06", "2025-06-21", "2025-06-30"),
        ("1900", "1900", "1900-01-01", "1900-12-31"),
        ("2100-12-31", "2100-12-31", "2100-12-31", "2100-12-31"),
    ],
)
def test_less_common_spellings_read_to_the_same_canonical_dates(
    raw: str, text: str, earliest: str, latest: str
) -> None:
    parsed = parse_date(raw)
    assert (parsed.text, parsed.earliest.isoformat(), parsed.latest.isoformat()) == (text, earliest, latest)


@pytest.mark.parametrize("raw", ["1899-12-31", "2101", "2101-01-01"])
def test_years_outside_1900_to_2100_are_refused(raw: str) -> None:
    with pytest.raises(InvalidDate, match=r"outside 1900\.\.2100"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["2025-06-15/2025-06", "2025-06/2025-06-15"])
def test_an_interval_whose_start_reaches_past_its_end_is_refused_as_reversed(raw: str) -> None:
    with pytest.raises(InvalidDate, match="reversed"):
        parse_date(raw)


def test_a_fuzzy_date_whose_bounds_are_reversed_is_refused_naming_it() -> None:
    with pytest.raises(InvalidDate, match="date 'odd': earliest 2025-07-01 is after latest 2025-06-30"):
        FuzzyDate("odd", date(2025, 7, 1), date(2025, 6, 30))


def test_a_date_made_without_raw_text_keeps_its_canonical_text_as_raw() -> None:
    assert FuzzyDate("2025", date(2025, 1, 1), date(2025, 12, 31)).raw == "2025"


def test_one_exact_day_is_its_own_bounds_and_text() -> None:
    day = FuzzyDate.day(date(2025, 6, 30))
    assert (day.text, day.raw, day.earliest, day.latest) == (
        "2025-06-30",
        "2025-06-30",
        date(2025, 6, 30),
        date(2025, 6, 30),
    )
    assert day.is_exact


def test_a_fact_is_possible_from_its_earliest_day_and_certain_from_its_latest() -> None:
    mid_june = parse_date("mid-June 2025")
    assert mid_june.possibly_by(date(2025, 6, 11))
    assert not mid_june.possibly_by(date(2025, 6, 10))
    assert mid_june.certainly_by(date(2025, 6, 20))
    assert not mid_june.certainly_by(date(2025, 6, 19))


def test_a_date_contains_another_only_when_both_of_its_bounds_fit() -> None:
    june = parse_date("2025-06")
    assert june.contains(parse_date("mid-June 2025"))
    assert not june.contains(parse_date("2025-06-15/2025-07-05"))
    assert not june.contains(parse_date("2025-05-25/2025-06-05"))


def test_an_interval_has_an_edtf_form_only_when_both_ends_do() -> None:
    assert parse_date("2025-Q1/2025-Q2").edtf == "2025-33/2025-34"
    assert parse_date("mid 2025-06/2025-07").edtf is None
    assert parse_date("2025-05/late 2025-06").edtf is None


def test_text_that_is_not_a_string_is_refused_naming_its_type() -> None:
    with pytest.raises(InvalidDate, match="must be text, got int 20250630"):
        parse_date(20250630)  # type: ignore[arg-type]


def test_an_interval_with_two_slashes_is_refused_as_having_exactly_one() -> None:
    with pytest.raises(InvalidDate, match=r"^date '2025/2026/2027': an interval has exactly one '/'$"):
        parse_date("2025/2026/2027")
