"""Seed facts from documents outside the articles (cited by a statement in our own words), and
revisions of seed facts (corrections and retractions) that load once and keep history."""

from __future__ import annotations

import shutil

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from seeds.loading import load_seeds
from seeds.reading import SEED_DIR, read_seeds
from seeds.seed_set import SeedError

DISCLOSURE = """
  - document: test-disclosure
    kind: disclosure
    short: test-disclosure
    title: "A listing announcement"
    publisher: Shanghai Stock Exchange
    grade: primary_disclosure
    grade_reason: "The exchange's own notice."
    url: "https://example.com/notice.pdf"
    language: zh
    published: "2025-12-04"
"""
LATER_FACTS = """facts:
  - key: moore-threads/listed/sse-star/test
    document: test-disclosure
    kind: listed
    company: Moore Threads
    venue: SSE-STAR
    date: "2025-12-05"
    fields:
      stock_code: "688795"
    summary: "Moore Threads lists on the STAR Market"
    statement: "Moore Threads' shares start trading on the STAR Market on 5 December 2025 as 688795."
"""
REVISIONS = """corrections:
  - fact: moore-threads/accepted/sse-star
    venue: SSE-STAR
    fields:
      note: "accepted by the SSE"
    reason: "the exchange names the board"
    document: test-disclosure
    statement: "The exchange accepted the application for its STAR Market."
retractions:
  - fact: unisoc/withdrawn/sse-star/2020
    reason: "the article says Unisoc nearly filed; nothing was filed, so nothing was withdrawn"
    document: test-disclosure
    statement: "No STAR Market filing by Unisoc appears."
"""

SECOND_RETRACTION = """  - fact: unisoc/withdrawn/sse-star/2020
    reason: "another reason"
    document: test-disclosure
    statement: "Another reading."
"""


def seeds_with(tmp_path, later: str = LATER_FACTS, revisions: str = REVISIONS, disclosure: str = DISCLOSURE):
    copy = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    documents = copy / "documents.yaml"
    documents.write_text(documents.read_text(encoding="utf-8") + disclosure, encoding="utf-8")
    (copy / "facts" / "zz-later-test.yaml").write_text(later, encoding="utf-8")
    (copy / "revisions.yaml").write_text(revisions, encoding="utf-8")
    return copy


@pytest.fixture
def app(sqlite_url):
    application = TimelineApplication(environment_for(sqlite_url))
    yield application
    application.close()


def test_a_disclosure_fact_carries_its_url_title_publisher_and_our_statement(app, tmp_path):
    load_seeds(app, seeds_with(tmp_path))
    listed = [f for f in app.company_facts("Moore Threads") if f["kind"] == "listed"]
    # The real seeds also record this listing (facts/later-disclosures.yaml): pick the test's source.
    [source] = [s for s in listed[0]["sources"] if s["document"] == "test-disclosure"]
    assert source["kind"] == "disclosure"
    assert source["url"] == "https://example.com/notice.pdf"
    assert source["publisher"] == "Shanghai Stock Exchange"
    assert "quote" not in source
    assert listed[0]["fields"]["stock_code"] == "688795"


def test_revisions_apply_once_and_keep_the_earlier_belief_in_history(app, tmp_path):
    seeds = seeds_with(tmp_path)
    load_seeds(app, seeds)
    again = load_seeds(app, seeds)
    assert again.appended == 0
    withdrawn = next(f for f in app.company_facts("Unisoc") if f["kind"] == "withdrawn")
    assert withdrawn["retracted"] is True
    assert [step["step"] for step in withdrawn["history"]] == ["recorded", "retracted"]
    accepted = next(f for f in app.company_facts("Moore Threads") if f["kind"] == "accepted")
    assert [step["step"] for step in accepted["history"]][-1] == "corrected"
    assert accepted["fields"]["note"] == "accepted by the SSE"


@pytest.mark.parametrize(
    ("later", "revisions", "named"),
    [
        (LATER_FACTS.replace("statement:", "quote:"), REVISIONS, "no 'quote'"),
        (
            LATER_FACTS,
            REVISIONS.replace("fact: unisoc/withdrawn/sse-star/2020", "fact: nobody/nothing"),
            "nobody/nothing",
        ),
        (
            LATER_FACTS,
            REVISIONS.replace('    venue: SSE-STAR\n    fields:\n      note: "accepted by the SSE"\n', ""),
            "changes nothing",
        ),
        (LATER_FACTS, REVISIONS + SECOND_RETRACTION, "was retracted"),
    ],
)
def test_a_broken_revision_or_later_fact_is_rejected_whole(app, tmp_path, later, revisions, named):
    with pytest.raises(SeedError) as caught:
        load_seeds(app, seeds_with(tmp_path, later, revisions))
    assert named in str(caught.value)
    assert app.position() == 0


def test_a_document_outside_the_articles_needs_a_url_title_and_publisher(tmp_path):
    with pytest.raises(SeedError, match="needs a url"):
        read_seeds(
            seeds_with(tmp_path, disclosure=DISCLOSURE.replace('    url: "https://example.com/notice.pdf"\n', ""))
        )
