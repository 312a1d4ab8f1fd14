"""Follow the timeline's events in NATS JetStream (published by `timeline relay`) into your own SQLite table.

    python jetstream_consumer.py nats://127.0.0.1:4222 TIMELINE timeline.events listings.db [--follow]

A durable pull consumer (``listings``): the server remembers what it acknowledged, so a restart goes on from
there. A message is acknowledged only after its rows and its position commit in one SQLite transaction; one
at or below the stored position (delivered again after a crash between the commit and the ack) is
acknowledged without being applied twice. Needs nats-py.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys

import nats
from nats.errors import TimeoutError as NothingNew
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy


def apply(db: sqlite3.Connection, event: dict) -> None:
    if event["type"] == "Fact.Recorded" and event["kind"] == "listed":
        db.execute(
            "INSERT INTO listings VALUES (?, ?, ?, ?)",
            (event["fact_id"], event["subject_id"], event["venue"], event["date"]["text"]),
        )
    elif event["type"] == "Fact.Retracted":
        db.execute("DELETE FROM listings WHERE fact_id = ?", (event["fact_id"],))
    elif event["type"] == "Fact.Corrected" and event.get("date"):
        db.execute("UPDATE listings SET day = ? WHERE fact_id = ?", (event["date"]["text"], event["fact_id"]))


async def consume(nats_url: str, stream: str, subject: str, database: str, keep_following: bool = False) -> int:
    db = sqlite3.connect(database)
    db.executescript(
        """CREATE TABLE IF NOT EXISTS position (id INTEGER PRIMARY KEY CHECK (id = 1), after INTEGER NOT NULL);
           INSERT OR IGNORE INTO position VALUES (1, 0);
           CREATE TABLE IF NOT EXISTS listings (fact_id TEXT PRIMARY KEY, company_id TEXT, venue TEXT, day TEXT);"""
    )
    connection = await nats.connect(nats_url)
    applied = 0
    try:
        consumer = await connection.jetstream().pull_subscribe(
            subject,
            durable="listings",
            stream=stream,
            config=ConsumerConfig(ack_policy=AckPolicy.EXPLICIT, deliver_policy=DeliverPolicy.ALL),
        )
        while True:
            try:
                messages = await consumer.fetch(batch=200, timeout=2)
            except NothingNew:
                if not keep_following:
                    return applied
                continue
            for message in messages:
                event = json.loads(message.data)
                (after,) = db.execute("SELECT after FROM position").fetchone()
                if event["position"] > after:
                    with db:  # one transaction: the rows and the new position, or nothing
                        apply(db, event)
                        db.execute("UPDATE position SET after = ?", (event["position"],))
                    applied += 1
                await message.ack()
    finally:
        await connection.close()
        db.close()


if __name__ == "__main__":
    url, stream_name, subject_name, path = sys.argv[1:5]
    print(f"applied {asyncio.run(consume(url, stream_name, subject_name, path, '--follow' in sys.argv))} events")
