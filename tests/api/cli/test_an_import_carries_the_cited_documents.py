"""A cited document's record (Document.Registered, Document.Described) exports and imports with the log, so
the imported store cites its sources as the source store did; a document event the domain would not write
(an unknown grade, a described document as it stood) is refused."""

from __future__ import annotations

import io
from datetime import date

import pytest

from api.cli.transfer import export_log, import_log
from api.composition import build_services
from api.settings import Settings
from application.transfer.log_file import RefusedFile
from domain.dates.date_parsing import parse_date
from domain.sources import Citation, Source
from projections.clocks import Clocks
from tests.api.cli.exports import event_lines, write_export

DOCUMENT = "import-test-report"
SOURCE = Source(DOCUMENT, parse_date("2025-05-02"), None, "https://example.com/r", None, "report", "A", "B", "said")
FIRST = Citation("report", "First title", "An outlet", parse_date("2025-05-02"), "other", "unsigned", SOURCE.url)
LATER = Citation("report", "The title", "An outlet", parse_date("2025-05-02"), "reputable_report", "named", SOURCE.url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def exported(url: str) -> str:
    source = build_services(Settings(TIMELINE_DATABASE_URL=url))
    try:
        source.app.register_company("Import Test Co")
        source.app.record_fact(
            kind="milestone",
            company="Import Test Co",
            date="2025-05-01",
            sources=[SOURCE],
            fields={"description": "a step"},
        )
        source.app.describe_documents([(DOCUMENT, FIRST)])
        source.app.describe_documents([(DOCUMENT, LATER)])
        out = io.StringIO()
        export_log(source.log, out)
        return out.getvalue()
    finally:
        source.close()


def test_the_documents_import_and_the_imported_store_cites_and_grades_as_the_source_did(target_url, tmp_path):
    text = exported(f"sqlite:///{tmp_path / 'source.db'}")
    path = tmp_path / "documents.jsonl"
    path.write_text(text, encoding="utf-8")
    target = build_services(Settings(TIMELINE_DATABASE_URL=target_url))
    try:
        count = import_log(target.log, path)
        target.projection.catch_up()
        facts = target.queries.company("Import Test Co", Clocks(date(2025, 12, 31)))["facts"]
        (source,) = facts[0]["sources"]
        assert (source["title"], source["grade"]) == ("A", "reputable_report")  # its own title, the grade now
        first = target.queries.fact(facts[0]["fact_id"], count - 1)["sources"][0]
        assert first["grade"] == "other"  # as described before the last event
        again = io.StringIO()
        export_log(target.log, again)
        assert again.getvalue() == text
    finally:
        target.close()


@pytest.mark.parametrize(
    ("forge", "refusal"),
    [
        (lambda state: state.update(grade="excellent"), "grade 'excellent' is not one of"),
        (lambda state: state.update(grade="other", grade_reason="unsigned", title="First title"), "as it stands"),
    ],
)
def test_a_document_event_the_domain_would_not_write_is_refused(sqlite_url, tmp_path, forge, refusal):
    path = tmp_path / "documents.jsonl"
    path.write_text(exported(sqlite_url), encoding="utf-8")
    lines, _trailer = event_lines(path)
    (described,) = [line for line in lines if line["topic"].endswith("Document.Described")]
    forge(described["state"])
    forged = tmp_path / "forged.jsonl"
    write_export(forged, lines)
    target = build_services(Settings(TIMELINE_DATABASE_URL=f"{sqlite_url}.forged"))
    try:
        with pytest.raises(RefusedFile, match=refusal):
            import_log(target.log, forged)
        assert target.log.head() == 0
    finally:
        target.close()
