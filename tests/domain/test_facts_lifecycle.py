"""A fact from its recording to its corrections and retraction: what is kept, what is refused,
and which repeated statements are recognised as retries."""

from typing import Any
from uuid import UUID, uuid4

import pytest

from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted, InvalidFact
from domain.facts import MAX_REASON_CHARS, Fact, fact_id_for, fact_key
from domain.field_values import build_fields
from domain.sources import Source, SourceKind
from domain.vocabulary import FactKind, Venue

SUBJECT = UUID("00000000-0000-0000-0000-000000000001")


def caixin(**overrides: Any) -> Source:
    arguments = {"document": "caixin.txt", "published": parse_date("2025-07"), "quote": "Late June 2025: ..."}
    return Source(**{**arguments, **overrides})


def xinhua(**overrides: Any) -> Source:
    arguments = {"document": "xinhua.txt", "published": parse_date("2025-07-03"), "quote": "On June 30 ..."}
    return Source(**{**arguments, **overrides})


def accepted(**overrides: Any) -> Fact:
    arguments = {
        "kind": FactKind.ACCEPTED,
        "subject_type": "company",
        "subject_id": uuid4(),
        "venue": Venue.SSE_STAR,
        "date": parse_date("late June 2025"),
        "fields": {"amount_sought": "CNY 8 billion"},
        "sources": [caixin()],
    }
    return Fact.record(**{**arguments, **overrides})


def statistic(**overrides: Any) -> Fact:
    arguments = {
        "kind": FactKind.MARKET_STATISTIC,
        "subject_type": "market",
        "subject_id": uuid4(),
        "venue": None,
        "date": parse_date("2024"),
        "fields": {"metric": "ipo_count", "value": 5, "unit": "companies", "period": "2024"},
        "sources": [caixin()],
    }
    return Fact.record(**{**arguments, **overrides})


# Identity ---------------------------------------------------------------------------------------


def test_a_fact_key_and_id_never_change_between_versions() -> None:
    fields = build_fields(FactKind.ACCEPTED, None)
    key = fact_key(SUBJECT, FactKind.ACCEPTED, Venue.SSE_STAR, parse_date("late June 2025"), fields)
    assert key == "00000000-0000-0000-0000-000000000001|accepted|SSE-STAR|late 2025-06|"
    assert fact_id_for(key) == UUID("0f3308a9-2c00-5f47-813c-ef7272623b14")


def test_a_market_fact_without_a_venue_leaves_that_part_of_its_key_empty() -> None:
    fact = statistic(subject_id=SUBJECT)
    assert fact.key == "00000000-0000-0000-0000-000000000001|market_statistic||2024|ipo_count|2024"
    assert fact.id == UUID("4cfffb5c-f713-5360-a90b-b3d845aa34f2")


def test_the_same_report_about_two_companies_is_two_facts() -> None:
    assert accepted(subject_id=uuid4()).id != accepted(subject_id=uuid4()).id


# Recording --------------------------------------------------------------------------------------


def test_a_recorded_fact_keeps_everything_it_was_given() -> None:
    subject = uuid4()
    fact = accepted(subject_id=subject, summary="  Accepted on the STAR Market.\nWith a note.  ")
    assert (fact.kind, fact.subject_type, fact.subject_id, fact.venue) == (
        FactKind.ACCEPTED,
        "company",
        subject,
        Venue.SSE_STAR,
    )
    assert fact.date == parse_date("late June 2025")
    assert fact.fields == build_fields(FactKind.ACCEPTED, {"amount_sought": "CNY 8 billion"})
    assert fact.summary == "Accepted on the STAR Market.\nWith a note."
    assert [source.document for source in fact.sources] == ["caixin.txt"]
    assert fact.retracted is False


def test_fields_already_built_are_recorded_as_they_are() -> None:
    fields = build_fields(FactKind.ACCEPTED, {"regulator": "SSE"})
    assert accepted(fields=fields).fields is fields


def test_a_blank_summary_is_no_summary() -> None:
    assert accepted(summary="   ").summary is None
    assert accepted().summary is None


@pytest.mark.parametrize("summary", [5, "s" * (MAX_REASON_CHARS + 1)])
def test_a_summary_is_text_of_at_most_2000_characters(summary: object) -> None:
    with pytest.raises(InvalidFact, match="summary must be text of at most 2000 characters"):
        accepted(summary=summary)


def test_a_summary_of_2000_characters_is_kept() -> None:
    assert accepted(summary="s" * MAX_REASON_CHARS).summary == "s" * MAX_REASON_CHARS


def test_a_summary_with_a_control_character_is_refused_naming_the_summary() -> None:
    with pytest.raises(InvalidFact, match=r"^summary contains the control or bidi character U\+0000"):
        accepted(summary="bad\x00")


def test_a_fact_without_sources_is_refused_naming_its_kind() -> None:
    with pytest.raises(InvalidFact, match=r"^accepted fact needs at least one source$"):
        accepted(sources=[])


# Corroborating ----------------------------------------------------------------------------------


def test_corroborating_with_something_that_is_not_a_source_is_refused_naming_the_fact() -> None:
    fact = accepted()
    with pytest.raises(InvalidFact, match=f"^corroboration of fact {fact.id}: 'xinhua.txt' is not a Source$"):
        fact.corroborate("xinhua.txt")  # type: ignore[arg-type]


def test_a_retracted_fact_takes_no_new_source_and_says_so() -> None:
    fact = accepted()
    fact.retract(reason="misreported", sources=[xinhua()])
    with pytest.raises(FactRetracted, match=f"fact {fact.id} was retracted"):
        fact.corroborate(xinhua(document="reuters.txt"))


# Correcting -------------------------------------------------------------------------------------


def test_a_correction_moves_a_stage_fact_to_another_venue() -> None:
    fact = accepted()
    assert fact.correct(reason="it was Hong Kong", sources=[xinhua()], venue=Venue.HKEX_MAIN) is None
    assert fact.venue is Venue.HKEX_MAIN


def test_a_market_fact_may_be_corrected_to_name_a_venue() -> None:
    fact = statistic()
    fact.correct(reason="the STAR Market only", sources=[xinhua()], venue=Venue.SSE_STAR)
    assert fact.venue is Venue.SSE_STAR


def test_a_correction_refuses_a_blank_reason_naming_the_fact() -> None:
    fact = accepted()
    with pytest.raises(InvalidFact, match=f"^correction of fact {fact.id} needs a reason$"):
        fact.correct(reason=" ", sources=[xinhua()], date=parse_date("2025-06-30"))


def test_a_correction_without_sources_is_refused_naming_the_fact() -> None:
    fact = accepted()
    with pytest.raises(InvalidFact, match=f"^correction of fact {fact.id} needs at least one source$"):
        fact.correct(reason="why", sources=[], date=parse_date("2025-06-30"))


def test_a_reason_may_span_lines_and_hold_up_to_2000_characters() -> None:
    fact = accepted()
    fact.correct(reason="line one\nline two", sources=[xinhua()], date=parse_date("2025-06-30"))
    fact.correct(reason="r" * MAX_REASON_CHARS, sources=[xinhua()], date=parse_date("2025-06-29"))
    assert fact.date.text == "2025-06-29"
    with pytest.raises(InvalidFact, match="reason is longer than 2000 characters"):
        fact.correct(reason="r" * (MAX_REASON_CHARS + 1), sources=[xinhua()], date=parse_date("2025-06-28"))


# Retries ----------------------------------------------------------------------------------------


def test_the_same_venue_correction_again_is_a_retry() -> None:
    fact = accepted()
    fact.correct(reason="it was Hong Kong", sources=[xinhua()], venue=Venue.HKEX_MAIN)
    version = fact.version
    assert fact.correct(reason="it was Hong Kong", sources=[xinhua()], venue=Venue.HKEX_MAIN) == version
    assert fact.version == version


def test_the_same_reason_and_sources_with_another_venue_is_the_first_correction_again() -> None:
    fact = accepted()
    fact.correct(reason="it was Hong Kong", sources=[xinhua()], venue=Venue.HKEX_MAIN)
    version = fact.version
    assert fact.correct(reason="it was Hong Kong", sources=[xinhua()], venue=Venue.HKEX_GEM) == version
    assert fact.venue is Venue.HKEX_MAIN


def test_the_same_fields_correction_again_is_a_retry() -> None:
    fact = accepted()
    fact.correct(reason="regulator named", sources=[xinhua()], fields={"regulator": "SSE"})
    version = fact.version
    assert fact.correct(reason="regulator named", sources=[xinhua()], fields={"regulator": "SSE"}) == version


def test_the_same_reason_and_sources_with_other_fields_is_the_first_correction_again() -> None:
    fact = accepted()
    fact.correct(reason="regulator named", sources=[xinhua()], fields={"regulator": "SSE"})
    version = fact.version
    assert fact.correct(reason="regulator named", sources=[xinhua()], fields={"regulator": "CSRC"}) == version
    assert fact.fields.as_dict()["regulator"] == "SSE"


def test_the_same_reason_citing_another_source_is_a_new_statement() -> None:
    fact = accepted()
    fact.correct(reason="exact day", sources=[xinhua()], date=parse_date("2025-06-30"))
    version = fact.version
    assert (
        fact.correct(reason="exact day", sources=[xinhua(document="reuters.txt")], date=parse_date("2025-06-30"))
        is None
    )
    assert fact.version == version + 1


@pytest.mark.parametrize(
    "other",
    [{"url": "https://example.com/b"}, {"date_text": "30 June"}],
    ids=["another url", "another wording of the date"],
)
def test_citing_the_same_document_differently_is_a_new_statement(other: dict[str, str]) -> None:
    fact = accepted()
    first = xinhua(url="https://example.com/a", date_text="June 30")
    fact.correct(reason="exact day", sources=[first], date=parse_date("2025-06-30"))
    version = fact.version
    second = xinhua(**{"url": first.url, "date_text": first.date_text, **other})
    assert fact.correct(reason="exact day", sources=[second], date=parse_date("2025-06-30")) is None
    assert fact.version == version + 1


def test_a_retraction_refuses_a_blank_reason_or_no_sources_naming_the_fact() -> None:
    fact = accepted()
    with pytest.raises(InvalidFact, match=f"^retraction of fact {fact.id} needs a reason$"):
        fact.retract(reason="", sources=[xinhua()])
    with pytest.raises(InvalidFact, match=f"^retraction of fact {fact.id} needs at least one source$"):
        fact.retract(reason="misreported", sources=[])


def test_a_retraction_may_cite_a_disclosure() -> None:
    fact = accepted()
    notice = Source(
        "sse-notice",
        parse_date("2025-07-10"),
        kind=SourceKind.DISCLOSURE,
        url="https://www.sse.com.cn/notice",
        title="Termination notice",
        publisher="SSE",
        statement="The application was withdrawn.",
    )
    assert fact.retract(reason="withdrawn", sources=[notice]) is None
    assert fact.retracted is True
    assert fact.retract(reason="withdrawn", sources=[notice]) == fact.version
