"""Companies: registering one under its names, and recognising its names again."""

from uuid import uuid4

import pytest

from domain.companies import MAX_SECTOR_CHARS, Company, CompanyName, NameIdentityClaim, company_id_for
from domain.dates.date_parsing import parse_date
from domain.errors import InvalidFact, UnknownCompany
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


RETIREMENT_SOURCE = Source("registry.txt", parse_date("2025-12-02"), "not this company's name")


def test_a_retired_name_is_no_longer_one_of_the_companys_names_and_the_event_keeps_why() -> None:
    company = Company.register("Alpha Robotics", aliases=("Delta Robotics", "阿尔法"))
    company.retire_names("delta robotics", ("Delta Robotics",), " given to the wrong company ", [RETIREMENT_SOURCE])
    assert company.names == ["Alpha Robotics", "阿尔法"]
    assert not company.knows_name("Delta Robotics")
    retired = company.collect_events()[-1]
    assert type(retired).__name__ == "NameRetired"
    assert (retired.name, retired.names, retired.reason) == (
        "delta robotics",
        ("Delta Robotics",),
        "given to the wrong company",
    )
    assert retired.sources == (RETIREMENT_SOURCE,)


def test_a_companys_registered_name_and_key_can_be_retired_and_taken_again() -> None:
    company = Company.register("Epsilon Chips")
    company.retire_names("Epsilon Chips", ("Epsilon Chips",), "no such company", [RETIREMENT_SOURCE])
    assert company.names == []
    company.add_alias("Epsilon Chips")
    assert company.names == ["Epsilon Chips"]
    assert company.aliases == []


@pytest.mark.parametrize(
    ("spellings", "reason", "sources", "error", "message"),
    [
        (("Gamma",), "wrong", [RETIREMENT_SOURCE], UnknownCompany, "is not called 'Gamma'"),
        ((), "wrong", [RETIREMENT_SOURCE], UnknownCompany, "is not called"),
        (("Delta Robotics",), " ", [RETIREMENT_SOURCE], InvalidFact, "needs a reason"),
        (("Delta Robotics",), "wrong", [], InvalidFact, "needs at least one source"),
    ],
)
def test_retiring_needs_a_name_the_company_has_a_reason_and_a_source(spellings, reason, sources, error, message):
    company = Company.register("Alpha Robotics", aliases=("Delta Robotics",))
    with pytest.raises(error, match=message):
        company.retire_names("Gamma" if spellings == ("Gamma",) else "Delta Robotics", spellings, reason, sources)
    assert company.names == ["Alpha Robotics", "Delta Robotics"]


def test_a_released_name_claim_belongs_to_no_company_until_claimed_again() -> None:
    owner, other = uuid4(), uuid4()
    claim = NameIdentityClaim(kind="read", key="delta robotics", company_id=owner)
    assert claim.id == NameIdentityClaim.create_id("read", "delta robotics")
    claim.release()
    assert claim.company_id is None
    claim.claim_again(other)
    assert claim.company_id == other
    spelling = CompanyName(name="Delta Robotics", company_id=owner)
    spelling.release()
    spelling.claim_again(other)
    assert spelling.company_id == other
