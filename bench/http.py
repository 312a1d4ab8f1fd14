"""`python -m bench.http`: req/s of the real `timeline serve` beside a hello-world app served the same way.

Both servers are `timeline serve` subprocesses with one serving shape (workers, event loop, HTTP
parser); the service reads a store seeded from seeds/ in a temporary folder. wrk drives every
figure, so no Python client shares the CPU with the servers, and the paths are interleaved round
by round so machine noise falls on all of them alike; each figure is the median over the rounds.

"distinct questions" is bench/distinct.lua (bench/distinct.py says what it asks); the answer cache rarely holds one.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from bench.distinct import SCRIPT as DISTINCT_SCRIPT
from bench.distinct import questions

ROOT = Path(__file__).resolve().parents[1]
HELLO = "hello-world"
DISTINCT = "distinct questions (bench/distinct.lua)"
# name -> path; the hello-world figure comes from bench.hello, every other from the service.
PATHS = {
    HELLO: "/hello",
    "/openapi.json": "/openapi.json",
    "company as-of": "/companies/MiniMax?as_of=2026-01-09",
    "pipeline page (limit=100)": "/pipeline?as_of=2025-06-30&limit=100",
    "company as-of, answer cache off": "/companies/MiniMax?as_of=2026-01-09",
    "pipeline page, answer cache off": "/pipeline?as_of=2025-06-30&limit=100",
    "/healthz": "/healthz",
    DISTINCT: "random ?as_of= on /companies/{name}, /pipeline, /pipeline?venue=",
}
UNCACHED = "answer cache off"  # these figures come from a second service process with TIMELINE_ANSWER_CACHE_MB=0
# wrk's own summary, as one JSON line: exact counts instead of its rounded text.
REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"seconds":%.6f,"p50_us":%.0f,"p90_us":%.0f,"p99_us":%.0f,' ..
    '"non_2xx":%d,"socket_errors":%d}\\n', summary.requests, summary.duration / 1e6, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass(frozen=True)
class Shape:
    workers: int = 1
    loop: str = "auto"
    http: str = "auto"

    def flags(self) -> list[str]:
        return ["--workers", str(self.workers), "--loop", self.loop, "--http", self.http]

    def __str__(self) -> str:
        return f"workers={self.workers} loop={self.loop} http={self.http}"


# The shapes `--compare` measures: the recommended one first, then one change at a time.
SHAPES = (
    Shape(1, "uvloop", "httptools"),
    Shape(1, "asyncio", "h11"),
    Shape(1, "uvloop", "h11"),
    Shape(1, "asyncio", "httptools"),
    Shape(2, "uvloop", "httptools"),
)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    base: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time of the server and its worker processes so far: the share of a noisy machine that
        this server itself spent, which req/s alone cannot tell apart from the neighbours' load."""
        total, pending = 0, [self.pid]
        while pending:
            pid = pending.pop()
            with suppress(FileNotFoundError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])  # utime, stime
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pending += [int(child) for child in (task / "children").read_text().split()]
        return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def serving(app: str, env: dict[str, str], shape: Shape, log: Path) -> Iterator[Server]:
    """`timeline serve` of ``app`` on a free port, until the block ends."""
    port = free_port()
    command = [sys.executable, "-m", "api", "serve", "--port", str(port), "--app", app, *shape.flags()]
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, server, log)
        yield Server(base, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited with {server.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/openapi.json", timeout=2):
                return
        except urllib.error.HTTPError:  # the hello-world app has no /openapi.json, but it answered
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit(f"server at {base} did not answer within 60 s")


def wrk(
    server: Server, path: str, seconds: float, connections: int, threads: int, script: Path, *args: str
) -> dict[str, float]:
    url = server.base + path
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s", "-s", str(script)]
    command += [url, "--", *args] if args else [url]
    cpu = server.cpu_seconds()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    cpu = server.cpu_seconds() - cpu
    report = orjson.loads(done.stdout.strip().splitlines()[-1])
    if report["non_2xx"] or report["socket_errors"]:
        raise SystemExit(f"{url}: {report['non_2xx']} non-2xx answers, {report['socket_errors']} socket errors")
    return {
        "rps": report["requests"] / report["seconds"],
        "p50_ms": report["p50_us"] / 1000,
        "p90_ms": report["p90_us"] / 1000,
        "p99_ms": report["p99_us"] / 1000,
        "cpu_us": cpu / max(report["requests"], 1) * 1e6,
    }


def seeded_env(workdir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TIMELINE_DATABASE_URL": f"sqlite:///{workdir / 'timeline.db'}",
        "TIMELINE_API_TOKEN": "",
    }
    subprocess.run([sys.executable, "-m", "api", "seed"], cwd=ROOT, env=env, check=True, capture_output=True)
    return env


def measure(
    shape: Shape = Shape(),
    seconds: float = 10,
    rounds: int = 3,
    connections: int = 16,
    threads: int = 1,
    warm_up: float = 1,
) -> dict[str, Any]:
    """Median req/s and latency per path over ``rounds`` interleaved wrk runs, and each as a share of hello;
    ``warm_up``: the seconds of the untimed run per path first, none for 0 (wrk takes whole seconds)."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk (`make wrk` installs it when it may)")
    workdir = Path(tempfile.mkdtemp(prefix="bench-http-"))
    try:
        env = seeded_env(workdir)
        script = workdir / "report.lua"
        script.write_text(REPORT)
        distinct = workdir / "distinct.lua"  # a script of its own, reporting the same way
        distinct.write_text(DISTINCT_SCRIPT.read_text() + REPORT)
        asked = workdir / "questions.tsv"
        asked.write_text(questions())
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in PATHS}
        with (
            serving("api.serving:app", env, shape, workdir / "service.log") as service,
            serving("bench.hello:app", env, shape, workdir / "hello.log") as hello,
            serving(
                "api.serving:app", {**env, "TIMELINE_ANSWER_CACHE_MB": "0"}, shape, workdir / "uncached.log"
            ) as uncached,
        ):
            servers = {
                name: hello if name == HELLO else uncached if name.endswith(UNCACHED) else service for name in PATHS
            }

            def run(name: str, seconds: float, seed: int) -> dict[str, float]:
                if name == DISTINCT:
                    return wrk(servers[name], "/", seconds, connections, threads, distinct, str(asked), str(seed))
                return wrk(servers[name], PATHS[name], seconds, connections, threads, script)

            for name in PATHS if warm_up else ():  # warm up: lazy schemas, per-thread connections, caches
                run(name, warm_up, 0)
            for round_number in range(1, rounds + 1):  # each round asks other days than the warm-up and the rest
                for name in PATHS:
                    runs[name].append(run(name, seconds, round_number))
        figures = {name: median_of(name, found) for name, found in runs.items()}
        for figure in figures.values():
            figure["of_hello"] = figure["rps"] / figures[HELLO]["rps"]
        load = f"wrk -t{threads} -c{connections} -d{seconds:g}s, median of {rounds}"
        return {"shape": asdict(shape), "load": load, "figures": figures}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


FIGURES = ("rps", "p50_ms", "p90_ms", "p99_ms", "cpu_us")


def median_of(name: str, found: list[dict[str, float]]) -> dict[str, Any]:
    return {
        "path": PATHS[name],
        **{
            key: statistics.median(run[key] for run in found) for key in ("rps", "p50_ms", "p90_ms", "p99_ms", "cpu_us")
        },
        "runs_rps": [round(run["rps"]) for run in found],
    }


def table(result: dict[str, Any]) -> str:
    """A markdown table of one measured shape."""
    lines = [
        f"{Shape(**result['shape'])}; {result['load']}",
        "",
        "| path | req/s | of hello-world | p50 ms | p99 ms | server CPU µs/req | runs (req/s) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, f in result["figures"].items():
        runs = ", ".join(f"{rps:,}" for rps in f["runs_rps"])
        lines.append(
            f"| {name} `{f['path']}` | {f['rps']:,.0f} | {f['of_hello']:.0%} | {f['p50_ms']:.2f} | "
            f"{f['p99_ms']:.2f} | {f['cpu_us']:,.0f} | {runs} |"
        )
    return "\n".join(lines)


def shapes_table(results: list[dict[str, Any]]) -> str:
    """Shapes side by side: req/s per path, the share of that shape's hello-world in brackets."""
    names = list(PATHS)
    lines = ["| shape | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for result in results:
        cells = [f"{(f := result['figures'][n])['rps']:,.0f} ({f['of_hello']:.0%})" for n in names]
        lines.append(f"| {Shape(**result['shape'])} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10, help="per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--loop", choices=["auto", "uvloop", "asyncio"], default="auto")
    parser.add_argument("--http", choices=["auto", "httptools", "h11"], default="auto")
    parser.add_argument("--compare", action="store_true", help="measure every shape in SHAPES instead")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    load = {"seconds": args.seconds, "rounds": args.rounds, "connections": args.connections, "threads": args.threads}
    shapes = SHAPES if args.compare else (Shape(args.workers, args.loop, args.http),)
    results = []
    for shape in shapes:
        results.append(measure(shape, **load))
        print(table(results[-1]), end="\n\n", flush=True)
    if args.compare:
        print(shapes_table(results))
    if args.json:
        args.json.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
