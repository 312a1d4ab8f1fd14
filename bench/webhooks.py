"""`python -m bench.webhooks [--writes N]`: how long a change takes to reach a webhook receiver.

The app serves a fresh SQLite store in process (its own deliverer, as `timeline serve` on SQLite), a receiver
listens on 127.0.0.1, one subscription follows `/pipeline?venue=SSE-STAR`; each write records a company's
acceptance there, and the time from sending the write to the receiver holding its delivery is measured.
Printed: median, p90 and the slowest, beside the poll interval a deliverer falls back on when nothing wakes it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.composition import build_services
from api.settings import Settings
from api.webhooks.worker import POLL_SECONDS

TOKEN = "bench-webhooks"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SOURCE = {"document": "bench.txt", "published": "2025-07-01", "quote": "a quote"}


def measure(writes: int) -> list[float]:
    arrived = threading.Semaphore(0)

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(204)
            self.end_headers()
            arrived.release()

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(
            TIMELINE_DATABASE_URL=f"sqlite:///{Path(data) / 'timeline.db'}",
            TIMELINE_API_TOKEN=TOKEN,
            TIMELINE_WEBHOOK_HOSTS="127.0.0.1",
            LOG_LEVEL="ERROR",
        )
        services = build_services(settings)
        took = []
        with TestClient(create_app(settings, services)) as client:
            body = {"query": "/pipeline?venue=SSE-STAR", "url": url, "secret": "bench-secret-0123456789"}
            assert client.post("/subscriptions", headers=AUTH, json=body).status_code == 201
            for number in range(writes):
                name = f"Bench Hook {number:05d}"
                assert client.post("/companies", headers=AUTH, json={"name": name}).status_code == 201
                fact = {"kind": "accepted", "company": name, "venue": "SSE-STAR", "date": "2025-06-30"}
                started = time.perf_counter()
                assert client.post("/facts", headers=AUTH, json={**fact, "sources": [SOURCE]}).status_code == 201
                assert arrived.acquire(timeout=30), "no delivery within 30 s"
                took.append(time.perf_counter() - started)
        services.close()
    server.shutdown()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=100)
    took = sorted(measure(parser.parse_args().writes))
    median, p90, slowest = (
        seconds * 1000 for seconds in (statistics.median(took), took[int(len(took) * 0.9) - 1], took[-1])
    )
    print(
        f"write to webhook receipt, SQLite, in process, {len(took)} writes: median {median:.1f} ms, p90 {p90:.1f} ms,"
        f" slowest {slowest:.1f} ms (poll when not woken: {POLL_SECONDS * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
