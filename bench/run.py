"""`make bench SIZE=S|M|L [DB=sqlite|postgres]`: every figure beside its baseline, one table.

Phases run in their own processes (so each peak RSS is that phase's); results are kept in
bench/results/<size>-<db>.json, and the as-of latencies of every size measured so far are
printed side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import orjson

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def phase(name: str, size: str, url: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.phases", name, size, url],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return orjson.loads(done.stdout.strip().splitlines()[-1])


def fresh_store(db: str, workdir: Path, name: str) -> str:
    if db == "sqlite":
        (workdir / name).mkdir()
        return f"sqlite:///{workdir / name / 'timeline.db'}"
    import psycopg

    schema = f"bench_{name}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    return f"{POSTGRES}?schema={schema}"


def drop_store(db: str, url: str) -> None:
    if db == "postgres":
        import psycopg

        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA "{url.split("schema=", 1)[1]}" CASCADE')


async def hammer(base: str, paths: list[str], seconds: float, concurrency: int = 16) -> dict[str, float]:
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def worker(n: int) -> None:
            i = n
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.get(paths[i % len(paths)])
                response.raise_for_status()
                latencies.append(time.perf_counter() - started)
                i += concurrency

        started = time.perf_counter()
        await asyncio.gather(*(worker(n) for n in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
    }


def http(url: str, keys: list[str], seconds: float) -> dict[str, Any]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TIMELINE_DATABASE_URL": url,
        "LOG_LEVEL": "WARNING",
        "TIMELINE_CATCH_UP_ON_WRITE": "false",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.serving:app",
            "--factory",
            "--port",
            str(port),
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/hello", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        days = [f"20{19 + n % 7}-{n % 12 + 1:02d}-15" for n in range(50)]
        result = {
            "hello": asyncio.run(hammer(base, ["/hello"], seconds)),
            "company": asyncio.run(
                hammer(base, [f"/companies/{keys[n % len(keys)]}?as_of={days[n % 50]}" for n in range(500)], seconds)
            ),
            "counts": asyncio.run(hammer(base, [f"/pipeline?as_of={day}&limit=1" for day in days], seconds)),
        }
        status = Path(f"/proc/{server.pid}/status").read_text()
        result["server_peak_rss_mb"] = (
            int(next(line for line in status.splitlines() if line.startswith("VmHWM")).split()[1]) / 1024
        )
        return result
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(size: str, db: str, seconds: float) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix=f"bench-{size}-"))
    urls = []
    try:
        store = fresh_store(db, workdir, "store")
        urls.append(store)
        result: dict[str, Any] = {"size": size, "db": db}
        result["load"] = phase("load", size, store)
        for baseline in ("plain_save", "raw_insert"):
            url = fresh_store(db, workdir, baseline)
            urls.append(url)
            result[baseline] = phase(baseline, size, url)
        result["rebuild"] = phase("rebuild", size, store)
        result["decode"] = phase("decode", size, store)
        result["queries"] = phase("queries", size, store)
        result["panel"] = phase("panel", size, store)
        from api.composition import build_services
        from api.settings import Settings

        built = build_services(Settings(TIMELINE_DATABASE_URL=store, TIMELINE_CATCH_UP_ON_WRITE="false"))
        keys = [row[0] for row in built.store.query("SELECT key FROM rm_companies")]
        built.close()
        result["http"] = http(store, keys, seconds)
        return result
    finally:
        for url in urls:
            drop_store(db, url)
        shutil.rmtree(workdir, ignore_errors=True)


HEADERS = ("figure", "measured", "baseline (same run)", "ratio")


def table(r: dict[str, Any]) -> str:
    q, h = r["queries"], r["http"]
    rows = [
        (
            "bulk load through the application",
            f"{r['load']['events_per_s']:,.0f} events/s",
            f"plain batched save {r['plain_save']['events_per_s']:,.0f}; "
            f"raw executemany {r['raw_insert']['events_per_s']:,.0f}",
            f"{r['load']['events_per_s'] / r['plain_save']['events_per_s']:.0%} of plain save",
        ),
        (
            "rebuild all read models",
            f"{r['rebuild']['events_per_s']:,.0f} events/s",
            f"read + decode the log {r['decode']['events_per_s']:,.0f}",
            f"{r['rebuild']['events_per_s'] / r['decode']['events_per_s']:.0%} of decode",
        ),
    ]
    for name, label in (
        ("company", "company as-of"),
        ("counts", "pipeline counts as-of"),
        ("page", "pipeline page of 100"),
        ("known_at", "known_at pipeline counts"),
    ):
        naive = q["naive_company" if name == "company" else "naive_counts"]
        rows.append(
            (
                label,
                f"p50 {q[name]['p50']:.2f} ms, p99 {q[name]['p99']:.2f} ms",
                f"naive p50 {naive['p50']:.1f} ms",
                f"{naive['p50'] / q[name]['p50']:,.0f}x faster",
            )
        )
    point = q["page_at_point"]
    for name, label in (
        ("page_deep", "page of 100 half-way down (cursor)"),
        ("page_sector", "page of 100, one sector"),
    ):
        rows.append(
            (
                label,
                f"p50 {q[name]['p50']:.2f} ms, p99 {q[name]['p99']:.2f} ms",
                f"stage-point index page p50 {point['p50']:.1f} ms",
                f"{point['p50'] / q[name]['p50']:,.1f}x faster",
            )
        )
    if "panel" in r:
        panel = r["panel"]
        rows.append(
            (
                f"daily panel 2019-2026 ({panel['rows']:,} rows)",
                f"{panel['seconds']:.1f} s, peak RSS {panel['peak_rss_mb']:.0f} MB",
                f"two pipelines a date: {panel['point_questions_seconds']:.0f} s for {panel['dates']:,} dates",
                f"{panel['point_questions_seconds'] / panel['seconds']:,.0f}x faster",
            )
        )
    if "revisions" in q:
        rows.append(
            (
                "revisions over one write",
                f"p50 {q['revisions']['p50']:.2f} ms, p99 {q['revisions']['p99']:.2f} ms",
                f"two whole pipelines p50 {q['two_pipelines']['p50']:.1f} ms",
                f"{q['two_pipelines']['p50'] / q['revisions']['p50']:,.0f}x faster",
            )
        )
    for name, label in (("company", "HTTP company as-of"), ("counts", "HTTP pipeline counts")):
        rows.append(
            (
                label,
                f"{h[name]['rps']:,.0f} req/s, p99 {h[name]['p99']:.1f} ms",
                f"hello-world {h['hello']['rps']:,.0f} req/s, p99 {h['hello']['p99']:.1f} ms",
                f"{h[name]['rps'] / h['hello']['rps']:.0%} of hello",
            )
        )
    rows.append(
        (
            "peak RSS",
            f"load {r['load']['peak_rss_mb']:.0f} MB, rebuild {r['rebuild']['peak_rss_mb']:.0f} MB, "
            f"serving {h['server_peak_rss_mb']:.0f} MB",
            "",
            "",
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    header = f"size {r['size']} ({r['load']['events']:,} events), {r['db']}"
    lines = [
        header,
        " | ".join(h.ljust(w) for h, w in zip(HEADERS, widths, strict=True)),
    ]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def growth(db: str) -> str:
    measured = [
        orjson.loads(p.read_bytes()) for size in ("S", "M", "L") if (p := RESULTS / f"{size}-{db}.json").exists()
    ]
    if len(measured) < 2:
        return ""
    lines = [
        f"as-of p50 (ms) by size, {db}: " + ", ".join(f"{m['size']}={m['load']['events']:,} events" for m in measured)
    ]
    for name in ("company", "counts", "page", "page_deep", "page_sector", "known_at"):
        known = [m for m in measured if name in m["queries"]]  # sizes measured before a figure existed lack it
        lines.append(f"  {name:<11} " + "  ".join(f"{m['size']}: {m['queries'][name]['p50']:.2f}" for m in known))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S", choices=["tiny", "S", "M", "L"])
    parser.add_argument("--db", default="sqlite", choices=["sqlite", "postgres"])
    parser.add_argument("--http-seconds", type=float, default=5.0)
    args = parser.parse_args()
    result = measure(args.size, args.db, args.http_seconds)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.size}-{args.db}.json").write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    print(table(result))
    if text := growth(args.db):
        print(text)


if __name__ == "__main__":
    main()
