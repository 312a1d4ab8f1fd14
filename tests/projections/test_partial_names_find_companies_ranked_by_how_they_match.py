"""How a partial or misspelled name finds companies: the distinctive words a shortened name must
share, each company once under its best-matching name, the reason and score of each hit, and
how many hits a search gives; the ranking itself first, then through a real SQLite store."""

from __future__ import annotations

import re
from datetime import date

import pytest

from api.composition import build_services
from api.settings import Settings
from domain.dates.date_parsing import parse_date
from domain.errors import UnknownCompany
from domain.sources import Source
from projections.clocks import Clocks
from projections.names import Candidate, NameRow, core_words, match_key, ranked, sharing_words
from projections.queries.companies import Companies


def rows_of(*names: tuple[str, str]) -> list[NameRow]:
    return [NameRow(company_id, name, match_key(name)) for company_id, name in names]


ZHAOXIN = (
    ("c1", "Beijing Zhaoxin"),
    ("c1", "Shanghai Zhaoxin Semiconductor"),
    ("c2", "Zhaoxin Memory Lab"),
    ("c3", "Moore Threads"),
)


def test_only_the_words_that_name_count_as_distinctive():
    assert core_words("shanghai zhaoxin semiconductor") == frozenset({"zhaoxin"})
    assert core_words("zhaoxin memory lab") == frozenset({"zhaoxin", "lab"})
    assert core_words("shanghai technology") == frozenset()


def test_a_shortened_name_means_every_company_holding_all_its_distinctive_words():
    rows = rows_of(*ZHAOXIN)
    assert sharing_words("Zhaoxin", rows) == [
        Candidate("c1", "Beijing Zhaoxin", "every distinctive word", 95.0),
        Candidate("c2", "Zhaoxin Memory Lab", "every distinctive word", 95.0),
    ]
    # The same distinctive words as a name, and no others, is a match too.
    assert sharing_words("Zhaoxin Lab", rows) == [Candidate("c2", "Zhaoxin Memory Lab", "every distinctive word", 95.0)]
    assert sharing_words("Zhaoxin Threads", rows) == []


def test_a_name_of_only_describing_words_means_no_company():
    assert sharing_words("Shanghai Semiconductor Co., Ltd.", rows_of(*ZHAOXIN)) == []


def test_the_same_name_scores_highest_and_keeps_the_name_that_matched():
    found = ranked("moore threads", rows_of(*ZHAOXIN))
    assert found[0] == Candidate("c3", "Moore Threads", "same name", 100.0)


def test_each_company_appears_once_under_the_first_of_its_best_matching_names():
    found = ranked("Zhaoxin", rows_of(*ZHAOXIN))
    assert found[:2] == [
        Candidate(
            "c2", "Zhaoxin Memory Lab", "name starts so", 90.0 + 5.0 * len("zhaoxin") / len("zhaoxin memory lab")
        ),
        Candidate("c1", "Beijing Zhaoxin", "every distinctive word", 85.0),
    ]
    assert [c.company_id for c in found].count("c1") == 1


def test_a_lower_score_for_the_same_company_later_never_replaces_a_higher_one():
    rows = rows_of(("c1", "Moore Threads"), ("c1", "Moore Threadz Intelligent"))
    assert ranked("Moore Threads", rows) == [Candidate("c1", "Moore Threads", "same name", 100.0)]


def test_ten_candidates_unless_told_otherwise():
    rows = rows_of(*((f"c{n:02d}", f"Zeta Robot {n:02d}") for n in range(1, 14)))
    assert len(ranked("Zeta", rows)) == 10
    assert len(ranked("Zeta", rows, limit=12)) == 12


@pytest.fixture
def services(sqlite_url):
    built = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    for n in range(1, 14):
        built.app.register_company(f"Zeta Robot {n:02d}")
    built.app.register_company("Zeta Robot Seven Hundred")
    built.app.record_fact(
        kind="listed",
        company="Zeta Robot Seven Hundred",
        venue="SSE-STAR",
        date="2025-07-01",
        fields={"stock_code": "688700.SH"},
        sources=[Source("listing.txt", parse_date("2025-07-01"), "listed today")],
    )
    built.catch_up()
    yield built
    built.close()


def test_search_gives_ten_hits_unless_told_and_each_says_what_matched(services):
    queries = services.queries
    hits = queries.search("Zeta Robot")
    assert len(hits) == 10
    assert len(queries.search("Zeta Robot", 12)) == 12
    assert len(queries.search("Zeta Robot", 14)) == 14
    assert len({hit["company_id"] for hit in queries.search("Zeta Robot", 14)}) == 14
    assert set(hits[0]) == {"company_id", "name", "matched", "why", "score"}
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_by_stock_code_puts_the_listed_company_first(services):
    [first, *rest] = services.queries.search("688700")
    listed = services.queries.resolve("Zeta Robot Seven Hundred")
    assert first == {
        "company_id": listed["company_id"],
        "name": "Zeta Robot Seven Hundred",
        "matched": "688700.SH (SSE-STAR)",
        "why": "stock code",
        "score": 100.0,
    }
    assert all(hit["company_id"] != listed["company_id"] for hit in rest)
    assert services.queries.company("688700.SH", Clocks(date(2025, 12, 31)))["name"] == "Zeta Robot Seven Hundred"


def test_a_misspelling_finds_close_spellings_scored_below_any_word_match():
    rows = rows_of(("n", "Nova Betax"), ("t", "Threads Betax"), ("z", "Zhaoxin"), *ZHAOXIN)
    # rapidfuzz's WRatio gives 60.87 and exactly 60 here: the cutoff keeps 60, rounding keeps one decimal.
    assert ranked("Alpha Beta", rows) == [
        Candidate("t", "Threads Betax", "similar spelling", 60.9),
        Candidate("n", "Nova Betax", "similar spelling", 60.0),
    ]
    assert ranked("Mooer Thraeds", rows) == [Candidate("c3", "Moore Threads", "similar spelling", 84.0)]


def test_close_spellings_are_looked_for_among_three_names_per_wanted_candidate():
    # Six names of one company spell the query more closely than the other company's only name.
    rows = rows_of(*(("a", f"Zeta Robot {n}") for n in range(1, 7)), ("b", "Zetta Robotic"))
    assert [c.company_id for c in ranked("Zeta Robot", rows, limit=2)] == ["a"]
    assert [c.company_id for c in ranked("Zeta Robot", rows, limit=3)] == ["a", "b"]


def test_a_company_registered_after_a_search_is_found_by_the_next_one(services):
    assert [hit["name"] for hit in services.queries.search("Omega Lidar")][:1] != ["Omega Lidar"]
    with pytest.raises(UnknownCompany):
        services.queries.resolve("Omega")
    services.app.register_company("Omega Lidar")
    services.catch_up()
    assert services.queries.search("Omega Lidar")[0]["name"] == "Omega Lidar"
    assert services.queries.resolve("Omega")["name"] == "Omega Lidar"


def test_search_puts_the_best_match_first(services):
    hits = services.queries.search("Zeta Robot Seven")
    assert hits[0]["name"] == "Zeta Robot Seven Hundred"
    assert hits[0]["why"] == "name starts so"
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]


def test_the_companies_read_model_searches_ten_hits_unless_told(services):
    companies = Companies(services.store)
    assert len(companies.search("Zeta Robot")) == 10
    assert len(companies.search("Zeta Robot", limit=11)) == 11


def test_an_unknown_name_suggests_the_three_nearest_names(services):
    with pytest.raises(UnknownCompany) as unknown:
        services.queries.resolve("Zeta Robo 99")
    assert re.fullmatch(
        r"no company is called 'Zeta Robo 99'; did you mean 'Zeta Robot [^']+', '[^']+', '[^']+'\?", str(unknown.value)
    )


def test_names_are_read_even_when_the_read_models_stand_at_the_first_event(services):
    # A projection stopped after the log's first event tracks position 1: names read then must show.
    with services.store.transaction() as cursor:
        cursor.execute("UPDATE rm_tracking SET position = 1 WHERE name = 'timeline'")
    assert Companies(services.store).search("Zeta Robot 01", limit=1)[0]["name"] == "Zeta Robot 01"
