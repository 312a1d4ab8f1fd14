"""Sources: an article is cited by a verbatim quote, any other document by a statement in our words."""

from typing import Any

import pytest

from domain.dates.date_parsing import parse_date
from domain.errors import InvalidFact
from domain.sources import MAX_QUOTE_CHARS, MAX_TITLE_CHARS, Source, SourceKind, require_sources


def article(**overrides: Any) -> Source:
    arguments = {"document": "caixin.txt", "published": parse_date("2025-07"), "quote": "Late June 2025: ..."}
    return Source(**{**arguments, **overrides})


def disclosure(**overrides: Any) -> Source:
    arguments = {
        "document": "sse-2025-0630",
        "published": parse_date("2025-06-30"),
        "kind": SourceKind.DISCLOSURE,
        "url": "https://www.sse.com.cn/notice/0630",
        "title": "Acceptance notice",
        "publisher": "SSE",
        "statement": "The SSE accepted the application on 30 June 2025.",
    }
    return Source(**{**arguments, **overrides})


def test_an_article_keeps_its_quote_and_is_an_article() -> None:
    source = article(quote="one\nparagraph\tand the next")
    assert source.quote == "one\nparagraph\tand the next"
    assert source.kind is SourceKind.ARTICLE


@pytest.mark.parametrize("kind", ["disclosure", "report"])
def test_a_disclosure_or_report_with_url_title_publisher_and_statement_is_accepted(kind: str) -> None:
    source = disclosure(kind=kind, statement="Accepted.\nOn 30 June.")
    assert source.kind is SourceKind(kind)
    assert (source.url, source.title, source.publisher) == (
        "https://www.sse.com.cn/notice/0630",
        "Acceptance notice",
        "SSE",
    )


def test_both_http_and_https_urls_are_accepted() -> None:
    assert article(url="http://example.com/a").url == "http://example.com/a"
    assert article(url="https://example.com/a").url == "https://example.com/a"


@pytest.mark.parametrize("missing", ["url", "title", "publisher"])
def test_a_disclosure_needs_a_url_a_title_and_a_publisher(missing: str) -> None:
    with pytest.raises(InvalidFact, match=f"^source 'sse-2025-0630': a disclosure needs a {missing}$"):
        disclosure(**{missing: None})


def test_a_disclosure_needs_the_fact_in_our_own_words() -> None:
    with pytest.raises(InvalidFact, match=r"statement is required \(the fact in our own words\)"):
        disclosure(statement=None)


def test_a_disclosure_is_never_cited_by_a_quote() -> None:
    with pytest.raises(InvalidFact, match="is cited by a statement in our own words, never a quote"):
        disclosure(quote="copied text")


def test_an_article_needs_a_quote_and_is_never_cited_by_a_statement() -> None:
    with pytest.raises(InvalidFact, match=r"quote is required \(a short verbatim quote\)"):
        article(quote=None)
    with pytest.raises(InvalidFact, match="an article is cited by its quote, not a statement"):
        article(statement="in our words")


def test_the_kind_of_source_must_be_one_we_know() -> None:
    with pytest.raises(InvalidFact, match="kind 'tweet' is not one of article, disclosure, report"):
        article(kind="tweet")


def test_the_publication_date_must_be_a_date() -> None:
    with pytest.raises(InvalidFact, match=r"source 'caixin\.txt': published must be a date"):
        article(published="2025-07")


def test_a_document_name_with_a_control_character_is_refused_naming_the_document_field() -> None:
    with pytest.raises(InvalidFact, match=r"^source\.document contains the control or bidi character U\+0000"):
        article(document="caixin\x00.txt")


@pytest.mark.parametrize("field", ["title", "publisher", "date_text"])
def test_short_fields_hold_up_to_500_characters(field: str) -> None:
    assert getattr(disclosure(**{field: "x" * MAX_TITLE_CHARS}), field) == "x" * MAX_TITLE_CHARS
    with pytest.raises(InvalidFact, match=f"{field} must be text of at most 500 characters"):
        disclosure(**{field: "x" * (MAX_TITLE_CHARS + 1)})


@pytest.mark.parametrize("value", ["   ", 5])
def test_short_fields_must_be_non_blank_text(value: object) -> None:
    with pytest.raises(InvalidFact, match="title must be text of at most 500 characters"):
        disclosure(title=value)


def test_short_fields_hold_one_line_only_and_say_which_field_is_wrong() -> None:
    with pytest.raises(
        InvalidFact, match=r"^source 'sse-2025-0630': title contains the control or bidi character U\+000A"
    ):
        disclosure(title="Acceptance\nnotice")


def test_quotes_and_statements_hold_up_to_2000_characters() -> None:
    assert article(quote="q" * MAX_QUOTE_CHARS).quote == "q" * MAX_QUOTE_CHARS
    with pytest.raises(InvalidFact, match="quote is longer than 2000 characters"):
        article(quote="q" * (MAX_QUOTE_CHARS + 1))
    with pytest.raises(InvalidFact, match="statement is longer than 2000 characters"):
        disclosure(statement="s" * (MAX_QUOTE_CHARS + 1))


def test_a_source_is_known_again_by_its_document_whatever_its_case_and_spacing() -> None:
    assert article(document=" Caixin.TXT ").key == article().key == "caixin.txt"


def test_a_list_of_sources_must_hold_only_sources() -> None:
    with pytest.raises(InvalidFact, match=r"^a fact: 'caixin\.txt' is not a Source$"):
        require_sources([article(), "caixin.txt"], "a fact")


def test_the_same_document_twice_is_one_source_too_many() -> None:
    with pytest.raises(InvalidFact, match=r"^a fact: the same document is given twice as a source$"):
        require_sources([article(), article(document="CAIXIN.txt", quote="another passage")], "a fact")


def test_valid_sources_come_back_as_a_tuple() -> None:
    sources = [article(), disclosure()]
    assert require_sources(sources, "a fact") == tuple(sources)


@pytest.mark.parametrize("document", ["", "   ", None])
def test_a_source_needs_a_document(document: object) -> None:
    with pytest.raises(InvalidFact, match=r"^source\.document is required$"):
        article(document=document)
