"""Company names: which spellings are one name, and which names are refused."""

import pytest

from domain.errors import InvalidFact
from domain.names import MAX_NAME_CHARS, clean_name, normalise_name


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Moore Threads", "moore threads"),
        ("  MOORE   threads ", "moore threads"),
        ("ＭＯＯＲＥ Ｔｈｒｅａｄｓ", "moore threads"),
        ("Moore Threads Co., Ltd.", "moore threads co ltd"),
        ("Zhipu · 智谱", "zhipu 智谱"),
        ("（Ｈ股）", "h股"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
    ],
)
def test_case_width_spacing_and_punctuation_do_not_tell_names_apart(spelling: str, key: str) -> None:
    assert normalise_name(spelling) == key


@pytest.mark.parametrize("name", [None, 5, "", "   "])
def test_a_name_must_be_non_empty_text(name: object) -> None:
    with pytest.raises(InvalidFact, match=r"^a company name must be non-empty text$"):
        normalise_name(name)  # type: ignore[arg-type]


def test_a_name_of_only_punctuation_is_refused_as_having_no_letters_or_digits() -> None:
    with pytest.raises(InvalidFact, match=r"company name '\.,·' has no letters or digits"):
        normalise_name(".,·")


def test_a_name_may_be_200_characters_long_but_no_longer() -> None:
    assert normalise_name("x" * MAX_NAME_CHARS) == "x" * MAX_NAME_CHARS
    with pytest.raises(InvalidFact, match="is longer than 200 characters"):
        normalise_name("x" * (MAX_NAME_CHARS + 1))


def test_a_clean_name_is_trimmed_with_runs_of_spaces_collapsed_but_keeps_its_case() -> None:
    assert clean_name("  Moore   Threads  Co., Ltd. ") == "Moore Threads Co., Ltd."


def test_a_clean_name_is_still_checked() -> None:
    with pytest.raises(InvalidFact, match="company name"):
        clean_name("Evil\u202eCorp")
    with pytest.raises(InvalidFact, match="no letters or digits"):
        clean_name(" . ")


def test_a_name_with_a_control_or_bidi_character_is_refused_naming_the_company_name_field() -> None:
    with pytest.raises(InvalidFact, match=r"^company name contains the control or bidi character U\+202E"):
        normalise_name("Evil\u202eCorp")
