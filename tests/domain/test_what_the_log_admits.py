"""The domain's half of the boundary: text and numbers the store can keep and show, and retries
of corrections and retractions that append nothing."""

from decimal import Decimal
from uuid import uuid4

import pytest

from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted, InvalidDate, InvalidFact, InvalidMoney
from domain.facts import Fact
from domain.field_values import build_fields
from domain.money import Money, parse_money
from domain.names import normalise_name
from domain.sources import Source
from domain.text import check_text, refused_character
from domain.vocabulary import FactKind, Venue

SOURCE = Source("a.txt", parse_date("2025-07"), "a quote")


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("NUL\x00", "U+0000"),
        ("bell\x07", "U+0007"),
        ("del\x7f", "U+007F"),
        ("next line\x85", "U+0085"),
        ("right-to-left \u202e override", "U+202E"),
        ("isolate \u2066", "U+2066"),
        ("lone \ud800 surrogate", "U+D800"),
        ("two\nlines", "U+000A"),
        ("carriage\rreturn", "U+000D"),
    ],
)
def test_control_bidi_and_surrogate_characters_are_refused_in_one_line_text(text, refused):
    assert refused_character(text) == refused
    with pytest.raises(InvalidFact, match=refused.replace("+", r"\+")):
        check_text(text, "name")


def test_long_text_keeps_newlines_and_tabs_but_not_carriage_returns():
    assert check_text("one\n\ttwo", "quote", multiline=True) == "one\n\ttwo"
    assert refused_character("one\r\ntwo", multiline=True) == "U+000D"


def test_chinese_full_width_and_ordinary_marks_are_fine():
    for text in ("上海壁仞科技股份有限公司", "（Ｈ股）", "Zhipu · 智谱", "left-to-right mark \u200e"):
        assert refused_character(text) is None


def test_names_sources_dates_and_reasons_all_apply_the_rule():
    with pytest.raises(InvalidFact, match="company name"):
        normalise_name("Evil\u202eCorp")
    with pytest.raises(InvalidFact, match="quote"):
        Source("a.txt", parse_date("2025"), "bad\x00quote")
    with pytest.raises(InvalidDate, match="U\\+0000"):
        parse_date("2025\x00")
    fact = accepted()
    with pytest.raises(InvalidFact, match="reason"):
        fact.retract(reason="because\x1b[31m", sources=[SOURCE])


def test_counts_must_fit_a_signed_64_bit_integer():
    assert build_fields(FactKind.FUNDING_ROUND, {"rounds": 2**63 - 1}).as_dict()["rounds"] == 2**63 - 1
    with pytest.raises(InvalidFact, match="rounds"):
        build_fields(FactKind.FUNDING_ROUND, {"rounds": 2**63})


@pytest.mark.parametrize("amount", ["CNY 1" + "0" * 30, "USD 1e40", "CNY 0." + "0" * 20 + "1"])
def test_amounts_beyond_what_a_source_could_state_are_refused(amount):
    with pytest.raises(InvalidMoney):
        parse_money(amount)


def test_ordinary_amounts_keep_their_exact_value():
    assert parse_money("CNY 29.5 billion") == Money(Decimal("29500000000"), "CNY")  # type: ignore[arg-type]
    assert parse_money("HKD 5.583 billion").amount == Decimal("5583000000")


@pytest.mark.parametrize(
    "value", [10**5000, "1e999999", float("nan"), "Infinity"], ids=["5000 digits", "1e999999", "nan", "infinity"]
)
def test_statistics_refuse_numbers_that_cannot_be_stored_or_printed(value):
    with pytest.raises(InvalidFact):
        build_fields(FactKind.MARKET_STATISTIC, {"metric": "count", "value": value, "unit": "companies"})


def accepted() -> Fact:
    return Fact.record(
        kind=FactKind.ACCEPTED,
        subject_type="company",
        subject_id=uuid4(),
        venue=Venue.SSE_STAR,
        date=parse_date("late June 2025"),
        fields=None,
        sources=[SOURCE],
    )


def test_the_same_correction_again_appends_nothing_and_names_the_first():
    fact = accepted()
    assert fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30")) is None
    version = fact.version
    assert fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30")) == version
    assert fact.version == version


def test_a_retried_correction_answers_its_first_version_and_undoes_no_later_one():
    fact = accepted()
    fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30"))
    first = fact.version
    fact.correct(reason="the filing says the 27th", sources=[SOURCE], date=parse_date("2025-06-27"))
    later = fact.version
    assert fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30")) == first
    assert (fact.version, fact.date.text) == (later, "2025-06-27")


def test_the_same_reason_and_sources_are_one_statement_even_with_other_values():
    fact = accepted()
    fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30"))
    first = fact.version
    assert fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-29")) == first
    assert fact.date.text == "2025-06-30"


def test_a_retried_correction_of_a_fact_retracted_since_answers_its_first_version():
    fact = accepted()
    fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30"))
    first = fact.version
    fact.retract(reason="misreported", sources=[SOURCE])
    assert fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30")) == first


def test_a_source_whose_publication_date_was_made_precise_is_the_same_statement():
    fact = accepted()
    vague = Source("caixin.txt", parse_date("2025-07-11/2025-09-30"), "quote")
    fact.retract(reason="misreported", sources=[vague])
    first = fact.version
    precise = Source("caixin.txt", parse_date("2025-07-21"), "quote")
    assert fact.retract(reason="misreported", sources=[precise]) == first


def test_the_same_retraction_again_names_the_first_and_another_is_refused():
    fact = accepted()
    assert fact.retract(reason="misreported", sources=[SOURCE]) is None
    version = fact.version
    assert fact.retract(reason="misreported", sources=[SOURCE]) == version
    with pytest.raises(FactRetracted):
        fact.retract(reason="something else", sources=[SOURCE])


def test_retries_are_recognised_after_the_fact_is_read_back_from_its_events():
    fact = accepted()
    fact.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30"))
    events = fact.collect_events()
    replayed = None
    for event in events:
        replayed = event.mutate(replayed)
    assert replayed is not None
    assert replayed.correct(reason="exact day", sources=[SOURCE], date=parse_date("2025-06-30")) == 2
