"""Follow the timeline's /feed over HTTP into your own SQLite table, exactly once.

    python feed_follower.py http://127.0.0.1:8000 listings.db [--follow]

Keeps one row per listing fact (company, venue, day) in listings.db. The last position read
is stored in the same transaction as the rows, so a crash or a restart never applies an
event twice or skips one. Standard library only.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
import urllib.request


def follow(base_url: str, database: str, keep_following: bool = False) -> int:
    db = sqlite3.connect(database)
    db.executescript(
        """CREATE TABLE IF NOT EXISTS position (id INTEGER PRIMARY KEY CHECK (id = 1), after INTEGER NOT NULL);
           INSERT OR IGNORE INTO position VALUES (1, 0);
           CREATE TABLE IF NOT EXISTS listings (fact_id TEXT PRIMARY KEY, company_id TEXT, venue TEXT, day TEXT);"""
    )
    applied = 0
    while True:
        (after,) = db.execute("SELECT after FROM position").fetchone()
        with urllib.request.urlopen(f"{base_url}/feed?after={after}&limit=500") as response:  # noqa: S310
            page = json.load(response)
        with db:  # one transaction: the rows and the new position, or nothing
            for event in page["events"]:
                if event["type"] == "Fact.Recorded" and event["kind"] == "listed":
                    db.execute(
                        "INSERT INTO listings VALUES (?, ?, ?, ?)",
                        (event["fact_id"], event["subject_id"], event["venue"], event["date"]["text"]),
                    )
                elif event["type"] == "Fact.Retracted":
                    db.execute("DELETE FROM listings WHERE fact_id = ?", (event["fact_id"],))
                elif event["type"] == "Fact.Corrected" and event.get("date"):
                    db.execute(
                        "UPDATE listings SET day = ? WHERE fact_id = ?", (event["date"]["text"], event["fact_id"])
                    )
            db.execute("UPDATE position SET after = ?", (page["next_after"],))
        applied += len(page["events"])
        if not page["events"]:
            if not keep_following:
                return applied
            time.sleep(1)


if __name__ == "__main__":
    print(f"applied {follow(sys.argv[1], sys.argv[2], '--follow' in sys.argv)} events")
