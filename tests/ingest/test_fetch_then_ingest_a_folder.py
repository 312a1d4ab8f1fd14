"""`timeline fetch` against a local server in the sites' recorded formats (nothing leaves this machine): the
headers, paging and retries they need, one timestamped snapshot per run; then `timeline ingest DIR` reads the
folder in observation order, the same folder again appends nothing, and `--check` compares list and store."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ingest.fetching import EASTMONEY_COLUMNS
from tests.api.cli.conftest import timeline
from tests.api.cli.exports import timeline_in_process
from tests.ingest.snapshots import EM_HEADER, eastmoney_rows, write_all

pytestmark = pytest.mark.slow  # a server process and ten command processes


@pytest.fixture
def site(tmp_path):
    recorded = tmp_path / "recorded"
    files = write_all(recorded)
    for n, (_path, _) in enumerate(files["eastmoney-register"], start=1):
        names = dict(zip(EASTMONEY_COLUMNS.values(), EASTMONEY_COLUMNS, strict=True))
        rows = [
            {names[column]: cell for column, cell in zip(EM_HEADER, row, strict=True) if column in names}
            for row in eastmoney_rows(n == 2)
        ]
        (recorded / f"em-{n}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("list_server.py")), str(recorded)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        port = int(server.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def observe(base: str, n: int) -> None:
    urllib.request.urlopen(urllib.request.Request(f"{base}/observation/{n}", method="POST"), timeout=10).read()


def test_fetched_snapshots_ingest_in_observation_order_and_once(site, tmp_path):
    store, folder = f"sqlite:///{tmp_path / 'timeline.db'}", tmp_path / "snapshots"
    for n in (1, 2):
        observe(site, n)
        for form, path in (("sse-projects", "sse"), ("eastmoney-register", "eastmoney"), ("hkex-applications", "hkex")):
            # The first observation's fetches as processes, the second's by the same code in this process.
            fetch = timeline if n == 1 else timeline_in_process
            done = fetch(store, "fetch", form, "-o", str(folder), "--url", f"{site}/{path}", "--pause", "0")
            assert done.returncode == 0, done.stderr
        time.sleep(1.1)  # snapshots are named by the second they were taken
    saved = sorted(p.name for p in folder.iterdir() if not p.name.endswith(".meta.json"))
    assert len(saved) == 6
    assert all((folder / f"{name}.meta.json").is_file() for name in saved)
    first_sse = json.loads((folder / saved[4]).read_text(encoding="utf-8"))
    assert len(first_sse["result"]) == 15  # every page of both boards

    done = timeline(store, "ingest", str(folder), "--check")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "15 new companies" in out
    assert "no longer listed (no stage given): 试样丙芯片股份有限公司" in out
    assert out.index("sse-projects-") < out.rindex("sse-projects-")
    assert "上市委会议通过" in out
    assert "in the store" in out

    again = timeline(store, "ingest", str(folder))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("0 new companies, 0 new stage facts, 0 corroborations") == 6

    company = timeline(store, "company", "上海壁仞科技股份有限公司", "--as-of", "2026-03-31")
    assert company.returncode == 0
    assert "SSE-STAR: inquiry since 2026-02-10" in company.stdout


def test_a_site_that_keeps_refusing_is_an_error_naming_it(site, tmp_path):
    done = timeline(f"sqlite:///{tmp_path / 'x.db'}", "fetch", "sse-projects", "-o", str(tmp_path), "--url",
                    f"{site}/nothing", "--pause", "0", "--retries", "1")  # fmt: skip
    assert done.returncode == 1
    assert "/nothing" in done.stderr
    assert "after 2 tries" in done.stderr
