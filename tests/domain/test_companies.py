"""Companies: registering one under its names, and recognising its names again."""

from uuid import uuid4

import pytest

from domain.companies import MAX_SECTOR_CHARS, Company, CompanyName, company_id_for
from domain.date_parsing import parse_date
from domain.errors import InvalidFact
from domain.sources import Source


def test_a_company_is_registered_under_its_cleaned_name_with_distinct_aliases() -> None:
    company = Company.register(
        "  Moore   Threads ",
        aliases=("摩尔线程", " 摩尔线程 ", "Moore Threads", "MTT"),
        sector="GPUs",
    )
    assert company.name == "Moore Threads"
    assert company.aliases == ["摩尔线程", "MTT"]
    assert company.names == ["Moore Threads", "摩尔线程", "MTT"]
    assert company.sector == "GPUs"
    assert company.fact_ids == []


def test_a_company_is_found_again_by_any_spelling_of_its_name() -> None:
    company = Company.register("Moore Threads")
    assert company.key == "Moore Threads"
    assert company.id == company_id_for("MOORE  threads") == Company.create_id("ＭＯＯＲＥ Threads")


def test_a_company_registered_under_a_key_takes_its_id_from_the_key() -> None:
    company = Company.register("MetaX", key="MetaX Integrated Circuits (Shanghai)")
    assert company.key == "MetaX Integrated Circuits (Shanghai)"
    assert company.id == company_id_for("metax integrated circuits shanghai")
    assert company.id != company_id_for("MetaX")


def test_a_company_has_no_sector_unless_given_one() -> None:
    assert Company.register("MetaX").sector is None


@pytest.mark.parametrize("sector", ["", "   ", "s" * (MAX_SECTOR_CHARS + 1)])
def test_a_sector_is_short_non_empty_text(sector: str) -> None:
    with pytest.raises(InvalidFact, match=f"sector {sector!r} must be short non-empty text"):
        Company.register("MetaX", sector=sector)


def test_a_sector_may_be_60_characters_long() -> None:
    assert Company.register("MetaX", sector="s" * MAX_SECTOR_CHARS).sector == "s" * MAX_SECTOR_CHARS


def test_a_sector_with_a_control_character_is_refused_naming_the_sector() -> None:
    with pytest.raises(InvalidFact, match=r"^sector contains the control or bidi character U\+0007"):
        Company.register("MetaX", sector="GPU\x07")


def test_names_and_aliases_are_checked_when_registering() -> None:
    with pytest.raises(InvalidFact, match="company name"):
        Company.register(" ")
    with pytest.raises(InvalidFact, match="company name"):
        Company.register("MetaX", aliases=("Meta\u202eX",))


def test_a_company_knows_its_names_whatever_their_spelling() -> None:
    company = Company.register("Moore Threads", aliases=("摩尔线程",))
    assert company.knows_name("moore threads")
    assert company.knows_name("  摩尔线程 ")
    assert not company.knows_name("MetaX")


def test_a_new_alias_is_added_once_and_a_known_spelling_not_at_all() -> None:
    company = Company.register("Moore Threads")
    company.add_alias("  MTT ")
    company.add_alias("mtt")
    company.add_alias("MOORE THREADS")
    assert company.aliases == ["MTT"]
    assert len(company.collect_events()) == 2


def test_an_alias_may_come_with_the_source_that_uses_it() -> None:
    company = Company.register("Moore Threads")
    source = Source("caixin.txt", parse_date("2025-07"), "Moore Threads (摩尔线程) ...")
    company.add_alias("摩尔线程", source)
    events = company.collect_events()
    assert company.aliases == ["摩尔线程"]
    assert events[-1].source == source  # type: ignore[attr-defined]


def test_an_alias_source_must_be_a_source() -> None:
    company = Company.register("Moore Threads")
    with pytest.raises(InvalidFact, match=r"^alias 'MTT': 'caixin\.txt' is not a Source$"):
        company.add_alias("MTT", "caixin.txt")  # type: ignore[arg-type]
    assert company.aliases == []


def test_a_company_lists_the_facts_attached_to_it() -> None:
    company = Company.register("MetaX")
    first, second = uuid4(), uuid4()
    company.attach_fact(first)
    company.attach_fact(second)
    assert company.fact_ids == [first, second]


def test_a_name_index_entry_has_one_id_per_name_whatever_its_spelling_and_apart_from_company_ids() -> None:
    company = Company.register("Moore Threads")
    entry = CompanyName(name="Moore Threads", company_id=company.id)
    assert entry.id == CompanyName.create_id("moore  THREADS")
    assert entry.id != company.id
    assert (entry.name, entry.company_id) == ("Moore Threads", company.id)
