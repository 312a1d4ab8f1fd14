"""A file with a missing column, a bad date, an unknown status or truncated JSON is refused whole, the message
naming file, row and field, and nothing is written (the command exits 1 with it)."""

from __future__ import annotations

import json

import pytest

from application.service import TimelineApplication
from application.storage.database_url import environment_for
from ingest.reading import read_snapshot
from ingest.snapshot import SnapshotError
from tests.api.cli.conftest import timeline
from tests.ingest.snapshots import EM_HEADER, HK_HEADER, eastmoney_rows, hkex_rows, sse_first, write_csv, write_json


def refusal(path, form):
    with pytest.raises(SnapshotError) as caught:
        read_snapshot(path, form)
    return caught.value


def test_a_missing_column_names_it(tmp_path):
    header = [column for column in EM_HEADER if column != "更新日期"]
    rows = [
        [cell for column, cell in zip(EM_HEADER, row, strict=True) if column != "更新日期"]
        for row in eastmoney_rows(False)
    ]
    error = refusal(write_csv(tmp_path / "em.csv", header, rows), "eastmoney-register")
    assert (error.row, error.column) == (None, "更新日期")
    assert "missing column" in str(error)
    assert str(tmp_path / "em.csv") in str(error)


def test_a_bad_date_names_its_row_and_field(tmp_path):
    rows = eastmoney_rows(False)
    rows[4][8] = "2026/13/40 17:02:03"
    error = refusal(write_csv(tmp_path / "em.csv", EM_HEADER, rows), "eastmoney-register")
    assert (error.row, error.column) == (5, "更新日期")
    data = sse_first()
    data["result"][2]["auditApplyDate"] = "yesterday"
    error = refusal(write_json(tmp_path / "sse.json", data), "sse-projects")
    assert (error.row, error.column) == (3, "auditApplyDate")


def test_an_unknown_status_word_or_code_names_it(tmp_path):
    rows = hkex_rows(False)
    rows[1][2] = "Dormant"
    error = refusal(write_csv(tmp_path / "hk.csv", HK_HEADER, rows), "hkex-applications")
    assert (error.row, error.column) == (2, "Status")
    assert "'Dormant'" in str(error)
    data = sse_first()
    data["result"][6]["currStatus"] = 6  # read by one source only, as 补充审核: not in the dictionary
    error = refusal(write_json(tmp_path / "sse.json", data), "sse-projects")
    assert (error.row, error.column) == (7, "currStatus")
    data = sse_first()
    data["result"][0]["registeResult"] = 9
    assert refusal(write_json(tmp_path / "sse.json", data), "sse-projects").column == "registeResult"


def test_truncated_json_is_refused(tmp_path):
    path = tmp_path / "sse.json"
    text = json.dumps(sse_first(), ensure_ascii=False)
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    error = refusal(path, "sse-projects")
    assert "not whole JSON" in str(error)
    assert str(path) in str(error)


def test_the_command_writes_nothing_from_a_refused_file(tmp_path):
    store = f"sqlite:///{tmp_path / 'timeline.db'}"
    rows = eastmoney_rows(False)
    rows[-1][2] = "待定"  # the last row: every row before it was fine
    path = write_csv(tmp_path / "em.csv", EM_HEADER, rows)
    done = timeline(
        store, "ingest", str(path), "--format", "eastmoney-register", "--observed-at", "2026-03-02T01:00:00Z"
    )
    assert done.returncode == 1
    assert "row 22" in done.stderr
    assert "'最新状态'" in done.stderr
    assert "'待定'" in done.stderr
    app = TimelineApplication(environment_for(store))
    try:
        assert app.position() == 0
    finally:
        app.close()
