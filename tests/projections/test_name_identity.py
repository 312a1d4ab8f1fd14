"""One identity for names: which names count as one for writes and reads, and which characters and
words never enter a name."""

from __future__ import annotations

import re

import pytest

from domain.errors import InvalidFact
from projections.name_identity import check_name_characters, describe, identity_of
from projections.names import match_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("MetaX Inc.", "MetaX"),
        ("摩爾線程", "摩尔线程"),
        ("Dizal-Pharma", "Dizal Pharma"),
        ("Hengrui Pharma Group", "Hengrui Pharma"),
        ("Geek", "Geek+"),
        ("ＭＥＴＡＸ", "metax"),
    ],
)
def test_names_a_read_cannot_tell_apart_have_one_read_key(one: str, other: str) -> None:
    assert identity_of(one).read_key == identity_of(other).read_key == match_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Carnbricon", "Cambricon"),  # rn looks like m
        ("UNIS0C", "Unisoc"),  # a zero like an O
        ("Unlsoc", "Unisoc"),  # l like i in capitals
        ("ΜΕΤΑΧ", "METAX"),  # Greek capitals
        ("Мeta", "Meta"),  # a Cyrillic capital Em
    ],
)
def test_names_that_look_alike_share_a_skeleton(one: str, other: str) -> None:
    mine, theirs = identity_of(one), identity_of(other)
    assert mine.read_key != theirs.read_key
    assert set(mine.claims()[1:]) & set(theirs.claims()[1:])


def test_different_names_share_nothing() -> None:
    assert not set(identity_of("Moore Threads").claims()) & set(identity_of("MetaX").claims())


@pytest.mark.parametrize(
    ("character", "named"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u00ad", "U+00AD SOFT HYPHEN"),
        ("\u2060", "U+2060 WORD JOINER"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\u200e", "U+200E LEFT-TO-RIGHT MARK"),
        ("\u061c", "U+061C ARABIC LETTER MARK"),
        ("\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
        ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
        ("\u0378", "U+0378 UNASSIGNED OR UNNAMED CHARACTER"),
    ],
)
def test_an_invisible_bidi_or_unassigned_character_is_refused_naming_it(character: str, named: str) -> None:
    assert describe(character) == named
    with pytest.raises(InvalidFact, match=f"^company name contains {re.escape(named)}, "):
        check_name_characters(f"Uni{character}soc")


@pytest.mark.parametrize("name", ["Сambricon", "ΜetaX", "Robo Мetrics", "Geek+Μ"])
def test_a_word_mixing_scripts_as_look_alikes_do_is_refused(name: str) -> None:
    with pytest.raises(InvalidFact, match="mixes scripts in the word"):
        check_name_characters(name, "alias")


@pytest.mark.parametrize(
    "name", ["Moore Threads", "摩尔线程", "H股", "Яндекс Роботы", "Αλφα Robotics", "Zhipu · 智谱", "Café Déjà", "Geek+"]
)
def test_one_script_per_word_and_latin_beside_han_are_fine(name: str) -> None:
    check_name_characters(name)
