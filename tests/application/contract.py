"""What every storage must do for the application: subclassed once per storage."""

from __future__ import annotations

import uuid

import pytest
from eventsourcing.persistence import IntegrityError

from application.errors import ConcurrencyConflict
from application.service import TimelineApplication
from application.storage.database_url import environment_for
from domain.dates.date_parsing import parse_date
from domain.errors import FactRetracted, InvalidDate, InvalidFact, NameTaken, UnknownCompany, UnknownFact
from domain.sources import Source

CAIXIN = Source("000_bd29c5250f60b916.txt", parse_date("2025-07"), "Late June 2025: Moore Threads and MetaX ...")
XINHUA = Source("001_19c464251aa964bd.txt", parse_date("2025-07-03/2025-07-21"), "On June 30 ...")


class ApplicationContract:
    database_url: str

    @pytest.fixture(autouse=True)
    def _application(self, database_url: str):
        self.database_url = database_url
        self.app = TimelineApplication(environment_for(database_url))
        yield
        self.app.close()

    def reopen(self) -> TimelineApplication:
        return TimelineApplication(environment_for(self.database_url))

    def register_biren(self):
        return self.app.register_company(
            "Shanghai Biren Intelligent Technology",
            ["Biren", "壁仞科技", "上海壁仞科技股份有限公司", "Shanghai Biren Intelligent Technology Co. Ltd."],
            sector="semiconductors",
            key="biren",
        )

    def record_acceptance(self, company="Moore Threads", source=CAIXIN, date="late June 2025"):
        return self.app.record_fact(kind="accepted", company=company, venue="SSE-STAR", date=date, sources=[source])

    # Companies -------------------------------------------------------------------------

    def test_a_company_resolves_by_every_name_in_any_case_and_by_key_and_id(self):
        company_id = self.register_biren().id
        for name in (
            "biren",
            "BIREN",
            "壁仞科技",
            "上海壁仞科技股份有限公司",
            "shanghai biren intelligent technology co ltd",
            str(company_id),
        ):
            assert self.app.resolve_company(name) == company_id

    def test_company_ids_are_stable_across_stores(self):
        assert self.register_biren().id == uuid.uuid5(
            uuid.uuid5(uuid.NAMESPACE_URL, "hardtech-timeline:company"), "biren"
        )

    def test_registering_again_adds_only_new_aliases(self):
        first = self.register_biren()
        again = self.register_biren()
        assert not again.appended
        assert again.position == first.position
        more = self.app.register_company("Shanghai Biren Intelligent Technology", ["BR100 maker"], key="biren")
        assert more.appended
        assert "BR100 maker" in self.app.get_company("biren")["aliases"]

    def test_a_name_of_another_company_cannot_be_claimed_and_nothing_is_written(self):
        self.register_biren()
        self.app.register_company("Moore Threads")
        before = self.app.position()
        with pytest.raises(NameTaken, match="壁仞科技"):
            self.app.add_alias("Moore Threads", "壁仞科技")
        with pytest.raises(NameTaken):
            self.app.register_company("Someone Else", ["Biren"])
        assert self.app.position() == before
        with pytest.raises(UnknownCompany):
            self.app.resolve_company("Someone Else")

    def test_unknown_companies_are_reported_by_name(self):
        with pytest.raises(UnknownCompany, match="'Nobody Inc'"):
            self.app.resolve_company("Nobody Inc")
        with pytest.raises(UnknownCompany):
            self.record_acceptance(company="Nobody Inc")

    # Facts -----------------------------------------------------------------------------

    def test_recording_the_same_fact_from_the_same_source_twice_appends_nothing(self):
        self.app.register_company("Moore Threads")
        first = self.record_acceptance()
        again = self.record_acceptance()
        assert again.id == first.id
        assert not again.appended
        assert self.app.position() == first.position

    def test_the_same_fact_from_another_source_is_one_fact_with_two_sources(self):
        self.app.register_company("Moore Threads")
        first = self.record_acceptance()
        second = self.record_acceptance(source=XINHUA)
        assert second.id == first.id
        assert second.appended
        fact = self.app.get_fact(first.id)
        assert [s["document"] for s in fact["sources"]] == [CAIXIN.document, XINHUA.document]
        assert [step["step"] for step in fact["history"]] == ["recorded", "corroborated"]

    def test_corrections_and_retractions_are_new_events_in_the_history(self):
        self.app.register_company("Moore Threads")
        fact_id = self.record_acceptance().id
        self.app.correct_fact(fact_id, reason="Xinhua gives the day", sources=[XINHUA], date="2025-06-30")
        self.app.retract_fact(fact_id, reason="test retraction", sources=[XINHUA])
        fact = self.reopen().get_fact(fact_id)
        assert fact["retracted"] is True
        assert fact["date"]["text"] == "2025-06-30"
        history = fact["history"]
        assert [step["step"] for step in history] == ["recorded", "corrected", "retracted"]
        assert history[0]["date"]["text"] == "late 2025-06"
        assert history[1]["reason"] == "Xinhua gives the day"
        assert history[0]["recorded_at"] <= history[1]["recorded_at"] <= history[2]["recorded_at"]

    def test_a_company_lists_its_facts_in_valid_time_order(self):
        self.app.register_company("Zhipu AI", ["智谱AI"])
        source = Source("003_3279c473a457c7c1.txt", parse_date("2026-01-26"), "智谱AI的上市辅导于2025年4月启动")
        self.app.record_fact(kind="listed", company="智谱AI", venue="HKEX-MAIN", date="2026-01-08", sources=[source])
        self.app.record_fact(kind="guidance", company="zhipu ai", venue="CN-A", date="2025年4月", sources=[source])
        facts = self.app.company_facts("Zhipu AI")
        assert [(f["kind"], f["date"]["text"]) for f in facts] == [("guidance", "2025-04"), ("listed", "2026-01-08")]

    def test_market_facts_belong_to_a_market(self):
        fact = self.app.record_fact(
            kind="market_statistic",
            market="SSE-STAR",
            date="2025-07-03/2025-07-21",
            sources=[XINHUA],
            fields={"metric": "listed_companies", "value": 589, "unit": "companies"},
        )
        [stored] = self.app.market_facts("SSE-STAR")
        assert stored["fact_id"] == str(fact.id)
        assert stored["fields"] == {"metric": "listed_companies", "value": "589", "unit": "companies"}

    def test_values_survive_the_store_exactly(self):
        self.app.register_company("Shanghai Zhaoxin Semiconductor")
        fact_id = self.app.record_fact(
            kind="accepted",
            company="Shanghai Zhaoxin Semiconductor",
            venue="SSE-STAR",
            date="mid-June 2025",
            fields={"amount_sought": "CNY 4.2 billion"},
            sources=[CAIXIN],
        ).id
        fact = self.reopen().get_fact(fact_id)
        assert fact["fields"]["amount_sought"] == {"amount": "4200000000", "currency": "CNY"}
        assert fact["date"] == {
            "text": "mid 2025-06",
            "raw": "mid-June 2025",
            "earliest": "2025-06-11",
            "latest": "2025-06-20",
        }

    def test_stored_topics_name_our_modules_never_main(self):
        self.app.register_company("Moore Threads")
        self.record_acceptance()
        topics = {n.topic for n in self.app.recorder.select_notifications(start=1, limit=100)}
        assert topics == {
            "domain.companies:Company.Registered",
            "domain.companies:CompanyName.Claimed",
            "domain.companies:NameIdentityClaim.Claimed",
            "domain.companies:NameClaimsComplete.Marked",
            "domain.companies:Company.FactAttached",
            "domain.facts:Fact.Recorded",
        }

    # Bad input leaves the store unchanged ------------------------------------------------

    @pytest.mark.parametrize(
        ("change", "error", "named"),
        [
            ({"date": "2025-02-30"}, InvalidDate, "'2025-02-30'"),
            ({"kind": "ipo_party"}, InvalidFact, "'ipo_party'"),
            ({"sources": []}, InvalidFact, "at least one source"),
            ({"fields": {"amount_sought": "EUR 5 billion"}}, InvalidFact, "'EUR'"),
            ({"venue": "MOON"}, InvalidFact, "'MOON'"),
            ({"venue": None}, InvalidFact, "needs a venue"),
            ({"company": "Nobody Inc"}, UnknownCompany, "'Nobody Inc'"),
        ],
    )
    def test_bad_facts_are_refused_with_a_named_error_and_nothing_stored(self, change, error, named):
        self.app.register_company("Moore Threads")
        before = self.app.position()
        arguments = {
            "kind": "accepted",
            "company": "Moore Threads",
            "venue": "SSE-STAR",
            "date": "2025-06-30",
            "sources": [CAIXIN],
        }
        with pytest.raises(error) as caught:
            self.app.record_fact(**{**arguments, **change})
        assert named in str(caught.value)
        assert self.app.position() == before
        assert self.app.company_facts("Moore Threads") == []

    def test_correcting_or_retracting_a_fact_that_does_not_exist_fails_by_id(self):
        missing = uuid.uuid4()
        with pytest.raises(UnknownFact, match=str(missing)):
            self.app.correct_fact(missing, reason="r", sources=[XINHUA], date="2025")
        with pytest.raises(UnknownFact, match=str(missing)):
            self.app.retract_fact(missing, reason="r", sources=[XINHUA])
        with pytest.raises(UnknownFact, match="not a UUID"):
            self.app.retract_fact("fact-42", reason="r", sources=[XINHUA])
        assert self.app.position() == 0

    def test_retracting_twice_fails_and_writes_nothing_more(self):
        self.app.register_company("Moore Threads")
        fact_id = self.record_acceptance().id
        self.app.retract_fact(fact_id, reason="wrong", sources=[XINHUA])
        before = self.app.position()
        with pytest.raises(FactRetracted):
            self.app.retract_fact(fact_id, reason="again", sources=[XINHUA])
        with pytest.raises(FactRetracted):
            self.app.correct_fact(fact_id, reason="late", sources=[XINHUA], date="2025-06-30")
        assert self.app.position() == before

    def test_a_retried_correction_answers_its_first_position_and_the_later_correction_stands(self):
        self.app.register_company("Moore Threads")
        fact_id = self.record_acceptance().id
        first = self.app.correct_fact(fact_id, reason="exact day", sources=[XINHUA], date="2025-06-30")
        later = self.app.correct_fact(fact_id, reason="the filing says the 27th", sources=[XINHUA], date="2025-06-27")
        retried = self.app.correct_fact(fact_id, reason="exact day", sources=[XINHUA], date="2025-06-30")
        assert (retried.appended, retried.position) == (False, first.position)
        assert self.app.position() == later.position
        assert self.app.get_fact(fact_id)["date"]["text"] == "2025-06-27"
        assert self.reopen().get_fact(fact_id)["date"]["text"] == "2025-06-27"

    # Concurrency ------------------------------------------------------------------------

    def test_a_conflict_is_retried_from_a_fresh_read(self):
        app = ConflictingApplication(environment_for(self.database_url), conflicts=2)
        app.register_company("Moore Threads")
        assert app.save_calls == 3
        assert app.resolve_company("Moore Threads")

    def test_conflicts_that_persist_raise_a_specific_error_after_the_bounded_retries(self):
        app = ConflictingApplication(environment_for(self.database_url), conflicts=99, max_attempts=4)
        with pytest.raises(ConcurrencyConflict, match="after 4 attempts"):
            app.register_company("Moore Threads")
        assert app.save_calls == 4
        assert app.position() == 0

    def test_a_batch_of_facts_is_one_write_and_the_same_batch_again_appends_nothing(self):
        self.app.register_company("Moore Threads")
        self.app.register_company("MetaX")
        batch = [
            {
                "kind": "accepted",
                "company": "Moore Threads",
                "venue": "SSE-STAR",
                "date": "2025-06-30",
                "sources": [XINHUA],
            },
            {"kind": "accepted", "company": "MetaX", "venue": "SSE-STAR", "date": "2025-06-30", "sources": [XINHUA]},
            {"kind": "accepted", "company": "MetaX", "venue": "SSE-STAR", "date": "2025-06-30", "sources": [CAIXIN]},
        ]
        written = self.app.record_facts(batch)
        assert [w.appended for w in written] == [True, True, True]
        assert written[1].id == written[2].id  # the third is the second fact, corroborated
        assert len(self.app.get_fact(written[1].id)["sources"]) == 2
        before = self.app.position()
        assert not any(w.appended for w in self.app.record_facts(batch))
        assert self.app.position() == before
        with pytest.raises(InvalidDate):
            self.app.record_facts([*batch, {**batch[0], "date": "2025-02-30"}])
        assert self.app.position() == before


class ConflictingApplication(TimelineApplication):
    """A real application whose first saves lose the race, as if another writer had won."""

    def __init__(self, env, *, conflicts: int, max_attempts: int = 10):
        super().__init__(env, max_attempts=max_attempts)
        self.conflicts = conflicts
        self.save_calls = 0

    def save(self, *objs, **kwargs):
        self.save_calls += 1
        if self.save_calls <= self.conflicts:
            raise IntegrityError("simulated: another writer appended first")
        return super().save(*objs, **kwargs)
