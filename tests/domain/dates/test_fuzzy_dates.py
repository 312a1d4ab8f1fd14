import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.dates.date_parsing import parse_date
from domain.errors import InvalidDate


@pytest.mark.parametrize(
    ("raw", "text", "earliest", "latest"),
    [
        ("2025-06-30", "2025-06-30", "2025-06-30", "2025-06-30"),
        ("2025-06", "2025-06", "2025-06-01", "2025-06-30"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        ("2025", "2025", "2025-01-01", "2025-12-31"),
        ("2025-Q1", "2025-Q1", "2025-01-01", "2025-03-31"),
        ("2025-33", "2025-Q1", "2025-01-01", "2025-03-31"),
        ("2025-36", "2025-Q4", "2025-10-01", "2025-12-31"),
        ("2025-H2", "2025-H2", "2025-07-01", "2025-12-31"),
        ("2025-41", "2025-H2", "2025-07-01", "2025-12-31"),
        ("2025-07-07/2025-07-09", "2025-07-07/2025-07-09", "2025-07-07", "2025-07-09"),
        ("2022/2024", "2022/2024", "2022-01-01", "2024-12-31"),
        ("late 2023", "late 2023", "2023-09-01", "2023-12-31"),
        ("Late 2023", "late 2023", "2023-09-01", "2023-12-31"),
        ("early 2025", "early 2025", "2025-01-01", "2025-04-30"),
        ("mid 2025", "mid 2025", "2025-05-01", "2025-08-31"),
        ("mid-June 2025", "mid 2025-06", "2025-06-11", "2025-06-20"),
        ("mid-July 2025", "mid 2025-07", "2025-07-11", "2025-07-20"),
        ("late June 2025", "late 2025-06", "2025-06-21", "2025-06-30"),
        ("early February 2024", "early 2024-02", "2024-02-01", "2024-02-10"),
        ("late February 2024", "late 2024-02", "2024-02-21", "2024-02-29"),
        ("June 30, 2025", "2025-06-30", "2025-06-30", "2025-06-30"),
        ("30 June 2025", "2025-06-30", "2025-06-30", "2025-06-30"),
        ("July 9th, 2025", "2025-07-09", "2025-07-09", "2025-07-09"),
        ("December 2021", "2021-12", "2021-12-01", "2021-12-31"),
        ("Sept 2024", "2024-09", "2024-09-01", "2024-09-30"),
        ("Q1 2025", "2025-Q1", "2025-01-01", "2025-03-31"),
        ("First quarter of 2025", "2025-Q1", "2025-01-01", "2025-03-31"),
        ("the first half of 2025", "2025-H1", "2025-01-01", "2025-06-30"),
        ("Between July 7 and July 9, 2025", "2025-07-07/2025-07-09", "2025-07-07", "2025-07-09"),
        ("between July 7 and 9, 2025", "2025-07-07/2025-07-09", "2025-07-07", "2025-07-09"),
        ("2025年6月30日", "2025-06-30", "2025-06-30", "2025-06-30"),
        ("２０２５年６月３０日", "2025-06-30", "2025-06-30", "2025-06-30"),
        ("2025年8月", "2025-08", "2025-08-01", "2025-08-31"),
        ("2025年", "2025", "2025-01-01", "2025-12-31"),
        ("2025年上半年", "2025-H1", "2025-01-01", "2025-06-30"),
        ("2025年下半年", "2025-H2", "2025-07-01", "2025-12-31"),
        ("2025年第一季度", "2025-Q1", "2025-01-01", "2025-03-31"),
        ("2025年三季度", "2025-Q3", "2025-07-01", "2025-09-30"),
        ("2025年6月中旬", "mid 2025-06", "2025-06-11", "2025-06-20"),
        ("2025年6月下旬", "late 2025-06", "2025-06-21", "2025-06-30"),
        ("2025年底", "late 2025", "2025-09-01", "2025-12-31"),
        ("mid 2025-06/2025-07", "mid 2025-06/2025-07", "2025-06-11", "2025-07-31"),
    ],
)
def test_every_listed_form_parses_to_its_canonical_text_and_bounds(raw, text, earliest, latest):
    parsed = parse_date(raw)
    assert (parsed.text, parsed.earliest.isoformat(), parsed.latest.isoformat()) == (text, earliest, latest)
    assert parsed.raw == raw.strip()


@pytest.mark.parametrize(
    ("raw", "complaint"),
    [
        ("2025-02-30", "has no day 30"),
        ("2023-02-29", "has no day 29"),
        ("2025-13", "month 13"),
        ("2025-07-09/2025-07-07", "reversed"),
        ("2026/2025", "reversed"),
        ("", "empty"),
        ("   ", "empty"),
        ("soon", "not a date"),
        ("late Juvember 2025", "not a month"),
        ("2025-06-30/", "not a date"),
        ("2025/2026/2027", "exactly one"),
        ("0999", "outside"),
        ("2025年13月", "month 13"),
    ],
)
def test_impossible_input_is_rejected_with_an_error_quoting_it(raw, complaint):
    with pytest.raises(InvalidDate) as caught:
        parse_date(raw)
    assert repr(raw) in str(caught.value)
    assert complaint in str(caught.value)


def test_non_text_is_rejected_by_type():
    with pytest.raises(InvalidDate, match="must be text"):
        parse_date(20250630)  # type: ignore[arg-type]


def test_edtf_form_is_given_where_edtf_has_one():
    assert parse_date("2025-Q1").edtf == "2025-33"
    assert parse_date("2025-H2").edtf == "2025-41"
    assert parse_date("2025-07-07/2025-07-09").edtf == "2025-07-07/2025-07-09"
    assert parse_date("late 2023").edtf is None


def test_possible_and_certain_follow_the_bounds():
    mid_june = parse_date("mid-June 2025")
    assert mid_june.possibly_by(date(2025, 6, 15))
    assert not mid_june.certainly_by(date(2025, 6, 15))
    assert mid_june.certainly_by(date(2025, 6, 20))
    assert not mid_june.possibly_by(date(2025, 6, 10))


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
parts = st.sampled_from(["early", "mid", "late"])


@st.composite
def fuzzy_texts(draw):
    day = draw(days)
    form = draw(st.sampled_from(["day", "month", "year", "quarter", "half", "part_month", "part_year", "zh_day"]))
    return {
        "day": day.isoformat(),
        "month": f"{day:%Y-%m}",
        "year": f"{day:%Y}",
        "quarter": f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        "half": f"{day.year}-H{(day.month - 1) // 6 + 1}",
        "part_month": f"{draw(parts)} {day:%Y-%m}",
        "part_year": f"{draw(parts)} {day:%Y}",
        "zh_day": f"{day.year}年{day.month}月{day.day}日",
    }[form]


@given(fuzzy_texts())
def test_bounds_are_ordered_and_the_canonical_text_reads_back_the_same(raw):
    parsed = parse_date(raw)
    assert parsed.earliest <= parsed.latest
    again = parse_date(parsed.text)
    assert (again.text, again.earliest, again.latest) == (parsed.text, parsed.earliest, parsed.latest)


@given(days)
def test_every_coarser_form_of_a_day_contains_it(day):
    exact = parse_date(day.isoformat())
    for coarser in (
        f"{day:%Y-%m}",
        f"{day:%Y}",
        f"{day.year}-Q{(day.month - 1) // 3 + 1}",
        f"{day.year}-H{(day.month - 1) // 6 + 1}",
    ):
        assert parse_date(coarser).contains(exact)
    part = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
    assert parse_date(f"{part} {day:%Y-%m}").contains(exact)


@given(fuzzy_texts(), fuzzy_texts())
def test_intervals_span_from_the_start_to_the_end(first, second):
    a, b = sorted((parse_date(first), parse_date(second)), key=lambda d: d.sort_key)
    if a.latest > b.latest:
        return  # one contains the other: not an interval in this order
    interval = parse_date(f"{a.text}/{b.text}")
    assert (interval.earliest, interval.latest) == (a.earliest, b.latest)


@given(st.lists(fuzzy_texts(), min_size=2, max_size=8).flatmap(lambda xs: st.tuples(st.just(xs), st.permutations(xs))))
def test_sorting_is_deterministic_whatever_the_input_order(texts_and_shuffled):
    texts, shuffled = texts_and_shuffled
    parsed = [parse_date(t) for t in texts]
    forwards = sorted(parsed, key=lambda d: d.sort_key)
    backwards = sorted((parse_date(t) for t in shuffled), key=lambda d: d.sort_key)
    assert [d.text for d in forwards] == [d.text for d in backwards]
    assert all(x.earliest <= y.earliest for x, y in itertools.pairwise(forwards))


@given(days, st.integers(min_value=1, max_value=400))
def test_reversed_day_intervals_are_always_rejected(day, gap):
    later = day + timedelta(days=gap)
    with pytest.raises(InvalidDate, match="reversed"):
        parse_date(f"{later.isoformat()}/{day.isoformat()}")
