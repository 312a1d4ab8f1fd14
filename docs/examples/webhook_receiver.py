"""Receive the timeline's webhooks: check each signature, drop repeats, keep the changes in order.

    python webhook_receiver.py SECRET changes.db [PORT]

Listens on 127.0.0.1:PORT (default 8765) and keeps one row per delivery in changes.db. A delivery whose
signature does not match the secret is refused (401); one seen before (by its delivery_id: deliveries
are at least once) is acknowledged again and not kept twice. Standard library only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def serve(secret: str, database: str, port: int = 8765) -> None:
    db = sqlite3.connect(database, check_same_thread=False)
    db.execute(
        """CREATE TABLE IF NOT EXISTS deliveries (delivery_id TEXT PRIMARY KEY, since INTEGER, position INTEGER,
           changes TEXT)"""
    )

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(self.headers.get("X-Timeline-Signature", ""), expected):
                self.send_response(401)  # not from the timeline, or not with this secret
                self.end_headers()
                return
            delivery = json.loads(body)
            with db:  # a repeat (same delivery_id) changes nothing; the answer is 2xx either way
                db.execute(
                    "INSERT OR IGNORE INTO deliveries VALUES (?, ?, ?, ?)",
                    (delivery["delivery_id"], delivery["since"], delivery["position"], json.dumps(delivery["changes"])),
                )
            self.send_response(204)
            self.end_headers()

    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 8765)
