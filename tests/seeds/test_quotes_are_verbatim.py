"""Every quote in the seed files is found, character for character, in its article."""

from __future__ import annotations

import re

from seeds.reading import read_seeds


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_appears_verbatim_in_its_source_article(articles):
    texts = {path.name: squash(path.read_text(encoding="utf-8")) for path in articles.glob("*.txt")}
    missing = [
        (source.document, source.quote)
        for fact in read_seeds().facts
        for source in fact.sources
        if source.kind == "article" and squash(source.quote or "") not in texts[source.document]
    ]
    assert missing == []


def test_every_company_name_appears_in_some_article(articles):
    corpus = " ".join(squash(path.read_text(encoding="utf-8")) for path in articles.glob("*.txt")).casefold()
    unnamed = [
        name
        for company in read_seeds().companies
        if not company.documents  # named only by later documents (they list them)
        for name in (company.name, *company.aliases)
        if squash(name).casefold() not in corpus
    ]
    assert unnamed == []
