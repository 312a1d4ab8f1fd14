"""docs/analysis.md's DuckDB SQL over a Parquet export gives the API's pipeline at 200 random points of the three
clocks (certain_only too), for the seed data and for a synthetic log with corrections and retractions, with
SQLite and with PostgreSQL as the store exported."""

from __future__ import annotations

import pytest

from api.composition import build_services
from api.settings import Settings
from tests.projections.exports.analysis import export, open_export, same_answers
from tests.projections.synthetic import fill


def test_the_seed_data_answers_as_the_api_does(seeded, tmp_path):
    position = export(seeded, tmp_path)
    assert position == seeded.app.position()
    assert same_answers(seeded, tmp_path, seed=22) == []


def synthetic_store(url: str) -> None:
    services = build_services(Settings(TIMELINE_DATABASE_URL=url))
    fill(services.app, companies=15, facts=250, seed=22)
    services.projection.catch_up()
    services.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def synthetic(request, filled_url):
    services = build_services(Settings(TIMELINE_DATABASE_URL=filled_url(request.param, synthetic_store)))
    yield services
    services.close()


def test_a_log_with_corrections_and_retractions_answers_as_the_api_does(synthetic, tmp_path):
    position = export(synthetic, tmp_path)
    assert position == synthetic.app.position()
    con = open_export(tmp_path)
    steps = dict(con.execute("SELECT type, count(*) FROM events GROUP BY type").fetchall())
    assert steps["Fact.Corrected"] > 0
    assert steps["Fact.Retracted"] > 0
    # Corrections and retractions leave closed rows: the knowledge clock is really exercised.
    ((closed,),) = con.execute("SELECT count(*) FROM stage_intervals WHERE rec_to IS NOT NULL").fetchall()
    assert closed > 0
    assert same_answers(synthetic, tmp_path, seed=23) == []


def test_an_export_at_a_past_position_answers_as_the_api_did_then(synthetic, tmp_path):
    middle = synthetic.app.position() // 2
    assert export(synthetic, tmp_path, known_at=middle) == middle
    assert same_answers(synthetic, tmp_path, seed=24, position=middle) == []
