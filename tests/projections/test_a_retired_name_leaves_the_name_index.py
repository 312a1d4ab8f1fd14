"""A name a company retires leaves the name index (rm_names) and joins its history (rm_retired_names),
whether the events are applied one per batch, all in one batch, or rebuilt from the log: a name
retired and given again within one batch is kept, a retired alias leaves the company's aliases."""

from __future__ import annotations

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.sources import Source
from tests.projections.dump import dump

WHY = Source("registry.txt", parse_date("2025-12-02"), "a registry entry")


def test_a_retired_name_leaves_the_index_alike_one_by_one_in_one_batch_and_rebuilt(sqlite_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    try:
        app = services.app
        app.register_company("Alpha Robotics", ["Delta Robotics", "Zeta"])
        services.projection.catch_up(batch_size=1)
        app.retire_name("Alpha Robotics", "Zeta", reason="not yet its name", sources=[WHY])
        app.add_alias("Alpha Robotics", "Zeta")  # given again, in the same batch as its retirement
        app.retire_name("Alpha Robotics", "Delta Robotics", reason="another company's name", sources=[WHY])
        app.register_company("Delta Robotics Co., Ltd.", key="delta")
        services.projection.catch_up()  # the four events in one batch
        queries = services.queries
        assert queries.resolve("Zeta")["name"] == "Alpha Robotics"
        assert queries.resolve("Delta Robotics")["key"] == "delta"
        alpha = queries.resolve("Alpha Robotics")
        assert alpha["aliases"] == ["Zeta"]
        history = queries.companies.retired_names_of(alpha["company_id"])
        assert [(r["name"], r["names"], r["reason"]) for r in history] == [
            ("Zeta", ["Zeta"], "not yet its name"),
            ("Delta Robotics", ["Delta Robotics"], "another company's name"),
        ]
        in_one_batch = dump(services.store)
        services.projection.rebuild(batch_size=1)
        assert dump(services.store) == in_one_batch
        services.projection.rebuild()
        assert dump(services.store) == in_one_batch
    finally:
        services.close()
