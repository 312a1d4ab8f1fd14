"""`make bench-writers [DB=sqlite|postgres]`: many clients writing at once to the real `timeline serve`.

wrk drives the load (one connection per thread, each writing WRITES distinct companies, then
stopping), so the Python side costs the server nothing. Reported: write latency p50/p99 from wrk,
statuses, and whether the log holds exactly the acknowledged writes (read back through /feed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
TOKEN = "bench-writers"
DURATION = int(os.environ.get("BENCH_WRITERS_SECONDS", "600"))

SCRIPT = """
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  limit = tonumber(args[1]); token = args[2]; n = 0; answered = 0; statuses = {}
end
function request()
  n = n + 1
  local body = string.format('{"name":"Bench Writer %d Company %d"}', id, n)
  return wrk.format("POST", "/companies", {["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token}, body)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if answered >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  for status, count in pairs(total) do io.write(string.format("status %d %d\\n", status, count)) end
  io.write(string.format("p50_us %d\\np99_us %d\\nmax_us %d\\n", latency:percentile(50),
    latency:percentile(99), latency.max))
end
"""


def store_url(db: str, workdir: Path) -> str:
    if db == "sqlite":
        return f"sqlite:///{workdir / 'timeline.db'}"
    import psycopg

    schema = f"bench_writers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    return f"{POSTGRES}?schema={schema}"


def registered(base: str) -> int:
    count, after = 0, 0
    while True:
        page = httpx.get(f"{base}/feed", params={"after": after, "limit": 1000}, timeout=60).json()
        if not page["events"]:
            return count
        count += sum(1 for event in page["events"] if event["type"] == "Company.Registered")
        after = page["next_after"]


def run(db: str, clients: int, writes: int) -> dict[str, float | int | bool]:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk (make bench-writers installs it when it may)")
    workdir = Path(tempfile.mkdtemp(prefix="bench-writers-"))
    port = 18_000 + os.getpid() % 1000
    env = {
        **os.environ,
        "TIMELINE_DATABASE_URL": store_url(db, workdir),
        "TIMELINE_API_TOKEN": TOKEN,
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen([sys.executable, "-m", "api", "serve"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        script = workdir / "writers.lua"
        script.write_text(SCRIPT)
        command = ["wrk", f"-t{clients}", f"-c{clients}", f"-d{DURATION}s", "--timeout", "60s", "-s", str(script), base]
        started = time.perf_counter()
        load = subprocess.Popen([*command, "--", str(writes), TOKEN], stdout=subprocess.PIPE, text=True)
        # wrk runs for its whole -d even once every thread has stopped: watch the log instead, and
        # interrupt wrk (it then prints its summary) when every write is in. Each company is 2 events.
        while httpx.get(f"{base}/healthz", timeout=30).json().get("log_position", 0) < 2 * clients * writes:
            if load.poll() is not None:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        load.send_signal(signal.SIGINT)
        stdout, _ = load.communicate(timeout=60)
        figures: dict[str, float | int | bool] = {"seconds_to_store_all": round(elapsed, 2)}
        for line in stdout.splitlines():
            parts = line.split()
            if parts and parts[0] == "status":
                figures[f"status_{parts[1]}"] = int(parts[2])
            elif parts and parts[0] in ("p50_us", "p99_us", "max_us"):
                figures[parts[0]] = float(parts[1])
        acknowledged = sum(int(v) for k, v in figures.items() if k.startswith("status_2"))
        figures["acknowledged"] = acknowledged
        figures["stored"] = registered(base)
        figures["exact"] = figures["stored"] == acknowledged == clients * writes
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
        if db == "postgres":
            drop_schema(env["TIMELINE_DATABASE_URL"])


def drop_schema(url: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f'DROP SCHEMA "{url.split("schema=", 1)[1]}" CASCADE')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--writes", type=int, default=200, help="writes per client")
    args = parser.parse_args()
    figures = run(args.db, args.clients, args.writes)
    total = args.clients * args.writes
    print(
        f"| {args.db} | {args.clients} x {args.writes} | {figures['acknowledged']}/{total} acknowledged | "
        f"{figures['stored']} stored | p50 {figures['p50_us'] / 1000:.1f} ms | p99 {figures['p99_us'] / 1000:.1f} ms | "
        f"{total / float(figures['seconds_to_store_all']):,.0f} writes/s | exact: {figures['exact']} |"
    )
    print(figures)


if __name__ == "__main__":
    main()
