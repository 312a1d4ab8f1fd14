"""`python -m bench.hostile`: what hostile clients cost the real `timeline serve`, beside the code as it was.

Two servers run in the same run, each on a SQLite store seeded by its own code: this tree, and the tree at
``BASELINE`` (the commit before the answer cache was bounded and slow clients were closed),
extracted with `git archive` and served by the same interpreter. Each process gets the same
descriptor limit, 1,024 (a common `ulimit -n`), so the slow-client figures show what happens at
the limit rather than how much memory 20,000 sockets take. First, what a prompt client pays:
wrk on a cached answer, the two trees interleaved (the position read now leaves the event loop).
Then against each server in turn:

1. floods of padded query strings: ``/search?q=x&pad=<n><60 KB>`` (the issue's: unknown
   parameter, unique key, now past the head limit) and the same with 8 KB (reaching the answer
   cache), then one write and one read; the server's RSS before, after each flood and after the write;
2. stalled clients: connections that send part of a request head and nothing more; how many the
   server still holds a few seconds later, whether a new client is answered while they are held,
   and how many it still holds after the request timeout.
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

import orjson

from bench.http import REPORT, Server, free_port, wait_until_up, wrk

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "0abe251"  # fix-bounds started here: cache budget on bodies only, no request deadline, no connection cap
DESCRIPTORS = 1024
TOKEN = "hostile-bench"
# The flood (60 KB: past the head limit now, refused at the edge), then one that reaches the answer cache.
PADS = (60_000, 8_000)
HIT = "/companies/MiniMax?as_of=2026-01-09"  # a cached answer, for what a hit costs
PARTIAL_HEAD = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: stalled"


@contextmanager
def serving(tree: Path, env: dict[str, str], log: Path) -> Iterator[tuple[str, int]]:
    """`timeline serve` from ``tree`` (its own `api` package first on the path), with DESCRIPTORS descriptors."""
    port = free_port()
    env = {**env, "PYTHONPATH": str(tree), "PORT": str(port)}
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "api", "serve"], cwd=tree, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    resource.prlimit(server.pid, resource.RLIMIT_NOFILE, (DESCRIPTORS, DESCRIPTORS))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server, log)
        yield base, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def flood(base: str, requests: int, pad: int) -> str:
    """Padded /search requests, on one keep-alive connection while the server keeps it: the answers counted
    by status ('reset' where the server closed the connection before answering)."""
    host, port = base.removeprefix("http://").split(":")
    statuses: Counter[str] = Counter()
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    for n in range(requests):
        try:
            connection.request("GET", f"/search?q=x&pad={n}{'p' * pad}")
            answer = connection.getresponse()
            answer.read()
            statuses[str(answer.status)] += 1
        except OSError:
            statuses["reset"] += 1
            connection.close()
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.close()
    return ", ".join(f"{count:,} × {status}" for status, count in statuses.most_common())


def write_then_read(base: str) -> None:
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    body = orjson.dumps({"name": f"Hostile Bench {time.time_ns()}"})
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    connection.request("POST", "/companies", body=body, headers=headers)
    written = connection.getresponse()
    written.read()
    if written.status != 201:
        raise SystemExit(f"the write answered {written.status}")
    connection.request("GET", "/search?q=hostile")
    connection.getresponse().read()
    connection.close()


def still_open(connection: socket.socket) -> bool:
    connection.setblocking(False)
    try:
        return connection.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def new_client(base: str) -> str:
    """Whether a client that asks promptly is answered: 'yes, <ms>' or 'no (<error>)'."""
    host, port = base.removeprefix("http://").split(":")
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/healthz")
        status = connection.getresponse().status
        connection.close()
    except OSError as error:
        return f"no ({type(error).__name__})"
    return f"yes ({status}, {(time.perf_counter() - started) * 1000:.0f} ms)"


def stall(base: str, connections: int, timeout: float) -> dict[str, Any]:
    host, port = base.removeprefix("http://").split(":")
    with ExitStack() as stack:
        opened = []
        for _ in range(connections):
            with suppress(OSError):
                connection = stack.enter_context(socket.create_connection((host, int(port)), timeout=5))
                connection.sendall(PARTIAL_HEAD)
                opened.append(connection)
        time.sleep(3)
        held = sum(map(still_open, opened))
        served = new_client(base)
        time.sleep(timeout + 2)
        held_later = sum(map(still_open, opened))
    return {"opened": len(opened), "held": held, "new_client": served, "held_after_timeout": held_later}


def cache_hits(servers: dict[str, tuple[str, int]], seconds: float, rounds: int = 3) -> dict[str, dict[str, Any]]:
    """What a cache hit costs each tree (a prompt client's price for the position read leaving the event loop):
    wrk on one cached answer, the trees interleaved round by round; median req/s and server CPU µs per request."""
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in servers}
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "report.lua"
        script.write_text(REPORT)
        for _ in range(rounds):
            for name, (base, pid) in servers.items():
                runs[name].append(wrk(Server(base, pid), HIT, seconds, 16, 1, script))
    return {
        name: {
            "hit_rps": statistics.median(run["rps"] for run in found),
            "hit_cpu_us": statistics.median(run["cpu_us"] for run in found),
        }
        for name, found in runs.items()
    }


def measure_one(
    base: str, pid: int, requests: int, pads: tuple[int, int], stalled: int, timeout: float
) -> dict[str, Any]:
    figures: dict[str, Any] = {"rss_start_mb": rss_mb(pid)}
    for pad in pads:
        figures[f"flood_{pad}"] = flood(base, requests, pad)
        figures[f"rss_after_flood_{pad}_mb"] = rss_mb(pid)
    write_then_read(base)
    figures["rss_after_write_mb"] = rss_mb(pid)
    return {**figures, **stall(base, stalled, timeout)}


def measure(
    requests: int = 3000,
    pads: tuple[int, int] = PADS,
    stalled: int = 2000,
    baseline: str = BASELINE,
    hit_seconds: float = 5,
) -> dict[str, Any]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < stalled + 64:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, stalled + 256), hard))
    workdir = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    try:
        old = workdir / "baseline"
        old.mkdir()
        archive = subprocess.run(["git", "archive", baseline], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        env = {**os.environ, "TIMELINE_API_TOKEN": TOKEN, "LOG_LEVEL": "WARNING"}  # each tree seeds its own store
        timeout = float(env.get("TIMELINE_REQUEST_TIMEOUT", "10"))
        results: dict[str, Any] = {}
        with ExitStack() as stack:
            servers = {}
            for name, tree in (("this_tree", ROOT), ("as_before", old)):
                # Each tree seeds its own store: a log written by newer code holds events older code cannot read.
                store = workdir / f"{name}.db"
                tree_env = {**env, "TIMELINE_DATABASE_URL": f"sqlite:///{store}", "PYTHONPATH": str(tree)}
                subprocess.run(
                    [sys.executable, "-m", "api", "seed"], cwd=tree, env=tree_env, check=True, capture_output=True
                )
                servers[name] = stack.enter_context(serving(tree, tree_env, workdir / f"{name}.log"))
            hits = cache_hits(servers, hit_seconds) if hit_seconds and shutil.which("wrk") else {}
            for name, (base, pid) in servers.items():  # one at a time: each flood and stall has the machine
                results[name] = {**measure_one(base, pid, requests, pads, stalled, timeout), **hits.get(name, {})}
        load = (
            f"{requests:,} GET /search?q=x&pad=<n><{pads[0]:,} bytes>, as many with {pads[1]:,} bytes, then a write "
            f"and a read; {stalled:,} connections sending a partial head; {DESCRIPTORS} descriptors per server"
        )
        return {"baseline": baseline, "load": load, "pads": list(pads), "request_timeout": timeout, **results}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def rows(pads: list[int]) -> list[tuple[str, Callable[[dict[str, Any]], str]]]:
    def after(pad: int) -> Callable[[dict[str, Any]], str]:
        return lambda r: f"{r[f'rss_after_flood_{pad}_mb']:.0f} MB ({r[f'flood_{pad}']})"

    def hit(r: dict[str, Any]) -> str:
        return f"{r['hit_rps']:,.0f} req/s, {r['hit_cpu_us']:.0f} µs CPU/req" if "hit_rps" in r else "not measured"

    return [
        ("cache hit `" + HIT + "` (wrk -c16)", hit),
        ("RSS at start", lambda r: f"{r['rss_start_mb']:.0f} MB"),
        *((f"RSS after the flood padded with {pad:,} bytes (answers)", after(pad)) for pad in pads),
        ("RSS after a write and a read", lambda r: f"{r['rss_after_write_mb']:.0f} MB"),
        ("stalled connections held 3 s after opening", lambda r: f"{r['held']:,} of {r['opened']:,}"),
        ("a new client while they are held", lambda r: r["new_client"]),
        ("stalled connections held after the timeout + 2 s", lambda r: f"{r['held_after_timeout']:,}"),
    ]


def table(result: dict[str, Any]) -> str:
    lines = [
        f"hostile clients: {result['load']}",
        "",
        f"| figure | this tree | as before ({result['baseline']}, same run) |",
        "|---|---|---|",
    ]
    lines += [
        f"| {name} | {cell(result['this_tree'])} | {cell(result['as_before'])} |" for name, cell in rows(result["pads"])
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000, help="padded /search requests")
    parser.add_argument("--pads", type=int, nargs=2, default=PADS, help="bytes of padding per query string, per flood")
    parser.add_argument("--stalled", type=int, default=2000, help="connections sending a partial head")
    parser.add_argument("--baseline", default=BASELINE, help="the commit to measure beside this tree")
    parser.add_argument("--hit-seconds", type=float, default=5, help="per wrk run on a cache hit; 0 skips it")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    result = measure(args.requests, tuple(args.pads), args.stalled, args.baseline, args.hit_seconds)
    print(table(result), flush=True)
    if args.json:
        args.json.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
