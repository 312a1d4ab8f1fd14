"""A stand-in for the three sites, run as its own process: it serves the recorded-format snapshots of a folder
(``sse-N.json``, ``em-N.json``, ``hk-N.csv`` for observation N, chosen by ``POST /observation/N``), pages them
as the sites do, refuses an SSE request without its Referer or asking one board only, and answers the first
Eastmoney request 503 (the fetcher must retry). Prints its port on the first line of stdout."""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FOLDER = Path(sys.argv[1])
STATE = {"observation": 1, "eastmoney_requests": 0}
PAGE = 5


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        STATE["observation"] = int(self.path.rsplit("/", 1)[1])
        self._send(200, b"ok", "text/plain")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        n = STATE["observation"]
        if url.path == "/sse":
            if "sse.com.cn" not in (self.headers.get("Referer") or "") or query.get("issueMarketType") != "1,2":
                return self._send(403, b"refused", "text/plain")
            rows = json.loads((FOLDER / f"sse-{n}.json").read_text(encoding="utf-8"))["result"]
            page = int(query["pageHelp.pageNo"])
            size = min(int(query["pageHelp.pageSize"]), PAGE)
            body = {"result": rows[(page - 1) * size : page * size], "pageHelp": {"pageCount": -(-len(rows) // size)}}
            return self._send(
                200, f"jsonpCallback1({json.dumps(body, ensure_ascii=False)})".encode(), "text/javascript"
            )
        if url.path == "/eastmoney":
            STATE["eastmoney_requests"] += 1
            if STATE["eastmoney_requests"] == 1:
                return self._send(503, b"busy", "text/plain")
            rows = json.loads((FOLDER / f"em-{n}.json").read_text(encoding="utf-8"))
            page = int(query["pageNumber"])
            body = {"result": {"pages": -(-len(rows) // PAGE), "data": rows[(page - 1) * PAGE : page * PAGE]}}
            return self._send(200, json.dumps(body, ensure_ascii=False).encode(), "application/json")
        if url.path == "/hkex":
            return self._send(200, (FOLDER / f"hk-{n}.csv").read_bytes(), "text/csv")
        return self._send(404, b"no such list", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
