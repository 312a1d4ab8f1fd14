"""The cited documents' read model: each document's citation and grade as believed between two log positions.

A source in the log names only its document; answers show the document's title, publisher, link and grade
from here (projections/queries/labels/sources.py), as known at the answer's ``known_at``, so an answer pinned
to a position from before a document was described stays the same bytes. Documents are few (one per
cited page), so each event is written as it comes, in the batch's transaction.
"""

from __future__ import annotations

from typing import Any

import orjson

from domain.plain import plain
from domain.sources import SourceGrade, document_key
from projections.clocks import MAX_POSITION
from projections.store.read_store import Cursor

TABLE = """CREATE TABLE IF NOT EXISTS rm_documents (
    document_id TEXT NOT NULL, document_key TEXT NOT NULL, document TEXT NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, publisher TEXT NOT NULL, url TEXT, language TEXT, published TEXT NOT NULL,
    grade TEXT NOT NULL, grade_rank INTEGER NOT NULL, grade_reason TEXT NOT NULL,
    rec_from BIGINT NOT NULL, rec_to BIGINT NOT NULL, PRIMARY KEY (document_key, rec_from))"""
INDEXES = ["CREATE INDEX IF NOT EXISTS rm_documents_id ON rm_documents (document_id, rec_to)"]

_COLUMNS = """document_id, document_key, document, kind, title, publisher, url, language, published, grade,
    grade_rank, grade_reason, rec_from, rec_to"""


def registered(cursor: Cursor, p: str, position: int, event: Any) -> None:
    _insert(cursor, p, position, str(event.originator_id), document_key(event.document), event.document, event)


def described(cursor: Cursor, p: str, position: int, event: Any) -> None:
    """The citation as described from ``position``; the one it replaces ends there."""
    document_id = str(event.originator_id)
    cursor.execute(
        f"SELECT document_key, document FROM rm_documents WHERE document_id = {p} AND rec_to = {p}",
        (document_id, MAX_POSITION),
    )
    row = cursor.fetchone()
    if row is None:
        raise LookupError(f"no document {document_id}")
    cursor.execute(
        f"UPDATE rm_documents SET rec_to = {p} WHERE document_id = {p} AND rec_to = {p}",
        (position, document_id, MAX_POSITION),
    )
    _insert(cursor, p, position, document_id, row[0], row[1], event)


def _insert(cursor: Cursor, p: str, position: int, document_id: str, key: str, document: str, event: Any) -> None:
    grade = SourceGrade(event.grade)
    cursor.execute(
        f"INSERT INTO rm_documents ({_COLUMNS}) VALUES ({', '.join([p] * 14)})",
        (
            document_id,
            key,
            document,
            str(event.kind),
            event.title,
            event.publisher,
            event.url,
            event.language,
            orjson.dumps(plain(event.published)).decode(),
            grade.value,
            grade.rank,
            event.grade_reason,
            position,
            MAX_POSITION,
        ),
    )
