"""Sources as a journalist cites them: each source of an answer gets its document's citation and grade.

A source in the log names its document (``000_bd29c5250f60b916.txt``, ``sse-688795-listing-announcement``);
the document's title, publisher, link, language and quality grade are events of their own
(``Document.Registered``/``Described``, read model ``rm_documents``). An answer's sources get them as known
at the answer's knowledge position, so an answer pinned to a position stays the same bytes whatever is
described later. What a source recorded itself (a disclosure's title, publisher and link) is kept; the
document adds what it lacks, and the grade. A source whose document was never registered stays as recorded,
without a grade.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from domain.sources import SourceGrade, document_key
from projections.clocks import Clocks
from projections.store.read_store import ReadStore, key_chunks

#: What a source takes from its document when it lacks it.
_CITED = ("title", "publisher", "url", "language")


def grade_rank(grade: str | None) -> int:
    """The rank a ``min_source_grade`` asks for: 0 (every fact counts) when none is asked."""
    return SourceGrade(grade).rank if grade else 0


def grade_filter(p: str, clocks: Clocks) -> tuple[str, list[Any]]:
    """SQL to AND to a WHERE over fact versions ``v``, and its parameters: with ``clocks.min_grade``, the
    version has a source public by ``published_by`` whose document had at least that grade at ``known_at``
    (a source whose document was never graded has none); without it, nothing."""
    if not clocks.min_grade:
        return "", []
    return (
        f" AND EXISTS (SELECT 1 FROM rm_fact_sources gs JOIN rm_documents gd ON gd.document_key = gs.document_key"
        f" WHERE gs.version_id = v.version_id AND gs.published <= {p}"
        f" AND gd.rec_from <= {p} AND gd.rec_to > {p} AND gd.grade_rank >= {p})",
        [clocks.publication_day, clocks.known_at, clocks.known_at, clocks.min_grade],
    )


class Citations:
    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def cite(self, answer: Any, known_at: int) -> None:
        """Every source anywhere in ``answer`` (changed in place) with its document's citation at ``known_at``."""
        sources = list(_sources(answer))
        if not sources:
            return
        documents = self.documents({document_key(source["document"]) for source in sources}, known_at)
        for source in sources:
            document = documents.get(document_key(source["document"]))
            if document is None:
                continue
            for name in _CITED:
                if source.get(name) is None and document[name] is not None:
                    source[name] = document[name]
            source["grade"] = document["grade"]
            source["grade_reason"] = document["grade_reason"]

    def documents(self, keys: set[str], known_at: int) -> dict[str, dict[str, Any]]:
        """The citation of each document of ``keys`` as believed at ``known_at``."""
        p = self.store.p
        found: dict[str, dict[str, Any]] = {}
        for chunk in key_chunks(sorted(keys)):
            rows = self.store.query(
                f"""SELECT document_key, title, publisher, url, language, grade, grade_reason
                FROM rm_documents WHERE rec_from <= {p} AND rec_to > {p}
                AND document_key IN ({", ".join([p] * len(chunk))})""",
                (known_at, known_at, *chunk),
            )
            for key, title, publisher, url, language, grade, reason in rows:
                found[key] = {
                    "title": title,
                    "publisher": publisher,
                    "url": url,
                    "language": language,
                    "grade": grade,
                    "grade_reason": reason,
                }
        return found


def _sources(value: Any) -> Iterator[dict[str, Any]]:
    """The source objects of an answer: dicts under a ``sources`` list or a ``source`` key, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from (source for source in item if isinstance(source, dict) and "document" in source)
            elif key == "source" and isinstance(item, dict) and "document" in item:
                yield item
            elif isinstance(item, (dict, list)):
                yield from _sources(item)
    elif isinstance(value, list):
        for item in value:
            yield from _sources(item)
