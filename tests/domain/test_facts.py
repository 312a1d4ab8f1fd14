from uuid import uuid4

import pytest

from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted, InvalidFact
from domain.facts import Fact
from domain.field_values import build_fields
from domain.sources import Source
from domain.vocabulary import FactKind, Venue, parse_kind, parse_venue

CAIXIN = Source("caixin.txt", parse_date("2025-07"), "Late June 2025: Moore Threads and MetaX ...")
XINHUA = Source("xinhua.txt", parse_date("2025-07-03/2025-07-21"), "On June 30 ...")


def accepted(**overrides):
    arguments = {
        "kind": FactKind.ACCEPTED,
        "subject_type": "company",
        "subject_id": uuid4(),
        "venue": Venue.SSE_STAR,
        "date": parse_date("late June 2025"),
        "fields": {"amount_sought": "CNY 8 billion"},
        "sources": [CAIXIN],
    }
    return Fact.record(**{**arguments, **overrides})


def test_the_same_report_gives_the_same_fact_id():
    subject = uuid4()
    assert accepted(subject_id=subject).id == accepted(subject_id=subject).id


def test_a_different_date_or_venue_is_a_different_fact():
    subject = uuid4()
    base = accepted(subject_id=subject)
    assert accepted(subject_id=subject, date=parse_date("2025-06-30")).id != base.id
    assert accepted(subject_id=subject, venue=Venue.HKEX_MAIN).id != base.id


def test_two_statistics_of_one_day_are_told_apart_by_metric():
    market = uuid4()

    def stat(metric):
        return Fact.record(
            kind=FactKind.MARKET_STATISTIC,
            subject_type="market",
            subject_id=market,
            venue=None,
            date=parse_date("2024"),
            fields={"metric": metric, "value": 54, "unit": "companies"},
            sources=[CAIXIN],
        )

    assert stat("unprofitable_listed").id != stat("u_mark_removed").id


def test_stage_facts_need_a_venue():
    with pytest.raises(InvalidFact, match="accepted needs a venue"):
        accepted(venue=None)


def test_market_facts_cannot_be_about_a_company_and_the_reverse():
    with pytest.raises(InvalidFact, match="market fact"):
        accepted(kind=FactKind.POLICY_ANNOUNCED, fields={"title": "1+6"})
    with pytest.raises(InvalidFact, match="company fact"):
        accepted(subject_type="market")


def test_a_fact_without_sources_is_refused():
    with pytest.raises(InvalidFact, match="at least one source"):
        accepted(sources=[])


def test_unknown_kinds_venues_and_fields_are_named_in_the_error():
    with pytest.raises(InvalidFact, match="'ipo_party'"):
        parse_kind("ipo_party")
    with pytest.raises(InvalidFact, match="'NASDAQ-XYZ'"):
        parse_venue("NASDAQ-XYZ")
    with pytest.raises(InvalidFact, match="unknown field 'moon'"):
        accepted(fields={"moon": "full"})
    with pytest.raises(InvalidFact, match="'valuation' is required"):
        build_fields(FactKind.VALUATION_REPORTED, {})
    with pytest.raises(InvalidFact, match=r"funding_round\.rounds"):
        build_fields(FactKind.FUNDING_ROUND, {"rounds": "two"})


def test_corroborating_with_a_known_source_changes_nothing():
    fact = accepted()
    assert fact.corroborate(CAIXIN) is False
    assert fact.corroborate(XINHUA) is True
    assert [s.document for s in fact.sources] == ["caixin.txt", "xinhua.txt"]
    assert len(fact.collect_events()) == 2


def test_a_correction_moves_the_date_and_keeps_unchanged_fields():
    fact = accepted()
    fact.correct(
        reason="Xinhua gives the day", sources=[XINHUA], date=parse_date("2025-06-30"), fields={"regulator": "SSE"}
    )
    assert fact.date.text == "2025-06-30"
    assert (
        fact.fields.as_dict()["amount_sought"]
        == build_fields(FactKind.ACCEPTED, {"amount_sought": "CNY 8 billion"}).amount_sought
    )
    assert fact.fields.as_dict()["regulator"] == "SSE"


def test_a_correction_needs_a_reason_sources_and_a_change():
    fact = accepted()
    with pytest.raises(InvalidFact, match="needs a reason"):
        fact.correct(reason=" ", sources=[XINHUA], date=parse_date("2025-06-30"))
    with pytest.raises(InvalidFact, match="at least one source"):
        fact.correct(reason="why", sources=[], date=parse_date("2025-06-30"))
    with pytest.raises(InvalidFact, match="changes nothing"):
        fact.correct(reason="why", sources=[XINHUA])


def test_a_retracted_fact_cannot_be_retracted_again_or_corrected():
    fact = accepted()
    fact.retract(reason="misreported", sources=[XINHUA])
    with pytest.raises(FactRetracted):
        fact.retract(reason="again", sources=[XINHUA])
    with pytest.raises(FactRetracted):
        fact.correct(reason="late", sources=[XINHUA], date=parse_date("2025-06-30"))


def test_sources_need_a_document_and_a_quote():
    with pytest.raises(InvalidFact, match="document is required"):
        Source(" ", parse_date("2025"), "quote")
    with pytest.raises(InvalidFact, match="quote is required"):
        Source("doc.txt", parse_date("2025"), "")
    with pytest.raises(InvalidFact, match="not an http"):
        Source("doc.txt", parse_date("2025"), "q", url="ftp://x")
