"""A downstream projection in your own process, on the timeline's own database, exactly once.

    TIMELINE_DATABASE_URL=sqlite:///data/timeline.db python funding_totals.py

Keeps every funding round's amount in ``funding_rounds`` and sums them per company and
currency, exactly (Decimal, never converted). ProjectionRunner writes each batch's rows and
its tracking position in one transaction, on SQLite or PostgreSQL, so no round is ever
counted twice, however often the process is killed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from api.composition import read_store
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from projections.runner import ProjectionRunner
from projections.store.read_store import Cursor, ReadStore


class FundingRounds:
    name = "funding_rounds"
    version = 1  # raise it when the tables change: the runner then rebuilds this projection from the log

    def create_tables(self, store: ReadStore) -> None:
        with store.schema_transaction() as cursor:
            cursor.execute(
                """CREATE TABLE IF NOT EXISTS funding_rounds (fact_id TEXT PRIMARY KEY, company_id TEXT NOT NULL,
                   currency TEXT NOT NULL, amount TEXT NOT NULL)"""
            )

    def drop_tables(self, store: ReadStore, cursor: Cursor) -> None:
        cursor.execute("DROP TABLE IF EXISTS funding_rounds")

    def apply(self, store: ReadStore, cursor: Cursor, events: Sequence[tuple[int, str, Any]]) -> None:
        p = store.p  # the driver's placeholder: ? on SQLite, %s on PostgreSQL
        for _position, topic, event in events:
            fact_id = str(event.originator_id)
            if topic.endswith(":Fact.Recorded") and str(event.kind) == "funding_round" and event.fields.amount:
                money = event.fields.amount
                cursor.execute(
                    f"INSERT INTO funding_rounds VALUES ({p}, {p}, {p}, {p})",
                    (fact_id, str(event.subject_id), money.currency.value, str(money.amount)),
                )
            elif (
                topic.endswith(":Fact.Corrected") and event.fields is not None and event.fields.as_dict().get("amount")
            ):
                money = event.fields.amount
                cursor.execute(
                    f"UPDATE funding_rounds SET currency = {p}, amount = {p} WHERE fact_id = {p}",
                    (money.currency.value, str(money.amount), fact_id),
                )
            elif topic.endswith(":Fact.Retracted"):
                cursor.execute(f"DELETE FROM funding_rounds WHERE fact_id = {p}", (fact_id,))


def totals(store: ReadStore) -> dict[tuple[str, str], Decimal]:
    """(company id, currency) -> the exact sum of its funding rounds."""
    summed: dict[tuple[str, str], Decimal] = {}
    for company_id, currency, amount in store.query("SELECT company_id, currency, amount FROM funding_rounds"):
        summed[(company_id, currency)] = summed.get((company_id, currency), Decimal(0)) + Decimal(amount)
    return summed


def run(database_url: str) -> ProjectionRunner:
    app = TimelineApplication(environment_for(database_url))
    runner = ProjectionRunner(read_store(app), app.recorder, app.mapper, FundingRounds())
    runner.catch_up()  # a worker calls this in a loop; `timeline project` does so for the built-in ones
    return runner


if __name__ == "__main__":
    done = run(os.environ["TIMELINE_DATABASE_URL"])
    for (company_id, currency), amount in sorted(totals(done.store).items()):
        print(company_id, currency, amount)
