"""A cited document: its citation is checked like a source's, its grade is one of three, ranked, and describing
it as it stands raises nothing."""

from __future__ import annotations

import re

import pytest

from domain.dates.date_parsing import parse_date
from domain.errors import InvalidFact
from domain.sources import Citation, Document, SourceGrade

DAY = parse_date("2025-12-03")


def citation(**changes: object) -> Citation:
    values: dict[str, object] = {
        "kind": "disclosure",
        "title": "上市公告书",
        "publisher": "Shanghai Stock Exchange",
        "published": DAY,
        "grade": "primary_disclosure",
        "grade_reason": "The exchange's own notice.",
        "url": "https://example.com/notice",
        "language": "zh",
    }
    return Citation(**(values | changes))  # type: ignore[arg-type]


def test_grades_rank_primary_disclosure_over_reputable_report_over_other():
    ranks = [grade.rank for grade in (SourceGrade.PRIMARY_DISCLOSURE, SourceGrade.REPUTABLE_REPORT, SourceGrade.OTHER)]
    assert ranks == sorted(ranks, reverse=True)
    assert len(set(ranks)) == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"grade": "excellent"}, "grade 'excellent' is not one of primary_disclosure, reputable_report, other"),
        ({"grade_reason": " "}, "grade_reason is required"),
        ({"url": None}, "a disclosure needs a url"),
        ({"url": "ftp://example.com"}, "is not an http(s) URL"),
        ({"language": "fr"}, "language 'fr' is not one of"),
        ({"title": "a\u202etitle"}, "U+202E"),
        ({"kind": "rumour"}, "document kind 'rumour'"),
    ],
)
def test_a_citation_the_log_would_not_admit_is_refused_naming_the_field(changes, message):
    with pytest.raises(InvalidFact, match=re.escape(message)):
        citation(**changes)


def test_an_article_may_have_no_link():
    assert citation(kind="article", url=None, grade="reputable_report").url is None


def test_describing_a_document_as_it_stands_raises_no_event_and_a_change_raises_one():
    document = Document.register("sse-notice", citation())
    assert document.describe(citation()) is False
    assert document.describe(citation(grade="reputable_report")) is True
    assert [type(event).__qualname__ for event in document.collect_events()] == [
        "Document.Registered",
        "Document.Described",
    ]
    assert document.citation.grade is SourceGrade.REPUTABLE_REPORT
    assert Document.create_id("SSE-Notice ") == document.id  # known by the source's document key
