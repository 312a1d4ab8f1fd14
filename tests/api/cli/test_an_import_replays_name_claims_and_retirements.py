"""A log with name claims, a retired name and the name taken again by the company that bears it exports
and imports whole; an identity claim no name of its holder has is refused."""

from __future__ import annotations

import io

import pytest

from api.cli.transfer import export_log, import_log
from api.composition import build_services
from api.settings import Settings
from application.transfer.log_file import RefusedFile
from domain.companies import NameIdentityClaim
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from tests.api.cli.exports import event_lines, write_export

SOURCE = Source("retire.txt", parse_date("2026-01-05"), "registered by mistake")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


def exported_after_a_retirement(url: str) -> str:
    source = build_services(Settings(TIMELINE_DATABASE_URL=url))
    try:
        source.app.register_company("MetaX Inc.", sector="semiconductors")
        source.app.retire_name("MetaX Inc.", "MetaX Inc.", reason="registered by mistake", sources=[SOURCE])
        source.app.register_company("MetaX", ["沐曦"], "semiconductors")
        out = io.StringIO()
        export_log(source.log, out)
        return out.getvalue()
    finally:
        source.close()


def test_claims_and_a_retirement_import_whole(target_url, tmp_path):
    text = exported_after_a_retirement(f"sqlite:///{tmp_path / 'source.db'}")
    path = tmp_path / "retired.jsonl"
    path.write_text(text, encoding="utf-8")
    target = build_services(Settings(TIMELINE_DATABASE_URL=target_url))
    try:
        import_log(target.log, path)
        target.projection.catch_up()
        assert target.queries.resolve("MetaX")["name"] == "MetaX"
        again = io.StringIO()
        export_log(target.log, again)
        assert again.getvalue() == text
    finally:
        target.close()


def test_an_identity_claim_its_holder_has_no_name_for_is_refused(sqlite_url, tmp_path):
    exported = tmp_path / "retired.jsonl"
    exported.write_text(exported_after_a_retirement(sqlite_url), encoding="utf-8")
    lines, _trailer = event_lines(exported)
    claim = [  # the last company's alias: a claim nothing changes afterwards
        line
        for line in lines
        if line["topic"].endswith("NameIdentityClaim.Claimed") and line["state"]["kind"] == "read"
    ][-1]
    # A well-formed claim of a key no name of its company has (its id made to match, so only the
    # cross-check at the end can tell).
    claim["state"]["key"] = "somebody else entirely"
    claim["originator_id"] = str(NameIdentityClaim.create_id("read", "somebody else entirely"))
    path = tmp_path / "forged.jsonl"
    write_export(path, lines)
    target = build_services(Settings(TIMELINE_DATABASE_URL=f"{sqlite_url}.forged"))
    try:
        with pytest.raises(RefusedFile, match="none of whose names reads or looks like it"):
            import_log(target.log, path)
        assert target.log.head() == 0
    finally:
        target.close()
