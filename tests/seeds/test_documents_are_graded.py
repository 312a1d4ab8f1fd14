"""Every document of documents.yaml has a grade with its reason, by the rule seeds/README.md gives
("Citations and grades"): disclosures are primary, the AI-written commentary and unsigned pages are other."""

from __future__ import annotations

from domain.sources import SourceGrade, SourceKind
from seeds.reading import SEED_DIR, read_seeds

COMMENTARY = "004_4e176088b89923bf.txt"


def test_every_disclosure_is_a_primary_disclosure_and_nothing_else_is():
    for document, citation in read_seeds().documents:
        disclosure = citation.kind is SourceKind.DISCLOSURE
        assert (citation.grade is SourceGrade.PRIMARY_DISCLOSURE) == disclosure, document


def test_the_commentary_and_pages_naming_no_publisher_are_other():
    citations = dict(read_seeds().documents)
    assert citations[COMMENTARY].grade is SourceGrade.OTHER
    unnamed = [c for c in citations.values() if "publisher not named" in c.publisher]
    assert unnamed
    assert all(c.grade is SourceGrade.OTHER for c in unnamed)


def test_the_caixin_cover_story_is_a_reputable_report_with_its_link_and_date():
    caixin = dict(read_seeds().documents)["000_bd29c5250f60b916.txt"]
    assert caixin.grade is SourceGrade.REPUTABLE_REPORT
    assert caixin.published.text == "2025-07-21"
    assert caixin.url is not None
    assert "/2025-07-21/" in caixin.url


def test_every_document_of_the_files_is_recorded_once():
    documents = [document for document, _citation in read_seeds().documents]
    listed = (SEED_DIR / "documents.yaml").read_text(encoding="utf-8").count("\n  - document: ")
    assert len(documents) == len(set(documents)) == listed
